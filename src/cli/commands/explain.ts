/** `csplan explain RULE`: one rule in full, with the policy defaults it reads. */
import { suggestion } from '../../core/did-you-mean.js';
import { DEFAULT_POLICY } from '../../core/policy.js';
import { findRule, RULE_IDS } from '../../core/rules/registry.js';
import { renderExplainText, ruleJson } from '../../render/rules.js';
import { outputWidth, useColor } from '../color.js';
import { EXIT, UsageError } from '../exit-codes.js';
import type { CliIO } from '../io.js';
import { parseFormat } from '../options.js';

export interface ExplainOptions {
  format?: string;
  color?: boolean;
}

export async function runExplain(id: string, options: ExplainOptions, io: CliIO): Promise<number> {
  const format = parseFormat(options.format, ['text', 'json'] as const, 'text');
  const rule = findRule(id);
  if (!rule) {
    throw new UsageError(
      `unknown rule "${id}"${suggestion(id, RULE_IDS)}; \`csplan rules\` lists them`,
    );
  }
  if (format === 'json') {
    io.stdout(`${JSON.stringify(ruleJson(rule, DEFAULT_POLICY), null, 2)}\n`);
  } else {
    io.stdout(
      renderExplainText(rule, DEFAULT_POLICY, {
        color: useColor(options.color, io),
        width: Math.min(outputWidth(io), 100),
      }),
    );
  }
  return EXIT.ok;
}
