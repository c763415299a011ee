/**
 * The answer every plan report opens with (recommend and timeline; text, Markdown and HTML): what
 * to do next and by when, in one paragraph. The moves come first (people already paid for), then
 * the first req with its open-by date, then the one finding that blocks, if any. The dates come
 * from the timeline, so the gap labels (`gapWhen` in core/gaps.ts) say the same as this paragraph.
 */
import { plural } from '../core/money.js';
import type { Plan } from '../core/plan.js';
import { roleCount } from '../core/roles.js';
import type { Timeline } from '../core/timeline/index.js';
import { hiresSentence, noReqSentence, reqSentence } from './timeline-lines.js';

/** The parts of the answer, for renderers that lay them out (HTML); `answerParagraph` joins them. */
export interface AnswerParts {
  /** "Move lee from ... to ... before hiring." or null with no moves. */
  moves: string | null;
  /** The first req and when, or that no req is needed. */
  req: string;
  /** Every req in the period and, when priced, what CS costs; with none, the next trigger. */
  hires: string | null;
  /** The first error finding: what stops the plan from being trusted until it is fixed. */
  blocker: string | null;
}

export function answerParts(timeline: Timeline, plan?: Plan): AnswerParts {
  const first = timeline.hires[0];
  const req = first ? reqSentence(first, timeline) : noReqSentence(timeline);
  const blocking = plan?.findings.find((f) => f.severity === 'error');
  return {
    moves: plan ? movesSentence(plan) : null,
    req,
    hires: first ? hiresSentence(timeline) : plan ? laterSentence(plan) : null,
    blocker: blocking ? `Fix first (${blocking.rule}): ${blocking.message}.` : null,
  };
}

export function answerParagraph(timeline: Timeline, plan?: Plan): string {
  const parts = answerParts(timeline, plan);
  return [parts.moves, parts.req, parts.hires, parts.blocker]
    .filter((s): s is string => s !== null)
    .join(' ');
}

/** With no req in the period, what will call for the next hire. */
function laterSentence(plan: Plan): string | null {
  const next = plan.later[0];
  if (!next) return null;
  return `Next hire: ${roleCount(next.role, next.count)}, ${next.why}.`;
}

function movesSentence(plan: Plan): string | null {
  const moves = plan.redeployments;
  if (moves.length === 0) return null;
  const title = (key: string | null) =>
    key === null ? 'no team' : (plan.teams.find((t) => t.key === key)?.title ?? key);
  if (moves.length <= 2) {
    const each = moves.map((m) => `${m.id} from ${title(m.from)} to ${title(m.to)}`);
    return `Before any hire, move ${each.join(' and ')}.`;
  }
  const teams = new Set(moves.map((m) => m.to));
  return `Before any hire, move ${plural(moves.length, 'CSM')} into ${plural(teams.size, 'team')} (listed under the moves).`;
}
