/** `csplan timeline FILE`: the hiring plan month by month, what it costs, and what-if scenarios. */

import { suggestion } from '../../core/did-you-mean.js';
import { MAX_CSM_FTE_NEEDED, MAX_PROJECTED_GROWTH } from '../../core/limits.js';
import type { Org } from '../../core/model.js';
import { formatCount } from '../../core/money.js';
import { csmNeedOverLimit, growthOverLimit } from '../../core/timeline/growth-limit.js';
import {
  BASE_SCENARIO,
  compareScenarios,
  DEFAULT_MONTHS,
  MAX_MONTHS,
  runScenario,
  simulateTimeline,
  type Timeline,
  type TimelineOptions,
} from '../../core/timeline/index.js';
import { outputWidth, useColor } from '../color.js';
import { EXIT, UsageError } from '../exit-codes.js';
import type { CliIO } from '../io.js';
import { csmFteFigure, loadAndPlan, reportUnplannable } from '../load-plan.js';
import { parseAsOf, parseFormat } from '../options.js';

export interface TimelineCliOptions {
  format?: string;
  asOf?: string;
  months?: string;
  scenario?: string;
  compare?: boolean;
  growth?: string;
  freezeUntil?: string;
  color?: boolean;
}

const FORMATS = ['text', 'json', 'markdown', 'csv', 'html'] as const;

export function parseMonths(value: string | undefined): number {
  if (value === undefined) return DEFAULT_MONTHS;
  const months = Number(value);
  if (!/^\d+$/.test(value) || months < 1 || months > MAX_MONTHS) {
    throw new UsageError(
      `--months must be a whole number from 1 to ${MAX_MONTHS} (got "${value}")`,
    );
  }
  return months;
}

/** `2x`, `1.5x` or `0.5x`: a multiplier on new customers and ARR growth. */
export function parseGrowth(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const match = /^(\d+(?:\.\d+)?)x$/.exec(value.trim());
  const factor = match ? Number(match[1]) : Number.NaN;
  if (!Number.isFinite(factor) || factor <= 0 || factor > 100) {
    throw new UsageError(`--growth takes a multiplier such as 2x or 0.5x (got "${value}")`);
  }
  return factor;
}

export async function runTimeline(
  file: string,
  options: TimelineCliOptions,
  io: CliIO,
): Promise<number> {
  const format = parseFormat(options.format, FORMATS, 'text');
  const asOf = parseAsOf(options.asOf);
  const months = parseMonths(options.months);
  const growthFactor = parseGrowth(options.growth);
  const freezeUntil = parseAsOf(options.freezeUntil, '--freeze-until');
  if (options.compare && format === 'html') {
    throw new UsageError('--format html shows one timeline: leave out --compare, or use markdown');
  }
  if (options.compare && options.scenario) {
    throw new UsageError('--compare runs every scenario: leave out --scenario');
  }

  // The timeline plans the org month by month itself. The reports people read also open with the
  // plan's moves and blocking finding; data formats only need to know the file can be planned.
  const readable =
    !options.compare && (format === 'text' || format === 'markdown' || format === 'html');
  const result = await loadAndPlan(file, io, { asOf, validOnly: !readable });
  if (result.invalid || !result.org) {
    return reportUnplannable(result, io, {
      json: format === 'json',
      color: options.color,
      waiting: 'it can be planned',
    });
  }
  const org = result.org;
  if (growthFactor !== undefined) {
    checkGrowthFlag(org, growthFactor, options.growth ?? '', result.csmFteNeeded ?? 0);
  }
  const run: TimelineOptions = { months, growthFactor, freezeUntil };
  const color = format === 'text' && useColor(options.color, io);
  const plan = result.plan;
  const textOptions = { color, width: outputWidth(io), file, plan };

  if (options.compare) {
    const comparison = compareScenarios(org, run);
    if (format === 'json') {
      const { renderComparisonJson } = await import('../../render/timeline-json.js');
      io.stdout(renderComparisonJson(comparison));
    } else if (format === 'markdown') {
      const { renderComparisonMarkdown } = await import('../../render/timeline-markdown.js');
      io.stdout(renderComparisonMarkdown(comparison, file));
    } else if (format === 'csv') {
      const { renderComparisonCsv } = await import('../../render/timeline-csv.js');
      io.stdout(renderComparisonCsv(comparison));
    } else {
      const { renderComparisonText } = await import('../../render/timeline-text.js');
      io.stdout(renderComparisonText(comparison, textOptions));
    }
    if (!org.scenarios?.length) {
      io.stderr(
        'The file has no scenarios: add a `scenarios:` section (see the README) to compare.\n',
      );
    }
    return EXIT.ok;
  }

  const timeline = chosenTimeline(org, options.scenario, run);
  if (format === 'json') {
    const { renderTimelineJson } = await import('../../render/timeline-json.js');
    io.stdout(renderTimelineJson(timeline));
  } else if (format === 'csv') {
    const { renderTimelineCsv } = await import('../../render/timeline-csv.js');
    io.stdout(renderTimelineCsv(timeline));
  } else if (format === 'markdown') {
    const { renderTimelineMarkdown } = await import('../../render/timeline-markdown.js');
    io.stdout(renderTimelineMarkdown(timeline, file, plan));
  } else if (format === 'html') {
    const { renderTimelineHtml } = await import('../../render/html/timeline.js');
    io.stdout(renderTimelineHtml({ timeline, plan, file }));
  } else {
    const { renderTimelineText } = await import('../../render/timeline-text.js');
    io.stdout(renderTimelineText(timeline, textOptions));
  }
  return EXIT.ok;
}

/**
 * `--growth Nx` held to the bounds the file's own growth is held to: the customers it adds and
 * the CSM FTE it needs at its peak. Past either, the run is refused before it is simulated.
 */
function checkGrowthFlag(org: Org, factor: number, flag: string, csmFteNeeded: number): void {
  if (growthOverLimit(org, factor).length > 0) {
    throw new UsageError(
      `--growth ${flag}: the plan would add more than ${formatCount(MAX_PROJECTED_GROWTH)} customers, more than csplan plans; try a smaller multiplier`,
    );
  }
  const peak = csmNeedOverLimit(org, csmFteNeeded, factor);
  if (peak !== undefined) {
    throw new UsageError(
      `--growth ${flag}: the plan would need ${csmFteFigure(peak)} CSM FTE at the peak of this growth; csplan plans up to ${formatCount(MAX_CSM_FTE_NEEDED)}: try a smaller multiplier`,
    );
  }
}

function chosenTimeline(org: Org, name: string | undefined, run: TimelineOptions): Timeline {
  if (name === undefined) return simulateTimeline(org, run);
  const names = (org.scenarios ?? []).map((s) => s.name);
  if (!names.includes(name) && name !== BASE_SCENARIO) {
    const known =
      names.length > 0 ? `; the file has ${names.join(', ')}` : '; the file has no scenarios';
    throw new UsageError(`--scenario: no scenario "${name}"${suggestion(name, names)}${known}`);
  }
  return runScenario(org, name, run);
}
