/**
 * The answer every plan report opens with (recommend and timeline; text, Markdown and HTML): what
 * to do next and by when, in one paragraph. The moves come first (people already paid for), then
 * the first req with its open-by date, then the one finding that blocks, if any. The dates come
 * from the timeline, so the gap labels below (`gapWhen`) say the same as this paragraph.
 */
import type { Gap } from '../core/gaps.js';
import { plural } from '../core/money.js';
import type { Plan } from '../core/plan.js';
import { roleCount } from '../core/roles.js';
import type { Hire, Timeline } from '../core/timeline/index.js';
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

/**
 * When a gap is to be acted on, by the timeline's dates: `late` when its req should already be
 * open, `now` when it opens today, `by DATE` when it can wait; the gap's own priority when the
 * timeline does not ask for that role in its period.
 */
export function gapWhen(gap: Gap, teamTitle: string | null, timeline: Timeline): string {
  const hire = firstHireFor(gap, teamTitle, timeline.hires);
  if (!hire) return gap.priority;
  if (hire.delay === 'late') return 'late';
  if (hire.delay === 'freeze') return `after freeze, ${hire.openBy}`;
  return hire.openBy <= timeline.asOf ? 'now' : `by ${hire.openBy}`;
}

function firstHireFor(gap: Gap, teamTitle: string | null, hires: Hire[]): Hire | undefined {
  return hires.find(
    (h) => h.role === gap.role && (teamTitle === null || h.team === null || h.team === teamTitle),
  );
}
