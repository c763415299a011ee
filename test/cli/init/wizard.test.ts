import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultAnswers, type PersonAnswer } from '../../../src/cli/init/answers.js';
import {
  type GivenAnswers,
  likelyManager,
  runWizard,
  type WizardContext,
} from '../../../src/cli/init/wizard.js';
import { ENTER, enterEverywhere, type Step, scriptedPrompts } from './scripted-prompts.js';

const today = '2026-03-15';

function context(given: GivenAnswers = {}, cwd = '/work/acme'): WizardContext & { said: string[] } {
  const said: string[] = [];
  return { today, cwd, orgDir: cwd, given, say: (text) => said.push(text), said };
}

describe('runWizard', () => {
  it('gives the --yes defaults when Enter is pressed at every prompt', async () => {
    const prompts = enterEverywhere();
    expect(await runWizard(prompts, context())).toEqual(defaultAnswers());
    expect(prompts.asked).toEqual([
      'Company name',
      'How do you sell?',
      'How much work is it for a customer to adopt the product?',
      'How do you want to describe your customers?',
      'How many customers pay $500k or more a year?',
      'How many customers pay $100k to $500k a year?',
      'How many customers pay $25k to $100k a year?',
      'How many customers pay $5k to $25k a year?',
      'How many customers pay under $5k a year?',
      'Who looks after customers today?',
      'Your name',
      'Add another person who works with customers (CSM, manager, CS Ops, support...)?',
      'Record what you expect over the next 12 months (new customers, ARR growth, hires)?',
    ]);
  });

  it('collects typed answers: bands, a founder with a team, growth', async () => {
    const script: Step[] = [
      [/Company name/, 'Acme Analytics'],
      [/How do you sell/, 'product-led'],
      [/adopt the product/, 'low'],
      [/describe your customers/, 'bands'],
      [/\$500k or more/, ENTER],
      [/\$100k to \$500k/, '3'],
      [/typical one/, '150k'],
      [/\$25k to \$100k/, '1,200'],
      [/typical one/, ENTER],
      [/\$5k to \$25k/, '0'],
      [/under \$5k/, '2k'],
      [/typical one/, '$1,500'],
      [/Who looks after customers/, 'founder'],
      [/Your name/, 'Jo Park'],
      [/Add another person/, true],
      [/^Their name$/, 'Ana López'],
      [/What does Ana López do/, 'manager-cs'],
      [/Short id for Ana López/, ENTER],
      [/Who does Ana López report to/, ENTER],
      [/Add another person/, true],
      [/^Their name$/, 'Ben'],
      [/What does Ben do/, ENTER],
      [/Short id for Ben/, ENTER],
      [/Ben's first day in the role/, '2026-04-01'],
      [/Which customers does Ben look after/, 'mid-market'],
      [/Who does Ben report to/, ENTER],
      [/Add another person/, false],
      [/Record what you expect/, true],
      [/New customers/, '40'],
      [/ARR growth/, '60%'],
      [/CSM hires/, '2'],
    ];
    const prompts = scriptedPrompts(script);
    const ctx = context();
    const answers = await runWizard(prompts, ctx);
    expect(prompts.remaining()).toBe(0);
    expect(answers).toEqual({
      company: { name: 'Acme Analytics', motion: 'product-led', productComplexity: 'low' },
      customers: {
        source: 'bands',
        bands: [
          { segment: 'enterprise', count: 3, arrEach: 150_000 },
          { segment: 'mid-market', count: 1200, arrEach: 50_000 },
          { segment: 'self-serve', count: 2000, arrEach: 1500 },
        ],
      },
      founderOwnsAccounts: true,
      team: [
        { id: 'jo-park', name: 'Jo Park', role: 'founder' },
        { id: 'ana-lopez', name: 'Ana López', role: 'manager-cs', reportsTo: 'jo-park' },
        {
          id: 'ben',
          name: 'Ben',
          role: 'csm',
          reportsTo: 'ana-lopez',
          startDate: '2026-04-01',
          segment: 'mid-market',
        },
      ],
      growth: { newCustomers12m: 40, arrGrowthPct12m: 60, newCsmHires12m: 2 },
    });
    expect(ctx.said).toContain('  Ben counts as a planned hire from 2026-04-01.');
  });

  it('lists a team without a founder, with people reporting to nobody listed', async () => {
    const prompts = scriptedPrompts([
      [/Company name/, 'Beta'],
      [/How do you sell/, ENTER],
      [/adopt/, ENTER],
      [/describe your customers/, ENTER],
      [/\$500k or more/, ENTER],
      [/\$100k to \$500k/, ENTER],
      [/\$25k to \$100k/, '60'],
      [/typical one/, '40000'],
      [/\$5k to \$25k/, ENTER],
      [/under \$5k/, ENTER],
      [/Who looks after customers/, 'team'],
      [/^Add a person/, ENTER],
      [/^Their name$/, 'Dana Lee'],
      [/What does Dana Lee do/, 'csm'],
      [/Short id/, 'dana'],
      [/first day/, ENTER],
      [/Which customers does Dana Lee look after/, ENTER],
      [/Add another person/, ENTER],
      [/Record what you expect/, ENTER],
    ]);
    const answers = await runWizard(prompts, context());
    expect(answers.founderOwnsAccounts).toBe(false);
    // One band with customers: the CSM's segment defaults to it.
    expect(answers.team).toEqual([
      { id: 'dana', name: 'Dana Lee', role: 'csm', segment: 'mid-market' },
    ]);
    expect(answers.growth).toBeUndefined();
  });

  it('skips the questions that flags answered', async () => {
    const prompts = scriptedPrompts([
      [/Who looks after customers/, 'nobody'],
      [/^Add a person/, ENTER],
      [/Record what you expect/, ENTER],
    ]);
    const answers = await runWizard(
      prompts,
      context({
        name: 'Gamma',
        motion: 'hybrid',
        productComplexity: 'high',
        customers: { source: 'total', count: 30, arrTotal: 900_000, arrAssumed: false },
      }),
    );
    expect(answers).toEqual({
      company: { name: 'Gamma', motion: 'hybrid', productComplexity: 'high' },
      customers: { source: 'total', count: 30, arrTotal: 900_000, arrAssumed: false },
      founderOwnsAccounts: false,
      team: [],
    });
  });
});

describe('customers from a CRM export', () => {
  async function folderWith(files: Record<string, string>): Promise<string> {
    const dir = await mkdtemp(join(tmpdir(), 'csplan-init-'));
    for (const [name, text] of Object.entries(files)) {
      await mkdir(join(dir, name, '..'), { recursive: true });
      await writeFile(join(dir, name), text);
    }
    return dir;
  }
  const company: Step[] = [
    [/Company name/, ENTER],
    [/How do you sell/, ENTER],
    [/adopt/, ENTER],
  ];
  const rest: Step[] = [
    [/Who looks after customers/, ENTER],
    [/Your name/, ENTER],
    [/Add another/, ENTER],
    [/Record/, ENTER],
  ];

  it('suggests the CRM its header looks like and asks for the ARR column it cannot find', async () => {
    const dir = await folderWith({
      'exports/sf.csv':
        '\ufeff"Account ID","Account Name","Account Owner","Annual Revenue","Current ARR"\r\n"001","Acme","Dana","5000000","120000"\r\n',
    });
    const prompts = scriptedPrompts([
      ...company,
      [/describe your customers/, 'file'],
      [/Path to the CSV file/, 'exports/sf.csv'],
      [/Which CRM/, ENTER],
      [/Which column holds each account's ARR/, ENTER],
      ...rest,
    ]);
    const answers = await runWizard(prompts, { ...context({}, dir), orgDir: join(dir, 'plans') });
    expect(answers.customers).toEqual({
      source: 'file',
      file: '../exports/sf.csv',
      preset: 'salesforce',
      columns: { arr: 'Current ARR' },
    });
  });

  it('rejects a path that is not there, then takes one that is', async () => {
    const dir = await folderWith({ 'accounts.csv': 'id,name,arr,owner\na1,Acme,50000,dana\n' });
    const prompts = scriptedPrompts([
      ...company,
      [/describe your customers/, 'file'],
      [/Path to the CSV file/, 'nope.csv'],
    ]);
    await expect(runWizard(prompts, context({}, dir))).rejects.toThrow(/no file at .*nope\.csv/);
  });

  it('maps the columns of an export from another CRM', async () => {
    const dir = await folderWith({
      'accounts.csv': 'Company,Customer #,Yearly subscription value,CSM\nAcme,c1,50000,dana\n',
    });
    const prompts = scriptedPrompts([
      ...company,
      [/describe your customers/, 'file'],
      [/Path to the CSV file/, ENTER],
      [/Which CRM/, ENTER],
      [/unique id/, ENTER],
      [/ARR/, ENTER],
      [/who owns each account/, ENTER],
      ...rest,
    ]);
    const answers = await runWizard(prompts, context({}, dir));
    expect(answers.customers).toEqual({
      source: 'file',
      file: 'accounts.csv',
      columns: { id: 'Customer #', arr: 'Yearly subscription value', owner: 'CSM' },
    });
  });

  it('asks nothing about an export given with --from whose CRM and columns are clear', async () => {
    const dir = await folderWith({
      'hs.csv': 'Record ID,Company name,Company owner,ARR\n1,Acme,Dana,50000\n',
    });
    const prompts = scriptedPrompts([...company, ...rest]);
    const answers = await runWizard(prompts, context({ from: 'hs.csv' }, dir));
    expect(answers.customers).toEqual({ source: 'file', file: 'hs.csv', preset: 'hubspot' });
  });

  it('asks how dates like 3/4/2027 read only when no date in the file tells', async () => {
    const dir = await folderWith({
      'unclear.csv': 'Record ID,ARR,Renewal Date\n1,50000,3/4/2027\n2,9000,12/1/2027\n',
      'clear.csv': 'Record ID,ARR,Renewal Date\n1,50000,3/4/2027\n2,9000,12/31/2027\n',
    });
    const asked = scriptedPrompts([...company, [/dates like 3\/4\/2027/, 'day-first'], ...rest]);
    const unclear = await runWizard(asked, context({ from: 'unclear.csv' }, dir));
    expect(unclear.customers).toEqual({
      source: 'file',
      file: 'unclear.csv',
      preset: 'hubspot',
      dateOrder: 'day-first',
    });
    // 12/31/2027 can only be month first: nothing is asked, and the order found is written down
    // so that a later export whose days are all 12 or less reads the same way.
    const clear = await runWizard(
      scriptedPrompts([...company, ...rest]),
      context({ from: 'clear.csv' }, dir),
    );
    expect(clear.customers).toEqual({
      source: 'file',
      file: 'clear.csv',
      preset: 'hubspot',
      dateOrder: 'month-first',
    });
    // --date-order answers the question.
    const given = await runWizard(
      scriptedPrompts([...company, ...rest]),
      context({ from: 'unclear.csv', dateOrder: 'month-first' }, dir),
    );
    expect(given.customers).toMatchObject({ dateOrder: 'month-first' });
  });
});

describe('likelyManager', () => {
  const team: PersonAnswer[] = [
    { id: 'jo', name: 'Jo', role: 'founder' },
    { id: 'vp', name: 'Vi', role: 'vp-cs' },
    { id: 'm1', name: 'Mo', role: 'manager-cs' },
    { id: 'm2', name: 'Mia', role: 'manager-cs' },
  ];
  it('suggests the latest manager for CSMs and specialists, leaders for managers, executives for leaders', () => {
    expect(likelyManager('csm', team)?.id).toBe('m2');
    expect(likelyManager('cs-ops', team)?.id).toBe('m2');
    expect(likelyManager('manager-cs', team)?.id).toBe('vp');
    expect(likelyManager('director-cs', team)?.id).toBe('jo');
    expect(likelyManager('ceo', team)).toBeUndefined();
    expect(likelyManager('csm', [])).toBeUndefined();
  });

  it('suggests the head of a function for its specialists, and a CS leader for a head', () => {
    const withHead: PersonAnswer[] = [...team, { id: 'hs', name: 'Ha', role: 'head-of-support' }];
    expect(likelyManager('support', withHead)?.id).toBe('hs');
    expect(likelyManager('onboarding', withHead)?.id).toBe('m2');
    expect(likelyManager('head-of-onboarding', withHead)?.id).toBe('vp');
  });
});
