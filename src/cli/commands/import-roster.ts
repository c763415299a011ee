/**
 * `csplan import roster.csv --team`: reads an HR roster export (BambooHR, Rippling, HiBob,
 * Workday, Gusto, or plain headers), shows how each column and job title is read and the team it
 * gives; with `--org`, the change that writes that team into the org file (a dry run), and
 * `--write` applies it. People already in the org file keep their id and the keys HR does not
 * know (segment, languages...); planned hires not yet in HR stay.
 */
import { dirname, resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import { MAX_ACCOUNTS_FILE_BYTES } from '../../config/accounts-file.js';
import type { DateOrder } from '../../config/csv/cells.js';
import { exportOwners } from '../../config/csv/export-owners.js';
import type { PresetId } from '../../config/csv/presets.js';
import { type BlockValue, setTeamFile } from '../../config/csv/write-spec.js';
import { MAX_YAML_BYTES, parseOrgYaml } from '../../config/load.js';
import { locateDiagnostics, sortByPlace } from '../../config/locate.js';
import { nearestRole, roleFromText } from '../../config/role-names.js';
import { withOwnKeys } from '../../config/roster/merge.js';
import {
  ROSTER_FIELDS,
  ROSTER_PRESET_IDS,
  ROSTER_PRESETS,
  type RosterField,
  type RosterPresetId,
} from '../../config/roster/presets.js';
import {
  type KnownMember,
  type RosterMember,
  type RosterResult,
  readRoster,
  slug,
} from '../../config/roster/read-roster.js';
import {
  type TeamChanges,
  teamChanges,
  teamChangesLines,
  type WrittenMember,
} from '../../config/roster/team-changes.js';
import { normaliseTitle, type TitleOverrides } from '../../config/roster/titles.js';
import { type TeamFileSpec, teamFileSchema } from '../../config/schema.js';
import { setTeamList } from '../../config/write-team.js';
import { suggestion } from '../../core/did-you-mean.js';
import { formatCount, plural } from '../../core/money.js';
import { ROLE_IDS, type RoleId } from '../../core/roles.js';
import { countLine, renderDiagnostics } from '../../render/diagnostics.js';
import { findingJson } from '../../render/json.js';
import { safeOutput } from '../../render/safe-text.js';
import { renderTable } from '../../render/table.js';
import { outputWidth, useColor } from '../color.js';
import { UsageError } from '../exit-codes.js';
import { pathFromOrgFile } from '../init/accounts-source.js';
import type { CliIO } from '../io.js';
import { applyEdit, type Change, importExit, readWithin } from './import.js';

export interface RosterImportOptions {
  preset?: string;
  columns?: string[];
  dateOrder?: DateOrder;
  roles?: string[];
  org?: string;
  /** A CRM export whose account owners stay on the team (default: the org file's accounts). */
  accounts?: string;
  write?: boolean;
  /** Write `team: { file: ... }` (the team stays in the roster) instead of the people. */
  keepFile?: boolean;
  format: 'text' | 'json';
  color?: boolean;
}

export const ROSTER_SCHEMA_VERSION = 1;

/** Whether a CSV's first line reads like an HR roster (job title and manager columns). */
export function rosterHeaders(text: Buffer): string[] {
  try {
    const [first] = parse(text, { bom: true, to: 1, relax_column_count: true }) as string[][];
    return (first ?? []).map((h) => h.trim());
  } catch {
    return [];
  }
}

export async function runRosterImport(
  file: string,
  text: Buffer,
  options: RosterImportOptions,
  io: CliIO,
): Promise<number> {
  const org = options.org ? await readOrgTeam(options.org, io) : undefined;
  // Next month's roster is read with the mapping the org file keeps; flags replace it.
  const spec = org?.spec;
  const preset = parseRosterPreset(options.preset) ?? spec?.preset;
  const columns = options.columns ? parseRosterColumns(options.columns) : (spec?.columns ?? {});
  const givenRoles = { ...spec?.roles, ...rolesValue(options.roles) };
  const roles = parseRoles(Object.entries(givenRoles).map(([title, role]) => `${title}=${role}`));
  const dateOrder = options.dateOrder ?? spec?.date_order;
  const result = readRoster(text.toString('utf8'), {
    file,
    preset,
    columns,
    dateOrder,
    roles,
    asOf: org?.asOf ?? io.today,
    existing: org?.existing,
    accountOwners: accountOwners(options.accounts, org, io),
  });
  const diagnostics = sortByPlace(locateDiagnostics(result.diagnostics, () => ({ file })));
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const team = org ? mergeTeam(result.members, org, org.asOf) : undefined;
  const keepFile = options.keepFile === true || org?.spec !== undefined;
  const edit =
    org && team
      ? keepFile
        ? setTeamFile(org.text, {
            file: pathFromOrgFile(file, io.cwd, dirname(org.absolute)),
            ...(result.preset ? { preset: result.preset } : {}),
            ...(Object.keys(columns).length > 0 ? { columns } : {}),
            ...(Object.keys(givenRoles).length > 0 ? { roles: givenRoles } : {}),
            // A detected order is written down, so a later export whose days are all 12 or
            // less is read the same way.
            ...(dateOrder || result.dates ? { date_order: dateOrder ?? result.dates?.order } : {}),
            ...teamMembers(result.members, org, team.kept),
          })
        : setTeamList(org.text, team.value as Record<string, BlockValue>[])
      : undefined;
  const change =
    org && edit ? await applyEdit(org, edit, options.write === true && errors === 0) : undefined;
  const changes =
    org && team ? teamChanges(await teamBefore(org), team.value as WrittenMember[]) : undefined;

  if (options.format === 'json') {
    io.stdout(
      `${JSON.stringify(
        {
          schemaVersion: ROSTER_SCHEMA_VERSION,
          file,
          kind: 'roster',
          preset: result.preset ?? null,
          presetDetected: result.presetDetected,
          mapping: result.columns.map((c) => ({
            field: c.field,
            header: c.header,
            column: c.index + 1,
          })),
          dateOrder: result.dates ?? null,
          people: result.people,
          team: result.members.length,
          outsideCs: result.outside,
          accountOwnersOutsideCs: result.owners,
          left: result.left,
          titles: result.titles.map((t) => ({
            title: t.title,
            count: t.count,
            role: t.role ?? null,
          })),
          unknownTitles: result.unknownTitles.map((t) => ({
            title: t.title,
            count: t.count,
            suggestion: t.suggestion ?? null,
          })),
          members: result.members,
          kept: team?.kept ?? [],
          teamChanges: changes ?? null,
          change: change ?? null,
          findings: diagnostics.map(findingJson),
        },
        null,
        2,
      )}\n`,
    );
  } else {
    const color = useColor(options.color, io);
    const view = { color, width: outputWidth(io) };
    io.stdout(
      safeOutput(
        rosterText(
          file,
          result,
          org?.asOf ?? io.today,
          team?.kept ?? [],
          changes,
          change,
          diagnostics.length,
          view,
        ),
        { color },
      ),
    );
    if (diagnostics.length > 0) io.stderr(renderDiagnostics(diagnostics, { ...view, file }));
    if (options.write && errors > 0)
      io.stderr(`${org?.path} not changed: fix the problems above first.\n`);
  }
  return importExit(change, errors, io);
}

function parseRosterPreset(value: string | undefined): RosterPresetId | undefined {
  if (value === undefined) return undefined;
  const id = value.toLowerCase();
  if ((ROSTER_PRESET_IDS as readonly string[]).includes(id)) return id as RosterPresetId;
  throw new UsageError(
    `--preset for a roster must be ${ROSTER_PRESET_IDS.join(', ')} (got "${value}")${suggestion(id, ROSTER_PRESET_IDS)}`,
  );
}

function parseRosterColumns(
  values: readonly string[] | undefined,
): Partial<Record<RosterField, string>> {
  const out: Partial<Record<RosterField, string>> = {};
  for (const value of values ?? []) {
    const at = value.indexOf('=');
    const field = value.slice(0, at).trim();
    if (at <= 0)
      throw new UsageError(
        `--columns takes FIELD=Header, e.g. --columns "title=Position" (got "${value}")`,
      );
    if (!(ROSTER_FIELDS as readonly string[]).includes(field)) {
      throw new UsageError(
        `--columns: "${field}" is not a roster field${suggestion(field, ROSTER_FIELDS)}; fields: ${ROSTER_FIELDS.join(', ')}`,
      );
    }
    out[field as RosterField] = value.slice(at + 1).trim();
  }
  return out;
}

/** `--roles "Customer Happiness Hero=csm"`: the role may be written as csplan prints it ("CS Manager"). */
export function parseRoles(values: readonly string[] | undefined): TitleOverrides {
  const out = new Map<string, RoleId>();
  for (const value of values ?? []) {
    const at = value.lastIndexOf('=');
    const title = value.slice(0, at).trim();
    const roleText = value.slice(at + 1).trim();
    if (at <= 0 || title === '')
      throw new UsageError(
        `--roles takes "Job title=role", e.g. --roles "Customer Advocate=csm" (got "${value}")`,
      );
    const role = roleFromText(roleText);
    if (!role) {
      const near = nearestRole(roleText);
      throw new UsageError(
        `--roles: "${roleText}" is not a role${near ? ` (did you mean "${near}"?)` : ''}; roles: ${ROLE_IDS.join(', ')}`,
      );
    }
    out.set(normaliseTitle(title), role);
  }
  return out;
}

interface OrgTeam {
  path: string;
  absolute: string;
  text: string;
  asOf: string;
  /**
   * The team as written in the file (raw YAML values), for ids and keys HR does not hold: the
   * listed people, or the `members` of a `team: { file }`.
   */
  raw: Record<string, unknown>[];
  existing: KnownMember[];
  /** The file's `team: { file, ... }`, when the team is read from a roster already. */
  spec?: TeamFileSpec;
  /** `accounts:` as written: a list, or the export it points at. */
  accounts: unknown;
}

/**
 * The account owners as the CRM export writes them: of `--accounts FILE`, else of the accounts
 * the org file reads (its list, or the export it points at, with its mapping).
 */
function accountOwners(file: string | undefined, org: OrgTeam | undefined, io: CliIO): string[] {
  if (file !== undefined)
    return exportOwners(
      readWithin(resolve(io.cwd, file), file, MAX_ACCOUNTS_FILE_BYTES, 'accounts files'),
    );
  const accounts = org?.accounts;
  if (Array.isArray(accounts))
    return accounts.flatMap((a) =>
      a !== null && typeof a === 'object' && typeof (a as { owner?: unknown }).owner === 'string'
        ? [(a as { owner: string }).owner]
        : [],
    );
  if (!org || accounts === null || typeof accounts !== 'object') return [];
  const spec = accounts as { file?: unknown; preset?: PresetId; columns?: Record<string, string> };
  if (typeof spec.file !== 'string' || !spec.file.toLowerCase().endsWith('.csv')) return [];
  const path = resolve(dirname(org.absolute), spec.file);
  return exportOwners(readWithin(path, spec.file, MAX_ACCOUNTS_FILE_BYTES, 'accounts files'), spec);
}

async function readOrgTeam(path: string, io: CliIO): Promise<OrgTeam> {
  const absolute = resolve(io.cwd, path);
  const text = readWithin(absolute, path, MAX_YAML_BYTES, 'org files').toString('utf8');
  const value = (parseOrgYaml(text, path).value ?? {}) as Record<string, unknown>;
  const fromFile =
    value.team !== null && typeof value.team === 'object' && !Array.isArray(value.team);
  const parsed = fromFile ? teamFileSchema.safeParse(value.team) : undefined;
  if (parsed && !parsed.success)
    throw new UsageError(
      `${path}: its team: block has problems; run \`csplan check ${path}\` first`,
    );
  const spec = parsed?.data;
  const listed = Array.isArray(value.team)
    ? value.team
    : (value.team as { members?: unknown } | undefined)?.members;
  const raw = (Array.isArray(listed) ? listed : []).filter(
    (m): m is Record<string, unknown> => m !== null && typeof m === 'object' && !Array.isArray(m),
  );
  const company = (value.company ?? {}) as Record<string, unknown>;
  const asOf = typeof company.as_of === 'string' ? company.as_of : io.today;
  const existing = raw.flatMap((m) =>
    m.id === undefined
      ? []
      : [
          {
            id: String(m.id),
            ...(typeof m.name === 'string' ? { name: m.name } : {}),
            ...(typeof m.email === 'string' ? { email: m.email } : {}),
            ...(Array.isArray(m.aliases) ? { aliases: m.aliases.map(String) } : {}),
          },
        ],
  );
  return {
    path,
    absolute,
    text,
    asOf,
    raw,
    existing,
    accounts: value.accounts,
    ...(spec ? { spec } : {}),
  };
}

/**
 * The team to write: the roster's people, each keeping the keys the org file gave them that HR
 * does not hold; then the org file's planned hires (start after the as-of date) HR does not list yet.
 */
function mergeTeam(
  members: readonly RosterMember[],
  org: OrgTeam,
  asOf: string,
): { value: BlockValue[]; kept: string[] } {
  const byId = new Map(org.raw.map((m) => [String(m.id), m]));
  const value: BlockValue[] = members.map((member) => {
    const before = Object.entries(byId.get(member.id) ?? {}).filter(([, item]) =>
      isBlockValue(item),
    );
    return withOwnKeys(member, Object.fromEntries(before)) as Record<string, BlockValue>;
  });
  const ids = new Set(members.map((m) => m.id));
  const kept: string[] = [];
  for (const m of org.raw) {
    const start = typeof m.start_date === 'string' ? m.start_date : undefined;
    if (ids.has(String(m.id)) || start === undefined || start <= asOf) continue;
    if (isBlockValue(m)) {
      value.push(m);
      kept.push(String(m.id));
    }
  }
  return { value, kept };
}

/**
 * `members:` of a `team: { file }`: what the org file knows that HR does not, so nothing is lost
 * when the people move out of the file: the org file's own keys of each roster person (segment,
 * languages, aliases...) and the planned hires HR does not list yet. A file already read from a
 * roster keeps its members as they are.
 */
function teamMembers(
  members: readonly RosterMember[],
  org: OrgTeam,
  hires: readonly string[],
): { members?: BlockValue[] } {
  if (org.spec) return org.spec.members ? { members: org.raw as BlockValue[] } : {};
  const byId = new Map(org.raw.map((m) => [String(m.id), m]));
  const out: BlockValue[] = [];
  for (const member of members) {
    const own = Object.entries(byId.get(member.id) ?? {}).filter(
      ([key, value]) => key !== 'id' && !(key in member) && key !== 'fte' && isBlockValue(value),
    );
    // An id csplan would not give the person is found again by their name.
    const name = member.id === slug(member.name) ? {} : { name: member.name };
    if (own.length > 0)
      out.push({ id: member.id, ...name, ...Object.fromEntries(own) } as BlockValue);
  }
  for (const id of hires) out.push(byId.get(id) as BlockValue);
  return out.length > 0 ? { members: out } : {};
}

/** `--roles` as the org file writes them: `roles: { "Job title": role id }` (checked by parseRoles). */
function rolesValue(given: readonly string[] | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const value of given ?? []) {
    const at = value.lastIndexOf('=');
    const role = value.slice(at + 1).trim();
    out[value.slice(0, at).trim()] = roleFromText(role) ?? role;
  }
  return out;
}

/** The team the org file plans with now: listed, or read from the roster it names. */
async function teamBefore(org: OrgTeam): Promise<WrittenMember[]> {
  if (!org.spec) return org.raw;
  const { readTeamFile } = await import('../../config/team-file.js');
  const read = await readTeamFile(org.spec, {
    orgFile: org.path,
    baseDir: dirname(org.absolute),
    asOf: org.asOf,
  });
  return read.team;
}

function isBlockValue(value: unknown): value is BlockValue {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
    return true;
  if (Array.isArray(value)) return value.every(isBlockValue);
  return value !== null && typeof value === 'object' && Object.values(value).every(isBlockValue);
}

function rosterText(
  file: string,
  result: RosterResult,
  asOf: string,
  kept: readonly string[],
  changes: TeamChanges | undefined,
  change: Change | undefined,
  problems: number,
  view: { color: boolean; width: number },
): string {
  const out: string[] = [];
  const label = result.preset ? ROSTER_PRESETS[result.preset].label : undefined;
  out.push(
    `${file}: ${label ? `${label} roster (preset ${result.preset}${result.presetDetected ? ', detected from the headers' : ''})` : 'HR roster (headers named like the roster fields)'}`,
  );
  const leftOut = [
    result.outside > 0 ? `${formatCount(result.outside)} outside CS left out` : '',
    result.left > 0 ? `${formatCount(result.left)} left before ${asOf}` : '',
  ].filter(Boolean);
  out.push(
    `${plural(result.people, 'person', 'people')} read: ${formatCount(result.members.length)} in the team (CS and the people they report to${result.owners > 0 ? `, and ${plural(result.owners, 'person', 'people')} outside CS who ${result.owners === 1 ? 'owns' : 'own'} accounts in the CRM export` : ''})${leftOut.length > 0 ? `; ${leftOut.join(', ')}` : ''}`,
  );
  if (result.columns.length > 0) {
    out.push('', 'Mapping (roster field <- column)');
    const width = Math.max(...result.columns.map((c) => c.field.length));
    for (const c of result.columns)
      out.push(`  ${c.field.padEnd(width)} <- "${c.header}" (column ${c.index + 1})`);
  }
  if (result.dates) {
    const example =
      result.dates.order === 'month-first' ? '3/4/2027 is March 4' : '3/4/2027 is 3 April';
    out.push(
      '',
      `Dates read ${result.dates.order} (${example}): ${result.dates.detected ? 'detected from a day above 12 in the file' : '--date-order'}`,
    );
  }
  if (result.titles.length > 0) {
    out.push('', 'Job titles (people -> role)');
    const width = Math.max(...result.titles.map((t) => t.title.length));
    for (const t of result.titles)
      out.push(`  ${String(t.count).padStart(3)}  ${t.title.padEnd(width)} -> ${t.role}`);
  }
  if (result.unknownTitles.length > 0) {
    out.push('', 'Job titles not in the table (these people are left out until mapped)');
    for (const t of result.unknownTitles) {
      out.push(
        `  ${String(t.count).padStart(3)}  "${t.title}"${t.suggestion ? ` (did you mean "${t.suggestion}"?)` : ''}: --roles "${t.title}=ROLE"`,
      );
    }
  }
  if (result.members.length > 0) {
    out.push('', 'Team');
    const columns: [string, (m: RosterMember) => string][] = [
      ['id', (m) => m.id],
      ['name', (m) => m.name],
      ['role', (m) => (m.seniority ? `${m.role} (${m.seniority})` : m.role)],
      ['reports to', (m) => m.reports_to ?? ''],
      ['start', (m) => m.start_date ?? ''],
      ['leaving', (m) => m.leaving ?? ''],
      ['fte', (m) => (m.fte === undefined ? '' : String(m.fte))],
      ['region', (m) => m.region ?? ''],
    ];
    // Only the columns someone has a value in: a narrow terminal keeps the table flat.
    const shown = columns.filter(([, value]) => result.members.some((m) => value(m) !== ''));
    const rows = result.members.map((m) => shown.map(([, value]) => value(m)));
    out.push(
      renderTable(
        shown.map(([head]) => head),
        rows,
        view,
      ).trimEnd(),
    );
  }
  if (kept.length > 0)
    out.push('', `Kept from the org file (planned hires HR does not list yet): ${kept.join(', ')}`);
  const moved = changes ? teamChangesLines(changes) : [];
  if (moved.length > 0) out.push('', 'Changes to the team the org file plans with', ...moved);
  out.push('');
  if (!change) {
    out.push(
      'To plan with it, run again with --org org.yaml to see the team: block it writes (add --keep-file to read the team from this roster on every run), and --write to write it.',
    );
  } else if ('refused' in change) {
    out.push(`${change.orgFile} not changed.`);
  } else if (!change.changed) {
    out.push(`${change.orgFile} already has this team: nothing to change.`);
  } else {
    out.push(change.diff.trimEnd());
    out.push(
      change.written
        ? `Wrote ${change.orgFile}.`
        : `Dry run: run again with --write to change ${change.orgFile}.`,
    );
  }
  if (problems === 0) out.push(countLine([]));
  return `${out.join('\n')}\n`;
}
