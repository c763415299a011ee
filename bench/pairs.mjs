/**
 * Two commands timed in alternating pairs (A B A B ...), so that a busy machine slows both alike:
 * the median of each, the median of the per-pair ratios B/A, and each one's peak RSS and CPU time
 * (GNU time's %M, %U and %S where /usr/bin/time has it). How issue 23 measured every figure it
 * quotes.
 *
 *   node bench/pairs.mjs [--pairs N] "A: node args..." "B: node args..."
 *
 * Each command is a list of arguments to node, split on spaces (no shell), run from the repository.
 * Example: node bench/pairs.mjs --pairs 7 "-e 0" "bin/csplan.js --version"
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const args = process.argv.slice(2);
const usage =
  'usage: node bench/pairs.mjs [--pairs N] "node args of A" "node args of B"\n' +
  '  times A and B alternately N times (default 7) and prints medians, the median of the\n' +
  '  per-pair ratios B/A (wall clock and CPU time) and peak RSS; e.g. node bench/pairs.mjs "-e 0" "bin/csplan.js --version"';
const at = args.indexOf('--pairs');
const pairs = at === -1 ? 7 : Number(args[at + 1]);
const commands = args.filter((_, i) => at === -1 || (i !== at && i !== at + 1));
if (args.includes('--help') || commands.length !== 2 || !(pairs > 0)) {
  console.log(usage);
  process.exitCode = args.includes('--help') ? 0 : 2;
} else {
  const timeTool = gnuTime();
  const runs = commands.map(() => []);
  for (let i = 0; i < pairs; i++) {
    commands.forEach((command, k) => {
      runs[k].push(measure(command.split(' ').filter(Boolean), timeTool));
    });
  }
  const ratios = runs[0].map((a, i) => runs[1][i].ms / a.ms);
  commands.forEach((command, k) => {
    const ms = median(runs[k].map((r) => r.ms));
    const cpu = timeTool ? `, CPU ${Math.round(median(runs[k].map((r) => r.cpuMs)))} ms` : '';
    const rss = Math.max(...runs[k].map((r) => r.rssKb)) / 1024;
    console.log(
      `${'AB'[k]}: ${Math.round(ms)} ms median${cpu}, peak ${rss ? `${Math.round(rss)} MB` : 'RSS unknown'}: node ${command}`,
    );
  });
  console.log(`B/A: ${ratioLine(ratios)}`);
  // CPU time (user + system, GNU time) counts only the command's own work: on a machine other
  // jobs load it moves less than the wall clock, which also counts waiting for a core.
  if (timeTool)
    console.log(`B/A CPU: ${ratioLine(runs[0].map((a, i) => runs[1][i].cpuMs / a.cpuMs))}`);
}

function ratioLine(ratios) {
  return `${median(ratios).toFixed(2)}x (median of ${ratios.length} per-pair ratios; range ${Math.min(...ratios).toFixed(2)}-${Math.max(...ratios).toFixed(2)})`;
}

function measure(nodeArgs, timeTool) {
  const command = timeTool ?? process.execPath;
  const commandArgs = timeTool
    ? ['-f', 'RSS %M CPU %U %S', process.execPath, ...nodeArgs]
    : nodeArgs;
  const started = performance.now();
  const result = spawnSync(command, commandArgs, {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 1024 * 1024 * 1024,
    env: { ...process.env, NO_COLOR: '1' },
  });
  const ms = performance.now() - started;
  if (result.status !== 0 && result.status !== 1) {
    throw new Error(`node ${nodeArgs.join(' ')} exited with ${result.status}:\n${result.stderr}`);
  }
  const measured = timeTool ? /RSS (\d+) CPU ([\d.]+) ([\d.]+)\s*$/.exec(result.stderr) : null;
  const rssKb = Number(measured?.[1] ?? 0);
  const cpuMs = (Number(measured?.[2] ?? 0) + Number(measured?.[3] ?? 0)) * 1000;
  return { ms, rssKb, cpuMs };
}

function gnuTime() {
  if (!existsSync('/usr/bin/time')) return undefined;
  const probe = spawnSync('/usr/bin/time', ['-f', '%M', 'true'], { encoding: 'utf8' });
  return probe.status === 0 ? '/usr/bin/time' : undefined;
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
