/**
 * The recommended org chart drawn as a tree (d3-hierarchy lays it out, left to right): the roles
 * of the target org, the file's people by name under them, people moved in and hires marked, and
 * the executives outside CS drawn grey with a dashed reporting line. A team larger than
 * `COLLAPSE_AT` is drawn as one box with its counts, so 150 people stay readable.
 */
import { hierarchy, tree } from 'd3-hierarchy';
import type { TeamMember } from '../../core/model.js';
import type { ChartNode } from '../../core/orgchart.js';
import type { Plan } from '../../core/plan.js';
import { ROLES, type RoleId } from '../../core/roles.js';
import { type Html, html, px } from './html.js';
import { COLORS, clip, legend, svgChart } from './svg.js';

/** Above this many people and hires, a team is drawn as one box with its counts. */
export const COLLAPSE_AT = 8;

const COLUMN = 214;
const BOX_WIDTH = 196;
const BOX_HEIGHT = 34;
const ROW = 42;

export type BoxKind = 'outside' | 'role' | 'person' | 'moved' | 'hire' | 'team';

export interface Box {
  label: string;
  sub?: string;
  kind: BoxKind;
  children: Box[];
}

/**
 * An executive or sales leader above the CS leader: a reporting line outside CS. A founder-led
 * CEO with CSMs (or nobody) below leads CS and is drawn as part of it.
 */
function isOutsideCs(node: ChartNode): boolean {
  if (node.role === 'group') return false;
  const kind = ROLES[node.role].kind;
  if (kind !== 'executive' && kind !== 'sales') return false;
  return node.children.some(
    (child) =>
      child.role !== 'group' && (ROLES[child.role].kind === 'cs-leader' || isOutsideCs(child)),
  );
}

function nameOf(member: TeamMember | undefined, id: string): string {
  return member?.name ?? id;
}

/** Seats of a role box the plan hires: its note says so ("to hire; ...", "2 to hire"). */
function seatsToHire(node: ChartNode): number {
  if (node.team) return 0;
  const match = /^(\d+ )?to hire\b/.exec(node.note ?? '');
  if (!match) return 0;
  return match[1] ? Number(match[1]) : node.count;
}

/** The chart as boxes: people by name where the file has them, hires as their own boxes. */
export function chartBoxes(plan: Plan, people: readonly TeamMember[]): Box {
  const byId = new Map(people.map((p) => [p.id, p]));
  const nodesPerRole = new Map<string, number>();
  const count = (node: ChartNode) => {
    nodesPerRole.set(node.role, (nodesPerRole.get(node.role) ?? 0) + 1);
    node.children.forEach(count);
  };
  count(plan.chart.root);
  const movedIn = new Map(plan.redeployments.map((r) => [r.id, r]));
  const teamTitle = (key: string | null) =>
    key === null ? 'no team' : (plan.teams.find((t) => t.key === key)?.title ?? key);

  const hireBoxes = (n: number): Box[] =>
    n <= 0 ? [] : [{ label: n === 1 ? 'To hire' : `${n} to hire`, kind: 'hire', children: [] }];

  /** A team's people and hires as boxes; beyond the threshold, its counts on the team box. */
  const teamContent = (node: ChartNode): { counts?: string; children: Box[] } => {
    const team = plan.teams.find((t) => t.key === node.team);
    if (!team) return { children: [] };
    const hires = team.hireNow + team.hireNext;
    const moved = team.members.filter((id) => movedIn.get(id)?.to === team.key);
    if (team.members.length + hires > COLLAPSE_AT) {
      const parts = [`${team.members.length} in the file`];
      if (moved.length > 0) parts.push(`${moved.length} moved in`);
      if (hires > 0) parts.push(`${hires} to hire`);
      return { counts: parts.join(', '), children: [] };
    }
    const members: Box[] = team.members.map((id) => {
      const move = movedIn.get(id);
      return move?.to === team.key
        ? {
            label: nameOf(byId.get(id), id),
            sub: `moved from ${teamTitle(move.from)}`,
            kind: 'moved',
            children: [],
          }
        : { label: nameOf(byId.get(id), id), kind: 'person', children: [] };
    });
    return { children: [...members, ...hireBoxes(hires)] };
  };

  /** People of a role drawn once in the chart: their names, and the seats left to hire. */
  const roleChildren = (node: ChartNode): Box[] => {
    if (node.role === 'group' || nodesPerRole.get(node.role) !== 1 || isOutsideCs(node)) return [];
    if (node.count <= 1 && node.children.length > 0) return [];
    const named = people.filter((p) => p.role === node.role).slice(0, node.count);
    if (named.length + (node.count - named.length) > COLLAPSE_AT || node.count <= 1) return [];
    return [
      ...named.map((p): Box => ({ label: nameOf(p, p.id), kind: 'person', children: [] })),
      ...hireBoxes(node.count - named.length),
    ];
  };

  const box = (node: ChartNode): Box => {
    const outside = isOutsideCs(node);
    const single = node.role !== 'group' && node.count === 1 && nodesPerRole.get(node.role) === 1;
    const person = single && !outside ? people.find((p) => p.role === node.role) : undefined;
    const title = node.count > 1 ? `${node.title} ×${node.count}` : node.title;
    const hires = seatsToHire(node);
    const team = node.team ? teamContent(node) : undefined;
    const sub = team?.counts
      ? team.counts
      : outside
        ? 'outside CS'
        : person
          ? nameOf(person, person.id)
          : hires > 0
            ? `${hires === node.count ? '' : `${node.count - hires} in the file, `}${hires} to hire`
            : node.children.length === 0 || ROLES[node.role as RoleId]?.kind === 'executive'
              ? node.note
              : undefined;
    const kind: BoxKind = team?.counts
      ? 'team'
      : outside
        ? 'outside'
        : hires > 0 && hires === node.count
          ? 'hire'
          : 'role';
    return {
      label: title,
      ...(sub ? { sub } : {}),
      kind,
      children: [...(team ? team.children : roleChildren(node)), ...node.children.map(box)],
    };
  };
  return box(plan.chart.root);
}

const FILL: Record<BoxKind, string> = {
  outside: '#eef0f3',
  role: '#e6eef7',
  team: '#e6eef7',
  person: '#ffffff',
  moved: '#f1ebf8',
  hire: '#fff4e8',
};

const STROKE: Record<BoxKind, string> = {
  outside: COLORS.outside,
  role: COLORS.work,
  team: COLORS.work,
  person: COLORS.line,
  moved: COLORS.moved,
  hire: COLORS.hire,
};

export function orgChartTree(plan: Plan, people: readonly TeamMember[]): Html {
  const root = hierarchy(chartBoxes(plan, people));
  const laid = tree<Box>()
    .nodeSize([ROW, COLUMN])
    .separation(() => 1)(root);
  const nodes = laid.descendants();
  const top = Math.min(...nodes.map((n) => n.x));
  const bottom = Math.max(...nodes.map((n) => n.x));
  const depth = Math.max(...nodes.map((n) => n.depth));
  const width = depth * COLUMN + BOX_WIDTH + 4;
  const height = bottom - top + BOX_HEIGHT + 8;
  const yOf = (x: number) => x - top + 4;

  const links = laid.links().map(({ source, target }) => {
    const x1 = source.y + BOX_WIDTH;
    const y1 = yOf(source.x) + BOX_HEIGHT / 2;
    const x2 = target.y;
    const y2 = yOf(target.x) + BOX_HEIGHT / 2;
    const mid = x1 + (x2 - x1) / 2;
    const outside = source.data.kind === 'outside';
    return html`<path d="M${px(x1)},${px(y1)}H${px(mid)}V${px(y2)}H${px(x2)}" fill="none" stroke="${outside ? COLORS.outside : '#9aa5b3'}" stroke-width="1.5"${outside ? html` stroke-dasharray="5 4"` : ''}/>`;
  });
  const boxes = nodes.map((node) => {
    const { kind, label, sub } = node.data;
    const y = yOf(node.x);
    const dashed = kind === 'hire' ? html` stroke-dasharray="4 3"` : '';
    return html`<g><rect x="${px(node.y)}" y="${px(y)}" width="${BOX_WIDTH}" height="${BOX_HEIGHT}" rx="5" fill="${FILL[kind]}" stroke="${STROKE[kind]}" stroke-width="1.5"${dashed}/><text x="${px(node.y + 7)}" y="${px(y + (sub ? 14 : 21))}" font-size="11.5" font-weight="${kind === 'person' || kind === 'moved' ? 400 : 600}">${clip(label, 27)}</text>${sub ? html`<text x="${px(node.y + 7)}" y="${px(y + 28)}" font-size="10.5" fill="${kind === 'moved' ? COLORS.moved : kind === 'hire' ? '#8a4300' : COLORS.muted}">${clip(sub, 34)}</text>` : ''}</g>`;
  });

  const outline = (box: Box, level: number): string[] => [
    `${'  '.repeat(level)}${box.label}${box.sub ? ` (${box.sub})` : ''}`,
    ...box.children.flatMap((child) => outline(child, level + 1)),
  ];
  const tree_ = outline(root.data, 0);
  const desc = `The recommended org chart, ${nodes.length} boxes: ${tree_.map((l) => l.trim()).join('; ')}.`;
  return html`<figure>
<div class="scroll" tabindex="0" role="region" aria-label="Org chart">${svgChart({ id: 'orgchart', title: 'Recommended org chart', desc, width, height, body: html`${links}${boxes}` })}</div>
${legend([
  { label: 'CS role', color: FILL.role, style: `border:1px solid ${STROKE.role}` },
  { label: 'Person in the file', color: FILL.person, style: `border:1px solid ${STROKE.person}` },
  {
    label: 'Moved in from another team',
    color: FILL.moved,
    style: `border:1px solid ${STROKE.moved}`,
  },
  { label: 'To hire', color: FILL.hire, style: `border:1px dashed ${STROKE.hire}` },
  {
    label: 'Outside CS (dashed reporting line)',
    color: FILL.outside,
    style: `border:1px solid ${STROKE.outside}`,
  },
])}
<details><summary>Org chart as an outline</summary><pre>${tree_.join('\n')}</pre></details>
</figure>`;
}
