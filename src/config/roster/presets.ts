/**
 * Header names of HR roster exports, per roster field. Headers are compared with
 * `normaliseHeader` (case, spaces and punctuation do not matter), like CRM headers.
 */
import { normaliseHeader } from '../csv/presets.js';

export const ROSTER_FIELDS = [
  'employee_id',
  'full_name',
  'first_name',
  'preferred_name',
  'last_name',
  'email',
  'title',
  'department',
  'manager',
  'manager_email',
  'manager_id',
  'hire_date',
  'termination_date',
  'location',
  'fte',
] as const;
export type RosterField = (typeof ROSTER_FIELDS)[number];

export const ROSTER_PRESET_IDS = ['bamboohr', 'rippling', 'hibob', 'workday', 'gusto'] as const;
export type RosterPresetId = (typeof ROSTER_PRESET_IDS)[number];

type Headers = Partial<Record<RosterField, readonly string[]>>;

export const ROSTER_PRESETS: Record<RosterPresetId, { label: string; headers: Headers }> = {
  bamboohr: {
    label: 'BambooHR',
    headers: {
      employee_id: ['Employee #', 'Employee Number'],
      first_name: ['First Name'],
      preferred_name: ['Preferred Name'],
      last_name: ['Last Name'],
      email: ['Work Email'],
      title: ['Job Title'],
      department: ['Department'],
      manager: ['Reports To'],
      hire_date: ['Hire Date', 'Original Hire Date'],
      termination_date: ['Termination Date'],
      location: ['Location'],
      fte: ['FTE'],
    },
  },
  rippling: {
    label: 'Rippling',
    headers: {
      employee_id: ['Employee number', 'Employee ID'],
      first_name: ['Legal first name'],
      preferred_name: ['Preferred first name'],
      last_name: ['Legal last name', 'Preferred last name'],
      email: ['Work email'],
      title: ['Title'],
      department: ['Department'],
      manager: ['Manager'],
      manager_email: ['Manager work email', 'Manager email'],
      hire_date: ['Start date'],
      termination_date: ['End date', 'Termination date'],
      location: ['Work location'],
      fte: ['FTE'],
    },
  },
  hibob: {
    label: 'HiBob',
    headers: {
      employee_id: ['Employee ID'],
      first_name: ['First name'],
      preferred_name: ['Display name'],
      last_name: ['Surname', 'Last name'],
      email: ['Email'],
      title: ['Job title'],
      department: ['Department'],
      manager: ['Reports to'],
      hire_date: ['Start date'],
      termination_date: ['Termination date'],
      location: ['Site'],
      fte: ['FTE %', 'FTE'],
    },
  },
  workday: {
    label: 'Workday',
    headers: {
      employee_id: ['Employee ID'],
      full_name: ['Worker'],
      first_name: ['Legal Name - First Name', 'Legal First Name'],
      preferred_name: ['Preferred Name - First Name', 'Preferred First Name'],
      last_name: ['Legal Name - Last Name', 'Legal Last Name'],
      email: ['Primary Work Email', 'Email - Work'],
      title: ['Business Title', 'Job Profile'],
      department: ['Supervisory Organization', 'Cost Center'],
      manager: ['Manager'],
      manager_id: ['Manager Employee ID', 'Manager ID'],
      hire_date: ['Hire Date'],
      termination_date: ['Termination Date'],
      location: ['Location', 'Work Location'],
      fte: ['FTE', 'Scheduled Weekly Hours'],
    },
  },
  gusto: {
    label: 'Gusto',
    headers: {
      first_name: ['First name'],
      preferred_name: ['Preferred first name'],
      last_name: ['Last name'],
      email: ['Work email'],
      title: ['Job title'],
      department: ['Department'],
      manager: ['Manager'],
      hire_date: ['Hire date', 'Start date'],
      termination_date: ['Dismissal date', 'Termination date'],
      location: ['Work address', 'Work location'],
    },
  },
};

/** Each field's own name and plain-English headers, read whatever the preset. */
const GENERIC: Headers = {
  employee_id: ['employee_id', 'Employee ID', 'id'],
  full_name: ['name', 'Full Name', 'Employee Name', 'Employee'],
  first_name: ['First Name'],
  preferred_name: ['Preferred Name', 'Nickname'],
  last_name: ['Last Name', 'Surname', 'Family Name'],
  email: ['email', 'Work Email', 'Email Address'],
  title: ['title', 'Job Title', 'Position'],
  department: ['department', 'Team'],
  manager: ['manager', 'Reports To', 'Manager Name', 'Supervisor'],
  manager_email: ['manager_email', 'Manager Email'],
  manager_id: ['manager_id', 'Manager ID', 'Manager Employee ID'],
  hire_date: ['hire_date', 'Hire Date', 'Start Date'],
  termination_date: ['termination_date', 'Termination Date', 'End Date', 'Leaving Date'],
  location: ['location', 'Office', 'Work Location', 'Country'],
  fte: ['fte', 'FTE'],
};

/** Headers a roster field is read from, preferred first: the preset's, then the generic ones. */
export function rosterHeaders(field: RosterField, preset: RosterPresetId | undefined): string[] {
  return [
    ...(preset ? (ROSTER_PRESETS[preset].headers[field] ?? []) : []),
    ...(GENERIC[field] ?? []),
  ];
}

/**
 * The preset whose distinctive headers a file has most of (at least three), or undefined. Used
 * to pick the preset and, by `csplan import`, to tell a roster from a CRM export.
 */
export function detectRosterPreset(headers: readonly string[]): RosterPresetId | undefined {
  const keys = new Set(headers.map(normaliseHeader));
  let best: RosterPresetId | undefined;
  let bestScore = 2;
  for (const id of ROSTER_PRESET_IDS) {
    let score = 0;
    for (const names of Object.values(ROSTER_PRESETS[id].headers))
      if (names?.some((name) => keys.has(normaliseHeader(name)))) score++;
    if (score > bestScore) {
      best = id;
      bestScore = score;
    }
  }
  return best;
}

/** A roster has a job title and a manager column; a CRM export has neither. */
export function looksLikeRoster(headers: readonly string[]): boolean {
  const keys = new Set(headers.map(normaliseHeader));
  const has = (field: RosterField) =>
    rosterHeaders(field, undefined).some((name) => keys.has(normaliseHeader(name)));
  return detectRosterPreset(headers) !== undefined || (has('title') && has('manager'));
}
