/**
 * `runInit` in-process with a fake CliIO: the paths that decide whether anything is written, and
 * the exit code, without a terminal. Usage errors surface as they do through `main` (exit 2).
 */
import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { schemaText } from '../../../src/cli/commands/schema.js';
import { EXIT, UsageError } from '../../../src/cli/exit-codes.js';
import { type InitDependencies, type InitOptions, runInit } from '../../../src/cli/init/index.js';
import type { Prompts } from '../../../src/cli/init/wizard.js';
import type { CliIO } from '../../../src/cli/io.js';
import { loadOrgFile } from '../../../src/config/load.js';
import { ENTER, enterEverywhere, scriptedPrompts } from './scripted-prompts.js';

const today = '2026-03-15';

interface FakeIO extends CliIO {
  out: () => string;
  err: () => string;
}

function fakeIO(cwd: string, overrides: Partial<CliIO> = {}): FakeIO {
  let out = '';
  let err = '';
  return {
    stdout: (text) => {
      out += text;
    },
    stderr: (text) => {
      err += text;
    },
    stdoutIsTTY: false,
    stdinIsTTY: true,
    env: {},
    cwd,
    today,
    out: () => out,
    err: () => err,
    ...overrides,
  };
}

/** What `main` does with a command: usage errors become "csplan: ..." and exit 2. */
async function init(
  file: string | undefined,
  options: InitOptions,
  io: FakeIO,
  dependencies: InitDependencies = {},
): Promise<number> {
  try {
    return await runInit(file, options, io, dependencies);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`csplan: ${error.message}\n`);
      return EXIT.usage;
    }
    throw error;
  }
}

const folder = () => mkdtemp(join(tmpdir(), 'csplan-init-'));
const withPrompts = (prompts: Prompts): InitDependencies => ({ loadPrompts: async () => prompts });
const neverPrompt: InitDependencies = {
  loadPrompts: () => {
    throw new Error('prompts were loaded');
  },
};

async function expectValid(path: string) {
  const loaded = await loadOrgFile(path, { today });
  expect(loaded.diagnostics).toEqual([]);
  return loaded;
}

describe('without a terminal', () => {
  it.each([
    ['stdin is not a terminal', { stdinIsTTY: false }],
    ['CI=true', { env: { CI: 'true' } }],
  ])('exits 2 naming --yes when %s, before loading prompts or writing', async (_, overrides) => {
    const dir = await folder();
    const io = fakeIO(dir, overrides);
    expect(await init(undefined, {}, io, neverPrompt)).toBe(EXIT.usage);
    expect(io.err()).toMatch(
      /^csplan: init asks questions and needs a terminal; .*csplan init --yes/,
    );
    expect(await readdir(dir)).toEqual([]);
  });

  it('checks flags first: a bad value is reported even without a terminal', async () => {
    const io = fakeIO(await folder(), { stdinIsTTY: false });
    expect(await init(undefined, { yes: true, motion: 'sales' }, io)).toBe(EXIT.usage);
    expect(io.err()).toBe(
      'csplan: --motion must be one of sales-led, product-led, hybrid (got "sales")\n',
    );
  });
});

describe('--yes', () => {
  it('writes a valid starter org.yaml from defaults and prints the first recommendation', async () => {
    const dir = await folder();
    const io = fakeIO(dir, { stdinIsTTY: false, env: { CI: 'true' } });
    expect(await init(undefined, { yes: true }, io, neverPrompt)).toBe(EXIT.ok);
    const text = await readFile(join(dir, 'org.yaml'), 'utf8');
    // Editors check the file offline against the copy of the schema written beside it.
    expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=.csplan/org.schema.json');
    expect(await readFile(join(dir, '.csplan/org.schema.json'), 'utf8')).toBe(schemaText());
    expect(text).toContain('name: My Company');
    await expectValid(join(dir, 'org.yaml'));
    expect(io.err()).toBe(
      'Wrote org.yaml (0 customers, 1 person on the team) and .csplan/org.schema.json for editors.\n',
    );
    expect(io.out()).toContain('My Company: first recommendation');
    expect(io.out()).toMatch(/Stage {6}Founding/);
    expect(io.out()).toContain('csplan recommend org.yaml');
    expect((await readdir(dir)).sort()).toEqual(['.csplan', 'org.yaml']);
  });

  it('takes --name, --customers, --arr, --motion and --complexity, with money as people write it', async () => {
    const dir = await folder();
    const io = fakeIO(dir);
    const options = {
      yes: true,
      name: 'Acme',
      customers: '40',
      arr: '1.2M',
      motion: 'hybrid',
      complexity: 'HIGH',
    };
    expect(await init('plans/acme.yaml', options, io)).toBe(EXIT.ok);
    const loaded = await expectValid(join(dir, 'plans/acme.yaml'));
    expect(loaded.org?.company).toMatchObject({
      name: 'Acme',
      motion: 'hybrid',
      productComplexity: 'high',
    });
    expect(loaded.org?.accounts).toEqual([
      expect.objectContaining({ id: 'Customers', count: 40, arr: 30_000, owner: 'founder' }),
    ]);
    expect(io.out()).toMatch(/Stage {6}First hire/);
  });

  it('marks the ARR it assumed when --customers comes without --arr', async () => {
    const dir = await folder();
    expect(await init(undefined, { yes: true, customers: '12' }, fakeIO(dir))).toBe(EXIT.ok);
    const text = await readFile(join(dir, 'org.yaml'), 'utf8');
    expect(text).toContain('arr_each: 12000 # assumed by csplan init');
  });

  it.each([
    [{ customers: 'ten' }, '--customers must be a whole number, 0 or more (got "ten")'],
    [{ customers: '10', arr: '$1.2 million' }, '--arr must be the total ARR in whole dollars'],
    [{ arr: '100000' }, '--arr is the total ARR of your customers; give --customers too'],
    [{ complexity: 'extreme' }, '--complexity must be one of low, medium, high'],
    [{ name: '  ' }, '--name: type a company name'],
    [{ preset: 'hubspot' }, '--preset names the CRM of the --from file; give --from too'],
    [
      { dateOrder: 'day-first' },
      '--date-order is how the --from file writes dates; give --from too',
    ],
    [{ from: 'a.json', dateOrder: 'day-first' }, '--date-order is for a CSV export'],
    [{ from: 'missing.csv' }, '--from: no file at'],
    [
      { from: 'a.csv', customers: '3' },
      'give either --from (a CRM export) or --customers/--arr, not both',
    ],
  ] as [InitOptions, string][])('rejects %j', async (options, message) => {
    const dir = await folder();
    const io = fakeIO(dir);
    expect(await init(undefined, { yes: true, ...options }, io)).toBe(EXIT.usage);
    expect(io.err()).toContain(message);
    expect(await readdir(dir)).toEqual([]);
  });

  it('points at a CRM export given with --from, relative to the org file', async () => {
    const dir = await folder();
    await mkdir(join(dir, 'exports'));
    await writeFile(join(dir, 'exports/hubspot.csv'), 'Record ID,Company name,ARR\n1,Acme,50000\n');
    const io = fakeIO(dir);
    const code = await init('plan/org.yaml', { yes: true, from: 'exports/hubspot.csv' }, io);
    const text = await readFile(join(dir, 'plan/org.yaml'), 'utf8');
    expect(text).toContain('accounts:\n  file: ../exports/hubspot.csv\n  preset: hubspot\n');
    // Whether the export's rows load is the CSV reader's business; init writes the file either way.
    expect([EXIT.ok, EXIT.problems]).toContain(code);
    expect(io.err()).toContain('Wrote plan/org.yaml (accounts from ../exports/hubspot.csv');
  });

  it('writes --date-order for an export whose dates do not tell the order', async () => {
    const dir = await folder();
    await writeFile(join(dir, 'hs.csv'), 'Record ID,ARR,Renewal Date\n1,50000,3/4/2027\n');
    const io = fakeIO(dir);
    const options = { yes: true, from: 'hs.csv', dateOrder: 'day-first' };
    expect(await init(undefined, options, io)).toBe(EXIT.ok);
    const text = await readFile(join(dir, 'org.yaml'), 'utf8');
    expect(text).toContain(
      'accounts:\n  file: hs.csv\n  preset: hubspot\n  date_order: day-first\n',
    );
    const loaded = await loadOrgFile(join(dir, 'org.yaml'), { today: '2026-11-23' });
    expect(loaded.org?.accounts[0]?.renewalDate).toBe('2027-04-03');
  });
});

describe('the schema copy for editors', () => {
  const schemaAt = (dir: string) => join(dir, '.csplan/org.schema.json');
  const stamped = (version: string) => JSON.stringify({ $id: `urn:csplan:org-schema:${version}` });

  it('replaces one from an older csplan', async () => {
    const dir = await folder();
    await mkdir(join(dir, '.csplan'));
    await writeFile(schemaAt(dir), stamped('0.0.1'));
    expect(await init(undefined, { yes: true }, fakeIO(dir))).toBe(EXIT.ok);
    expect(await readFile(schemaAt(dir), 'utf8')).toBe(schemaText());
  });

  it('keeps one from a newer csplan, which other org files in the folder may need', async () => {
    const dir = await folder();
    await mkdir(join(dir, '.csplan'));
    await writeFile(schemaAt(dir), stamped('99.0.0'));
    const io = fakeIO(dir);
    expect(await init(undefined, { yes: true }, io)).toBe(EXIT.ok);
    expect(await readFile(schemaAt(dir), 'utf8')).toBe(stamped('99.0.0'));
    expect(io.err()).toBe('Wrote org.yaml (0 customers, 1 person on the team).\n');
  });

  it('is written beside an org file in another folder', async () => {
    const dir = await folder();
    const io = fakeIO(dir);
    expect(await init('plans/acme.yaml', { yes: true }, io)).toBe(EXIT.ok);
    expect(await readFile(join(dir, 'plans/.csplan/org.schema.json'), 'utf8')).toBe(schemaText());
    expect(io.err()).toContain('and plans/.csplan/org.schema.json for editors.');
  });
});

describe('an existing file', () => {
  async function existing() {
    const dir = await folder();
    await writeFile(join(dir, 'org.yaml'), 'mine: true\n');
    return dir;
  }

  it('is never replaced by --yes without --force', async () => {
    const dir = await existing();
    const io = fakeIO(dir);
    expect(await init(undefined, { yes: true }, io)).toBe(EXIT.usage);
    expect(io.err()).toBe(
      'csplan: org.yaml already exists; add --force to replace it, or name another file\n',
    );
    expect(await readFile(join(dir, 'org.yaml'), 'utf8')).toBe('mine: true\n');
  });

  it('is replaced with --force, atomically (no temp file left behind)', async () => {
    const dir = await existing();
    expect(await init(undefined, { yes: true, force: true }, fakeIO(dir))).toBe(EXIT.ok);
    await expectValid(join(dir, 'org.yaml'));
    expect((await readdir(dir)).sort()).toEqual(['.csplan', 'org.yaml']);
    expect(await readdir(join(dir, '.csplan'))).toEqual(['org.schema.json']);
  });

  it('is kept when the person answers no, before any other question', async () => {
    const dir = await existing();
    const io = fakeIO(dir);
    const prompts = scriptedPrompts([[/org.yaml already exists. Replace it\?/, ENTER]]);
    expect(await init(undefined, {}, io, withPrompts(prompts))).toBe(EXIT.ok);
    expect(io.err()).toContain('Kept org.yaml as it is; nothing written.');
    expect(await readFile(join(dir, 'org.yaml'), 'utf8')).toBe('mine: true\n');
  });

  it('is replaced when the person answers yes', async () => {
    const dir = await existing();
    const prompts = enterEverywhere();
    const confirmFirst: Prompts = {
      ...prompts,
      confirm: async (config) =>
        /already exists/.test(config.message) ? true : prompts.confirm(config),
    };
    expect(await init(undefined, {}, fakeIO(dir), withPrompts(confirmFirst))).toBe(EXIT.ok);
    await expectValid(join(dir, 'org.yaml'));
  });

  it('that is a folder is a usage error', async () => {
    const dir = await folder();
    await mkdir(join(dir, 'org.yaml'));
    const io = fakeIO(dir);
    expect(await init(undefined, { yes: true, force: true }, io)).toBe(EXIT.usage);
    expect(io.err()).toContain('org.yaml is a folder');
  });
});

describe('the interactive wizard', () => {
  it('writes what Enter-everywhere answers, identical to --yes', async () => {
    const [a, b] = [await folder(), await folder()];
    expect(await init(undefined, {}, fakeIO(a), withPrompts(enterEverywhere()))).toBe(EXIT.ok);
    expect(await init(undefined, { yes: true }, fakeIO(b))).toBe(EXIT.ok);
    const [wizard, yes] = [
      await readFile(join(a, 'org.yaml'), 'utf8'),
      await readFile(join(b, 'org.yaml'), 'utf8'),
    ];
    expect(wizard).toBe(yes);
  });

  it('writes typed answers and shows the recommendation', async () => {
    const dir = await folder();
    const io = fakeIO(dir);
    const prompts = scriptedPrompts([
      [/Company name/, 'Acme'],
      [/How do you sell/, ENTER],
      [/adopt/, ENTER],
      [/describe your customers/, ENTER],
      [/\$500k or more/, '2'],
      [/typical one/, ENTER],
      [/\$100k to \$500k/, '10'],
      [/typical one/, ENTER],
      [/\$25k to \$100k/, '60'],
      [/typical one/, ENTER],
      [/\$5k to \$25k/, ENTER],
      [/under \$5k/, ENTER],
      [/Who looks after/, 'founder'],
      [/Your name/, 'Jo'],
      [/Add another/, true],
      [/^Their name$/, 'Ana'],
      [/What does Ana do/, 'csm'],
      [/Short id/, ENTER],
      [/first day/, '2025-06-01'],
      [/Which customers/, 'mid-market'],
      [/report to/, ENTER],
      [/Add another/, ENTER],
      [/Record what you expect/, ENTER],
    ]);
    expect(await init('org.yaml', {}, io, withPrompts(prompts))).toBe(EXIT.ok);
    expect(prompts.remaining()).toBe(0);
    const loaded = await expectValid(join(dir, 'org.yaml'));
    expect(loaded.org?.team.map((m) => [m.id, m.role, m.reportsTo])).toEqual([
      ['jo', 'founder', undefined],
      ['ana', 'csm', 'jo'],
    ]);
    expect(io.err()).toMatch(/^csplan init: a few questions/);
    expect(io.err()).toContain(
      'Wrote org.yaml (72 customers, 2 people on the team) and .csplan/org.schema.json for editors.',
    );
    expect(io.out()).toMatch(/Stage {6}First hire/);
    expect(io.out()).toMatch(/Top gaps {3}1\. /);
  });

  it('writes nothing and exits 130 on Ctrl-C at any prompt', async () => {
    for (const at of [1, 5, 12]) {
      const dir = await folder();
      const io = fakeIO(dir);
      const inner = enterEverywhere();
      let asked = 0;
      const interrupt = <T>(ask: () => Promise<T>): Promise<T> => {
        asked += 1;
        if (asked === at) {
          const error = new Error('User force closed the prompt with SIGINT');
          error.name = 'ExitPromptError';
          return Promise.reject(error);
        }
        return ask();
      };
      const prompts: Prompts = {
        input: (config) => interrupt(() => inner.input(config)),
        select: (config) => interrupt(() => inner.select(config)),
        confirm: (config) => interrupt(() => inner.confirm(config)),
      };
      expect(await init(undefined, {}, io, withPrompts(prompts))).toBe(EXIT.interrupted);
      expect(io.err().trim().split('\n').at(-1)).toBe('csplan init: cancelled, nothing written.');
      expect(io.out()).toBe('');
      expect(await readdir(dir)).toEqual([]);
    }
  });

  it('lets other prompt failures through as internal errors', async () => {
    const prompts: Prompts = {
      ...enterEverywhere(),
      input: () => Promise.reject(new TypeError('stdin closed')),
    };
    await expect(init(undefined, {}, fakeIO(await folder()), withPrompts(prompts))).rejects.toThrow(
      'stdin closed',
    );
  });
});
