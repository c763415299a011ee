// @vitest-environment jsdom
/**
 * The Gantt chart in `csplan timeline --format markdown`, read by the real Mermaid parser: a
 * chart that GitHub cannot draw fails here, not in a user's pull request.
 */
import mermaid from 'mermaid';
import { describe, expect, it } from 'vitest';
import { loadOrgFile } from '../../src/config/load.js';
import { simulateTimeline } from '../../src/core/timeline/index.js';
import { renderTimelineGantt, renderTimelineMarkdown } from '../../src/render/timeline-markdown.js';

async function timelineOf(file: string, options = {}) {
  const loaded = await loadOrgFile(file, { today: '2026-12-01' });
  if (!loaded.org) throw new Error(`${file} does not load`);
  return simulateTimeline(loaded.org, options);
}

describe('timeline Gantt chart', () => {
  it('the parser is the real one: a task without its colon is rejected', async () => {
    await expect(mermaid.parse('gantt\n  dateFormat YYYY-MM-DD\n  Task one\n')).rejects.toThrow(
      /Parse error/,
    );
  });

  it.each([
    ['examples/timeline-founder.yaml', { months: 24 }],
    ['examples/timeline-vp.yaml', {}],
    ['examples/timeline-vp.yaml', { freezeUntil: '2027-06-01' }],
  ])('%s %o parses as a Mermaid gantt', async (file, options) => {
    const timeline = await timelineOf(file, options);
    const chart = renderTimelineGantt(timeline);
    const result = await mermaid.parse(chart);
    expect(result).toMatchObject({ diagramType: 'gantt' });
    // One req bar and one ramp bar per hire, one milestone per stage change.
    expect(chart.match(/ :(crit, )?h\d+req, /g)).toHaveLength(timeline.hires.length);
    expect(chart.match(/ :h\d+ramp, /g)).toHaveLength(timeline.hires.length);
    expect(chart.match(/:milestone, /g) ?? []).toHaveLength(timeline.stageChanges.length);
  });

  it('names a late req as critical and a stage change as a milestone', async () => {
    const timeline = await timelineOf('examples/timeline-founder.yaml', { months: 24 });
    const chart = renderTimelineGantt(timeline);
    expect(chart).toContain('Req open 2026-12-01 :crit, h0req, 2026-12-01, 2027-01-30');
    expect(chart).toContain('Ramp to 2027-03-27 :h0ramp, 2027-01-30, 2027-03-27');
    expect(chart).toContain('Specialization :milestone, s1, 2028-05-01, 0d');
  });

  it('the markdown report carries the chart in a mermaid block', async () => {
    const timeline = await timelineOf('examples/timeline-founder.yaml');
    const markdown = renderTimelineMarkdown(timeline, 'org.yaml');
    const block = /```mermaid\n([\s\S]*?)```/.exec(markdown)?.[1];
    expect(block).toBe(renderTimelineGantt(timeline));
    await expect(mermaid.parse(block ?? '')).resolves.toBeTruthy();
  });
});
