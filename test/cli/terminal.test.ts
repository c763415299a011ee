/**
 * The built CLI in a real pseudo-terminal (util-linux `script`), sized with `stty cols`: every
 * line of every text output fits, styling is on for a terminal and off for TERM=dumb.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const hasScript = spawnSync('script', ['--version'], { encoding: 'utf8' }).status === 0;

// Each run starts node afresh (seconds on a busy machine): the reports with the widest tables.
const COMMANDS = [
  ...['growth', 'scale', 'salesforce/org'].map(
    (name) => `recommend examples/${name}.yaml --as-of 2026-11-23`,
  ),
  'check examples/growth.yaml examples/scale.yaml examples/healthy.yaml',
  'diff examples/diff/before.yaml examples/diff/after.yaml',
  'rules',
  'import examples/salesforce/accounts.csv',
];

// biome-ignore lint/suspicious/noControlCharactersInRegex: ANSI codes start with ESC
const ANSI = /\u001b\[[0-9;]*m/g;

/** Runs each command in one terminal of `columns` columns; output per command, as the screen got it. */
function inTerminal(
  columns: number,
  env: Record<string, string>,
  commands = COMMANDS,
): Map<string, string> {
  const marker = '=====csplan-command=====';
  const script = [
    `stty cols ${columns} rows 50`,
    ...commands.map((c) => `echo '${marker} ${c}'; node bin/csplan.js ${c}`),
  ].join('; ');
  const run = spawnSync('script', ['-qec', script, '/dev/null'], {
    encoding: 'utf8',
    env: { ...process.env, TERM: 'xterm-256color', GITHUB_ACTIONS: '', ...env },
  });
  const outputs = new Map<string, string>();
  const parts = run.stdout.replace(/\r/g, '').split(`${marker} `).slice(1);
  for (const part of parts) {
    const end = part.indexOf('\n');
    outputs.set(part.slice(0, end), part.slice(end + 1));
  }
  expect([...outputs.keys()]).toEqual(commands);
  return outputs;
}

describe.skipIf(!hasScript)('text output in a terminal', () => {
  it.each([60, 80, 120])('fits %i columns in every command', { timeout: 180_000 }, (columns) => {
    const outputs = inTerminal(columns, { TERM: 'xterm-256color' });
    for (const [command, output] of outputs) {
      const lines = output.replace(ANSI, '').split('\n');
      expect(lines.length, command).toBeGreaterThan(3);
      const over = lines.filter((line) => line.length > columns);
      expect(over, `${command} at ${columns} columns`).toEqual([]);
    }
    // A terminal gets styling; tables use their width (a report has lines near the edge).
    const report = outputs.get(COMMANDS[1] ?? '') ?? '';
    expect(report).toMatch(ANSI);
    const longest = Math.max(
      ...report
        .replace(ANSI, '')
        .split('\n')
        .map((l) => l.length),
    );
    expect(longest).toBeGreaterThan(columns - 10);
  });

  it('gives TERM=dumb no bold, dim or colour codes', { timeout: 180_000 }, () => {
    const outputs = inTerminal(80, { TERM: 'dumb' }, COMMANDS.slice(1, 4));
    for (const [command, output] of outputs) expect(output, command).not.toContain('\u001b[');
  });
});
