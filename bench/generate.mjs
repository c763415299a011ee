/**
 * Seeded synthetic org files for `npm run bench` (never committed: bench/.data/ is gitignored).
 *
 * The same seed always gives byte-identical files: a 32-bit PRNG (mulberry32), no Math.random,
 * no clock. A product-led company's account mix: a long self-serve tail, pooled SMB, named
 * mid-market, enterprise and strategic books; owners on every named account, CSM teams sized to
 * the default ratios, so the planner has real work to do.
 *
 * Writes, for N in 1k, 10k, 100k:
 *   org-N.yaml            accounts listed inline (YAML), one account per line (flow mapping)
 *   org-N-block.yaml      the same, one key per line (block mapping under each `- `)
 *   accounts-N.csv        the same accounts as a CSV with the org's own field names
 *   org-N-csv.yaml        the same org, accounts: { file: accounts-N.csv }
 * and for 100k a Salesforce report export of the same accounts (BOM, CRLF, every cell quoted,
 * "$1,250,000.00" money, footer rows, owners as full names): sf-100k.csv + org-100k-sf.yaml.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const GENERATOR_VERSION = 3;
export const SIZES = [
  ['1k', 1_000],
  ['10k', 10_000],
  ['100k', 100_000],
];

function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST = [
  'Ava',
  'Ben',
  'Chloe',
  'Dev',
  'Elena',
  'Farid',
  'Grace',
  'Hugo',
  'Ines',
  'Jonas',
  'Kira',
  'Liam',
  'Maya',
  'Noah',
  'Olga',
  'Priya',
  'Quinn',
  'Rosa',
  'Sven',
  'Tara',
  'Umar',
  'Vera',
  'Wes',
  'Xia',
  'Yara',
  'Zeke',
];
const LAST = [
  'Adler',
  'Brandt',
  'Costa',
  'Dubois',
  'Eriksen',
  'Fischer',
  'Garcia',
  'Haddad',
  'Ito',
  'Jensen',
  'Kowalski',
  'Larsen',
  'Moreau',
  'Nakamura',
  'Okafor',
  'Petrov',
  'Quinlan',
  'Rossi',
  'Silva',
  'Tanaka',
];
const WORDS = [
  'Apex',
  'Beacon',
  'Cedar',
  'Delta',
  'Ember',
  'Falcon',
  'Granite',
  'Harbor',
  'Iris',
  'Juniper',
  'Kestrel',
  'Lumen',
  'Maple',
  'Nimbus',
  'Orchid',
  'Pioneer',
  'Quartz',
  'Summit',
  'Tidal',
  'Vertex',
];
const SUFFIX = [
  'Labs',
  'Systems',
  'Health',
  'Logistics',
  'Foods',
  'Bank',
  'Analytics',
  'Retail',
  'Energy',
  'Media',
];
const LEGAL = ['Inc.', 'LLC', 'GmbH', 'Ltd.', 'S.A.'];
const INDUSTRIES = [
  'Software',
  'Healthcare',
  'Financial Services',
  'Retail',
  'Manufacturing',
  'Logistics',
  'Education',
  'Media',
];
const REGIONS = [
  ['NA', 'America/New_York', 'en'],
  ['NA', 'America/Chicago', 'en'],
  ['NA', 'America/Los_Angeles', 'en'],
  ['EMEA', 'Europe/London', 'en'],
  ['EMEA', 'Europe/Berlin', 'de'],
  ['EMEA', 'Europe/Paris', 'fr'],
  ['APAC', 'Asia/Tokyo', 'ja'],
  ['APAC', 'Australia/Sydney', 'en'],
];
const COUNTRIES = { NA: 'United States', EMEA: 'Germany', APAC: 'Japan' };
/** [segment, share of accounts, lowest ARR, highest ARR, accounts per CSM] */
const MIX = [
  ['strategic', 0.002, 500_000, 2_400_000, 8],
  ['enterprise', 0.018, 100_000, 499_000, 20],
  ['mid-market', 0.08, 25_000, 99_000, 60],
  ['smb', 0.25, 5_000, 24_900, 150],
  ['self-serve', 0.65, 0, 4_900, 0],
];

function pick(random, list) {
  return list[Math.floor(random() * list.length)];
}

/** An org of `count` accounts: company, team and accounts as plain data. */
export function generateOrg(count, seed = 20261123, staffing = 0.9) {
  const random = mulberry32(seed + count);
  const accounts = [];
  const bySegment = new Map(MIX.map(([segment]) => [segment, 0]));
  for (let i = 0; i < count; i++) {
    let roll = random();
    let tier = MIX[MIX.length - 1];
    for (const row of MIX) {
      if (roll < row[1]) {
        tier = row;
        break;
      }
      roll -= row[1];
    }
    const [segment, , low, high] = tier;
    bySegment.set(segment, (bySegment.get(segment) ?? 0) + 1);
    const arr = Math.round((low + (high - low) * random() ** 2) / 100) * 100;
    const [region, timezone, language] = pick(random, REGIONS);
    const healthRoll = random();
    accounts.push({
      id: `acct-${String(i + 1).padStart(6, '0')}`,
      name: `${pick(random, WORDS)} ${pick(random, SUFFIX)}, ${pick(random, LEGAL)}`,
      arr,
      segment,
      health: healthRoll < 0.7 ? 'green' : healthRoll < 0.9 ? 'yellow' : 'red',
      complexity:
        segment === 'strategic' || segment === 'enterprise'
          ? pick(random, ['medium', 'high'])
          : pick(random, ['low', 'medium']),
      industry: pick(random, INDUSTRIES),
      region,
      timezone,
      language,
      stakeholders: 1 + Math.floor(random() * (segment === 'self-serve' ? 2 : 9)),
      implementation_days: segment === 'self-serve' ? 0 : 10 + Math.floor(random() * 150),
      regulated: random() < 0.12,
      renewal_date: `2027-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`,
    });
  }

  const team = [
    { id: 'ceo', name: 'Morgan Reyes', role: 'ceo' },
    { id: 'vp-cs', name: 'Jordan Blake', role: 'vp-cs', reports_to: 'ceo' },
    { id: 'cs-ops-1', name: 'Casey Ortiz', role: 'cs-ops', reports_to: 'vp-cs' },
    {
      id: 'digital-1',
      name: 'Riley Chen',
      role: 'digital-csm',
      reports_to: 'vp-cs',
      segment: 'self-serve',
    },
  ];
  const csmsBySegment = new Map();
  let person = 0;
  for (const [segment, , , , perCsm] of MIX) {
    if (perCsm === 0) continue;
    const needed = Math.max(1, Math.ceil((bySegment.get(segment) ?? 0) / perCsm));
    // About 90% staffed by default: the planner finds a gap to close.
    const hired = Math.max(1, Math.round(needed * staffing));
    const ids = [];
    let manager;
    for (let i = 0; i < hired; i++) {
      if (i % 7 === 0) {
        manager = `mgr-${segment}-${i / 7 + 1}`;
        team.push({
          id: manager,
          name: personName(person++),
          role: 'manager-cs',
          reports_to: 'vp-cs',
        });
      }
      const id = `csm-${segment}-${i + 1}`;
      const name = personName(person++);
      team.push({
        id,
        name,
        role: 'csm',
        reports_to: manager,
        segment,
        email: `${id}@example.com`,
        seniority: pick(random, ['junior', 'mid', 'senior']),
        start_date: `20${pick(random, ['22', '23', '24', '25'])}-0${1 + Math.floor(random() * 9)}-01`,
      });
      ids.push(id);
    }
    csmsBySegment.set(segment, ids);
  }
  const counters = new Map();
  for (const account of accounts) {
    const ids = csmsBySegment.get(account.segment);
    if (!ids) continue;
    const n = counters.get(account.segment) ?? 0;
    counters.set(account.segment, n + 1);
    account.owner = ids[n % ids.length];
  }
  for (const account of accounts) delete account.segment;
  return {
    company: {
      name: 'Bench Cloud',
      motion: 'product-led',
      product_complexity: 'medium',
      as_of: '2026-11-23',
    },
    team,
    accounts,
  };
}

function personName(n) {
  return `${FIRST[n % FIRST.length]} ${LAST[Math.floor(n / FIRST.length) % LAST.length]}${n >= FIRST.length * LAST.length ? ` ${Math.floor(n / (FIRST.length * LAST.length)) + 1}` : ''}`;
}

const FIELDS = [
  'id',
  'name',
  'arr',
  'owner',
  'health',
  'complexity',
  'industry',
  'region',
  'timezone',
  'language',
  'stakeholders',
  'implementation_days',
  'regulated',
  'renewal_date',
];

function yamlScalar(value) {
  return typeof value === 'string' && !/^[\w./@-]+$/.test(value)
    ? JSON.stringify(value)
    : String(value);
}

function yamlHead(org, comment) {
  const lines = [`# ${comment}`, 'version: 1', 'company:'];
  for (const [key, value] of Object.entries(org.company)) lines.push(`  ${key}: ${value}`);
  lines.push('team:');
  for (const member of org.team) {
    const entries = Object.entries(member).filter(([, v]) => v !== undefined);
    for (const [i, [key, value]] of entries.entries()) {
      lines.push(`${i === 0 ? '  - ' : '    '}${key}: ${yamlScalar(value)}`);
    }
  }
  return lines;
}

export function toYaml(org) {
  const lines = yamlHead(
    org,
    `Synthetic benchmark org: ${org.accounts.length} accounts (bench/generate.mjs)`,
  );
  lines.push('accounts:');
  // One flow mapping per account, as people write long account lists (examples/first-csm.yaml).
  for (const account of org.accounts) {
    const entries = FIELDS.filter((f) => account[f] !== undefined).map(
      (f) => `${f}: ${yamlScalar(account[f])}`,
    );
    lines.push(`  - { ${entries.join(', ')} }`);
  }
  return `${lines.join('\n')}\n`;
}

/** The same org with each account written one key per line, as an editor or exporter writes it. */
export function toBlockYaml(org) {
  const lines = yamlHead(
    org,
    `Synthetic benchmark org: ${org.accounts.length} accounts, one key per line (bench/generate.mjs)`,
  );
  lines.push('accounts:');
  for (const account of org.accounts) {
    FIELDS.filter((f) => account[f] !== undefined).forEach((f, i) => {
      lines.push(`${i === 0 ? '  - ' : '    '}${f}: ${yamlScalar(account[f])}`);
    });
  }
  return `${lines.join('\n')}\n`;
}

export function toYamlWithFile(org, file, extra = []) {
  const lines = yamlHead(
    org,
    `Synthetic benchmark org: ${org.accounts.length} accounts in ${file}`,
  );
  lines.push('accounts:', `  file: ${file}`, ...extra);
  return `${lines.join('\n')}\n`;
}

function csvCell(value) {
  if (value === undefined) return '';
  const text = String(value);
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The org's own field names as headers, quoting only where needed, LF line ends. */
export function toCsv(org) {
  const lines = [FIELDS.join(',')];
  for (const account of org.accounts) lines.push(FIELDS.map((f) => csvCell(account[f])).join(','));
  return `${lines.join('\n')}\n`;
}

/** $1,250,000.00, independent of the machine's locale. */
function dollars(value) {
  return `$${String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.00`;
}

/** A Salesforce report export: BOM, CRLF, every cell quoted, formatted money, owner names, footer. */
export function toSalesforceCsv(org) {
  const names = new Map(org.team.map((m) => [m.id, m.name]));
  const header = [
    'Account ID',
    'Account Name',
    'Account Owner',
    'Industry',
    'Billing Country',
    'Employees',
    'Annual Revenue',
    'ARR',
    'Health',
    'Type',
  ];
  const quote = (cells) => cells.map((c) => `"${String(c).replaceAll('"', '""')}"`).join(',');
  const lines = [quote(header)];
  for (const [i, a] of org.accounts.entries()) {
    lines.push(
      quote([
        `0015g0000${String(i).padStart(9, '0')}`,
        a.name,
        a.owner ? names.get(a.owner) : '',
        a.industry,
        COUNTRIES[a.region],
        String(50 + ((i * 37) % 5000)),
        dollars(a.arr * 40),
        dollars(a.arr),
        a.health[0].toUpperCase() + a.health.slice(1),
        'Customer - Direct',
      ]),
    );
  }
  lines.push(
    '""',
    '"Confidential Information - Do Not Distribute"',
    '"Copyright (c) 2000-2026 salesforce.com, inc. All rights reserved."',
  );
  return `\ufeff${lines.join('\r\n')}\r\n`;
}

export function writeBenchData(dir) {
  mkdirSync(dir, { recursive: true });
  const written = [];
  const write = (name, text) => {
    writeFileSync(join(dir, name), text);
    written.push(name);
  };
  for (const [label, count] of SIZES) {
    const org = generateOrg(count);
    write(`org-${label}.yaml`, toYaml(org));
    write(`org-${label}-block.yaml`, toBlockYaml(org));
    write(`accounts-${label}.csv`, toCsv(org));
    write(`org-${label}-csv.yaml`, toYamlWithFile(org, `accounts-${label}.csv`));
    // The rebalance scale case (issue 10): 100k accounts and 500 CSMs, and the same staffing at
    // 1k and 10k; accounts in a CSV as CS Ops keeps them.
    const staffed = generateOrg(count, undefined, 1.2);
    write(`rb-accounts-${label}.csv`, toCsv(staffed));
    write(`org-${label}-rb.yaml`, toYamlWithFile(staffed, `rb-accounts-${label}.csv`));
    if (count === 100_000) {
      write('sf-100k.csv', toSalesforceCsv(org));
      write('org-100k-sf.yaml', toYamlWithFile(org, 'sf-100k.csv', ['  preset: salesforce']));
    }
  }
  writeFileSync(join(dir, 'VERSION'), `${GENERATOR_VERSION}\n`);
  return written;
}
