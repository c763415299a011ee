/** `csplan rebalance` and `csplan assign`: the engine, its teams and its result types. */
export { DEFAULT_TOLERANCE, rebalance } from './engine.js';
export { type RebalanceTeam, type RebalanceTeams, targetTeams, todaysTeams } from './teams.js';
export type * from './types.js';
export { appliesNow } from './types.js';
