// The strategy's versions for the document control table, read from the change log: each time the
// details' version label was set (or an edit of it undone or redone), the label and when. A label
// replaced within minutes was being typed (the details save themselves as the planner types), so it
// is not a version; nor is an empty label.
import type { ReadDb } from '../db/open-database.ts';
import { statement } from '../db/statements.ts';

export interface VersionEntry {
  label: string;
  /** When the label was set (ISO timestamp). */
  at: string;
}

/** A label in force for less than this was a step in typing another. */
const TYPING_MS = 10 * 60 * 1000;

interface Row {
  seq: number;
  at: string;
  action: string;
  before_json: string | null;
  after_json: string | null;
  target_seq: number | null;
}

function labelIn(json: string | null): string | undefined {
  if (json === null) return undefined;
  const value = (JSON.parse(json) as Record<string, unknown>).versionLabel;
  return typeof value === 'string' ? value : undefined;
}

/** The version labels the workbook has had, oldest first, the current one last. */
export function versionHistory(db: ReadDb, meta: { versionLabel: string; createdAt: string }): VersionEntry[] {
  const rows = statement(db, "SELECT seq, at, action, before_json, after_json, target_seq FROM change_log WHERE record_type = 'workbook' ORDER BY seq").all() as Row[];
  const bySeq = new Map(rows.map((row) => [row.seq, row]));
  const changes: VersionEntry[] = [];
  let first: string | undefined;
  for (const row of rows) {
    let label: string | undefined;
    if (row.action === 'update') {
      label = labelIn(row.after_json);
      if (label !== undefined && first === undefined) first = labelIn(row.before_json);
    } else if (row.target_seq !== null) {
      const target = bySeq.get(row.target_seq);
      if (target) label = labelIn(row.action === 'undo' ? target.before_json : target.after_json);
    }
    if (label !== undefined) changes.push({ label, at: row.at });
  }
  const all: VersionEntry[] = [{ label: first ?? meta.versionLabel, at: meta.createdAt }, ...changes];
  const kept: VersionEntry[] = [];
  all.forEach((entry, index) => {
    const next = all[index + 1];
    const typing = next !== undefined && Date.parse(next.at) - Date.parse(entry.at) < TYPING_MS;
    if (typing || entry.label.trim() === '') return;
    if (kept.at(-1)?.label === entry.label) return;
    kept.push(entry);
  });
  return kept;
}
