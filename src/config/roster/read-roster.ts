/**
 * An HR roster export (CSV text) to csplan team members. Pure: text and options in; members,
 * what was read and located problems out.
 *
 * Who is kept: people whose title is a CS role (csm, manager-cs, onboarding, support...) or who sit
 * in a Customer Success department, and the people above them in their reporting chain (the VP,
 * the COO, the CEO), so `reports_to` stays whole. Everyone else (engineering, finance...) is left
 * out. People whose termination date is before the as-of date have left and are left out too.
 */
import { parse } from 'csv-parse/sync';
import type { Diagnostic } from '../../core/model.js';
import { ROLES, type RoleId } from '../../core/roles.js';
import type { InputCode } from '../codes.js';
import { type DateOrder, detectDateOrder, localeDateOrder, parseDate } from '../csv/cells.js';
import { CsvPositions } from '../csv/positions.js';
import { normaliseHeader } from '../csv/presets.js';
import { nameKey, OwnerResolver } from '../owners.js';
import { regionOfLocation } from './locations.js';
import {
  detectRosterPreset,
  ROSTER_FIELDS,
  type RosterField,
  type RosterPresetId,
  rosterHeaders,
} from './presets.js';
import { nearestTitle, roleForTitle, type Seniority, type TitleOverrides } from './titles.js';

export interface RosterOptions {
  file: string;
  preset?: RosterPresetId;
  /** `field=Header` overrides of the preset; an empty header turns the field off. */
  columns?: Partial<Record<RosterField, string>>;
  dateOrder?: DateOrder;
  roles: TitleOverrides;
  /** The plan's date: earlier terminations have left, later ones are `leaving`. */
  asOf: string;
  /**
   * The org file's team now: a person found there (by email, then name or alias) keeps their id,
   * and their aliases find them as someone's manager.
   */
  existing?: readonly KnownMember[];
  /** Where the mapping lives, for the fixes messages give: flags of `import`, or `team:` keys. */
  fixesIn?: 'flags' | 'org-file';
  /**
   * Owners of the CRM export's accounts as it writes them (names, emails): a person outside CS
   * who owns accounts (an account executive, a founder) is kept, so the plan names them.
   */
  accountOwners?: readonly string[];
}

export interface KnownMember {
  id: string;
  name?: string;
  email?: string;
  aliases?: readonly string[];
}

/** How a message tells the user to map a column, a title or the date order. */
const FIXES = {
  flags: {
    columns: (field: string) => `map yours with --columns ${field}="Your header"`,
    roles: (title: string) => `map it with --roles "${title}=ROLE"`,
    dateOrder: 'add --date-order month-first (US) or day-first',
  },
  'org-file': {
    columns: (field: string) => `map yours under team: with columns: { ${field}: Your header }`,
    roles: (title: string) => `map it under team: with roles: { "${title}": ROLE }`,
    dateOrder: 'add date_order: month-first (US) or day-first under team:',
  },
} as const;

/** A team member as the org file writes it (only the keys the roster gives). */
export interface RosterMember {
  id: string;
  name: string;
  role: RoleId;
  seniority?: Seniority;
  reports_to?: string;
  email?: string;
  start_date?: string;
  leaving?: string;
  fte?: number;
  region?: string;
}

export interface RosterColumn {
  field: RosterField;
  header: string;
  index: number;
}

export interface TitleCount {
  title: string;
  count: number;
  role?: RoleId;
  /** Unknown titles: the nearest title of the table. */
  suggestion?: string;
}

export interface RosterResult {
  preset?: RosterPresetId;
  presetDetected: boolean;
  columns: RosterColumn[];
  members: RosterMember[];
  /** Data rows read. */
  people: number;
  /** Where each member's cells are in the file: `place(i, 'reports_to')`; the row without a key. */
  place: (member: number, key?: string) => { line?: number; column?: number };
  /** Left out: outside CS and above no CS person. */
  outside: number;
  /** Kept though outside CS and above no CS person: they own accounts in the CRM export. */
  owners: number;
  /** Left out: their termination date is before the as-of date. */
  left: number;
  /** Titles of the people kept, with their role; then the unknown titles of CS people. */
  titles: TitleCount[];
  unknownTitles: TitleCount[];
  dates?: { order: DateOrder; detected: boolean };
  diagnostics: Diagnostic[];
}

interface Person {
  record: number;
  name: string;
  /** The org file's member this person is (see RosterOptions.existing). */
  known?: KnownMember;
  /** Keys the person is found by as someone's manager: id, email, names. */
  employeeId?: string;
  email?: string;
  legalName?: string;
  title: string;
  role?: { role: RoleId; seniority?: Seniority };
  department: string;
  manager?: { id?: string; email?: string; name?: string; cell: number };
  managerIndex?: number;
  hire?: string;
  termination?: string;
  location?: string;
  fte?: number;
}

/** Departments that are Customer Success or sit next to it. */
const CS_DEPARTMENT =
  /customer success|client success|customer experience|customer support|^support$|onboarding|implementation|professional services|account management|renewals/i;

const CS_KINDS = new Set(['cs-leader', 'cs-manager', 'csm', 'specialist']);

export function readRoster(text: string, options: RosterOptions): RosterResult {
  const diagnostics: Diagnostic[] = [];
  const fixes = FIXES[options.fixesIn ?? 'flags'];
  const positions = new CsvPositions(text);
  const at = (record: number, cell: number) => ({
    file: options.file,
    ...positions.cell(record, cell),
  });
  const report = (
    rule: InputCode,
    message: string,
    where: { record: number; cell: number },
    severity: 'error' | 'warning' = 'error',
  ) =>
    diagnostics.push({
      rule,
      severity,
      path: ['roster'],
      message,
      ...at(where.record, where.cell),
    });

  let records: string[][];
  try {
    records = parse(text, { bom: true, relax_column_count: true, skip_empty_lines: false });
  } catch {
    return unreadable(
      options,
      'csv-syntax',
      'CSV syntax: the roster cannot be read as CSV (a quoted cell is not closed, or a quote is not doubled)',
    );
  }
  const headerAt = records.findIndex((r) => r.some((cell) => cell.trim() !== ''));
  if (headerAt === -1) {
    return unreadable(
      options,
      'csv-empty',
      'the roster is empty: the first line names the columns, one person per line below it',
      { line: 1, column: 1 },
    );
  }
  const headers = (records[headerAt] ?? []).map((h) => h.trim());
  const detected = options.preset === undefined ? detectRosterPreset(headers) : undefined;
  const preset = options.preset ?? detected;
  const columns = mapRosterColumns(headers, preset, options.columns ?? {});
  const col = new Map(columns.map((c) => [c.field, c.index]));
  if (!col.has('title') || !(col.has('full_name') || col.has('first_name'))) {
    const missing = !col.has('title') ? 'title' : 'first_name';
    diagnostics.push({
      rule: 'roster-missing-column',
      severity: 'error',
      path: ['roster'],
      message: `no column for ${missing === 'title' ? 'the job title' : "the person's name"}: expected a header such as ${rosterHeaders(
        missing,
        preset,
      )
        .slice(0, 3)
        .map((h) => `"${h}"`)
        .join(' or ')}; ${fixes.columns(missing)}`,
      ...at(headerAt, 0),
    });
    return {
      ...emptyResult(options),
      preset,
      presetDetected: detected !== undefined,
      columns,
      diagnostics,
    };
  }
  const cell = (record: string[], field: RosterField) => {
    const index = col.get(field);
    return index === undefined ? '' : (record[index] ?? '').trim();
  };

  // Dates: the order given, else the one the file shows (a day above 12), else ISO only.
  const dateCells = records
    .slice(headerAt + 1)
    .flatMap((r) => [cell(r, 'hire_date'), cell(r, 'termination_date')]);
  const found = detectDateOrder(dateCells);
  const order = options.dateOrder ?? found;
  const undecided = order === undefined && dateCells.some((c) => localeDateOrder(c) !== undefined);

  const people: Person[] = [];
  for (let k = headerAt + 1; k < records.length; k++) {
    const record = records[k] ?? [];
    if (record.every((c) => c.trim() === '')) continue;
    const first = cell(record, 'first_name');
    const preferred = cell(record, 'preferred_name');
    const last = cell(record, 'last_name');
    const full = cell(record, 'full_name');
    // A preferred name with a space is a whole display name ("Kate Lin"); else it replaces the first name.
    // A whole name column (Workday's "Worker") is the name people go by; legal names come last.
    const name = preferred.includes(' ')
      ? preferred
      : preferred
        ? [preferred, last].filter(Boolean).join(' ')
        : full || [first, last].filter(Boolean).join(' ');
    if (name === '') {
      report('roster-missing-name', 'the row has no name: every person needs one', {
        record: k,
        cell: col.get('first_name') ?? col.get('full_name') ?? 0,
      });
      continue;
    }
    const title = cell(record, 'title');
    const person: Person = {
      record: k,
      name,
      title,
      department: cell(record, 'department'),
    };
    const legal = [first, last].filter(Boolean).join(' ') || full;
    if (legal !== '' && nameKey(legal) !== nameKey(name)) person.legalName = legal;
    if (full !== '' && nameKey(full) !== nameKey(name)) person.legalName ??= full;
    const id = cell(record, 'employee_id');
    if (id) person.employeeId = id;
    const email = cell(record, 'email');
    if (email) person.email = email;
    const role = title ? roleForTitle(title, options.roles) : undefined;
    if (role) person.role = role;
    const manager = {
      id: cell(record, 'manager_id') || undefined,
      email: cell(record, 'manager_email') || undefined,
      name: cell(record, 'manager') || undefined,
      cell: col.get('manager_id') ?? col.get('manager_email') ?? col.get('manager') ?? 0,
    };
    if (manager.id || manager.email || manager.name) person.manager = manager;
    for (const field of ['hire_date', 'termination_date'] as const) {
      const raw = cell(record, field);
      if (raw === '') continue;
      const value =
        undecided && localeDateOrder(raw) !== undefined
          ? undefined
          : parseDate(raw, order, found && !options.dateOrder ? 'detected' : 'date_order');
      if (value === undefined) continue;
      if (typeof value === 'string') {
        if (field === 'hire_date') person.hire = value;
        else person.termination = value;
      } else {
        report(
          'roster-bad-date',
          `${field === 'hire_date' ? 'hire date' : 'termination date'} (column "${headers[col.get(field) ?? 0]}"): ${value.message.replace('set date_order under accounts', fixes.dateOrder)}`,
          { record: k, cell: col.get(field) ?? 0 },
        );
      }
    }
    const location = cell(record, 'location');
    if (location) person.location = location;
    const fte = cell(record, 'fte');
    if (fte) {
      const value = parseFte(fte);
      if (value === undefined)
        report(
          'roster-bad-fte',
          `FTE (column "${headers[col.get('fte') ?? 0]}") must be a share like 0.5 or a percentage like 50%`,
          { record: k, cell: col.get('fte') ?? 0 },
          'warning',
        );
      else person.fte = value;
    }
    people.push(person);
  }
  if (undecided) {
    const where = records.findIndex(
      (r, k) => k > headerAt && localeDateOrder(cell(r, 'hire_date')) !== undefined,
    );
    report(
      'roster-date-order',
      `the roster has dates like 3/4/2027 and none with a day above 12, so csplan cannot tell March 4 from 3 April: ${fixes.dateOrder}; those dates are left out until then`,
      { record: Math.max(where, headerAt + 1), cell: col.get('hire_date') ?? 0 },
    );
  }

  for (const person of people) {
    const known = knownMember(person, options.existing ?? []);
    if (known) person.known = known;
  }
  resolveManagers(people, headers, col, report);
  const inCs = keptPeople(people, options.asOf);
  const owning = owningPeople(people, options.accountOwners ?? []);
  const kept = keptPeople(people, options.asOf, owning);
  const members = toMembers(people, kept);
  const rowOf = [...kept].sort((a, b) => a - b).map((i) => people[i]?.record ?? headerAt);
  const place = (member: number, key?: string) => {
    const record = rowOf[member] ?? headerAt;
    const field = key === undefined ? undefined : MEMBER_KEY_FIELDS[key]?.find((f) => col.has(f));
    return positions.cell(record, field === undefined ? 0 : (col.get(field) ?? 0));
  };
  const titles = countTitles(
    people.filter((_, i) => kept.has(i)),
    (p) => p.title,
    (p) => p.role?.role,
  );
  const above = aboveKept(people, kept);
  const unknown = countTitles(
    people.filter(
      (p, i) => !p.role && (CS_DEPARTMENT.test(p.department) || kept.has(i) || above.has(i)),
    ),
    (p) => p.title,
    () => undefined,
  ).map((t) => ({
    ...t,
    ...(nearestTitle(t.title, options.roles)
      ? { suggestion: nearestTitle(t.title, options.roles) }
      : {}),
  }));
  for (const t of unknown) {
    const person = people.find((p) => p.title === t.title && !p.role);
    report(
      'roster-unknown-title',
      `job title "${t.title || '(empty)'}" (${t.count} ${t.count === 1 ? 'person' : 'people'}) is not in csplan's title table${t.suggestion ? ` (did you mean "${t.suggestion}"?)` : ''}: ${fixes.roles(t.title)}; until then ${t.count === 1 ? 'this person is' : 'they are'} left out`,
      { record: person?.record ?? headerAt, cell: col.get('title') ?? 0 },
      'warning',
    );
  }
  const left = people.filter(
    (p) => p.termination !== undefined && p.termination < options.asOf,
  ).length;
  return {
    preset,
    presetDetected: detected !== undefined,
    columns,
    members,
    people: people.length,
    place,
    outside: people.length - members.length - left,
    owners: [...owning].filter((i) => kept.has(i) && !inCs.has(i)).length,
    left,
    titles,
    unknownTitles: unknown,
    ...(order ? { dates: { order, detected: options.dateOrder === undefined } } : {}),
    diagnostics,
  };
}

/** The roster columns a team member's key is read from, the first one the file has. */
const MEMBER_KEY_FIELDS: Partial<Record<string, readonly RosterField[]>> = {
  name: ['preferred_name', 'full_name', 'first_name'],
  role: ['title'],
  seniority: ['title'],
  reports_to: ['manager_id', 'manager_email', 'manager'],
  email: ['email'],
  start_date: ['hire_date'],
  leaving: ['termination_date'],
  fte: ['fte'],
  region: ['location'],
  id: ['employee_id', 'preferred_name', 'full_name', 'first_name'],
};

/** A roster that cannot be read at all: no people, one error. */
function unreadable(
  options: RosterOptions,
  rule: string,
  message: string,
  at: { line?: number; column?: number } = {},
): RosterResult {
  return {
    ...emptyResult(options),
    diagnostics: [
      { rule, severity: 'error', path: ['roster'], message, file: options.file, ...at },
    ],
  };
}

function emptyResult(options: RosterOptions): RosterResult {
  return {
    place: () => ({}),
    preset: options.preset,
    presetDetected: false,
    columns: [],
    members: [],
    people: 0,
    outside: 0,
    owners: 0,
    left: 0,
    titles: [],
    unknownTitles: [],
    diagnostics: [],
  };
}

/** Which column feeds each roster field: --columns first, then the preset's headers, then generic ones. */
export function mapRosterColumns(
  headers: readonly string[],
  preset: RosterPresetId | undefined,
  overrides: Partial<Record<RosterField, string>>,
): RosterColumn[] {
  const byKey = new Map<string, number>();
  headers.forEach((h, i) => {
    const key = normaliseHeader(h);
    if (key !== '' && !byKey.has(key)) byKey.set(key, i);
  });
  const used = new Set<number>();
  const out: RosterColumn[] = [];
  for (const field of ROSTER_FIELDS) {
    const given = overrides[field];
    const candidates =
      given !== undefined ? (given.trim() === '' ? [] : [given]) : rosterHeaders(field, preset);
    for (const candidate of candidates) {
      const index = byKey.get(normaliseHeader(candidate));
      if (index === undefined || used.has(index)) continue;
      used.add(index);
      out.push({ field, header: headers[index] ?? candidate, index });
      break;
    }
  }
  return out;
}

/** "50%", "50", "0.5", "1.0" to a share of full time; undefined when it is none of those. */
export function parseFte(text: string): number | undefined {
  const match = /^(\d+(?:\.\d+)?)\s*(%?)$/.exec(text.trim());
  if (!match) return undefined;
  let value = Number(match[1]);
  if (match[2] === '%' || value > 1) value /= 100;
  return value > 0 && value <= 1 ? Math.round(value * 1000) / 1000 : undefined;
}

/** Each person's manager, found by employee id, email, name or "Last, First", accent- and case-blind. */
function resolveManagers(
  people: Person[],
  headers: readonly string[],
  col: ReadonlyMap<RosterField, number>,
  report: (
    rule: InputCode,
    message: string,
    where: { record: number; cell: number },
    severity?: 'error' | 'warning',
  ) => void,
): void {
  const byKey = new Map<string, number[]>();
  const add = (key: string | undefined, index: number) => {
    if (!key) return;
    const list = byKey.get(key) ?? [];
    if (!list.includes(index)) list.push(index);
    byKey.set(key, list);
  };
  people.forEach((p, i) => {
    add(p.employeeId && `id:${p.employeeId.toLowerCase()}`, i);
    add(p.email && `email:${p.email.toLowerCase()}`, i);
    add(`name:${nameKey(p.name)}`, i);
    if (p.legalName) add(`name:${nameKey(p.legalName)}`, i);
    for (const alias of p.known?.aliases ?? []) add(`name:${nameKey(alias)}`, i);
  });
  const unknown = new Map<string, { count: number; record: number; cell: number }>();
  for (const person of people) {
    const m = person.manager;
    if (!m) continue;
    const keys = [
      m.id && `id:${m.id.toLowerCase()}`,
      m.email && `email:${m.email.toLowerCase()}`,
      m.name && `name:${nameKey(m.name)}`,
      m.name?.includes(',')
        ? `name:${nameKey(`${m.name.split(',').slice(1).join(' ')} ${m.name.split(',')[0]}`)}`
        : undefined,
    ].filter((k): k is string => typeof k === 'string');
    let found: number[] | undefined;
    for (const key of keys) {
      found = byKey.get(key);
      if (found) break;
    }
    if (found && found.length > 1) {
      const names = found.map((i) => people[i]?.name ?? '').join(' and ');
      report(
        'roster-ambiguous-manager',
        `manager "${m.name ?? m.email ?? m.id}" matches ${found.length} people (${names}); export the manager's email or employee id`,
        { record: person.record, cell: m.cell },
      );
    } else if (found?.[0] !== undefined) {
      person.managerIndex = found[0];
    } else {
      const label = m.name ?? m.email ?? m.id ?? '';
      const seen = unknown.get(label) ?? { count: 0, record: person.record, cell: m.cell };
      seen.count++;
      unknown.set(label, seen);
    }
  }
  for (const [label, seen] of unknown) {
    const header =
      headers[col.get('manager') ?? col.get('manager_email') ?? col.get('manager_id') ?? 0];
    report(
      'roster-unknown-manager',
      `manager "${label}" (column "${header}", ${seen.count} ${seen.count === 1 ? 'person reports' : 'people report'} to them) is not in the roster; those people get no reports_to`,
      seen,
      'warning',
    );
  }
}

/**
 * The org file's member a roster person is: same email, else a name or alias that is theirs,
 * else the id csplan gives them (`team.members` entries name people by it).
 */
function knownMember(person: Person, existing: readonly KnownMember[]): KnownMember | undefined {
  const email = person.email?.toLowerCase();
  const byEmail = email && existing.find((m) => m.email?.toLowerCase() === email);
  if (byEmail) return byEmail;
  const names = new Set([
    nameKey(person.name),
    ...(person.legalName ? [nameKey(person.legalName)] : []),
  ]);
  return (
    existing.find((m) =>
      [m.name, ...(m.aliases ?? [])].some((n) => n !== undefined && names.has(nameKey(n))),
    ) ?? existing.find((m) => m.id === slug(person.name))
  );
}

function isCs(person: Person): boolean {
  const kind = person.role ? ROLES[person.role.role].kind : undefined;
  if (kind && CS_KINDS.has(kind)) return true;
  return person.role !== undefined && kind !== 'executive' && CS_DEPARTMENT.test(person.department);
}

/**
 * Indexes of the people kept: CS people and account owners still employed, and everyone above
 * them who has a role.
 */
function keptPeople(
  people: Person[],
  asOf: string,
  owning: ReadonlySet<number> = new Set(),
): Set<number> {
  const kept = new Set<number>();
  const gone = (p: Person) => p.termination !== undefined && p.termination < asOf;
  people.forEach((person, i) => {
    if (gone(person) || !person.role || !(isCs(person) || owning.has(i))) return;
    kept.add(i);
    const seen = new Set([i]);
    let up = person.managerIndex;
    while (up !== undefined && !seen.has(up)) {
      seen.add(up);
      const boss = people[up];
      if (boss?.role && !gone(boss)) kept.add(up);
      up = boss?.managerIndex;
    }
  });
  return kept;
}

/** Indexes of the people an account owner names: by email, name, preferred or legal name. */
function owningPeople(people: Person[], owners: readonly string[]): Set<number> {
  if (owners.length === 0) return new Set();
  const resolver = new OwnerResolver(
    people.map((p, i) => ({
      id: String(i),
      name: p.name,
      ...(p.email ? { email: p.email } : {}),
      ...(p.legalName ? { aliases: [p.legalName] } : {}),
    })),
  );
  const owning = new Set<number>();
  for (const owner of owners) {
    const match = resolver.resolve(owner);
    if (match.kind !== 'ambiguous' && match.kind !== 'unmatched') owning.add(Number(match.id));
  }
  return owning;
}

/**
 * Everyone above a kept person in their reporting chain: an unknown title there is reported,
 * since the chain breaks at it. Each chain is walked once (a walk stops where another reached),
 * so a company-wide export takes time linear in its rows.
 */
function aboveKept(people: Person[], kept: Set<number>): Set<number> {
  const above = new Set<number>();
  for (const i of kept) {
    const seen = new Set<number>([i]);
    let up = people[i]?.managerIndex;
    while (up !== undefined && !above.has(up) && !seen.has(up)) {
      above.add(up);
      seen.add(up);
      up = people[up]?.managerIndex;
    }
  }
  return above;
}

function toMembers(people: Person[], kept: Set<number>): RosterMember[] {
  const ids = new Map<number, string>();
  const taken = new Set<string>();
  for (const i of [...kept].sort((a, b) => a - b)) {
    const p = people[i] as Person;
    let id = p.known?.id ?? slug(p.name);
    if (taken.has(id)) id = p.employeeId ? `${id}-${slug(p.employeeId)}` : id;
    for (let n = 2; taken.has(id); n++) id = `${slug(p.name)}-${n}`;
    taken.add(id);
    ids.set(i, id);
  }
  const members: RosterMember[] = [];
  for (const i of [...kept].sort((a, b) => a - b)) {
    const p = people[i] as Person;
    const role = p.role as NonNullable<Person['role']>;
    // The nearest kept person above: a manager left out (unknown title) is stepped over.
    let up = p.managerIndex;
    const seen = new Set<number>();
    while (up !== undefined && !kept.has(up) && !seen.has(up)) {
      seen.add(up);
      up = people[up]?.managerIndex;
    }
    const member: RosterMember = { id: ids.get(i) as string, name: p.name, role: role.role };
    if (role.seniority) member.seniority = role.seniority;
    if (up !== undefined && ids.has(up)) member.reports_to = ids.get(up) as string;
    if (p.email) member.email = p.email;
    if (p.hire) member.start_date = p.hire;
    if (p.termination) member.leaving = p.termination;
    if (p.fte !== undefined && p.fte !== 1) member.fte = p.fte;
    const region = p.location ? regionOfLocation(p.location) : undefined;
    if (region) member.region = region;
    members.push(member);
  }
  return members;
}

/** "Sofía García" -> "sofia-garcia". */
export function slug(text: string): string {
  return (
    text
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'person'
  );
}

function countTitles<T extends { title: string }>(
  list: readonly T[],
  title: (item: T) => string,
  role: (item: T) => RoleId | undefined,
): TitleCount[] {
  const counts = new Map<string, TitleCount>();
  for (const item of list) {
    const t = title(item);
    const entry = counts.get(t) ?? {
      title: t,
      count: 0,
      ...(role(item) ? { role: role(item) } : {}),
    };
    entry.count++;
    counts.set(t, entry);
  }
  return [...counts.values()].sort(
    (a, b) => b.count - a.count || (a.title < b.title ? -1 : a.title > b.title ? 1 : 0),
  );
}
