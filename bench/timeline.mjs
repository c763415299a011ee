/**
 * The hiring timeline's cost (issue 11): `csplan recommend` with `growth:` runs the first 12
 * months of the timeline (about 30 plans of the org, accounts folded per owner, segment and load),
 * so it is timed against the same file without `growth:`, and `csplan timeline` beside both.
 * Medians of the same run; the growth files are the benchmark orgs with a growth block added.
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
      without.push(measure([cli, 'recommend', plain, ...common], timeTool).ms);
      withGrowth.push(measure([cli, 'recommend', grown, ...common], timeTool).ms);
      timeline.push(measure([cli, 'timeline', grown, ...common], timeTool).ms);
    }
    const a = median(without);
    const b = median(withGrowth);
    const t = median(timeline);
    print([
      `CSV ${size}, growth`,
      size,
      String(runs),
      `${Math.round(a)} ms`,
      `${Math.round(b)} ms`,
      `${(b / a).toFixed(2)}x`,
      `${Math.round(t)} ms`,
      b / a <= GROWTH_RATIO_TARGET ? 'ratio ok' : `ratio > ${GROWTH_RATIO_TARGET}x`,
    ]);
    results.timeline.push({
      size,
      runs,
      recommendMs: Math.round(a),
      recommendWithGrowthMs: Math.round(b),
      ratio: Math.round((b / a) * 100) / 100,
      timelineMs: Math.round(t),
    });
  }
}
