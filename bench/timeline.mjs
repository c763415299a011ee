/**
 * The hiring timeline's cost (issues 11 and 23): `csplan recommend` with `growth:` runs the first
 * 12 months of the timeline (about 30 plans of the org, its accounts folded into a group per owner
 * and segment, and per region and industry where those may decide a team), so it is timed against
 * the same file without `growth:`, and `csplan timeline` beside both. The runs alternate (without,
 * with, timeline, ...); the ratio is the median of the per-run ratios in CPU time where GNU time
 * gives it (a busy machine moves it less than the wall clock), else in wall time. The growth files
 * are the benchmark orgs with a growth block added.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const GROWTH = `growth:
  new_customers_per_month: 200
  expansion_pct_12m: 10
  churn_pct_12m: 8
`;

/** Target: growth costs recommend at most this many times its run without growth (issue 23). */
export const GROWTH_RATIO_TARGET = 1.8;

export function timelineCases(ctx) {
  const { dataDir, root, runs, asOf, timeTool, measure, median, print, results } = ctx;
  results.timeline = [];
  print([
    'timeline case',
    'accounts',
    'runs',
    'no growth',
    'growth',
    'ratio',
    'timeline 12 months',
    'target',
  ]);
  for (const size of ['1k', '10k', '100k']) {
    const plain = join(dataDir, `org-${size}-csv.yaml`);
    const grown = join(dataDir, `org-${size}-growth.yaml`);
    const text = readFileSync(plain, 'utf8');
    writeFileSync(grown, text.replace(/^team:$/m, `${GROWTH}team:`));
    const cli = join(root, 'bin', 'csplan.js');
    const common = ['--format', 'json', '--as-of', asOf];
    const without = [];
    const withGrowth = [];
    const timeline = [];
    for (let i = 0; i < runs; i++) {
      without.push(measure([cli, 'recommend', plain, ...common], timeTool));
      withGrowth.push(measure([cli, 'recommend', grown, ...common], timeTool));
      timeline.push(measure([cli, 'timeline', grown, ...common], timeTool));
    }
    const cpu = without.every((r) => r.cpuMs > 0) && withGrowth.every((r) => r.cpuMs > 0);
    const time = (r) => (cpu ? r.cpuMs : r.ms);
    const a = median(without.map(time));
    const b = median(withGrowth.map(time));
    const t = median(timeline.map(time));
    const ratio = median(without.map((r, k) => time(withGrowth[k]) / time(r)));
    print([
      `CSV ${size}, growth`,
      size,
      String(runs),
      `${Math.round(a)} ms ${cpu ? 'CPU' : 'wall'}`,
      `${Math.round(b)} ms`,
      `${ratio.toFixed(2)}x`,
      `${Math.round(t)} ms`,
      ratio <= GROWTH_RATIO_TARGET ? 'ratio ok' : `ratio > ${GROWTH_RATIO_TARGET}x`,
    ]);
    results.timeline.push({
      size,
      runs,
      measure: cpu ? 'cpu' : 'wall',
      recommendMs: Math.round(a),
      recommendWithGrowthMs: Math.round(b),
      ratio: Math.round(ratio * 100) / 100,
      timelineMs: Math.round(t),
    });
  }
}
