/**
 * The owner cell of every data row of a CRM export, as the export writes it (a name, an email, an
 * id), for the roster import: people outside CS who own accounts stay on the team. Rows that
 * would fail the accounts check still count: their owner is still that person.
 */
import { parse } from 'csv-parse/sync';
import { detectPreset, mapColumns } from './mapping.js';
import type { PresetId } from './presets.js';

export function exportOwners(
  bytes: Buffer,
  spec: { preset?: PresetId; columns?: Record<string, string> } = {},
): string[] {
  let records: string[][];
  try {
    records = parse(bytes, { bom: true, relax_column_count: true, skip_empty_lines: true });
  } catch {
    // An export csplan cannot parse gives no owners here; `csplan check` says what is wrong.
    return [];
  }
  const headers = (records[0] ?? []).map((h) => h.trim());
  const mapping = mapColumns(headers, {
    preset: spec.preset ?? detectPreset(headers),
    columns: spec.columns,
  });
  const owner = mapping.columns.find((c) => c.field === 'owner')?.index;
  if (owner === undefined) return [];
  return records.slice(1).flatMap((record) => {
    const cell = record[owner]?.trim();
    return cell ? [cell] : [];
  });
}
