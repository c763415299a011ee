/** `csplan recommend FILE`: stage, segments, capacity, structure, org chart, gaps, findings. */

import { withTimelineGaps } from '../../core/plan.js';
import { renderPlanJson } from '../../render/json.js';
import { outputWidth, useColor } from '../color.js';
import { EXIT } from '../exit-codes.js';
import type { CliIO } from '../io.js';
import { loadAndPlan, reportUnplannable } from '../load-plan.js';
import { parseAsOf, parseFormat, parseRuleOverrides } from '../options.js';

export interface RecommendOptions {
  format?: string;
  asOf?: string;
  color?: boolean;
  rule?: string[];
  allowOutsideAccountsFile?: boolean;
  skipInvalid?: boolean;
}

const FORMATS = ['text', 'json', 'markdown', 'mermaid', 'html'] as const;

export async function runRecommend(
  file: string,
  options: RecommendOptions,
  io: CliIO,
): Promise<number> {
  const format = parseFormat(options.format, FORMATS, 'text');
  const asOf = parseAsOf(options.asOf);
  const ruleOverrides = parseRuleOverrides(options.rule);
  const color = format === 'text' && useColor(options.color, io);

  const result = await loadAndPlan(file, io, {
    asOf,
    ruleOverrides,
    allowOutsideAccountsFile: options.allowOutsideAccountsFile,
    skipInvalid: options.skipInvalid,
  });
  if (result.invalid || !result.plan) {
    return reportUnplannable(result, io, {
      json: format === 'json',
      color: options.color,
      waiting: 'it can be planned',
    });
  }
  const { diagnostics } = result;
  let { plan } = result;
  // Text and markdown pull in chalk and the table renderer; JSON output (CI, scripts) does not.
  if (format === 'json') io.stdout(renderPlanJson(plan, diagnostics));
  else if (format === 'mermaid') {
    const { renderChartMermaid } = await import('../../render/mermaid.js');
    io.stdout(renderChartMermaid(plan));
  } else {
    // The answer that opens the report, and the gaps' dates, come from the 12-month timeline:
    // the plan's own when the file has growth (simulated once), else simulated here.
    const { simulateTimeline } = await import('../../core/timeline/index.js');
    const timeline = plan.timeline ?? (result.org ? simulateTimeline(result.org) : undefined);
    plan = withTimelineGaps(plan, timeline);
    if (format === 'markdown') {
      const { renderPlanMarkdown } = await import('../../render/markdown.js');
      io.stdout(renderPlanMarkdown(plan, diagnostics, file, timeline));
    } else if (format === 'html') {
      const { renderPlanHtml } = await import('../../render/html/plan.js');
      if (!timeline || !result.org) throw new Error('recommend: a planned file has an org');
      io.stdout(
        renderPlanHtml({ plan, timeline, findings: diagnostics, file, people: result.org.team }),
      );
    } else {
      const { renderPlanText } = await import('../../render/text.js');
      io.stdout(
        renderPlanText(plan, diagnostics, { color, width: outputWidth(io), file, timeline }),
      );
    }
  }
  return EXIT.ok;
}
