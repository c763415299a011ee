/**
 * Preloaded with `node --import bench/rss.mjs ...` where GNU time is missing: writes the
 * process's peak resident set size (KB) to $BENCH_RSS_FILE when it exits.
 */
import { writeFileSync } from 'node:fs';

process.on('exit', () => {
  const file = process.env.BENCH_RSS_FILE;
  if (file) writeFileSync(file, String(process.resourceUsage().maxRSS));
});
