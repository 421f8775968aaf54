// Checks the receptivity grid's cells in an opened workbook: the file's own constraints hold each
// value to the four the app knows, a note to 2,000 characters and every cell to an audience and a
// channel that exist; what they cannot catch — characters in a note that cannot be printed — is
// found here, each with its repair.
import type { ReadDb } from '../db/open-database.ts';
import { cleanText, describeText, fix, printable, statement, type Emit } from '../db/value-problem.ts';
import { RECEPTIVITY_NOTE_MAX } from '../../../shared/api/receptivity.ts';

interface CellRow {
  audienceId: string;
  channelId: string;
  value: string;
  note: string;
  audienceName: string | null;
  channelName: string | null;
}

export function checkReceptivityValues(db: ReadDb, emit: Emit): void {
  const rows = db
    .prepare(
      `SELECT r.audience_id AS audienceId, r.channel_id AS channelId, r.value, r.note, substr(a.name, 1, 400) AS audienceName, substr(c.name, 1, 400) AS channelName
       FROM receptivity r LEFT JOIN audience a ON a.id = r.audience_id LEFT JOIN channel c ON c.id = r.channel_id`,
    )
    .iterate() as Iterable<CellRow>;
  for (const row of rows) {
    const problem = describeText(row.note, RECEPTIVITY_NOTE_MAX, false);
    if (problem === null) continue;
    const clean = cleanText(row.note, RECEPTIVITY_NOTE_MAX);
    const where = [row.audienceId, row.channelId];
    // A cell that would say nothing once cleaned (unknown, no note) is not stored at all.
    const repair =
      row.value === 'unknown' && clean === ''
        ? fix([statement('DELETE FROM receptivity WHERE audience_id = ? AND channel_id = ?', ...where)])
        : fix([statement('UPDATE receptivity SET note = ? WHERE audience_id = ? AND channel_id = ?', clean, ...where)]);
    emit({
      recordType: 'receptivity',
      recordLabel: 'Who listens where',
      recordId: `${row.audienceId}|${row.channelId}`,
      title: `${printable(row.audienceName, 40) || 'an audience'} on ${printable(row.channelName, 40) || 'a channel'}`,
      field: 'note',
      fieldLabel: 'Evidence note',
      message: problem,
      repair: 'Remove the characters that cannot be printed',
      fix: repair,
    });
  }
}
