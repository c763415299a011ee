/**
 * The team read from an HR roster export (`team: { file, preset, columns, roles, date_order,
 * members }`), on every command, through the same mapping `csplan import --team` shows.
 *
 * - People come from the roster (see roster/read-roster.ts: who is kept, titles to roles, managers);
 *   `members` adds the keys HR does not hold by team id, and people HR does not list yet (an
 *   entry with a role). The roster wins for the keys it gives (see roster/merge.ts).
 * - Member i's path is ['team-file', i] when the roster lists them, ['team', 'members', k] when
 *   only `members` does; `locate(['team-file', i, key])` is the roster cell the key was read from.
 * - Problems are diagnostics located in the roster or the org file, all at once; nothing throws.
 *   The file is read under the rules of `accounts.file`: a regular .csv file inside the org
 *   file's folder, at most MAX_TEAM_FILE_BYTES.
 */
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { MAX_TEAM_FILE_BYTES } from '../core/limits.js';
import type { Diagnostic, Path } from '../core/model.js';
import { controlProblem, placeProblem, readProblem } from './accounts-file.js';
import type { InputCode } from './codes.js';
import { decodeUtf8 } from './encoding.js';
import type { Locator } from './locate.js';
import { type BoundedRead, readBounded } from './read-bounded.js';
import { withOwnKeys } from './roster/merge.js';
import { readRoster } from './roster/read-roster.js';
import { normaliseTitle } from './roster/titles.js';
import {
  type TeamFileSpec,
  type TeamMemberInput,
  teamFileSchema,
  teamMemberSchema,
} from './schema.js';

export interface TeamFileContext {
  /** The org file as given on the command line. */
  orgFile: string;
  /** Folder `team.file` is relative to. */
  baseDir: string;
  /** The plan's date: terminations before it have left, later ones are `leaving`. */
  asOf: string;
  /** --allow-outside-accounts-file: read files outside the org file's folder. */
  allowOutside?: boolean;
}

export interface TeamFileResult {
  team: TeamMemberInput[];
  /** The path of member i in findings. */
  pathOf: (index: number) => Path;
  /** Locates ['team-file', i, key?] in the roster. */
  locate: Locator;
  diagnostics: Diagnostic[];
  /** The roster as diagnostics name it. */
  file: string;
}

export async function readTeamFile(
  spec: TeamFileSpec,
  context: TeamFileContext,
): Promise<TeamFileResult> {
  const file = isAbsolute(spec.file) ? spec.file : join(dirname(context.orgFile), spec.file);
  const fail = (rule: InputCode, message: string, extra: Partial<Diagnostic> = {}) =>
    emptyResult(file, [{ rule, severity: 'error', path: ['team', 'file'], message, ...extra }]);
  if (!spec.file.toLowerCase().endsWith('.csv'))
    return fail(
      'team-file-format',
      `team.file must be a .csv file (got "${spec.file}"); export the people report as CSV`,
    );
  const target = resolve(context.baseDir, spec.file);
  let read: BoundedRead;
  try {
    const refusal = await placeProblem(target, context, 'team');
    if (refusal) return fail(refusal.rule, `${file}: ${refusal.message}`);
    read = readBounded(target, MAX_TEAM_FILE_BYTES);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'ENOENT'
      ? fail('team-file-missing', `${file}: no such file (team.file is relative to the org file)`)
      : fail('team-file-unreadable', `${file}: cannot be read (${readProblem(code)})`);
  }
  if ('tooLarge' in read)
    return fail(
      'team-file-too-large',
      `${file} is over ${MAX_TEAM_FILE_BYTES / 1048576} MiB; rosters are limited to ${MAX_TEAM_FILE_BYTES / 1048576} MiB`,
    );
  const decoded = decodeUtf8(read.bytes, 'save it as UTF-8 (in Excel: "CSV UTF-8")');
  const problem = 'problem' in decoded ? decoded.problem : controlProblem(decoded.text);
  if (problem || !('text' in decoded)) {
    const { rule, message, line, column } = problem ?? {
      rule: 'file-encoding' as const,
      message: '',
    };
    return emptyResult(file, [
      {
        rule: rule === 'file-encoding' ? 'csv-encoding' : rule,
        severity: 'error',
        path: ['team-file'],
        message,
        file,
        line,
        column,
      },
    ]);
  }

  const members = spec.members ?? [];
  const roster = readRoster(decoded.text, {
    file,
    preset: spec.preset,
    columns: spec.columns,
    dateOrder: spec.date_order,
    roles: new Map(
      Object.entries(spec.roles ?? {}).map(([title, role]) => [normaliseTitle(title), role]),
    ),
    asOf: context.asOf,
    existing: members,
    fixesIn: 'org-file',
  });
  const diagnostics: Diagnostic[] = [...roster.diagnostics];
  const team: TeamMemberInput[] = [];
  const paths: Path[] = [];
  const own = new Map(members.map((m) => [m.id, m]));
  roster.members.forEach((member, i) => {
    const merged = teamMemberSchema.safeParse(withOwnKeys(member, own.get(member.id)));
    if (merged.success) {
      team.push(merged.data);
      paths.push(['team-file', i]);
      return;
    }
    for (const issue of merged.error.issues) {
      const key = String(issue.path[0] ?? '');
      const fromRoster = key in member;
      diagnostics.push({
        rule: 'invalid-value',
        severity: 'error',
        path: fromRoster
          ? ['team-file', i, key]
          : ['team', 'members', members.findIndex((m) => m.id === member.id), key],
        message: `${member.id}: ${key} ${issue.message}`,
        ...(fromRoster ? { file, ...roster.place(i, key) } : {}),
      });
    }
  });
  const listed = new Set(roster.members.map((m) => m.id));
  members.forEach((extra, k) => {
    if (listed.has(extra.id)) return;
    if (extra.role === undefined) {
      diagnostics.push({
        rule: 'team-member-not-in-roster',
        severity: 'warning',
        path: ['team', 'members', k, 'id'],
        message: `"${extra.id}" is not in ${file} (left, or named differently there?): its keys are not used; remove the entry, add the name HR uses under aliases, or give it a role to plan a hire`,
      });
      return;
    }
    const hire = teamMemberSchema.safeParse(extra);
    if (hire.success) {
      team.push(hire.data);
      paths.push(['team', 'members', k]);
    }
  });
  return {
    team,
    pathOf: (index) => paths[index] ?? ['team'],
    locate: (path) => {
      const index = typeof path[1] === 'number' ? path[1] : undefined;
      if (index === undefined) return { file, line: 1, column: 1 };
      return { file, ...roster.place(index, typeof path[2] === 'string' ? path[2] : undefined) };
    },
    diagnostics,
    file,
  };
}

function emptyResult(file: string, diagnostics: Diagnostic[]): TeamFileResult {
  return {
    team: [],
    pathOf: () => ['team'],
    locate: () => ({ file }),
    diagnostics,
    file,
  };
}

/**
 * The team of an org file's raw value, for commands that read only the team (`import` matches
 * owners with it): the listed people, or those of the roster `team.file` names. Undefined when
 * the team has problems (`csplan check` reports them).
 */
export async function teamOfValue(
  value: unknown,
  context: TeamFileContext,
): Promise<TeamMemberInput[] | undefined> {
  if (value === undefined || Array.isArray(value)) {
    const listed = teamMemberSchema.array().safeParse(value ?? []);
    return listed.success ? listed.data : undefined;
  }
  const spec = teamFileSchema.safeParse(value);
  if (!spec.success) return undefined;
  const read = await readTeamFile(spec.data, context);
  return read.diagnostics.some((d) => d.severity === 'error') ? undefined : read.team;
}
