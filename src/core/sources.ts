/**
 * The published sources csplan's figures and rules come from, by a short name a user can look up
 * in docs/sources.md (title, publisher, date, and what csplan takes from each). Output cites these
 * names only: never an internal file or note a user does not have.
 */

export const SOURCES = {
  'org-design-guide': {
    short: 'CS org design guide',
    title: 'CS Organization Design & Team Structure',
  },
  'practitioner-answer': {
    short: 'Practitioner answer: strategic and scaled CS',
    title: 'What does your customer success team org structure look like?',
  },
  'team-structure-guide': {
    short: 'SaaS Operations: CS team structure',
    title: 'Customer Success Team Structure: Build a Scalable Model',
  },
  'dock-org-charts': {
    short: 'Dock: 3 org chart examples',
    title: 'Customer Success Team Structures: 3 org chart examples',
  },
  'cs-ops-architect': {
    short: 'CS Operations Architect guide',
    title: 'CS Operations Architect',
  },
  'saastr-2m-csm': {
    short: 'SaaStr: the $2M CSM',
    title: 'The $2 Million Dollar Man/Woman',
  },
  'gainsight-pulse-2016': {
    short: 'Gainsight Pulse 2016 panel',
    title: 'Gainsight Pulse 2016 panel on ARR per CSM',
  },
  'commune-arr-per-csm': {
    short: 'commune.us: ARR per CSM',
    title: 'commune.us figures on ARR per CSM by touch model',
  },
  'no-universal-ratio': {
    short: 'ChurnZero and CS Association: no universal ratio',
    title: 'ChurnZero and the Customer Success Association on CSM ratios',
  },
  'csm-confidential-2024': {
    short: 'CSM Confidential 2024',
    title: 'CSM Confidential 2024 (ChurnZero and SuccessCOACHING)',
  },
  'gainsight-tiering-2015': {
    short: 'Gainsight 2015 tiering benchmark',
    title: 'Gainsight 2015 customer segmentation benchmark',
  },
  'common-practice': {
    short: 'common practice',
    title: 'Practices seen across CS teams, with no single published source',
  },
  'csplan-default': {
    short: 'csplan default',
    title: "A threshold csplan chose to turn the sources' qualitative advice into a test",
  },
} as const satisfies Record<string, { short: string; title: string }>;

export type SourceId = keyof typeof SOURCES;

export const SOURCE_IDS = Object.keys(SOURCES) as SourceId[];

/** "(CS org design guide; Dock: 3 org chart examples)": the form every message uses. */
export function cite(...ids: SourceId[]): string {
  return `(${ids.map((id) => SOURCES[id].short).join('; ')})`;
}
