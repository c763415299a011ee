/** `csplan rules`: every rule with its category, default severity and summary. */
import { DEFAULT_POLICY } from '../../core/policy.js';
import { RULES } from '../../core/rules/registry.js';
import { renderRulesJson, renderRulesMarkdown, renderRulesText } from '../../render/rules.js';
import { outputWidth, useColor } from '../color.js';
import { EXIT } from '../exit-codes.js';
import type { CliIO } from '../io.js';
import { parseFormat } from '../options.js';

export interface RulesOptions {
  format?: string;
  color?: boolean;
}

export async function runRules(options: RulesOptions, io: CliIO): Promise<number> {
  const format = parseFormat(options.format, ['text', 'json', 'markdown'] as const, 'text');
  if (format === 'json') io.stdout(renderRulesJson(RULES, DEFAULT_POLICY));
  else if (format === 'markdown') io.stdout(renderRulesMarkdown(RULES));
  else
    io.stdout(
      renderRulesText(RULES, { color: useColor(options.color, io), width: outputWidth(io) }),
    );
  return EXIT.ok;
}
