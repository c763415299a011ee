#!/usr/bin/env node
/**
 * Regenerates the pictures of the HTML report in docs/ (not run by `npm test`): the founder,
 * growth and scale examples, rendered by the built CLI and photographed in headless Chromium.
 *   npm run build && node scripts/screenshots.mjs
 * CHROMIUM=/path/to/chromium picks the browser (default: /usr/bin/chromium, Debian's package).
 */
import { execFileSync } from 'node:child_process';
import { launchChromium } from './chromium.mjs';

const EXAMPLES = ['founder', 'growth', 'scale'];
/** A fixed date, so the pictures change only when the plan does. */
const AS_OF = '2026-11-23';

const browser = await launchChromium();
try {
  const page = await browser.newPage({
    viewport: { width: 1280, height: 900 },
    deviceScaleFactor: 1,
  });
  for (const name of EXAMPLES) {
    const report = execFileSync(
      process.execPath,
      ['bin/csplan.js', 'recommend', `examples/${name}.yaml`, '--as-of', AS_OF, '--format', 'html'],
      { encoding: 'utf8', maxBuffer: 64 << 20 },
    );
    await page.setContent(report, { waitUntil: 'load' });
    const out = `docs/report-${name}.png`;
    // The slide: the answer and the capacity per team, down to the end of that section.
    const capacity = await page.locator('#capacity').boundingBox();
    const height = Math.ceil((capacity?.y ?? 0) + (capacity?.height ?? 1200) + 24);
    await page.screenshot({ path: out, fullPage: true, clip: { x: 0, y: 0, width: 1280, height } });
    console.log(`wrote ${out}`);
  }
} finally {
  await browser.close();
}
