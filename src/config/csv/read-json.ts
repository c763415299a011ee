/**
 * A `.json` accounts file: an array of account objects with the org file's field names, validated
 * by `accountSchema` itself (JSON has types, so no cell conversion is needed). Owners given as a
 * name or an email are matched to team ids as for CSV. Problems point at the JSON's own line and
 * column, found by a small scanner that runs only when there is a problem to locate.
 */
import { MAX_ACCOUNTS } from '../../core/limits.js';
import type { Diagnostic, Path } from '../../core/model.js';
import { formatCount } from '../../core/money.js';
import { schemaDiagnostics } from '../issues.js';
import type { Locator } from '../locate.js';
import { countOwner, emptyOwnerStats, OwnerResolver, type OwnerStats } from '../owners.js';
import { isPlainAccount } from '../plain-account.js';
import { type AccountInput, accountSchema, type TeamMemberInput } from '../schema.js';
import { positionIn } from './positions.js';

export interface JsonAccounts {
  accounts: AccountInput[];
  diagnostics: Diagnostic[];
  locate: Locator;
  pathOf: (index: number) => Path;
  stats: { rows: number; owners: OwnerStats };
}

export function readJsonAccounts(
  text: string,
  options: {
    file: string;
    team: TeamMemberInput[];
    /** Accounts kept before the file is refused (default MAX_ACCOUNTS; smaller in tests). */
    maxAccounts?: number;
  },
): JsonAccounts {
  const { file } = options;
  // A byte-order mark becomes a space: JSON.parse refuses it, and offsets stay those of the file.
  const bom = text.charCodeAt(0) === 0xfeff;
  const source = bom ? ` ${text.slice(1)}` : text;
  const positions = new JsonPositions(source, bom ? 1 : 0);
  const locate: Locator = (path, options) => {
    if (path[0] !== 'accounts-file') return { file };
    const offset = positions.offsetOf(path.slice(1), options?.key === true);
    return { file, ...positions.at(offset) };
  };
  const stats = { rows: 0, owners: emptyOwnerStats() };
  const diagnostics: Diagnostic[] = [];
  const result: JsonAccounts = {
    accounts: [],
    diagnostics,
    locate,
    pathOf: (i) => ['accounts-file', i],
    stats,
  };

  let value: unknown;
  try {
    value = JSON.parse(source);
  } catch (error) {
    // V8's message quotes the text around the error: keep only the position.
    const at = /position (\d+)/.exec(error instanceof Error ? error.message : '')?.[1];
    diagnostics.push({
      rule: 'json-syntax',
      severity: 'error',
      path: ['accounts-file'],
      message: 'the JSON could not be parsed: check for a missing comma, bracket or quote here',
      file,
      ...(at === undefined ? { line: 1, column: 1 } : positions.at(Number(at))),
    });
    return result;
  }
  if (!Array.isArray(value)) {
    diagnostics.push({
      rule: 'json-not-a-list',
      severity: 'error',
      path: ['accounts-file'],
      message:
        'an accounts JSON file is a list of account objects: [{ "id": "acme", "arr": 120000 }, ...]',
      file,
      ...positions.at(positions.valueStart(0)),
    });
    return result;
  }

  const limit = options.maxAccounts ?? MAX_ACCOUNTS;
  if (value.length > limit) {
    diagnostics.push({
      rule: 'json-too-many-accounts',
      severity: 'error',
      path: ['accounts-file'],
      message: `the file has ${formatCount(value.length)} accounts (this one is the first past the limit); csplan plans up to ${formatCount(limit)}: export one business unit, or leave out closed and test accounts`,
      file,
      ...positions.at(positions.offsetOf([limit], false)),
    });
    return result;
  }
  const owners = new OwnerResolver(options.team);
  const rowOfAccount: number[] = [];
  value.forEach((item, row) => {
    stats.rows++;
    // An item already in canonical form is what zod would return: no zod run (plain-account.ts).
    const parsed = isPlainAccount(item)
      ? { success: true as const, data: item }
      : accountSchema.safeParse(item, { reportInput: true });
    if (!parsed.success) {
      const issues = parsed.error.issues.map((issue) => ({
        ...issue,
        path: ['accounts', row, ...issue.path],
      }));
      for (const d of schemaDiagnostics(issues, { accounts: value })) {
        const path: Path = ['accounts-file', ...d.path.slice(1)];
        diagnostics.push({ ...d, path, ...locate(path, { key: d.rule === 'unknown-key' }) });
      }
      return;
    }
    const account = parsed.data;
    if (account.owner !== undefined) {
      const match = owners.resolve(account.owner);
      countOwner(stats.owners, match);
      if (match.kind === 'ambiguous') {
        const path: Path = ['accounts-file', row, 'owner'];
        diagnostics.push({
          rule: 'json-ambiguous-owner',
          severity: 'error',
          path,
          message: `owner matches the names of ${match.ids.length} team members (${match.ids.join(', ')}); give the owner's email or team id instead, or make the names distinct`,
          ...locate(path),
        });
        return;
      }
      if (match.kind !== 'unmatched') account.owner = match.id;
    }
    result.accounts.push(account);
    rowOfAccount.push(row);
  });
  if (!rowOfAccount.every((row, index) => row === index)) {
    result.pathOf = (index) => ['accounts-file', rowOfAccount[index] ?? index];
  }
  return result;
}

const WS = /\s/;

/** Offsets in JSON text: of array element i, of key k inside it (or of its value). */
export class JsonPositions {
  private lineStarts: number[] | undefined;

  constructor(
    private readonly text: string,
    /** 1 when the file starts with a byte-order mark, which editors do not count as a column. */
    private readonly start = 0,
  ) {}

  at(offset: number): { line: number; column: number } {
    if (!this.lineStarts) {
      this.lineStarts = [this.start];
      for (let at = this.text.indexOf('\n'); at !== -1; at = this.text.indexOf('\n', at + 1)) {
        this.lineStarts.push(at + 1);
      }
    }
    return positionIn(this.lineStarts, offset);
  }

  /**
   * Offset of the value at `path` ([index, key, ...]), or of the nearest ancestor that exists;
   * with `wantKey`, of the last key itself (for unknown keys).
   */
  offsetOf(path: Path, wantKey = false): number {
    let offset = this.valueStart(0);
    for (const [i, part] of path.entries()) {
      if (typeof part === 'number') {
        const next = this.element(offset, part);
        if (next === undefined) return offset;
        offset = next;
      } else {
        const next = this.member(offset, part);
        if (next === undefined) return offset;
        offset = wantKey && i === path.length - 1 ? next.key : next.value;
      }
    }
    return offset;
  }

  valueStart(from: number): number {
    let i = from;
    while (i < this.text.length && WS.test(this.text[i] ?? '')) i++;
    return i;
  }

  private element(arrayStart: number, index: number): number | undefined {
    if (this.text[arrayStart] !== '[') return undefined;
    let i = this.valueStart(arrayStart + 1);
    for (let n = 0; i < this.text.length && this.text[i] !== ']'; n++) {
      if (n === index) return i;
      i = this.valueStart(this.skipValue(i));
      if (this.text[i] === ',') i = this.valueStart(i + 1);
    }
    return undefined;
  }

  private member(objectStart: number, key: string): { key: number; value: number } | undefined {
    if (this.text[objectStart] !== '{') return undefined;
    let i = this.valueStart(objectStart + 1);
    while (i < this.text.length && this.text[i] === '"') {
      const keyStart = i;
      const keyEnd = this.skipValue(i);
      const name = JSON.parse(this.text.slice(keyStart, keyEnd)) as string;
      i = this.valueStart(keyEnd);
      if (this.text[i] === ':') i = this.valueStart(i + 1);
      if (name === key) return { key: keyStart, value: i };
      i = this.valueStart(this.skipValue(i));
      if (this.text[i] === ',') i = this.valueStart(i + 1);
    }
    return undefined;
  }

  /** Offset just after the JSON value that starts at `start`. */
  private skipValue(start: number): number {
    const text = this.text;
    let depth = 0;
    let i = start;
    while (i < text.length) {
      const c = text[i];
      if (c === '"') {
        i++;
        while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
        i++;
      } else if (c === '{' || c === '[') {
        depth++;
        i++;
      } else if (c === '}' || c === ']') {
        if (depth === 0) return i;
        depth--;
        i++;
      } else if (depth === 0 && (c === ',' || WS.test(c ?? ''))) {
        return i;
      } else i++;
      if (depth === 0 && (c === '"' || c === '}' || c === ']')) return i;
    }
    return i;
  }
}
