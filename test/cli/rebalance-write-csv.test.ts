import { copyFile, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { loadOrgFile } from '../../src/config/load.js';
import { tempDir } from '../helpers/files.js';
import { rebalanceWhileColleagueEdits, runCli } from '../helpers/io.js';

const SALESFORCE = join(process.cwd(), 'examples/salesforce');

/** A copy of the Salesforce example: a quoted export with a byte-order mark, CRLF and a footer. */
async function salesforce(): Promise<string> {
  const dir = await tempDir();
  for (const name of ['org.yaml', 'accounts.csv'])
    await copyFile(join(SALESFORCE, name), join(dir, name));
  return dir;
}

/** Account id -> owner id, as csplan reads the org in `dir`. */
async function books(dir: string): Promise<Map<string, string | undefined>> {
  const loaded = await loadOrgFile(join(dir, 'org.yaml'), { today: '2026-11-23' });
  expect(loaded.org).toBeDefined();
  return new Map(loaded.org?.accounts.map((a) => [a.id, a.owner]));
}

/** An org file with one CSM whose accounts are read from `accounts`. */
async function oneCsmOrg(accounts: string): Promise<string> {
  const dir = await tempDir();
  await writeFile(
    join(dir, 'org.yaml'),
    `version: 1\ncompany: { name: Acme, as_of: 2026-11-23 }\naccounts: { file: ${accounts} }\nteam:\n  - { id: dana, role: csm }\n`,
  );
  return dir;
}

async function findings(dir: string): Promise<string[]> {
  const run = await runCli(['check', 'org.yaml', '--format', 'json'], { cwd: dir });
  const report = JSON.parse(run.stdout) as { results: { findings: { rule: string }[] }[] };
  return (report.results[0]?.findings ?? []).map((f) => f.rule);
}

describe('rebalance --write into the CRM export', () => {
  it('changes only the owner cells of the moved rows, then check and rebalance read the new books', async () => {
    const dir = await salesforce();
    const before = await readFile(join(dir, 'accounts.csv'), 'utf8');
    const orgBefore = await readFile(join(dir, 'org.yaml'), 'utf8');
    const findingsBefore = await findings(dir);

    const run = await runCli(['rebalance', 'org.yaml', '--write'], { cwd: dir });
    expect(run.code).toBe(0);
    // Without --moves-csv the CRM is not told: said once, with the way to list the moves.
    expect(run.stderr).toBe(
      'accounts.csv: 11 owners changed.\naccounts.csv: the CRM still has the old owners; next time add --moves-csv FILE to --write for its bulk update (csplan diff --base shows the moves from git)\n',
    );

    const after = await readFile(join(dir, 'accounts.csv'), 'utf8');
    expect(await readFile(join(dir, 'org.yaml'), 'utf8')).toBe(orgBefore);
    expect(after.startsWith('\uFEFF')).toBe(true);
    // Line for line: the same CRLF lines, eleven changed and nothing else: six with
    // "Dana Whitfield" -> "Chris Okafor", and five of jordan's seven, as the plan moves jordan
    // into CS Ops (two renew inside the 60-day freeze and stay), "Jordan Reyes" -> "Maya Patel".
    // The report names owners by full name, so the new ones are too.
    const oldLines = before.split('\r\n');
    const newLines = after.split('\r\n');
    expect(newLines).toHaveLength(oldLines.length);
    const changed = newLines.flatMap((line, i) => (line === oldLines[i] ? [] : [i]));
    expect(changed).toHaveLength(11);
    for (const i of changed)
      expect(newLines[i]).toBe(
        oldLines[i]
          ?.replace('"Dana Whitfield"', '"Chris Okafor"')
          .replace('"Jordan Reyes"', '"Maya Patel"'),
      );

    // No finding that was not there before (the ramping CSM's overload is gone).
    const findingsAfter = await findings(dir);
    expect(findingsAfter.every((rule) => findingsBefore.includes(rule))).toBe(true);
    expect(findingsBefore).toContain('ramp-overload');
    expect(findingsAfter).not.toContain('ramp-overload');

    const again = await runCli(['rebalance', 'org.yaml', '--write'], { cwd: dir });
    expect(again.stdout).toContain('0 moves');
    expect(again.stderr).toBe('accounts.csv: no owner to change.\n');
    expect(await readFile(join(dir, 'accounts.csv'), 'utf8')).toBe(after);
  });

  it('gives the same books as the --moves-csv file applied to the export by a CRM', async () => {
    const written = await salesforce();
    await runCli(['rebalance', 'org.yaml', '--write'], { cwd: written });

    const uploaded = await salesforce();
    await runCli(['rebalance', 'org.yaml', '--moves-csv', 'moves.csv'], { cwd: uploaded });
    // The CRM's bulk update: each row of the move list sets the owner of its account.
    const moves: Record<string, string>[] = parse(
      await readFile(join(uploaded, 'moves.csv'), 'utf8'),
      { columns: true },
    );
    const exportPath = join(uploaded, 'accounts.csv');
    const rows: string[][] = parse(await readFile(exportPath, 'utf8'), {
      bom: true,
      relax_column_count: true,
    });
    const header = rows[0] as string[];
    const [id, owner] = [header.indexOf('Account ID'), header.indexOf('Account Owner')];
    for (const move of moves) {
      const row = rows.find((r) => r[id] === move['Account ID']);
      if (row) row[owner] = move['Account Owner'] as string;
    }
    const quoted = (r: string[]) => r.map((c) => `"${c.replaceAll('"', '""')}"`).join(',');
    await writeFile(exportPath, `${rows.map(quoted).join('\r\n')}\r\n`);

    expect(moves).toHaveLength(11);
    expect(await books(uploaded)).toEqual(await books(written));
  });

  it('a plain export (LF, no quotes) that names owners by email gets emails', async () => {
    const dir = await tempDir();
    await writeFile(
      join(dir, 'org.yaml'),
      [
        'version: 1',
        'company: { name: Acme, as_of: 2026-11-23 }',
        'accounts: { file: accounts.csv }',
        'team:',
        '  - { id: dana, name: Dana Scully, email: dana@acme.io, role: csm }',
        '  - { id: omar, name: Omar Haddad, email: omar@acme.io, role: csm }',
        '',
      ].join('\n'),
    );
    // Dana holds all four books' worth, Omar none: two moves even them out.
    const csv =
      'id,arr,owner,segment\nacme,100000,dana@acme.io,mid-market\nbeta,100000,dana@acme.io,mid-market\ngamma,100000,dana@acme.io,mid-market\ndelta,100000,dana@acme.io,mid-market\n';
    await writeFile(join(dir, 'accounts.csv'), csv);
    const run = await runCli(['rebalance', 'org.yaml', '--write'], { cwd: dir });
    expect(run.code).toBe(0);
    const after = await readFile(join(dir, 'accounts.csv'), 'utf8');
    const owners = after
      .split('\n')
      .slice(1, 5)
      .map((line) => line.split(',')[2]);
    expect(owners.filter((o) => o === 'omar@acme.io')).toHaveLength(2);
    expect(owners.filter((o) => o === 'dana@acme.io')).toHaveLength(2);
    expect(after.replaceAll('omar@acme.io', 'dana@acme.io')).toBe(csv);
  });
});

describe('rebalance --write refuses, with nothing written, where the export cannot be edited safely', () => {
  it('a second process saves the export while rebalance plans: a conflict, their edit kept', async () => {
    const dir = await salesforce();
    const path = join(dir, 'accounts.csv');
    // The colleague changes one ARR cell of a row the plan does not move.
    const { run, saved } = await rebalanceWhileColleagueEdits(
      dir,
      path,
      '$358,250.00',
      '$360,000.00',
    );
    expect(saved).toContain('$360,000.00');
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      'csplan: accounts.csv changed since csplan read it; nothing written; run the command again\n',
    );
    expect(await readFile(path, 'utf8')).toBe(saved);
  });

  it('an export without an owner column: one line, what to do', async () => {
    const dir = await oneCsmOrg('accounts.csv');
    const csv = 'id,arr\nacme,100000\nbeta,50000\n';
    await writeFile(join(dir, 'accounts.csv'), csv);
    const run = await runCli(['assign', 'org.yaml', '--write'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      'csplan: accounts.csv: not written: the export has no owner column to change; export it with the owner column (or map it with columns: { owner: "Your header" }), or use --moves-csv FILE for the CRM upload\n',
    );
    expect(await readFile(join(dir, 'accounts.csv'), 'utf8')).toBe(csv);
  });

  it('a JSON accounts file is not rewritten', async () => {
    const dir = await oneCsmOrg('accounts.json');
    const json = '[{"id": "acme", "arr": 100000}]\n';
    await writeFile(join(dir, 'accounts.json'), json);
    const run = await runCli(['assign', 'org.yaml', '--write'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      'accounts.json: not written: csplan rewrites owners in a CSV export only',
    );
    expect(await readFile(join(dir, 'accounts.json'), 'utf8')).toBe(json);
  });

  it('an export saved as Windows-1252 is refused when read, so nothing is planned or written', async () => {
    const dir = await oneCsmOrg('accounts.csv');
    // "Café" with é as the single byte 0xE9.
    const bytes = Buffer.from('id,name,arr\nacme,Caf\xe9,100000\n', 'latin1');
    await writeFile(join(dir, 'accounts.csv'), bytes);
    const run = await runCli(['assign', 'org.yaml', '--write'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('not valid UTF-8');
    expect((await readFile(join(dir, 'accounts.csv'))).equals(bytes)).toBe(true);
  });
});
