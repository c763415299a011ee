/**
 * GitHub Actions workflow commands: `::error file=…,line=…,col=…,title=…::message`, escaped per
 * the runner's rules so a message with a newline, `%`, `:` or `,` cannot break the annotation.
 */
import type { Diagnostic, Severity } from '../core/model.js';

/** Escapes the message part of a workflow command. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a property value (file, title): as data, plus `:` and `,`, which separate properties. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

/** One annotation line; `file` is used when the diagnostic names none. */
export function githubAnnotation(d: Diagnostic, file: string): string {
  const props = [`file=${escapeProperty(d.file ?? file)}`];
  if (d.line !== undefined) {
    props.push(`line=${d.line}`);
    props.push(`col=${d.column ?? 1}`);
  }
  props.push(`title=${escapeProperty(d.rule)}`);
  return `::${COMMAND[d.severity]} ${props.join(',')}::${escapeData(d.message)}`;
}
