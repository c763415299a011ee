/** The first recommendation `csplan init` shows: stage, structure and the top gaps, in a glance. */
import type { Diagnostic } from '../../core/model.js';
import type { Plan } from '../../core/plan.js';
import { roleLabel } from '../../core/roles.js';
import { STAGE_LABELS } from '../../core/stage.js';
import { STRUCTURE_LABELS } from '../../core/structure.js';
import { countLine } from '../../render/diagnostics.js';
import { painter } from '../../render/paint.js';
import { fitText } from '../../render/wrap.js';
import { shellWord, wrap } from './text.js';

export interface SummaryOptions {
  color: boolean;
  /** Columns to wrap explanations at. */
  width: number;
  /** The org file as the user named it, for the next-step commands. */
  file: string;
  /** How many gaps to show. */
  gaps?: number;
}

const INDENT = 13;

export function renderInitSummary(
  plan: Plan,
  findings: readonly Diagnostic[],
  options: SummaryOptions,
): string {
  const p = painter(options.color);
  const file = shellWord(options.file);
  const pad = ' '.repeat(INDENT);
  const out: string[] = ['', p.bold(`${plan.company.name}: first recommendation`), ''];
  const row = (label: string, head: string, ...notes: string[]) => {
    out.push(`  ${p.bold(label.padEnd(INDENT - 2))}${head}`);
    // Gap reasons sit under the number, so they line up with the role, not the "1.".
    const indent = /^\d+\. /.test(head) ? `${pad}   ` : pad;
    for (const note of notes)
      out.push(...wrap(note, options.width - indent.length).map((line) => p.dim(indent + line)));
  };

  row(
    'Stage',
    STAGE_LABELS[plan.stage.id],
    `${plan.stage.reason}.`,
    ...(plan.stage.disagreement ? [plan.stage.disagreement] : []),
  );
  row('Structure', STRUCTURE_LABELS[plan.structure.model], ...plan.structure.reasons.slice(0, 1));

  const top = plan.gaps.slice(0, options.gaps ?? 3);
  if (top.length === 0) row('Hiring', p.green('no gaps: the team matches the recommended org'));
  top.forEach((gap, index) => {
    const when =
      gap.priority === 'now' ? p.red('now') : gap.priority === 'next' ? p.yellow('next') : 'later';
    row(
      index === 0 ? 'Top gaps' : '',
      `${index + 1}. ${gap.count} x ${roleLabel(gap.role)} (${when})`,
      gap.reason,
    );
  });
  if (plan.gaps.length > top.length)
    out.push(p.dim(`${pad}(${plan.gaps.length - top.length} more in the full plan)`));

  const problems = findings.filter((d) => d.severity !== 'info');
  row(
    'Findings',
    problems.length === 0 ? 'none' : `${countLine(problems)}: csplan check ${file} lists them`,
  );

  out.push(
    '',
    'Next:',
    `  csplan recommend ${file}   the full plan: capacity per segment, org chart, every gap`,
    `  csplan check ${file}       the same checks as a CI gate; run it after each edit`,
  );
  return fitText(`${out.join('\n')}\n`, options.width);
}
