import type { Analysis } from '../analysis.js';
import type { CapacityResult, IdleCapacity } from '../capacity.js';
import type { Path, Severity } from '../model.js';
import type { StageResult } from '../stage.js';
import type { TargetOrg, TargetTeam } from '../target/index.js';

export type RuleCategory = 'integrity' | 'books' | 'structure' | 'money';

/** What a rule sees: the analysed org and the plan's computed figures. */
export interface RuleContext {
  analysis: Analysis;
  capacity: CapacityResult;
  stage: StageResult;
  /** The recommended CSM teams, as the plan sized them. */
  teams: TargetTeam[];
  /** The target org the plan recommends. */
  target?: TargetOrg;
  /** Set when CSM capacity is far beyond the work and csm-capacity-idle is on. */
  idle?: IdleCapacity;
}

export interface RuleFinding {
  path: Path;
  message: string;
  /** See Diagnostic.related. */
  related?: Path;
  /** See Diagnostic.cause. */
  cause?: string;
}

/** A rule is data (id, severity, documentation) plus one pure check. */
export interface Rule {
  id: string;
  category: RuleCategory;
  defaultSeverity: Severity;
  /** One line for `csplan rules`. */
  summary: string;
  /** Why the rule exists and what to do about a finding, for `csplan explain`. */
  explanation: string;
  /** What the rule encodes and the published sources it comes from, cited with `cite()`. */
  source: string;
  /** The policy keys (as written under `policy:`) whose values the rule reads. */
  policy: string[];
  check(context: RuleContext): RuleFinding[];
}
