/** `csplan check` output: every file's findings as text, JSON, GitHub annotations or Markdown. */

import type { Diagnostic } from '../core/model.js';
import { plural } from '../core/money.js';
import { countLine, groupedLines } from './diagnostics.js';
import { githubAnnotation } from './github.js';
import { findingJson, SCHEMA_VERSION } from './json.js';
import { findingsTable } from './markdown.js';
import { mdCode, mdTable, mdText } from './md-text.js';
import { painter } from './paint.js';
import { safeOutput } from './safe-text.js';
import { fitText } from './wrap.js';

export interface CheckedFile {
  file: string;
  /** False when the file could not be planned (syntax, schema or integrity errors). */
  valid: boolean;
  diagnostics: Diagnostic[];
}

/** Findings in file order (line, then column); findings without a place come first. */
export function sortedFindings(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return diagnostics
    .map((d, index) => ({ d, index }))
    .sort(
      (a, b) =>
        (a.d.line ?? 0) - (b.d.line ?? 0) ||
        (a.d.column ?? 0) - (b.d.column ?? 0) ||
        a.index - b.index,
    )
    .map((entry) => entry.d);
}

function allFindings(results: readonly CheckedFile[]): Diagnostic[] {
  return results.flatMap((r) => r.diagnostics);
}

/** `3 errors, 1 warning (2 files checked)`. */
export function checkCountLine(results: readonly CheckedFile[]): string {
  return `${countLine(allFindings(results))} (${plural(results.length, 'file')} checked)`;
}

export function renderCheckText(
  results: readonly CheckedFile[],
  options: { color: boolean; width: number },
): string {
  const p = painter(options.color);
  const blocks = results.map((result) => {
    if (result.diagnostics.length === 0) return `${result.file}: ${p.green('no problems')}`;
    return groupedLines(
      sortedFindings(result.diagnostics),
      { color: options.color, file: result.file },
      p,
    ).join('\n');
  });
  return fitText(
    safeOutput(`${blocks.join('\n\n')}\n\n${p.bold(checkCountLine(results))}\n`, options),
    options.width,
  );
}

export function checkJson(results: readonly CheckedFile[]) {
  const count = (list: readonly Diagnostic[], severity: Diagnostic['severity']) =>
    list.filter((d) => d.severity === severity).length;
  const all = allFindings(results);
  return {
    schemaVersion: SCHEMA_VERSION,
    results: results.map((r) => ({
      file: r.file,
      valid: r.valid,
      errors: count(r.diagnostics, 'error'),
      warnings: count(r.diagnostics, 'warning'),
      findings: sortedFindings(r.diagnostics).map(findingJson),
    })),
    summary: {
      files: results.length,
      errors: count(all, 'error'),
      warnings: count(all, 'warning'),
    },
  };
}

export function renderCheckJson(results: readonly CheckedFile[]): string {
  return `${JSON.stringify(checkJson(results), null, 2)}\n`;
}

/** One annotation per finding, then the count line (plain text in the log). */
export function renderCheckGithub(results: readonly CheckedFile[]): string {
  const lines = results.flatMap((r) =>
    sortedFindings(r.diagnostics).map((d) => githubAnnotation(d, r.file)),
  );
  lines.push(checkCountLine(results));
  return safeOutput(`${lines.join('\n')}\n`, { color: false });
}

/** A report for a pull request or the GitHub step summary. */
export function renderCheckMarkdown(results: readonly CheckedFile[]): string {
  const all = allFindings(results);
  const errors = all.filter((d) => d.severity === 'error').length;
  const out = ['## csplan check', ''];
  out.push(
    `${errors > 0 ? '**Failed:**' : '**Passed:**'} ${countLine(all)} in ${plural(results.length, 'file')}.`,
    '',
  );
  const n = (r: CheckedFile, s: Diagnostic['severity']) =>
    String(r.diagnostics.filter((d) => d.severity === s).length);
  out.push(
    mdTable(
      ['File', 'Errors', 'Warnings'],
      results.map((r) => [mdCode(r.file), n(r, 'error'), n(r, 'warning')]),
      [1, 2],
    ),
  );
  for (const r of results) {
    if (r.diagnostics.length === 0) continue;
    out.push('', `### ${mdText(r.file)}`, '', findingsTable(sortedFindings(r.diagnostics), r.file));
  }
  return safeOutput(`${out.join('\n')}\n`, { color: false });
}
