/**
 * Moves as a CSV for a CRM bulk update (Salesforce Data Loader, HubSpot import): the export's own
 * id and owner headers, and each new owner written the way the export named owners (email, name
 * or id), so the file maps onto the CRM without editing. Pure: moves in, text out.
 */
import type { TeamMember } from '../../core/model.js';
import type { LoadResult } from '../load.js';
import { ownerForm, ownerWriter } from './owner-form.js';

export function movesCsv(
  moves: readonly { account: string; to: string }[],
  team: readonly TeamMember[],
  source: LoadResult['accountsFile'],
): string {
  const idHeader = source?.headers.id ?? 'id';
  const ownerHeader = source?.headers.owner ?? 'owner';
  const owner = ownerWriter(team, ownerForm(source?.owners), source?.ownerSpellings);
  const lines = [`${csvCell(idHeader)},${csvCell(ownerHeader)}`];
  for (const move of moves) lines.push(`${csvCell(move.account)},${csvCell(owner(move.to))}`);
  return `${lines.join('\r\n')}\r\n`;
}

/** RFC 4180: quoted when it holds a comma, quote or line break, or starts like a formula. */
function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]|^\s|\s$/.test(safe) || safe !== value ? `"${safe.replace(/"/g, '""')}"` : safe;
}
