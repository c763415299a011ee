/**
 * Whether the HTML report tests can run their browser: without Chromium they fail under CI=true
 * and are skipped, with a message saying so, elsewhere.
 */
import { existsSync } from 'node:fs';
import { CHROMIUM, launchChromium } from '../../scripts/chromium.mjs';

export const hasChromium = existsSync(CHROMIUM);
/** CI must run the browser tests: a missing browser is a failure there, not a skip. */
export const browserRequired = process.env.CI === 'true';

if (!hasChromium && !browserRequired) {
  console.warn(
    `Skipping the browser tests of the HTML report: no Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM=path).`,
  );
}

export { launchChromium };
