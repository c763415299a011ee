/**
 * Every diagnostic code the config layer emits while reading an org file or an accounts file,
 * with what `csplan explain CODE` prints about it. The planning rules (src/core/rules) document
 * themselves; together the two registries cover every code csplan can print. The emitters type
 * their code parameters as `InputCode`, so a code missing here does not compile, and a test
 * checks that every code literal in src/ is explained.
 */

export type InputCategory = 'yaml' | 'schema' | 'accounts-file' | 'csv' | 'json' | 'roster';

export interface InputCodeDoc {
  category: InputCategory;
  /** `error` stops the file from being planned; `warning` does not; some codes are either. */
  severity: 'error' | 'warning' | 'error or warning';
  /** One line: what happened. */
  summary: string;
  /** Why csplan reports it and what goes wrong if it is ignored. */
  why: string;
  /** How to fix it. */
  fix: string;
  /** A small before/after, as the user would write it. */
  example: string;
}

const CATEGORY_FILES: Record<InputCategory, string> = {
  yaml: 'the org file',
  schema: 'the org file',
  'accounts-file': 'the accounts file',
  csv: 'the accounts CSV',
  json: 'the accounts JSON',
  roster: 'the HR roster',
};

/** Where the problem is, for the explain header. */
export function categoryFile(category: InputCategory): string {
  return CATEGORY_FILES[category];
}

export const INPUT_CODES = {
  'ambiguous-owner': {
    category: 'schema',
    severity: 'error',
    summary: "An account's owner (or a reports_to) matches two team members by name",
    why: 'An owner can be written as a team id, email or name; when two people share the name, csplan cannot tell whose book the account is in, and every load figure built on it would be a guess.',
    fix: 'Write the owner as the team id or the email of the person you mean.',
    example: 'owner: Alex Kim      # two people named Alex Kim\n\nbecomes\n\nowner: alex-kim-2',
  },
  'file-encoding': {
    category: 'yaml',
    severity: 'error',
    summary: 'The org file is not UTF-8 text (UTF-16, or bytes that are not valid UTF-8)',
    why: 'csplan reads org files as UTF-8. A file saved as UTF-16 or in a legacy code page would be read as garbage, and ids and names would silently change.',
    fix: 'Save the file as UTF-8 (most editors: "Save with encoding" then UTF-8). The message gives the line and column of the first bad byte.',
    example:
      'A file saved by Notepad as "Unicode" (UTF-16)\n\nbecomes\n\nthe same file saved as "UTF-8"',
  },
  'control-character': {
    category: 'yaml',
    severity: 'error',
    summary: 'The file holds a control character (NUL, ESC, a stray carriage return...)',
    why: 'Control characters are invisible in an editor, can forge lines in a CI log or reset a terminal when printed, and are never part of a real id or name.',
    fix: 'Delete the character at the reported line and column; re-export the file if it came from a CRM.',
    example: 'name: "Acme\\x1B[2J"\n\nbecomes\n\nname: Acme',
  },
  'yaml-too-deep': {
    category: 'yaml',
    severity: 'error',
    summary: 'The org file is nested deeper than csplan reads (64 levels)',
    why: 'No org file needs more than a few levels; very deep nesting is how a crafted file exhausts a parser, so csplan stops before reading it.',
    fix: 'Look for an unclosed bracket or a run of "- - -" at the reported line, and write the structure the schema expects.',
    example: 'accounts: [[[[[[ ...\n\nbecomes\n\naccounts:\n  - { id: acme, arr: 120000 }',
  },
  'yaml-version': {
    category: 'yaml',
    severity: 'error',
    summary: 'The file declares YAML 1.1, whose typing csplan does not use',
    why: 'YAML 1.1 reads 010 as 8, 1:30 as 90 and NO as false. csplan reads YAML 1.2 only, so the same file means the same values everywhere.',
    fix: 'Remove the %YAML 1.1 line and quote any value that must stay text.',
    example: '%YAML 1.1\n---\nversion: 1\n\nbecomes\n\nversion: 1',
  },
  'yaml-tag': {
    category: 'yaml',
    severity: 'error',
    summary: 'A value carries a YAML tag (!!js/function, !custom, !!binary...)',
    why: 'Tags ask a parser to build special objects; an org file needs none, and csplan refuses them rather than reading them as plain text.',
    fix: 'Remove the tag and write the plain value.',
    example: 'arr: !!int "120000"\n\nbecomes\n\narr: 120000',
  },
  'yaml-alias': {
    category: 'yaml',
    severity: 'error',
    summary:
      'An alias (*name) refers to an anchor (&name) that is not defined, or is used too often',
    why: 'An undefined alias has no value, and thousands of aliases can expand a small file into gigabytes.',
    fix: 'Define the anchor before the alias, or write the value out.',
    example: 'owner: *lead\n\nbecomes\n\nowner: dana',
  },
  'numeric-id': {
    category: 'schema',
    severity: 'warning',
    summary: 'An id is written as a bare number',
    why: 'YAML reads 007 as 7 and a 20-digit CRM id as a rounded number; csplan keeps the text as written, but other tools may not.',
    fix: 'Quote the id.',
    example: 'id: 0015000000123\n\nbecomes\n\nid: "0015000000123"',
  },
  'accounts-file-outside': {
    category: 'accounts-file',
    severity: 'error',
    summary: "accounts.file points outside the org file's folder",
    why: 'An org file sent in a pull request could otherwise make csplan read any file on the CI machine (through a path or a symlink).',
    fix: 'Move the export beside the org file (or below its folder), or pass --allow-outside-accounts-file if you trust the org file.',
    example:
      'accounts:\n  file: ../../secrets.csv\n\nbecomes\n\naccounts:\n  file: exports/accounts.csv',
  },
  'yaml-syntax': {
    category: 'yaml',
    severity: 'error',
    summary: 'The org file is not valid YAML',
    why: 'csplan cannot read any value from a file the YAML parser rejects, so nothing is checked or planned until it parses. The line and column point at where the parser gave up; the actual mistake is often on the line just above (a missing colon, a stray indent, an unclosed quote or bracket). Tabs cannot indent YAML.',
    fix: 'Look at the reported line and the one above it. Indent with spaces only, keep each key on one line followed by a colon and a space, and close every quote and bracket.',
    example:
      'accounts:\n  - id: acme\n     arr: 120000   # one space too many\n\nbecomes\n\naccounts:\n  - id: acme\n    arr: 120000',
  },
  'duplicate-key': {
    category: 'yaml',
    severity: 'error',
    summary: 'A key appears twice in the same mapping',
    why: 'Only one of two equal keys can hold, so one of the values you wrote would be silently lost.',
    fix: 'Keep one of the two keys, or merge their values.',
    example: 'company:\n  name: Acme\n  name: Acme Inc.\n\nbecomes\n\ncompany:\n  name: Acme Inc.',
  },
  'empty-file': {
    category: 'yaml',
    severity: 'error',
    summary: 'The org file is empty or holds only comments',
    why: 'There is no company, team or accounts to check or plan.',
    fix: 'Run `csplan init` to write a starter org file, or fill in version, company, accounts and team.',
    example:
      'version: 1\ncompany:\n  name: Acme\n  motion: sales-led\naccounts:\n  - id: globex\n    arr: 120000\nteam: []',
  },
  'not-a-mapping': {
    category: 'yaml',
    severity: 'error',
    summary: 'The org file is a list or a single value instead of a mapping',
    why: 'An org file is a mapping with the keys version, company, accounts and team; a list or a plain value has none of them.',
    fix: 'Start the file with the top-level keys, not with "- " or a value.',
    example:
      '- id: acme\n  arr: 120000\n\nbecomes\n\nversion: 1\ncompany: { name: Acme, motion: sales-led }\naccounts:\n  - id: acme\n    arr: 120000\nteam: []',
  },
  'file-too-large': {
    category: 'yaml',
    severity: 'error',
    summary: 'The org file is larger than csplan reads (32 MiB)',
    why: 'A YAML document of that size takes gigabytes of memory to parse; the limit refuses it before the machine runs out.',
    fix: 'Move the account list to a CSV file (one account per line) and point the org file at it.',
    example: 'accounts:\n  file: accounts.csv',
  },
  'growth-too-large': {
    category: 'schema',
    severity: 'error',
    summary: 'The growth would add more customers than csplan plans (200,000)',
    why: 'The timeline dates a req for every person the grown org needs, month by month: growth that adds hundreds of thousands of customers (1,000% a month, a million a year) would keep it busy for minutes. No real plan asks for it; it is usually a typo in a rate or a count.',
    fix: 'Check the growth figures (a monthly rate written as a yearly one, an extra zero), in the file and in each scenario.',
    example:
      'growth:\n  customer_growth_pct_per_month: 1000\n\nbecomes\n\ngrowth:\n  customer_growth_pct_per_month: 10',
  },
  'plan-too-large': {
    category: 'schema',
    severity: 'error',
    summary: 'The plan would need more CSMs than csplan plans (5,000 FTE)',
    why: 'The timeline dates a req for every CSM the org needs, month by month: accounts worth trillions, or growth that multiplies ARR a hundredfold, ask for hundreds of thousands of CSMs and would keep it busy for minutes. No real plan asks for it; it is usually an extra zero in an ARR, a book size or a growth rate.',
    fix: 'Check the ARR of the largest accounts, policy.segments arr_per_csm and accounts_per_csm, and the growth rates.',
    example:
      'accounts:\n  - { id: acme, arr: 1200000000000 }\n\nbecomes\n\naccounts:\n  - { id: acme, arr: 1200000 }',
  },
  'schema-outdated': {
    category: 'yaml',
    severity: 'warning',
    summary: 'The editor schema the org file points at is from an older csplan',
    why: 'The `# yaml-language-server: $schema=...` line tells editors which keys and values the file may hold. A schema from an older csplan makes the editor flag keys this csplan accepts, or miss new ones. csplan itself still checks the file against its own schema.',
    fix: 'Write a current copy with `csplan schema --output FILE` and point `$schema=` at it (the message gives the command).',
    example:
      'csplan schema --output .csplan/org.schema.json\n\n# yaml-language-server: $schema=.csplan/org.schema.json',
  },
  'schema-not-found': {
    category: 'yaml',
    severity: 'warning',
    summary: 'The editor schema the org file points at does not exist',
    why: 'The `# yaml-language-server: $schema=...` line names a local file that is not there, so editors validate and complete nothing. csplan itself still checks the file.',
    fix: 'Write the schema where the line points with `csplan schema --output FILE`, or correct the path (it is relative to the org file).',
    example:
      'csplan schema --output .csplan/org.schema.json\n\n# yaml-language-server: $schema=.csplan/org.schema.json',
  },
  'unknown-key': {
    category: 'schema',
    severity: 'error',
    summary: 'A key csplan does not know, usually a misspelling',
    why: 'An unknown key is most often a typo of a known one (`onwer` for `owner`), and the value you meant to set would otherwise be ignored without a word. In an accounts CSV mapping, it is a `columns:` entry for an account field that does not exist.',
    fix: 'Use the suggested key, or remove the line. When there is no close match, the message lists the keys allowed at that place; `csplan schema` prints them all.',
    example:
      'accounts:\n  - id: acme\n    onwer: dana\n\nbecomes\n\naccounts:\n  - id: acme\n    owner: dana',
  },
  'missing-field': {
    category: 'schema',
    severity: 'error',
    summary: 'A required field is missing',
    why: 'csplan needs the field to place or count the record (for example an account without `arr` cannot be segmented).',
    fix: 'Add the field named in the message.',
    example: 'accounts:\n  - id: acme\n\nbecomes\n\naccounts:\n  - id: acme\n    arr: 120000',
  },
  'invalid-value': {
    category: 'schema',
    severity: 'error',
    summary: 'A value has the wrong type or is outside what the field accepts',
    why: 'The planner relies on each field meaning one thing: a count that is text, a date that is not a date, or a choice outside its list would make every figure built on it wrong.',
    fix: 'Write the value the message asks for; for a choice it names the allowed values and the closest one.',
    example: 'company:\n  motion: sales led\n\nbecomes\n\ncompany:\n  motion: sales-led',
  },
  'money-format': {
    category: 'schema',
    severity: 'error',
    summary: 'Money written as text ("$1.2M", "1,200,000", 1_200_000) instead of a plain number',
    why: 'In YAML those forms are text, not numbers, so csplan cannot add them up. Money is whole dollars written as a plain number.',
    fix: 'Write the amount as digits only, without currency signs, separators, suffixes or quotes.',
    example: 'arr: $1.2M\n\nbecomes\n\narr: 1200000',
  },
  'unknown-role': {
    category: 'schema',
    severity: 'error',
    summary: "A team member's role is not one csplan knows",
    why: 'The role decides what a person counts as: a CSM carries a book, a manager counts towards span of control, CS Ops towards the CS Ops advice. An unknown role would count as nothing.',
    fix: 'Use one of the roles the message lists (the closest one is suggested).',
    example: 'team:\n  - id: dana\n    role: CSM\n\nbecomes\n\nteam:\n  - id: dana\n    role: csm',
  },
  'invalid-policy': {
    category: 'schema',
    severity: 'error',
    summary: 'Policy values under `policy:` contradict each other',
    why: 'Each value may be valid alone, but together they cannot describe a plan: a range whose min is above its max, stage thresholds that do not increase, ramp steps out of order.',
    fix: 'Make ranges run from min to max with the target between them, and thresholds increase from one stage to the next.',
    example:
      'policy:\n  span_of_control: { manager_min: 9, manager_max: 8 }\n\nbecomes\n\npolicy:\n  span_of_control: { manager_min: 5, manager_max: 8 }',
  },
  'unknown-rule': {
    category: 'schema',
    severity: 'error',
    summary: 'A key under `rules:` is not a csplan rule',
    why: 'A misspelt rule id would leave the rule you meant to change at its default severity, without a word.',
    fix: 'Use the suggested rule id; `csplan rules` lists them all.',
    example: 'rules:\n  book-helth-mix: off\n\nbecomes\n\nrules:\n  book-health-mix: off',
  },
  'accounts-file-format': {
    category: 'accounts-file',
    severity: 'error',
    summary: '`accounts.file` is not a .csv or .json file',
    why: 'csplan reads accounts from CSV (a CRM export) or JSON, chosen by the file extension; other formats, such as a spreadsheet, cannot be read.',
    fix: 'Save the export as CSV (in Excel: "CSV UTF-8") and name it in the org file.',
    example: 'accounts:\n  file: accounts.xlsx\n\nbecomes\n\naccounts:\n  file: accounts.csv',
  },
  'accounts-file-missing': {
    category: 'accounts-file',
    severity: 'error',
    summary: 'The accounts file named in the org file does not exist',
    why: 'Without the accounts there is nothing to plan. The path is relative to the org file, not to the folder you run csplan from.',
    fix: 'Correct the path relative to the org file, or move the file next to it.',
    example: 'accounts:\n  file: data/accounts.csv   # data/ beside the org file',
  },
  'accounts-file-unreadable': {
    category: 'accounts-file',
    severity: 'error',
    summary: 'The accounts file exists but cannot be read',
    why: 'The file is a folder, or its permissions do not let csplan read it.',
    fix: 'Check that the path names a file and that your user can read it.',
    example: 'chmod u+r accounts.csv',
  },
  'accounts-file-too-large': {
    category: 'accounts-file',
    severity: 'error',
    summary: 'The accounts file is larger than csplan reads (224 MiB)',
    why: 'Far beyond any CRM export (100,000 accounts take about 15 MB); the limit refuses it before memory runs out. It is usually the wrong file.',
    fix: 'Check that the org file names the accounts export, and export only the columns csplan reads.',
    example: 'accounts:\n  file: accounts.csv',
  },
  'accounts-file-option-ignored': {
    category: 'accounts-file',
    severity: 'warning',
    summary: '`preset`, `columns` or `date_order` set for a JSON accounts file',
    why: 'Those options describe CSV exports. A JSON accounts file uses the org file field names and YYYY-MM-DD dates, so the option has no effect.',
    fix: 'Remove the option, or point `accounts.file` at the CSV export it was meant for.',
    example:
      'accounts:\n  file: accounts.json\n  preset: salesforce\n\nbecomes\n\naccounts:\n  file: accounts.json',
  },
  'csv-encoding': {
    category: 'csv',
    severity: 'error or warning',
    summary: 'The CSV is not saved as UTF-8',
    why: 'A UTF-16 file (Excel\'s "Unicode Text") cannot be read at all (error). A Windows-1252 file (Excel\'s plain "CSV") loses accented letters in names and owners (warning), so owners may no longer match the team.',
    fix: 'Save the file again as "CSV UTF-8" (Excel: File > Save As > CSV UTF-8).',
    example: 'File > Save As > "CSV UTF-8 (Comma delimited) (.csv)"',
  },
  'json-encoding': {
    category: 'json',
    severity: 'error',
    summary: 'The JSON accounts file is UTF-16',
    why: 'csplan reads UTF-8 text; a UTF-16 file cannot be parsed.',
    fix: 'Save the file as UTF-8.',
    example: 'iconv -f UTF-16 -t UTF-8 accounts.json > accounts-utf8.json',
  },
  'csv-syntax': {
    category: 'csv',
    severity: 'error',
    summary: 'The CSV cannot be parsed, usually an unclosed quote',
    why: 'After an unclosed quote the parser cannot tell where a cell ends, so no row after it can be read reliably.',
    fix: 'Close the quote on the reported line, or double a quote that is part of a value.',
    example: 'acme,"Acme, Inc,120000\n\nbecomes\n\nacme,"Acme, Inc",120000',
  },
  'csv-too-many-accounts': {
    category: 'csv',
    severity: 'error',
    summary: 'The export has more accounts than csplan plans (2,000,000)',
    why: 'Each account read is kept in memory; the limit keeps the largest accepted export under 1 GB instead of running the machine out of memory. No CS team plans more accounts than this in one file.',
    fix: 'Export one business unit or region per org file, or leave out closed, churned and test accounts.',
    example: 'accounts:\n  file: accounts-emea.csv',
  },
  'json-too-many-accounts': {
    category: 'csv',
    severity: 'error',
    summary: 'The JSON accounts file has more accounts than csplan plans (2,000,000)',
    why: 'The same limit as for a CSV export: each account is kept in memory, and no CS team plans more accounts than this in one file.',
    fix: 'Export one business unit or region per org file, or leave out closed, churned and test accounts.',
    example: 'accounts:\n  file: accounts-emea.json',
  },
  'csv-empty': {
    category: 'csv',
    severity: 'error',
    summary: 'The CSV file has no header line',
    why: 'The first line names the columns; without it no account can be read.',
    fix: 'Export again with a header line, at least id and arr.',
    example: 'id,name,arr,owner\nacme,Acme Inc,120000,dana',
  },
  'csv-delimiter': {
    category: 'csv',
    severity: 'error',
    summary: 'The CSV separates its columns with semicolons or tabs, not commas',
    why: 'Excel in many European locales saves "CSV" with semicolons; read with commas, the whole header is one column and no field can be found.',
    fix: 'Save it as "CSV UTF-8 (Comma delimited)", or export it again from the CRM.',
    example: 'Account ID,ARR,Account Owner\n001A,120000,Dana Scully',
  },
  'csv-missing-column': {
    category: 'csv',
    severity: 'error',
    summary:
      'A column csplan needs is not in the CSV, or `columns:` names a header the file does not have',
    why: 'Every account needs an id and its ARR; a column mapping that names a missing header would leave that field empty for every row.',
    fix: 'Add the column to the export, or map it under `accounts.columns` to the header your CRM uses.',
    example: 'accounts:\n  file: accounts.csv\n  columns:\n    arr: Annual Recurring Revenue',
  },
  'csv-duplicate-header': {
    category: 'csv',
    severity: 'warning',
    summary: 'Two columns have the same header',
    why: 'csplan reads the first of them and ignores the other, which may be the one you meant.',
    fix: 'Rename or remove one of the columns, or map the field to the intended header under `accounts.columns`.',
    example: 'id,arr,owner,owner\n\nbecomes\n\nid,arr,owner,previous_owner',
  },
  'csv-ragged-row': {
    category: 'csv',
    severity: 'error',
    summary: 'A row has more or fewer cells than the header',
    why: 'Usually a value with a comma that is not quoted, or a line break inside a value: every cell after it would land in the wrong column.',
    fix: 'Quote values that contain commas or line breaks.',
    example: 'acme,Acme, Inc,120000\n\nbecomes\n\nacme,"Acme, Inc",120000',
  },
  'csv-missing-value': {
    category: 'csv',
    severity: 'error',
    summary: 'A required cell (id or arr) is empty',
    why: 'An account without an id cannot be referred to, and one without ARR cannot be segmented or counted in capacity.',
    fix: 'Fill the cell (0 for a free account), or leave rows that are not customers out of the export.',
    example: 'acme,Acme Inc,,dana\n\nbecomes\n\nacme,Acme Inc,120000,dana',
  },
  'csv-bad-money': {
    category: 'csv',
    severity: 'error',
    summary: 'A money cell cannot be read as an amount',
    why: 'An abbreviated amount ("1.2M"), a negative one or one with a decimal comma cannot be added into segments and capacity, so the row is not read.',
    fix: 'Export plain amounts in one currency. Currency signs and codes, thousands separators and cents are read; suffixes like k or M, negative amounts and decimal commas (1.250.000,00) are not.',
    example: 'acme,Acme Inc,1.2M\n\nbecomes\n\nacme,Acme Inc,1200000',
  },
  'csv-bad-number': {
    category: 'csv',
    severity: 'error or warning',
    summary: 'A count cell is not a whole number of 0 or more',
    why: 'Counts such as stakeholders or implementation days move the load of an account; text or a negative number cannot, so the row is not read (an error). `employees` is read for reference only: a bad cell there is a warning and the cell is left empty.',
    fix: 'Write a whole number, or leave the cell empty when unknown.',
    example: 'stakeholders\nabout 6\n\nbecomes\n\nstakeholders\n6',
  },
  'csv-bad-boolean': {
    category: 'csv',
    severity: 'error',
    summary: 'A yes/no cell is not true or false',
    why: 'Flags such as strategic or regulated change how an account is placed and weighed.',
    fix: 'Write true or false (yes/no and 1/0 are read too).',
    example: 'regulated\nmaybe\n\nbecomes\n\nregulated\nfalse',
  },
  'csv-bad-date': {
    category: 'csv',
    severity: 'error',
    summary: 'A date cell is not a real date csplan can read',
    why: 'Dates decide renewals, tenure on the ramp and the cool-down after a negative event; a wrong date moves all three.',
    fix: 'Write YYYY-MM-DD, or a full four-digit year in the order `date_order` names.',
    example: 'renewal_date\n31/02/27\n\nbecomes\n\nrenewal_date\n2027-02-28',
  },
  'csv-bad-value': {
    category: 'csv',
    severity: 'error',
    summary: 'A cell holds a value outside the choices of its field',
    why: 'Fields such as health or complexity take one of a few values; anything else cannot be weighed.',
    fix: 'Use one of the values the message lists (case does not matter in a CSV).',
    example: 'health\namber\n\nbecomes\n\nhealth\nyellow',
  },
  'csv-date-order': {
    category: 'csv',
    severity: 'error',
    summary: 'Dates like 3/4/2027 could be month-first or day-first',
    why: 'When no date in a column has a day above 12, March 4 and 3 April look the same, and guessing would move renewals by months. When `date_order` is set but a date only the other order can read, the setting is wrong.',
    fix: 'Set `date_order` under `accounts` (csplan import and init take --date-order).',
    example: 'accounts:\n  file: accounts.csv\n  date_order: month-first   # US exports',
  },
  'csv-foreign-values': {
    category: 'csv',
    severity: 'warning',
    summary:
      "A column named like a csplan field holds the CRM's own values (a Segment of Commercial/SMB, a Health of 1-10)",
    why: "csplan matched the column by its header, but its values are not csplan's, so reading them would fail every row. The cells are left unread (segments then come from ARR) and the column is reported once, with its values and counts.",
    fix: 'Map the values under accounts with `values:` (a value or a number range per csplan value; `csplan import --values "segment.Commercial=mid-market"`), or leave the column unread with `columns: { segment: "" }`.',
    example:
      'accounts:\n  file: accounts.csv\n\nbecomes\n\naccounts:\n  file: accounts.csv\n  values:\n    segment: { Commercial: mid-market, SMB: smb }\n    health: { "1-3": red, "4-6": yellow, "7-10": green }',
  },
  'csv-mixed-currency': {
    category: 'csv',
    severity: 'warning',
    summary: 'A money column mixes currencies',
    why: 'csplan adds amounts as they are, so dollars and euros in one column give a wrong total ARR and wrong segments.',
    fix: 'Export the amounts converted to one currency (most CRMs offer a converted-amount column).',
    example: 'accounts:\n  file: accounts.csv\n  columns:\n    arr: ARR (converted)',
  },
  'csv-ambiguous-owner': {
    category: 'csv',
    severity: 'error',
    summary: 'An owner cell matches the names of several team members',
    why: 'csplan cannot tell whose book the account belongs to.',
    fix: "Export the owner's email or team id, or make the names in `team:` distinct.",
    example: 'owner\nAlex Kim\n\nbecomes\n\nowner\nalex.kim@example.com',
  },
  'roster-missing-column': {
    category: 'roster',
    severity: 'error',
    summary: 'The roster has no column for the job title or for the name',
    why: 'csplan turns each job title into a role and each name into a team member; without them no one can be placed on the team.',
    fix: 'Export the job title and name columns, or name yours with --columns title="Position" (fields: employee_id, full_name, first_name, preferred_name, last_name, email, title, department, manager, manager_email, manager_id, hire_date, termination_date, location, fte).',
    example:
      'csplan import roster.csv --team\n\nbecomes\n\ncsplan import roster.csv --team --columns title="Position"',
  },
  'roster-missing-name': {
    category: 'roster',
    severity: 'error',
    summary: 'A roster row has no name',
    why: 'A team member is known by name in reports and in the CRM; a row without one cannot be matched to anything.',
    fix: 'Fill the name in the HR system, or delete the row from the export.',
    example: '101,,,CSM\n\nbecomes\n\n101,Kate,Lin,CSM',
  },
  'roster-bad-date': {
    category: 'roster',
    severity: 'error',
    summary: 'A hire or termination date cannot be read',
    why: 'The hire date sets the ramp of a new CSM and the termination date the hand-over of a book; a wrong date moves both.',
    fix: 'Export dates as YYYY-MM-DD, or as the HR system writes them with --date-order month-first or day-first.',
    example: 'Hire Date\n2024-13-45\n\nbecomes\n\nHire Date\n2024-03-15',
  },
  'roster-date-order': {
    category: 'roster',
    severity: 'error',
    summary: 'Dates like 3/4/2027 could be month-first or day-first',
    why: 'When no date has a day above 12, March 4 and 3 April look the same; guessing would move a start date or a last day by months.',
    fix: 'Add --date-order month-first (US exports) or day-first.',
    example:
      'csplan import roster.csv --team\n\nbecomes\n\ncsplan import roster.csv --team --date-order day-first',
  },
  'roster-bad-fte': {
    category: 'roster',
    severity: 'warning',
    summary: 'An FTE cell is neither a share (0.5) nor a percentage (50%)',
    why: 'FTE scales the book a person can carry; an unreadable one is left at full time.',
    fix: 'Export FTE as a number between 0 and 1 or as a percentage.',
    example: 'FTE\nhalf\n\nbecomes\n\nFTE\n0.5',
  },
  'roster-unknown-title': {
    category: 'roster',
    severity: 'warning',
    summary: "A CS person's job title is not in csplan's title table",
    why: 'The role decides who carries a book and who manages; csplan does not guess a role from an unknown title, so the person is left out of the team until it is mapped.',
    fix: 'Map the title with --roles "Title=role" (repeatable); `csplan import --help` lists the roles.',
    example: 'Customer Happiness Hero\n\nbecomes\n\n--roles "Customer Happiness Hero=csm"',
  },
  'roster-unknown-manager': {
    category: 'roster',
    severity: 'warning',
    summary: "A person's manager is not in the roster",
    why: 'reports_to must name someone on the team; a manager missing from the export leaves their reports without one, and the chart shows them unattached.',
    fix: 'Export the whole company (or the manager too), or give the manager by email or employee id.',
    example: 'Reports To\nLin, Kate\n\nbecomes\n\nReports To\nLin, Katherine',
  },
  'roster-ambiguous-manager': {
    category: 'roster',
    severity: 'error',
    summary: 'A manager name matches several people in the roster',
    why: 'Two people share the name, so csplan cannot tell whom the person reports to.',
    fix: "Export the manager's email or employee id column as well (Manager Email, Manager Employee ID).",
    example: 'Manager\nAlex Kim\n\nbecomes\n\nManager Email\nalex.kim@example.com',
  },
  'team-file-format': {
    category: 'roster',
    severity: 'error',
    summary: '`team.file` is not a .csv file',
    why: 'csplan reads the team from an HR roster saved as CSV; other formats, such as a spreadsheet, cannot be read.',
    fix: 'Export the people report as CSV and name it in the org file.',
    example: 'team:\n  file: people.xlsx\n\nbecomes\n\nteam:\n  file: people.csv',
  },
  'team-file-missing': {
    category: 'roster',
    severity: 'error',
    summary: 'The roster named by `team.file` does not exist',
    why: 'Without the roster there is no team to plan with. The path is relative to the org file, not to the folder you run csplan from.',
    fix: 'Correct the path relative to the org file, or move the roster next to it.',
    example: 'team:\n  file: hr/roster.csv   # hr/ beside the org file',
  },
  'team-file-unreadable': {
    category: 'roster',
    severity: 'error',
    summary: 'The roster exists but cannot be read',
    why: 'The path names a folder, a device or a pipe, or its permissions do not let csplan read it.',
    fix: 'Check that the path names a file and that your user can read it.',
    example: 'chmod u+r roster.csv',
  },
  'team-file-outside': {
    category: 'roster',
    severity: 'error',
    summary: "`team.file` points outside the org file's folder",
    why: 'An org file sent in a pull request could otherwise make csplan read any file on the CI machine (through a path or a symlink).',
    fix: 'Move the roster beside the org file (or below its folder), or pass --allow-outside-accounts-file if you trust the org file.',
    example: 'team:\n  file: ../../hr/all-staff.csv\n\nbecomes\n\nteam:\n  file: hr/roster.csv',
  },
  'team-file-too-large': {
    category: 'roster',
    severity: 'error',
    summary: 'The roster is larger than csplan reads (32 MiB)',
    why: 'Far beyond any company roster (100,000 people take about 20 MB); the limit refuses it before it costs minutes and memory. It is usually the wrong file.',
    fix: 'Check that the org file names the people export, and export only the columns csplan reads.',
    example: 'team:\n  file: roster.csv',
  },
  'team-member-not-in-roster': {
    category: 'roster',
    severity: 'warning',
    summary: '`team.members` names someone the roster does not list',
    why: 'An entry without a role only adds keys (segment, aliases...) to a person HR lists; when HR no longer lists them (they left, or their name changed) the keys have no one to go to.',
    fix: 'Remove the entry if the person left; add the old name under `aliases:` if it changed; give it a role (and a start_date) if it is a planned hire.',
    example:
      'members:\n  - id: dana-cho\n    segment: enterprise\n\nbecomes\n\nmembers:\n  - id: dana-cho-hire\n    name: Enterprise CSM (hire)\n    role: csm\n    start_date: 2027-04-01',
  },
  'json-syntax': {
    category: 'json',
    severity: 'error',
    summary: 'The JSON accounts file cannot be parsed',
    why: 'A missing comma, bracket or quote stops the whole file from being read.',
    fix: 'Fix the JSON at the reported position (a JSON linter shows the same place).',
    example: '[{ "id": "acme" "arr": 120000 }]\n\nbecomes\n\n[{ "id": "acme", "arr": 120000 }]',
  },
  'json-not-a-list': {
    category: 'json',
    severity: 'error',
    summary: 'The JSON accounts file is not a list of accounts',
    why: 'csplan reads one account object per list item; an object or a value has no accounts in it.',
    fix: 'Make the top level a list of account objects.',
    example:
      '{ "accounts": [{ "id": "acme", "arr": 120000 }] }\n\nbecomes\n\n[{ "id": "acme", "arr": 120000 }]',
  },
  'json-ambiguous-owner': {
    category: 'json',
    severity: 'error',
    summary: "An account's owner matches the names of several team members",
    why: 'csplan cannot tell whose book the account belongs to.',
    fix: "Give the owner's email or team id, or make the names in `team:` distinct.",
    example: '"owner": "Alex Kim"\n\nbecomes\n\n"owner": "alex.kim@example.com"',
  },
} as const satisfies Record<string, InputCodeDoc>;

export type InputCode = keyof typeof INPUT_CODES;

export const INPUT_CODE_IDS = Object.keys(INPUT_CODES) as InputCode[];

export function findInputCode(code: string): InputCodeDoc | undefined {
  return Object.hasOwn(INPUT_CODES, code) ? INPUT_CODES[code as InputCode] : undefined;
}
