/**
 * Headless Chromium for the HTML report (the browser tests and scripts/screenshots.mjs): Debian's
 * package, or CHROMIUM=path, driven by playwright-core. Playwright starts it headless with a fresh
 * profile of its own; these flags keep it off the network and quiet.
 */
export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

export async function launchChromium() {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}
