/**
 * The file `csplan init` writes, opened in the real YAML language server (the engine of VS
 * Code's YAML extension and of most editors' YAML support), offline: the schema it points at
 * loads, mistakes are flagged, and values complete with their descriptions.
 */
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/io.js';
import { YamlLanguageServer, yamlLanguageServerPath } from '../helpers/lsp.js';

const bin = yamlLanguageServerPath();

describe.skipIf(bin === undefined)(
  'an org file written by csplan init, in the YAML language server',
  () => {
    let server: YamlLanguageServer;
    let dir: string;
    let written: string;

    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), 'csplan-editor-'));
      const init = await runCli(['init', '--yes', '--name', 'Acme', '--customers', '25'], {
        cwd: dir,
      });
      expect(init.code).toBe(0);
      written = await readFile(join(dir, 'org.yaml'), 'utf8');
      server = new YamlLanguageServer(bin as string);
      await server.start(dir);
    }, 30_000);

    afterAll(async () => {
      await server?.stop();
    });

    /** Opens `text` as a file in the folder init wrote to (a new name each time). */
    let opened = 0;
    async function open(text: string) {
      const path = join(dir, `org-${++opened}.yaml`);
      return { path, diagnostics: await server.open(path, text), lines: text.split('\n') };
    }

    /** The line (0-based) whose YAML, not comment, is `content`, and the column of `word`. */
    function place(lines: string[], content: string, word = content) {
      const line = lines.findIndex((l) => l.trim() === content);
      return { line, character: (lines[line] as string).indexOf(word) };
    }

    it('loads the schema copy beside the file: a valid file has no diagnostics', async () => {
      expect(written.split('\n')[0]).toBe(
        '# yaml-language-server: $schema=.csplan/org.schema.json',
      );
      const { diagnostics } = await open(written);
      expect(diagnostics).toEqual([]);
    });

    it('flags a wrong value, an unknown key and an unknown rule', async () => {
      const text = written
        .replace(/^( +)role: founder$/m, '$1role: founderr')
        .replace('  motion: sales-led', '  motoin: sales-led')
        .concat('\nrules:\n  no-such-rule: off\n  book-imbalance: off\n');
      const { diagnostics, lines } = await open(text);
      const at = (content: string) => place(lines, content).line;
      const found = diagnostics.map((d) => [d.range.start.line, d.message]);
      expect(found).toContainEqual([
        at('role: founderr'),
        expect.stringMatching(/^Value is not accepted/),
      ]);
      expect(found).toContainEqual([at('motoin: sales-led'), 'Property motoin is not allowed.']);
      expect(found).toContainEqual([
        at('no-such-rule: off'),
        'Property no-such-rule is not allowed.',
      ]);
      expect(diagnostics).toHaveLength(3);
    });

    it('accepts the team read from an HR roster, and flags a misspelt preset and roster field', async () => {
      const block = (preset: string, field: string) =>
        written.replace(
          /\nteam:\n(?: {2}.*\n)*/,
          `\nteam:\n  file: roster.csv\n  preset: ${preset}\n  columns:\n    ${field}: Position\n  roles:\n    Customer Advocate: csm\n  members:\n    - id: founder\n      aliases: [Jo]\n`,
        );
      expect((await open(block('bamboohr', 'title'))).diagnostics).toEqual([]);
      const { diagnostics, lines } = await open(block('bambooh', 'titel'));
      const found = diagnostics.map((d) => d.range.start.line);
      expect(found).toEqual([
        place(lines, 'preset: bambooh').line,
        place(lines, 'titel: Position').line,
      ]);
    });

    it('completes a role with what each role does', async () => {
      const { path, lines } = await open(written);
      const { line, character } = place(lines, 'role: founder', 'founder');
      const items = await server.completion(path, line, character);
      const csm = items.find((item) => item.label === 'csm');
      expect(csm?.documentation).toBe('CSM: carries a book of named or pooled accounts');
      expect(items.map((item) => item.label)).toContain('vp-cs');
    });

    it('completes keys: the rules under rules:', async () => {
      const { path, lines } = await open(`${written}\nrules:\n  \n`);
      const items = await server.completion(path, lines.length - 2, 2);
      expect(items.map((item) => item.label)).toContain('span-of-control');
    });

    it('explains a role once on hover, and each segment by its ARR band', async () => {
      const { path, lines } = await open(
        written.replace('    owner: founder', '    owner: founder\n    segment: enterprise'),
      );
      const role = place(lines, 'role: founder');
      const hover = await server.hover(path, role.line, role.character + 1);
      expect(hover).toContain('What the person does');
      expect(hover.match(/vp-cs/g)).toHaveLength(1);
      expect(hover).toContain('`vp-cs`: VP Customer Success: leads the CS organization');
      const segment = place(lines, 'segment: enterprise', 'enterprise');
      const band = await server.hover(path, segment.line, segment.character + 1);
      expect(band).toContain(
        '`enterprise`: ARR from $100k to under $500k; named CSM: each account has one CSM, 15-25 accounts per CSM',
      );
    });
  },
);
