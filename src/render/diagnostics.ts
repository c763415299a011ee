/** Diagnostics as text lines: `org.yaml:12:5 error unknown-owner message`, then a count line. */
import type { Diagnostic, Severity } from '../core/model.js';
import { plural } from '../core/money.js';
import { type Paint, painter } from './paint.js';
import { safeOutput } from './safe-text.js';
import { fitText } from './wrap.js';

export interface DiagnosticTextOptions {
  color: boolean;
  /** Used when a diagnostic has no file of its own. */
  file: string;
}

export interface DiagnosticListOptions extends DiagnosticTextOptions {
  /** Columns to fit the lines to; long messages wrap under their first line. */
  width: number;
}

export function diagnosticLine(
  d: Diagnostic,
  options: DiagnosticTextOptions,
  paint?: Paint,
): string {
  const p = paint ?? painter(options.color);
  const file = d.file ?? options.file;
  const where = d.line === undefined ? file : `${file}:${d.line}:${d.column ?? 1}`;
  const severity = severityText(d.severity, p);
  return `${where} ${severity} ${p.dim(d.rule)} ${d.message}`;
}

function severityText(severity: Severity, p: Paint): string {
  if (severity === 'error') return p.red('error');
  if (severity === 'warning') return p.yellow('warning');
  return p.blue('info');
}

export function countLine(diagnostics: readonly Diagnostic[]): string {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.filter((d) => d.severity === 'warning').length;
  if (errors === 0 && warnings === 0) return 'no problems';
  const skipped = skippedRows(diagnostics);
  const left = skipped > 0 ? `; ${plural(skipped, 'row')} left out of the plan` : '';
  return `${plural(errors, 'error')}, ${plural(warnings, 'warning')}${left}`;
}

/** Rows of an accounts file left out of the plan (`on_error: skip`); a row may have two problems. */
function skippedRows(diagnostics: readonly Diagnostic[]): number {
  const rows = new Set<string>();
  for (const d of diagnostics) if (d.skipped) rows.add(`${d.file ?? ''}\u0000${d.path[1]}`);
  return rows.size;
}

/** How many of a group's lines are named before "and N more". */
const LINES_NAMED = 5;

/**
 * Diagnostic lines with repeats folded: findings of one rule, severity and file with the same
 * cause (or the same message) print once, at the first place, with their count and first lines.
 * JSON output keeps every finding; this is only how text reads.
 */
export function groupedLines(
  diagnostics: readonly Diagnostic[],
  options: DiagnosticTextOptions,
  paint?: Paint,
): string[] {
  const p = paint ?? painter(options.color);
  const groups = new Map<string, Diagnostic[]>();
  for (const d of diagnostics) {
    const key = [d.file ?? '', d.rule, d.severity, d.cause ?? d.message].join('\u0000');
    const group = groups.get(key);
    if (group) group.push(d);
    else groups.set(key, [d]);
  }
  return [...groups.values()].map((group) => {
    const first = group[0] as Diagnostic;
    if (group.length === 1) return diagnosticLine(first, options, p);
    const lines = [...new Set(group.flatMap((d) => (d.line === undefined ? [] : [d.line])))];
    const named = lines.slice(0, LINES_NAMED).join(', ');
    const more = lines.length > LINES_NAMED ? ` and ${lines.length - LINES_NAMED} more` : '';
    const where = lines.length > 0 ? `: line${lines.length === 1 ? '' : 's'} ${named}${more}` : '';
    const message = `${first.cause ?? first.message} (${group.length} times${where})`;
    return diagnosticLine({ ...first, message }, options, p);
  });
}

export function renderDiagnostics(
  diagnostics: readonly Diagnostic[],
  options: DiagnosticListOptions,
): string {
  const p = painter(options.color);
  const lines = groupedLines(diagnostics, options, p);
  lines.push(countLine(diagnostics));
  return fitText(safeOutput(`${lines.join('\n')}\n`, options), options.width);
}
