/**
 * CRM picklists to csplan's values. A CRM "Segment" of Commercial/Enterprise/SMB or a "Health"
 * of 1-10 is not csplan's vocabulary: `accounts.values` maps each value (case-blind) or number
 * range (`"1-3": red`) to one of csplan's, after the common spellings below, which need no table.
 */
import { SEGMENT_IDS } from '../../core/model.js';

export const VALUE_FIELDS = ['segment', 'health', 'complexity'] as const;
export type ValueField = (typeof VALUE_FIELDS)[number];

/** `accounts.values`: per field, a CRM value (or "low-high" number range) -> csplan value. */
export type ValuesTable = Partial<Record<ValueField, Record<string, string>>>;

export const FIELD_VALUES: Record<ValueField, readonly string[]> = {
  segment: SEGMENT_IDS,
  health: ['green', 'yellow', 'red'],
  complexity: ['low', 'medium', 'high'],
};

/** Spellings CRMs use for csplan's own values, read without a table. */
const COMMON: Record<ValueField, Readonly<Record<string, string>>> = {
  segment: {
    'small business': 'smb',
    'small and medium business': 'smb',
    'mid market': 'mid-market',
    midmarket: 'mid-market',
    mm: 'mid-market',
    ent: 'enterprise',
    'self service': 'self-serve',
    'tech touch': 'self-serve',
    'key account': 'strategic',
  },
  health: {
    healthy: 'green',
    good: 'green',
    'at risk': 'yellow',
    neutral: 'yellow',
    watch: 'yellow',
    unhealthy: 'red',
    poor: 'red',
    critical: 'red',
  },
  complexity: {},
};

function valueKey(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, ' ');
}

/**
 * The csplan value a cell stands for through the table and the common spellings, or undefined
 * (then the cell is read as csplan's own value, or is a problem).
 */
export function mappedValue(
  field: ValueField,
  cell: string,
  table: Record<string, string> | undefined,
): string | undefined {
  const key = valueKey(cell);
  if (table) {
    for (const [from, to] of Object.entries(table)) if (valueKey(from) === key) return to;
    const number = /^\d+(?:\.\d+)?$/.test(cell.trim()) ? Number(cell) : undefined;
    if (number !== undefined) {
      for (const [from, to] of Object.entries(table)) {
        const range = /^\s*(\d+(?:\.\d+)?)\s*-\s*(\d+(?:\.\d+)?)\s*$/.exec(from);
        if (range && number >= Number(range[1]) && number <= Number(range[2])) return to;
      }
    }
  }
  return COMMON[field][key];
}
