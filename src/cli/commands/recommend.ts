/** `csplan recommend FILE`: stage, segments, capacity, structure, org chart, gaps, findings. */

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
}

const FORMATS = ['text', 'json', 'markdown', 'mermaid'] as const;

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
  });
  if (result.invalid || !result.plan) {
    return reportUnplannable(result, io, {
      json: format === 'json',
      color: options.color,
      waiting: 'it can be planned',
    });
  }
  const { plan, diagnostics } = result;
  // Text and markdown pull in chalk and the table renderer; JSON output (CI, scripts) does not.
  if (format === 'json') io.stdout(renderPlanJson(plan, diagnostics));
  else if (format === 'mermaid') {
    const { renderChartMermaid } = await import('../../render/mermaid.js');
    io.stdout(renderChartMermaid(plan));
  } else if (format === 'markdown') {
    const { renderPlanMarkdown } = await import('../../render/markdown.js');
    io.stdout(renderPlanMarkdown(plan, diagnostics, file));
  } else {
    const { renderPlanText } = await import('../../render/text.js');
    io.stdout(renderPlanText(plan, diagnostics, { color, width: outputWidth(io), file }));
  }
  return EXIT.ok;
}
