import { copyFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PersonAnswer } from '../../../src/cli/init/answers.js';
import { ownersAsCsms } from '../../../src/cli/init/export-owners.js';
import { runCli } from '../../helpers/io.js';

const founder: PersonAnswer = { id: 'founder', name: 'Founder', role: 'founder' };

describe('owners named by a CRM export become CSMs', () => {
  it('one CSM per person: a name and an email of the same person merge', () => {
    const added = ownersAsCsms(
      ['Fox Mulder', 'dana.scully@example.com', 'fox.mulder@example.com', 'monica'],
      [founder],
    );
    expect(added).toEqual([
      {
        id: 'fox-mulder',
        name: 'Fox Mulder',
        role: 'csm',
        reportsTo: 'founder',
        email: 'fox.mulder@example.com',
      },
      {
        id: 'dana-scully',
        name: 'Dana Scully',
        role: 'csm',
        reportsTo: 'founder',
        email: 'dana.scully@example.com',
      },
      { id: 'monica', name: 'Monica', role: 'csm', reportsTo: 'founder' },
    ]);
  });

  it('reports to the CS leader when there is one, and never reuses a taken id', () => {
    const team: PersonAnswer[] = [
      founder,
      { id: 'ana', name: 'Ana', role: 'vp-cs', reportsTo: 'founder' },
    ];
    expect(ownersAsCsms(['Ana'], team)).toEqual([
      { id: 'ana-2', name: 'Ana', role: 'csm', reportsTo: 'ana' },
    ]);
  });

  it('init --yes --from writes a file whose owners all resolve', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'csplan-owners-'));
    try {
      await copyFile(
        'test/fixtures/csv/hubspot-companies.csv',
        join(folder, 'hubspot-companies.csv'),
      );
      const init = await runCli(
        ['init', '--yes', '--from', 'hubspot-companies.csv', '--name', 'Hub Co'],
        { cwd: folder },
      );
      expect(init.code).toBe(0);
      expect(init.stderr).toContain("Added the export's account owners to the team as CSMs");
      const text = await readFile(join(folder, 'org.yaml'), 'utf8');
      expect(text).toContain('email: fox.mulder@example.com');
      const check = await runCli(['check', 'org.yaml', '--format', 'json'], { cwd: folder });
      const rules = JSON.parse(check.stdout).results[0].findings.map(
        (f: { rule: string }) => f.rule,
      );
      expect(rules).not.toContain('unknown-owner');
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});
