/**
 * The org file's data as YAML for a person to read and edit: the schema line first, then each
 * section with a comment that says what it is for. Pure: built through the yaml `Document` API
 * so comments sit on the keys they explain and values are quoted only where YAML needs it.
 */
import { Document, isMap, isScalar, type Pair, type Scalar, type YAMLMap } from 'yaml';
import type { OrgFileInput } from '../../config/schema.js';
import { formatMoney } from '../../core/money.js';
import { DEFAULT_POLICY } from '../../core/policy.js';
import { BANDS } from './bands.js';
import { wrap } from './text.js';

export interface YamlOptions {
  /** Where editors find the JSON Schema (first line of the file). */
  schemaUrl: string;
  /** The ARR of the `--customers` group was not given: say so beside it. */
  arrAssumed?: boolean;
}

/** `# yaml-language-server: $schema=...`, which YAML editors use for completion and hover docs. */
export function schemaLine(schemaUrl: string): string {
  return `# yaml-language-server: $schema=${schemaUrl}`;
}

/** Comment lines as the yaml package wants them: text after the `#`. */
function comment(...lines: string[]): string {
  return lines.map((line) => (line === '' ? '' : ` ${line}`)).join('\n');
}

/** Paragraphs of comment, each starting on its own line, wrapped to sit beside the code. */
function prose(...paragraphs: string[]): string {
  return comment(
    ...paragraphs.flatMap((paragraph) =>
      // Indented paragraphs are examples: kept as written.
      paragraph.startsWith('  ') ? [paragraph] : wrap(paragraph, COMMENT_WIDTH),
    ),
  );
}

const COMMENT_WIDTH = 94;

const rampWeeks = Math.max(...DEFAULT_POLICY.ramp.map((step) => step.untilWeek));

const segmentThresholds = BANDS.filter((band) => band.min > 0)
  .map((band) => `${band.segment} from ${formatMoney(band.min)}`)
  .join(', ');

const SECTION_COMMENTS: Record<string, (org: OrgFileInput) => string> = {
  version: () => prose('File format version; leave it at 1.'),
  company: () =>
    prose(
      'The company. motion: how you sell (sales-led, product-led or hybrid).',
      'product_complexity: how hard the product is to adopt (low, medium or high);',
      'it sets how much CSM time an average account needs.',
      'Add as_of: YYYY-MM-DD to plan for a fixed date instead of today.',
    ),
  account_groups: () =>
    prose(
      'Customers, as groups of similar accounts: count is how many, arr_each what one of them pays per year (or arr_total for the whole group), in whole dollars.',
      `Each group lands in a segment by its ARR: ${segmentThresholds}, self-serve below.`,
      'owner: the team id of the person who looks after the group.',
      'To plan account by account, export your accounts from your CRM and replace the groups with',
      '  accounts: { file: accounts.csv }',
    ),
  accounts: (org) =>
    prose(
      'Customers, read from a CRM export. file is relative to this file.',
      org.accounts && !Array.isArray(org.accounts) && org.accounts.preset
        ? `preset: the export comes from ${org.accounts.preset} and uses its column names.`
        : 'Without a preset, column headers are csplan field names: id, name, arr, owner...',
      'columns: maps a csplan field to a header where the names differ, e.g. arr: "Current ARR".',
      'date_order: how the export writes dates like 3/4/2027, month-first (US) or day-first;',
      'csplan finds it in the file when a day is above 12.',
      'ARR is whole dollars a year; "Annual Revenue" in a CRM is the customer\'s own revenue, not ARR.',
    ),
  team: () =>
    prose(
      'The people who work with customers. id is how owner and reports_to refer to someone.',
      'role: founder, csm, manager-cs, cs-ops, support, onboarding... (the schema lists them all).',
      `start_date: first day in the role; a new CSM ramps up over ${rampWeeks} weeks, and a date`,
      'still ahead makes the person a planned hire.',
      'segment: the segment a CSM serves (none: a generalist). fte: 0.5 for half time (default 1).',
    ),
  growth: () =>
    prose(
      'What you expect over the next 12 months, recorded for planning ahead.',
      'arr_growth_pct_12m is a percentage: 40 means ARR grows by 40%.',
    ),
};

const NO_CUSTOMERS = comment(
  'No customers recorded yet. Add them as groups of similar accounts, for example:',
  'account_groups:',
  '  - name: Mid-market customers',
  '    count: 12',
  '    arr_each: 40000',
  'or point to a CRM export: accounts: { file: accounts.csv, preset: hubspot }',
);

const FOOTER = prose(
  'Benchmarks such as accounts per CSM, segment thresholds and the ramp are defaults that you can override under policy:, and rule severities under rules: (`csplan rules` lists them).',
);

/** The org file as commented YAML text, ending with a newline. */
export function orgFileToYaml(org: OrgFileInput, options: YamlOptions): string {
  const doc = new Document(org);
  const intro = [
    `Customer Success org plan for ${org.company.name}, started with \`csplan init\`.`,
    '  csplan check       checks this file (in CI too)',
    '  csplan recommend   turns it into a plan: stage, structure, hiring gaps',
    'Money is whole dollars (write 1200000, not $1.2M); dates are YYYY-MM-DD.',
  ];
  doc.commentBefore = `${schemaLine(options.schemaUrl).slice(1)}\n\n${comment(...intro)}`;

  const root = doc.contents;
  if (!isMap(root)) throw new Error('the org file is a mapping');
  const pairs = root.items as Pair<Scalar<string>, unknown>[];
  const hasCustomers = org.accounts !== undefined || org.account_groups !== undefined;
  pairs.forEach((pair, index) => {
    const key = pair.key;
    if (!isScalar(key)) return;
    const describe = SECTION_COMMENTS[String(key.value)];
    const notes = describe ? [describe(org)] : [];
    const previous = pairs[index - 1];
    if (!hasCustomers && previous && isScalar(previous.key) && previous.key.value === 'company') {
      notes.unshift(NO_CUSTOMERS);
    }
    if (index > 0) key.spaceBefore = true;
    if (notes.length > 0) key.commentBefore = notes.join('\n\n');
    if (key.value === 'account_groups' && options.arrAssumed) markAssumedArr(pair.value);
  });
  const last = pairs[pairs.length - 1];
  const trailing = !hasCustomers && last && isScalar(last.key) && last.key.value === 'company';
  doc.comment = trailing ? `${NO_CUSTOMERS}\n\n${FOOTER}` : FOOTER;
  const text = doc.toString({ lineWidth: 0 });
  return text.endsWith('\n') ? text : `${text}\n`;
}

function markAssumedArr(groups: unknown): void {
  if (!groups || typeof groups !== 'object' || !('items' in groups)) return;
  for (const group of (groups as { items: unknown[] }).items) {
    if (!isMap(group)) continue;
    const arr = (group as YAMLMap).get('arr_each', true);
    if (isScalar(arr)) arr.comment = ' assumed by csplan init: replace it with your real figure';
  }
}
