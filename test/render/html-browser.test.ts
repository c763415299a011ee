/// <reference lib="dom" />
/**
 * The HTML reports of the examples in a real browser (headless Chromium): every section there,
 * no console error, no request to the network, nothing wider than a 1280 px or a 390 px screen,
 * every chart with a text alternative, printable to PDF on A4 and Letter, and no serious or
 * critical axe-core violation.
 */
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserRequired, hasChromium, launchChromium } from '../helpers/browser.js';
import { runCli } from '../helpers/io.js';

const axeSource: string = createRequire(import.meta.url)('axe-core').source;

interface Report {
  name: string;
  argv: string[];
  sections: string[];
  charts: string[];
}

const PLAN_SECTIONS = [
  'answer',
  'capacity',
  'orgchart',
  'headcount',
  'timeline',
  'gaps',
  'findings',
];
const REPORTS: Report[] = [
  ...['founder', 'growth', 'scale'].map((name) => ({
    name: `recommend ${name}`,
    argv: ['recommend', `examples/${name}.yaml`, '--format', 'html'],
    sections: PLAN_SECTIONS,
    charts: name === 'founder' ? ['orgchart'] : ['capacity', 'orgchart', 'headcount', 'gantt'],
  })),
  {
    name: 'timeline timeline-founder',
    argv: ['timeline', 'examples/timeline-founder.yaml', '--format', 'html'],
    sections: ['answer', 'timeline', 'cost', 'quarters', 'assumptions'],
    charts: ['gantt', 'cost'],
  },
  {
    name: 'timeline timeline-vp',
    argv: ['timeline', 'examples/timeline-vp.yaml', '--format', 'html'],
    sections: ['answer', 'timeline', 'cost', 'quarters', 'assumptions'],
    charts: ['gantt', 'cost'],
  },
  {
    name: 'rebalance',
    argv: ['rebalance', 'examples/rebalance.yaml', '--format', 'html'],
    sections: ['answer', 'books', 'moves', 'unmovable', 'teams', 'rules'],
    charts: ['books'],
  },
];

interface Loaded {
  page: Page;
  errors: string[];
  requests: string[];
}

describe.skipIf(!hasChromium && !browserRequired)('HTML reports in headless Chromium', () => {
  let browser: Browser;
  const pages = new Map<string, Loaded>();

  beforeAll(async () => {
    browser = await launchChromium();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
  });

  /** The report loaded once per test file at `width`, with its console errors and requests. */
  async function load(report: Report, width: number): Promise<Loaded> {
    const key = `${report.name}@${width}`;
    const known = pages.get(key);
    if (known) return known;
    const { code, stdout, stderr } = await runCli(report.argv);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    const loaded: Loaded = { page, errors: [], requests: [] };
    page.on('console', (msg) => {
      if (msg.type() === 'error') loaded.errors.push(msg.text());
    });
    page.on('pageerror', (error) => loaded.errors.push(error.message));
    await page.route('**/*', (route) => {
      loaded.requests.push(route.request().url());
      return route.abort();
    });
    await page.setContent(stdout, { waitUntil: 'load' });
    pages.set(key, loaded);
    return loaded;
  }

  describe.each(REPORTS)('$name', (report) => {
    it('has every section, no console error and no request', { timeout: 60_000 }, async () => {
      const { page, errors, requests } = await load(report, 1280);
      const ids = await page.$$eval('main section[id]', (all) => all.map((s) => s.id));
      for (const id of report.sections) expect(ids, id).toContain(id);
      // The answer comes first.
      expect(ids[0]).toBe('answer');
      expect(errors).toEqual([]);
      expect(requests).toEqual([]);
      expect(await page.$$('script')).toHaveLength(0);
    });

    it('gives every chart a name and a description', { timeout: 60_000 }, async () => {
      const { page } = await load(report, 1280);
      const charts = await page.$$eval('svg', (all) =>
        all.map((svg) => {
          const [title, desc] = (svg.getAttribute('aria-labelledby') ?? '')
            .split(' ')
            .map((id) => document.getElementById(id)?.textContent?.trim() ?? '');
          return { id: svg.dataset.chart, role: svg.getAttribute('role'), title, desc };
        }),
      );
      expect(charts.map((c) => c.id).sort()).toEqual([...report.charts].sort());
      for (const chart of charts) {
        expect(chart.role, chart.id).toBe('img');
        expect(chart.title?.length, chart.id).toBeGreaterThan(5);
        expect(chart.desc?.length, chart.id).toBeGreaterThan(20);
      }
    });

    it.each([1280, 390])('overflows nothing at %i px', { timeout: 60_000 }, async (width) => {
      const { page } = await load(report, width);
      const over = await page.evaluate(() => {
        const limit = document.documentElement.clientWidth;
        const out: string[] = [];
        if (document.documentElement.scrollWidth > limit)
          out.push(`page ${document.documentElement.scrollWidth}`);
        for (const el of Array.from(document.querySelectorAll('main *'))) {
          // A wide table scrolls inside its own box, by design.
          if (el.closest('.scroll')) continue;
          const right = el.getBoundingClientRect().right;
          if (right > limit + 0.5)
            out.push(`${el.tagName.toLowerCase()}.${el.className} ends at ${Math.round(right)}`);
        }
        return out;
      });
      expect(over).toEqual([]);
    });

    it('prints to PDF on A4 and Letter', { timeout: 60_000 }, async () => {
      const { page } = await load(report, 1280);
      for (const format of ['A4', 'Letter'] as const) {
        const pdf = await page.pdf({ format, printBackground: true });
        expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
        expect(pdf.length).toBeGreaterThan(10_000);
      }
    });

    it('has no serious or critical axe-core violation', { timeout: 60_000 }, async () => {
      for (const width of [1280, 390]) {
        const { page } = await load(report, width);
        await page.addScriptTag({ content: axeSource });
        const violations = await page.evaluate(async () => {
          // biome-ignore lint/suspicious/noExplicitAny: axe is injected into the page above
          const result = await (window as any).axe.run(document);
          return (result.violations as { id: string; impact: string; nodes: unknown[] }[])
            .filter((v) => v.impact === 'serious' || v.impact === 'critical')
            .map((v) => `${v.id} (${v.impact}, ${v.nodes.length} nodes)`);
        });
        expect(violations, `at ${width} px`).toEqual([]);
      }
    });
  });
});
