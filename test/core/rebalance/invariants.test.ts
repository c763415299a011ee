/**
 * Rebalance and check share one objective: on every example and on generated orgs, the moves
 * make no book finding new or worse, the findings left are explained, and a second rebalance
 * proposes nothing.
 */
import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { movesCsv } from '../../../src/config/csv/write-moves.js';
import { loadOrgFile } from '../../../src/config/load.js';
import type { Account, Org } from '../../../src/core/model.js';
import { appliesNow, rebalance } from '../../../src/core/rebalance/index.js';
import { exampleFiles, tempDir } from '../../helpers/files.js';
import { AS_OF } from '../../helpers/org.js';
import {
  applyMovesCsv,
  bookFindings,
  booksOf,
  loadText,
  newOrWorse,
  rebalanceBreaks,
  unexplained,
  writtenText,
} from '../../helpers/rebalance-invariants.js';

describe('rebalance then check, on every example with its accounts in the file', () => {
  for (const file of exampleFiles()) {
    const text = readFileSync(file, 'utf8');
    if (/^accounts:\n\s+file:/m.test(text)) continue; // the CSV example has its own test below
    it(file, async () => {
      expect(await rebalanceBreaks(text, AS_OF)).toEqual([]);
    });
  }
});

/** The fields of an account as the org file spells them, for listing CSV accounts inline. */
const FILE_KEYS: [keyof Account, string][] = [
  ['id', 'id'],
  ['name', 'name'],
  ['arr', 'arr'],
  ['owner', 'owner'],
  ['health', 'health'],
  ['complexity', 'complexity'],
  ['industry', 'industry'],
  ['region', 'region'],
  ['employees', 'employees'],
  ['timezone', 'timezone'],
  ['language', 'language'],
  ['renewalDate', 'renewal_date'],
  ['locked', 'locked'],
  ['parent', 'parent'],
];

/** The org file with its CSV accounts listed in the file itself. */
function inlineAccounts(orgText: string, org: Org): string {
  const items = org.accounts.map((a) => {
    const fields = FILE_KEYS.filter(([key]) => a[key] !== undefined).map(
      ([key, name]) => `${name}: ${JSON.stringify(a[key])}`,
    );
    return `  - { ${fields.join(', ')} }`;
  });
  return orgText.replace(/^accounts:\n(?: {2}.*\n)+/m, `accounts:\n${items.join('\n')}\n`);
}

describe('the salesforce example, accounts from a CRM export', () => {
  it('--moves-csv applied to the export gives the books --write gives on the same accounts listed inline; nothing new in check; a second run proposes nothing', async () => {
    const dir = await tempDir();
    const orgText = readFileSync('examples/salesforce/org.yaml', 'utf8');
    const exportText = readFileSync('examples/salesforce/accounts.csv', 'utf8');
    await writeFile(join(dir, 'org.yaml'), orgText);
    await writeFile(join(dir, 'accounts.csv'), exportText);
    const loaded = await loadOrgFile('org.yaml', { today: AS_OF, cwd: dir });
    const org = loaded.org as Org;
    const result = rebalance(org);
    expect(result.moves.length).toBeGreaterThan(0);

    // The CRM route: the move list as a bulk-update file, applied to the export.
    const due = result.moves.filter(appliesNow);
    const csv = movesCsv(due, org.team, loaded.accountsFile);
    await writeFile(join(dir, 'accounts.csv'), applyMovesCsv(exportText, csv));
    const viaCsv = (await loadOrgFile('org.yaml', { today: AS_OF, cwd: dir })).org as Org;

    // The file route: the same accounts listed in the org file, and --write.
    const inline = inlineAccounts(orgText, org);
    const inlineOrg = await loadText(inline, AS_OF);
    expect(booksOf(inlineOrg)).toEqual(booksOf(org));
    const viaWrite = await loadText(writtenText(inline, rebalance(inlineOrg)), AS_OF);

    expect(booksOf(viaCsv)).not.toEqual(booksOf(org));
    expect(booksOf(viaCsv)).toEqual(booksOf(viaWrite));
    const found = bookFindings(viaCsv);
    expect(newOrWorse(bookFindings(org), found)).toEqual([]);
    expect(unexplained(result, found)).toEqual([]);
    expect(rebalance(viaCsv).moves.filter(appliesNow)).toEqual([]);
  });
});
