/** Types of bench/planted.mjs, for the planted-instance test. */
export function plantedOrg(
  accounts: number,
  k: number,
  seed?: number,
): { yaml: string; plantedMax: number; moves: number; csms: number };
