/**
 * The wizard with the real @inquirer/prompts, rendered on @inquirer/testing's virtual screen:
 * what a person sees, validation messages as they type, and keys rather than scripted answers.
 */
import { copyFile, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { screen } from '@inquirer/testing/vitest';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Prompts, runWizard } from '../../../src/cli/init/wizard.js';

// Imported once @inquirer/testing/vitest has wrapped them (import order alone is not kept by the
// import sorter), the way init imports them lazily.
let prompts: Prompts;
beforeAll(async () => {
  const { input, select, confirm } = await import('@inquirer/prompts');
  prompts = { input, select, confirm };
});
const fixtures = fileURLToPath(new URL('../../fixtures/', import.meta.url));
const context = { today: '2026-03-15', cwd: '/tmp', orgDir: '/tmp', given: {}, say: () => {} };

async function answer(text: string | undefined, expectOnScreen: string | RegExp) {
  const current = screen.getScreen();
  if (typeof expectOnScreen === 'string') expect(current).toContain(expectOnScreen);
  else expect(current).toMatch(expectOnScreen);
  if (text) screen.type(text);
  screen.keypress('enter');
  await screen.next();
}

describe('the wizard in a (virtual) terminal', () => {
  it('shows defaults, rejects bad answers with a message, and moves on when fixed', async () => {
    const done = runWizard(prompts, context);

    await answer('Acme', '? Company name (My Company)');
    expect(screen.getScreen()).toContain('How do you sell?');
    expect(screen.getScreen()).toContain('Sales-led: a sales team closes the deals');
    // Arrow keys re-render synchronously: no need to wait for the screen.
    screen.keypress('down');
    await answer(undefined, '❯ Product-led');
    await answer(undefined, 'How much work is it for a customer to adopt the product?');
    await answer(undefined, 'Count them by what they pay per year (ARR)');
    await answer(undefined, 'How many customers pay $500k or more a year? (0)');
    await answer(undefined, 'How many customers pay $100k to $500k a year?');

    // A typo is caught at the prompt and explained; the answer can be corrected in place.
    screen.type('twelve');
    screen.keypress('enter');
    await screen.next();
    expect(screen.getScreen()).toContain('"twelve" is not a number: type a whole number, e.g. 12');
    for (let i = 0; i < 'twelve'.length; i++) screen.keypress('backspace');
    await answer('12', /How many customers pay \$25k to \$100k a year\?/);

    expect(screen.getScreen()).toContain('What does a typical one of them pay per year? ($50k)');
    screen.type('40');
    screen.keypress('enter');
    await screen.next();
    expect(screen.getScreen()).toContain('$40 is below this band (from $25k): did you mean 40k?');
    await answer('k', /40k/);
    await answer(undefined, '$5k to $25k');
    await answer(undefined, 'under $5k');

    await answer(undefined, 'Who looks after customers today?');
    await answer('Jo', 'Your name (Founder)');
    await answer('y', 'Add another person who works with customers');
    await answer('Ana', 'Their name');
    expect(screen.getScreen()).toContain('What does Ana do?');
    expect(screen.getScreen()).toContain(
      'Owns a book of customers: onboarding, adoption, renewals',
    );
    await answer(undefined, '❯ CSM');
    await answer(undefined, 'Short id for Ana (how the file refers to them) (ana)');

    screen.type('2026-02-30');
    screen.keypress('enter');
    await screen.next();
    expect(screen.getScreen()).toContain('2026-02-30 is not a real calendar date');
    for (let i = 0; i < 2; i++) screen.keypress('backspace');
    await answer('01', "Ana's first day in the role");
    await answer(undefined, '❯ Mid-Market: customers paying $25k to $100k a year');
    await answer(undefined, '❯ Jo (Founder)');
    await answer(undefined, 'Add another person');
    screen.keypress('enter');

    await expect(done).resolves.toMatchObject({
      company: { name: 'Acme', motion: 'product-led', productComplexity: 'medium' },
      customers: {
        source: 'bands',
        bands: [{ segment: 'mid-market', count: 12, arrEach: 40_000 }],
      },
      team: [
        { id: 'jo', name: 'Jo', role: 'founder' },
        { id: 'ana', role: 'csm', startDate: '2026-02-01', segment: 'mid-market', reportsTo: 'jo' },
      ],
    });
  });

  it('starts from a CRM export and an HR roster: no column or per-person questions', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'csplan-wizard-'));
    await copyFile(join(fixtures, 'roster', 'bamboohr.csv'), join(dir, 'roster.csv'));
    // A CRM export whose ARR column csplan would not find alone, mapped with --columns.
    await writeFile(
      join(dir, 'accounts.csv'),
      'Account ID,Account Name,Account Owner,Annual Contract Value\n001,Acme,Sofia Garcia,"$120,000"\n',
    );
    const said: string[] = [];
    const done = runWizard(prompts, {
      ...context,
      today: '2026-12-01',
      cwd: dir,
      orgDir: dir,
      say: (text) => said.push(text),
      given: {
        from: 'accounts.csv',
        columns: { arr: 'Annual Contract Value' },
        roster: { path: 'roster.csv', roles: ['Customer Happiness Hero=csm'] },
      },
    });
    await answer('Acme', 'Company name');
    await answer(undefined, 'How do you sell?');
    await answer(undefined, 'How much work is it for a customer to adopt the product?');
    // Straight from the customers to the next 12 months: the roster is the team.
    expect(screen.getScreen()).toContain('Record what you expect over the next 12 months');
    screen.keypress('enter');
    await expect(done).resolves.toMatchObject({
      customers: {
        source: 'file',
        file: 'accounts.csv',
        preset: 'salesforce',
        columns: { arr: 'Annual Contract Value' },
      },
      team: [],
      // 8 CS people and those above them, and Sam once his title is mapped (Chris left in October).
      roster: {
        file: 'roster.csv',
        preset: 'bamboohr',
        roles: { 'Customer Happiness Hero': 'csm' },
        dateOrder: 'month-first',
        people: 9,
      },
    });
    expect(said.join('\n')).toContain(
      'Read from roster.csv on every run: 9 people in CS and above them today.',
    );
  });

  it('rejects Ctrl-C with the ExitPromptError that init turns into "cancelled"', async () => {
    const done = runWizard(prompts, context);
    expect(screen.getScreen()).toContain('Company name');
    screen.keypress({ name: 'c', ctrl: true });
    await expect(done).rejects.toMatchObject({ name: 'ExitPromptError' });
  });
});
