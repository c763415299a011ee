/**
 * `csplan explain CODE`: any code csplan prints, in full. A rule: why it exists, its source and
 * the policy values it reads. A reading problem (syntax, schema, accounts file): what it means,
 * why it matters, how to fix it. Both: what it does to the exit code. No code: the list.
 */
import { findInputCode, INPUT_CODE_IDS, type InputCode } from '../../config/codes.js';
import { suggestion } from '../../core/did-you-mean.js';
import { DEFAULT_POLICY } from '../../core/policy.js';
import { findRule, RULE_IDS, RULES } from '../../core/rules/registry.js';
import {
  inputCodeJson,
  renderCodeList,
  renderInputCodeText,
  ruleExitEffect,
} from '../../render/codes.js';
import { renderExplainText, ruleJson } from '../../render/rules.js';
import { outputWidth, useColor } from '../color.js';
import { EXIT, UsageError } from '../exit-codes.js';
import type { CliIO } from '../io.js';
import { parseFormat } from '../options.js';
import { stopsPlanning } from '../stops-planning.js';

export interface ExplainOptions {
  format?: string;
  color?: boolean;
}

/** Every code `explain` knows: the rules, then the codes of reading a file. */
export const EXPLAINED_CODES: readonly string[] = [...RULE_IDS, ...INPUT_CODE_IDS];

export async function runExplain(
  code: string | undefined,
  options: ExplainOptions,
  io: CliIO,
): Promise<number> {
  const format = parseFormat(options.format, ['text', 'json'] as const, 'text');
  const text = { color: useColor(options.color, io), width: Math.min(outputWidth(io), 100) };
  if (code === undefined) {
    if (format === 'json') {
      const codes = [
        ...RULES.map((r) => ({
          id: r.id,
          kind: 'rule',
          severity: r.defaultSeverity,
          summary: r.summary,
        })),
        ...INPUT_CODE_IDS.map((id) => {
          const { kind, severity, summary } = inputCodeJson(id);
          return { id, kind, severity, summary };
        }),
      ];
      io.stdout(`${JSON.stringify({ codes }, null, 2)}\n`);
    } else io.stdout(renderCodeList(RULES, text));
    return EXIT.ok;
  }
  const rule = findRule(code);
  if (rule) {
    const exitCode = ruleExitEffect(rule.defaultSeverity, stopsPlanning(rule.id));
    if (format === 'json') {
      const body = { ...ruleJson(rule, DEFAULT_POLICY), kind: 'rule', exitCode };
      io.stdout(`${JSON.stringify(body, null, 2)}\n`);
    } else io.stdout(renderExplainText(rule, DEFAULT_POLICY, text, exitCode));
    return EXIT.ok;
  }
  if (findInputCode(code)) {
    const id = code as InputCode;
    if (format === 'json') io.stdout(`${JSON.stringify(inputCodeJson(id), null, 2)}\n`);
    else io.stdout(renderInputCodeText(id, text));
    return EXIT.ok;
  }
  throw new UsageError(
    `unknown code "${code}"${suggestion(code, EXPLAINED_CODES)}; \`csplan explain\` lists every code`,
  );
}
