/** `csplan explain CODE` for the codes of reading a file (syntax, schema, accounts files). */
import {
  categoryFile,
  INPUT_CODE_IDS,
  INPUT_CODES,
  type InputCode,
  type InputCodeDoc,
} from '../config/codes.js';
import type { Severity } from '../core/model.js';
import type { Rule } from '../core/rules/types.js';
import { painter } from './paint.js';
import { type RuleListOptions, wrap } from './rules.js';

const ERROR_EFFECT =
  'As an error it makes the file invalid: `csplan check` and `csplan recommend` exit 1, and nothing is planned until it is fixed.';
const WARNING_EFFECT =
  'As a warning it leaves the exit code at 0 and the file is planned, unless `csplan check` runs with `--fail-on warning` or with more warnings than `--max-warnings` allows (then exit 1).';

/** What a code does to the exit code, in one paragraph. */
export function inputExitEffect(severity: InputCodeDoc['severity']): string {
  if (severity === 'error') return ERROR_EFFECT;
  if (severity === 'warning') return WARNING_EFFECT;
  return `An error or a warning, depending on the field or the case (see above). ${ERROR_EFFECT} ${WARNING_EFFECT}`;
}

/**
 * The same for a planning rule. `stopsPlan`: whether an error of this rule stops `recommend`
 * (decided in the CLI, where the exit code is decided).
 */
export function ruleExitEffect(severity: Severity, stopsPlan: boolean): string {
  const error = `As an error, a finding makes \`csplan check\` exit 1${stopsPlan ? ' and stops `csplan recommend` (exit 1, no plan)' : '; `csplan recommend` still prints the plan'}.`;
  const warning =
    'As a warning, it makes `csplan check` exit 1 only with `--fail-on warning` or beyond `--max-warnings`; otherwise the exit code stays 0.';
  return `Default severity: ${severity}. ${error} ${warning} Set to off under \`rules:\`, it is not reported.`;
}

export function inputCodeJson(code: InputCode) {
  const doc: InputCodeDoc = INPUT_CODES[code];
  return {
    id: code,
    kind: 'input',
    category: doc.category,
    severity: doc.severity,
    summary: doc.summary,
    why: doc.why,
    fix: doc.fix,
    example: doc.example,
    exitCode: inputExitEffect(doc.severity),
  };
}

export function renderInputCodeText(code: InputCode, options: RuleListOptions): string {
  const doc: InputCodeDoc = INPUT_CODES[code];
  const p = painter(options.color);
  const out: string[] = [];
  out.push(`${p.bold(code)} ${p.dim(`(reading ${categoryFile(doc.category)}, ${doc.severity})`)}`);
  out.push(...wrap(doc.summary, options.width));
  out.push('', p.bold('Why it matters'), ...wrap(doc.why, options.width, '  '));
  out.push('', p.bold('How to fix it'), ...wrap(doc.fix, options.width, '  '));
  out.push(
    '',
    p.bold('Example'),
    ...doc.example.split('\n').map((line) => `    ${line}`.trimEnd()),
  );
  out.push('', p.bold('Exit code'), ...wrap(inputExitEffect(doc.severity), options.width, '  '));
  return `${out.join('\n')}\n`;
}

/** `csplan explain` without a code: every code it can explain, one per line. */
export function renderCodeList(rules: readonly Rule[], options: RuleListOptions): string {
  const p = painter(options.color);
  const pad = Math.max(...rules.map((r) => r.id.length), ...INPUT_CODE_IDS.map((id) => id.length));
  const line = (id: string, severity: string, summary: string) => {
    const head = `${id.padEnd(pad)}  ${severity.padEnd(16)}  `;
    const lines = wrap(summary, Math.max(20, options.width - head.length));
    return lines.map((l, i) => (i === 0 ? head : ' '.repeat(head.length)) + l).join('\n');
  };
  const out = [p.bold('Planning rules (findings; severity set under `rules:`)')];
  for (const r of rules) out.push(line(r.id, r.defaultSeverity, r.summary));
  out.push('', p.bold('Reading a file (syntax, schema, accounts files)'));
  for (const id of INPUT_CODE_IDS) {
    const doc: InputCodeDoc = INPUT_CODES[id];
    out.push(line(id, doc.severity, doc.summary));
  }
  out.push('', '`csplan explain CODE` explains one of them.');
  return `${out.join('\n')}\n`;
}
