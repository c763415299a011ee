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
  return `${plural(errors, 'error')}, ${plural(warnings, 'warning')}`;
}

export function renderDiagnostics(
  diagnostics: readonly Diagnostic[],
  options: DiagnosticListOptions,
): string {
  const p = painter(options.color);
  const lines = diagnostics.map((d) => diagnosticLine(d, options, p));
  lines.push(countLine(diagnostics));
  return fitText(safeOutput(`${lines.join('\n')}\n`, options), options.width);
}
