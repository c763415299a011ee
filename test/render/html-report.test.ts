/// <reference lib="dom" />
/**
 * The HTML reports without a browser: one escaper for every user string, the org chart's boxes
 * add up to the target org, and the answer and gap labels agree with the timeline's dates.
 * (test/render/html-browser.test.ts renders them in Chromium.)
 */

import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gapWhen } from '../../src/core/gaps.js';
import { planOrg } from '../../src/core/plan.js';
import { simulateTimeline } from '../../src/core/timeline/index.js';
import { answerParts } from '../../src/render/answer.js';
import { escapeHtml, html, prose, rawHtml } from '../../src/render/html/html.js';
import { type Box, COLLAPSE_AT, chartBoxes } from '../../src/render/html/orgchart.js';
import { renderPlanHtml } from '../../src/render/html/plan.js';
import { gapTeam } from '../../src/render/text.js';
import { tempDir } from '../helpers/files.js';
import { generatedOrg, orgArb } from '../helpers/generated-org.js';
import { runCli } from '../helpers/io.js';
import { accounts, orgFrom } from '../helpers/org.js';

// jsdom ships no types (a name in a variable keeps tsc from asking); its document is typed by
// the DOM library.
const JSDOM_MODULE = 'jsdom';
const { JSDOM } = (await import(JSDOM_MODULE)) as {
  JSDOM: new (markup: string) => { window: { document: Document } };
};

function parse(markup: string): Document {
  return new JSDOM(markup).window.document;
}

const RUNS = { numRuns: Number(process.env.CSPLAN_PROPERTY_RUNS ?? 60), seed: 20261206 };

describe('the html tag', () => {
  it('escapes the five characters HTML gives meaning, in text and attributes', () => {
    expect(escapeHtml(`<script>"a" & 'b'</script>`)).toBe(
      '&lt;script&gt;&quot;a&quot; &amp; &#39;b&#39;&lt;/script&gt;',
    );
    const name = '"><img src=x onerror=alert(1)>';
    expect(html`<b title="${name}">${name}</b>`.markup).toBe(
      '<b title="&quot;&gt;&lt;img src=x onerror=alert(1)&gt;">&quot;&gt;&lt;img src=x onerror=alert(1)&gt;</b>',
    );
  });

  it('passes its own markup through once, and shows control characters', () => {
    const inner = html`<i>${'a&b'}</i>`;
    expect(html`<p>${inner}${[inner, null, false, 2]}</p>`.markup).toBe(
      '<p><i>a&amp;b</i><i>a&amp;b</i>2</p>',
    );
    expect(html`${'\u001b[2Jx\u202e'}`.markup).toBe('\\x1B[2Jx\\u202E');
    expect(html`${rawHtml('<br>')}`.markup).toBe('<br>');
  });

  it('sets backtick spans as code and escapes them', () => {
    expect(prose('run `csplan <x>` & see').markup).toBe(
      'run <code>csplan &lt;x&gt;</code> &amp; see',
    );
  });
});

const HOSTILE = [
  `<script>alert(1)</script>`,
  `"><img src=x onerror=alert(2)>`,
  `javascript:alert(3)`,
  `a & b "c"`,
];

describe('csplan ... --format html', () => {
  it('is one page per run: timeline --compare asks for markdown instead (exit 2)', async () => {
    const { code, stdout, stderr } = await runCli([
      'timeline',
      'examples/timeline-vp.yaml',
      '--compare',
      '--format',
      'html',
    ]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('--format html shows one timeline');
  });

  it('assign gives the same page as rebalance, titled Assignment', async () => {
    const { code, stdout } = await runCli(['assign', 'examples/rebalance.yaml', '-f', 'html']);
    expect(code).toBe(0);
    expect(parse(stdout).querySelector('h1')?.textContent).toBe(
      'Assignment: examples/rebalance.yaml',
    );
  });
});

describe('user strings in the HTML report', () => {
  it('reads as written in every place a name or id appears, and never runs', async () => {
    const dir = await tempDir();
    const file = join(dir, 'org.yaml');
    const quote = (s: string) => JSON.stringify(s);
    await writeFile(
      file,
      [
        'version: 1',
        `company: { name: ${quote(HOSTILE.join(' '))}, as_of: 2026-11-23 }`,
        'team:',
        `  - { id: vp, name: ${quote(HOSTILE[0] as string)}, role: vp-cs }`,
        `  - { id: ${quote(HOSTILE[2] as string)}, name: ${quote(HOSTILE[1] as string)}, role: csm, segment: mid-market, reports_to: vp }`,
        `  - { id: ${quote(HOSTILE[3] as string)}, role: csm, segment: mid-market, reports_to: vp }`,
        'accounts:',
        ...Array.from(
          { length: 90 },
          (_, i) =>
            `  - { id: ${quote(`${HOSTILE[i % 4]}-${i}`)}, arr: 40000, owner: ${quote(HOSTILE[2 + (i % 2)] as string)} }`,
        ),
        '',
      ].join('\n'),
    );
    for (const argv of [['recommend'], ['timeline'], ['rebalance']]) {
      const { code, stdout, stderr } = await runCli([...argv, file, '--format', 'html']);
      expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
      const { document } = { document: parse(stdout) };
      expect(document.querySelectorAll('script, img, iframe, object, embed, a[href]')).toHaveLength(
        0,
      );
      for (const el of Array.from(document.querySelectorAll('*')))
        for (const attr of el.getAttributeNames()) expect(attr, argv[0]).not.toMatch(/^on/);
      const text = document.body.textContent ?? '';
      if (argv[0] !== 'rebalance') expect(text).toContain(HOSTILE.join(' ').slice(0, 40));
      if (argv[0] === 'recommend') {
        // People by name in the org chart, escaped in the SVG's own text.
        const chart = document.querySelector('svg[data-chart="orgchart"]')?.textContent ?? '';
        expect(chart).toContain(HOSTILE[0]);
        expect(chart).toContain(HOSTILE[1]?.slice(0, 20));
      }
      if (argv[0] === 'rebalance') expect(text).toContain(HOSTILE[2]);
    }
  });

  it('keeps any company name as text: the title and heading read it back exactly', async () => {
    const org = await orgFrom(
      `team:\n  - { id: c1, role: csm }\naccounts:\n${accounts('a', 30, 20000, 'owner: c1')}\n`,
    );
    const plan = planOrg(org);
    const timeline = simulateTimeline(org);
    await fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (name) => {
        const page = renderPlanHtml({
          plan: { ...plan, company: { ...plan.company, name } },
          timeline,
          findings: [],
          file: 'org.yaml',
          people: org.team,
        });
        const { document } = { document: parse(page) };
        expect(document.querySelectorAll('script')).toHaveLength(0);
        expect(document.querySelector('h1')?.textContent).toBe(
          `${escapeHtml(name).replace(/&(lt|gt|quot|#39|amp);/g, (_, e) => ({ lt: '<', gt: '>', quot: '"', '#39': "'", amp: '&' })[e as 'lt'])}: Customer Success plan`.replace(
            /\r\n?/g,
            '\n',
          ),
        );
      }),
      RUNS,
    );
  });
});

/** People and hires a team box shows: its named and hire boxes, or its counts when collapsed. */
function shown(team: Box): number {
  if (team.kind === 'team') {
    const count = (what: string) =>
      Number(new RegExp(`(\\d+) ${what}`).exec(team.sub ?? '')?.[1] ?? 0);
    return count('in the file') + count('to hire');
  }
  return team.children.reduce(
    (sum, box) => sum + (box.kind === 'hire' ? Number(/^(\d+)/.exec(box.label)?.[1] ?? 1) : 1),
    0,
  );
}

function allBoxes(box: Box): Box[] {
  return [box, ...box.children.flatMap(allBoxes)];
}

describe('the org chart tree (property: generated orgs)', () => {
  it('renders, and shows each CSM team at its target, by name up to the threshold and as a count beyond', async () => {
    await fc.assert(
      fc.asyncProperty(orgArb, async (spec) => {
        const org = await generatedOrg(spec);
        const plan = planOrg(org);
        const root = chartBoxes(plan, org.team);
        // The whole page renders for any org, and names every CSM team.
        const page = renderPlanHtml({
          plan,
          timeline: simulateTimeline(org),
          findings: plan.findings,
          file: 'org.yaml',
          people: org.team,
        });
        for (const team of plan.teams) expect(page).toContain(escapeHtml(team.title));
        for (const team of plan.teams) {
          const box = allBoxes(root).find((b) => b.label.startsWith(team.title));
          expect(box, team.title).toBeDefined();
          if (!box) continue;
          expect(shown(box), team.title).toBe(team.target);
          const people = box.children.filter((c) => c.kind === 'person' || c.kind === 'moved');
          expect(people.length).toBeLessThanOrEqual(COLLAPSE_AT);
          if (team.members.length + team.hireNow + team.hireNext > COLLAPSE_AT) {
            expect(box.kind).toBe('team');
            expect(box.children).toEqual([]);
          }
          // Someone moved in is marked, and nobody else is.
          const moved = box.children.filter((c) => c.kind === 'moved').length;
          const movedIn = plan.redeployments.filter((r) => r.to === team.key).length;
          if (people.length > 0) expect(moved).toBe(movedIn);
        }
      }),
      RUNS,
    );
  }, 300_000);
});

describe('the answer and the gap labels (property: generated orgs)', () => {
  it('agree with the timeline: a late first req is "now" in the answer and "late" on its gap', async () => {
    await fc.assert(
      fc.asyncProperty(orgArb, async (spec) => {
        const org = await generatedOrg(spec);
        const plan = planOrg(org);
        const timeline = simulateTimeline(org);
        const answer = answerParts(timeline, plan);
        const first = timeline.hires[0];
        if (first?.delay === 'late') expect(answer.req).toMatch(/ req now \(/);
        if (first && first.delay === null) expect(answer.req).toContain(`req by ${first.openBy}`);
        for (const gap of plan.gaps) {
          const title = gap.team === null ? null : gapTeam(plan, gap);
          const when = gapWhen(gap, plan.teams, timeline);
          const hire = timeline.hires.find(
            (h) => h.role === gap.role && (title === null || h.team === null || h.team === title),
          );
          if (when === 'late') expect(hire?.delay).toBe('late');
          if (when.startsWith('by ')) expect(when.slice(3) > timeline.asOf).toBe(true);
          if (hire?.delay === 'late') expect(when).toBe('late');
          if (!hire) expect(when).toBe(gap.priority);
        }
      }),
      RUNS,
    );
  }, 300_000);
});
