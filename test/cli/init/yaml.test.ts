import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { buildOrgFile, defaultAnswers, type InitAnswers } from '../../../src/cli/init/answers.js';
import { orgFileToYaml } from '../../../src/cli/init/yaml.js';
import { loadOrgText } from '../../../src/config/load.js';

const today = '2026-03-15';
const schemaUrl = 'https://unpkg.com/csplan@1.2.3/schema/org.schema.json';

const typed: InitAnswers = {
  company: { name: 'Acme Analytics', motion: 'hybrid', productComplexity: 'high' },
  customers: {
    source: 'bands',
    bands: [
      { segment: 'enterprise', count: 4, arrEach: 180_000 },
      { segment: 'mid-market', count: 30, arrEach: 40_000 },
    ],
  },
  founderOwnsAccounts: true,
  team: [
    { id: 'jo', name: 'Jo Park', role: 'founder' },
    {
      id: 'ana',
      name: 'Ana López',
      role: 'csm',
      reportsTo: 'jo',
      startDate: '2026-02-02',
      segment: 'mid-market',
    },
  ],
  growth: { newCustomers12m: 25, arrGrowthPct12m: 60, newCsmHires12m: 1 },
};

async function validate(text: string) {
  const result = await loadOrgText(text, '/tmp/org.yaml', { today });
  expect(result.diagnostics).toEqual([]);
  expect(result.org).toBeDefined();
  return result;
}

describe('orgFileToYaml', () => {
  it('writes the typed answers as a commented file that loads without a diagnostic', async () => {
    const org = buildOrgFile(typed, { today });
    const text = orgFileToYaml(org, { schemaUrl });
    expect(text).toMatchSnapshot();
    await validate(text);
    expect(parse(text)).toEqual(org);
  });

  it('starts with the yaml-language-server schema line and ends with a newline', () => {
    const text = orgFileToYaml(buildOrgFile(defaultAnswers(), { today }), { schemaUrl });
    expect(text.split('\n')[0]).toBe(`# yaml-language-server: $schema=${schemaUrl}`);
    expect(text.endsWith('\n')).toBe(true);
    expect(text.endsWith('\n\n')).toBe(false);
  });

  it('explains every section it writes', () => {
    const text = orgFileToYaml(buildOrgFile(typed, { today }), { schemaUrl });
    for (const key of ['version', 'company', 'account_groups', 'team', 'growth']) {
      const lines = text.split('\n');
      const at =
        lines.indexOf(`${key}:`) === -1
          ? lines.findIndex((l) => l.startsWith(`${key}:`))
          : lines.indexOf(`${key}:`);
      expect(at, key).toBeGreaterThan(0);
      expect(lines[at - 1], key).toMatch(/^# /);
    }
  });

  it('shows how to add customers when there are none', async () => {
    const text = orgFileToYaml(buildOrgFile(defaultAnswers(), { today }), { schemaUrl });
    expect(text).toContain('# No customers recorded yet.');
    expect(text).toContain('#   - name: Mid-market customers');
    await validate(text);
  });

  it('places the no-customers note at the end when company is the last section', async () => {
    const answers: InitAnswers = { ...defaultAnswers(), team: [], founderOwnsAccounts: false };
    const text = orgFileToYaml(buildOrgFile(answers, { today }), { schemaUrl });
    expect(text.indexOf('No customers recorded yet')).toBeGreaterThan(
      text.indexOf('product_complexity'),
    );
    await validate(text);
  });

  it('marks an assumed ARR beside the value', () => {
    const answers: InitAnswers = {
      ...defaultAnswers(),
      customers: { source: 'total', count: 40, arrEach: 12_000, arrAssumed: true },
    };
    const text = orgFileToYaml(buildOrgFile(answers, { today }), { schemaUrl, arrAssumed: true });
    expect(text).toContain(
      '    arr_each: 12000 # assumed by csplan init: replace it with your real figure',
    );
  });

  it('documents an accounts file and its mapping', () => {
    const answers: InitAnswers = {
      ...defaultAnswers(),
      customers: {
        source: 'file',
        file: 'accounts.csv',
        preset: 'salesforce',
        columns: { arr: 'ARR (USD)' },
      },
    };
    const text = orgFileToYaml(buildOrgFile(answers, { today }), { schemaUrl });
    expect(text).toContain('# preset: the export comes from salesforce');
    expect(text).toContain(
      'accounts:\n  file: accounts.csv\n  preset: salesforce\n  columns:\n    arr: ARR (USD)\n',
    );
  });

  it.each(['1984', 'yes', 'null', 'Acme: the company', '#1 Corp', "O'Reilly", '- dash', '  '])(
    'keeps the company name %j a string',
    async (name) => {
      const answers: InitAnswers = {
        ...defaultAnswers(),
        company: { ...defaultAnswers().company, name: name.trim() || 'x' },
      };
      const text = orgFileToYaml(buildOrgFile(answers, { today }), { schemaUrl });
      const { org } = await validate(text);
      expect(org?.company.name).toBe(name.trim() || 'x');
    },
  );
});
