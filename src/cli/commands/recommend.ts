/** `csplan recommend FILE`: stage, segments, capacity, structure, org chart, gaps, findings. */

import { findingJson, renderPlanJson, SCHEMA_VERSION } from '../../render/json.js';
import { outputWidth, useColor } from '../color.js';
import { EXIT } from '../exit-codes.js';
import type { CliIO } from '../io.js';
import { loadAndPlan } from '../load-plan.js';
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
    if (format === 'json') {
      const body = {
        schemaVersion: SCHEMA_VERSION,
        valid: false,
        findings: result.diagnostics.map(findingJson),
      };
      io.stdout(`${JSON.stringify(body, null, 2)}\n`);
    } else {
      const { renderDiagnostics } = await import('../../render/diagnostics.js');
      io.stderr(
        renderDiagnostics(result.diagnostics, {
          color: useColor(options.color, io),
          file,
          width: outputWidth(io),
        }),
      );
      io.stderr(`${file} has problems to fix before it can be planned.\n`);
    }
    return EXIT.problems;
  }
  const { plan, diagnostics } = result;
  // Text and markdown pull in chalk and cli-table3; JSON output (CI, scripts) does not need them.
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
