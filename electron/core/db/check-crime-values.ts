// Checks the crime tables against what the app can use: each import batch's force (a UK force the
// reference data knows), the crime types and LSOA codes of its counts (one aggregate query per
// batch, so a national import is scanned by SQLite, not loaded), and each citation of a trend.
// The schema's own checks already hold months, counts and lengths; these are what it cannot know.
import { CRIME_TYPE_IDS } from '../../../shared/domain/crime-types.ts';
import { forceById } from '../../../shared/domain/forces.ts';
import type { ReadDb } from './open-database.ts';
import { fix, plural, printable, quoted, statement, type Emit, type ProblemPlace } from './value-problem.ts';

const TYPES = JSON.stringify(CRIME_TYPE_IDS);

function removeBatch(id: string) {
  return { repair: 'Remove this force-month; import it again from police.uk', fix: fix([statement('DELETE FROM crime_count WHERE batch_id = ?', id), statement('DELETE FROM crime_batch WHERE id = ?', id)]) };
}

export function checkCrimeValues(db: ReadDb, emit: Emit): void {
  for (const row of db.prepare('SELECT id, force_id AS forceId, month FROM crime_batch').iterate() as Iterable<{ id: string; forceId: string; month: string }>) {
    const place: ProblemPlace = { recordType: 'crimeBatch', recordLabel: 'Crime import', recordId: row.id, title: printable(`${row.forceId} ${row.month}`) };
    if (!forceById(row.forceId)) emit({ ...place, field: 'forceId', fieldLabel: 'Force', message: `${quoted(row.forceId)} is not a UK police force`, ...removeBatch(row.id) });
    const counts = db
      .prepare(`SELECT sum(crime_type NOT IN (SELECT value FROM json_each(?))) AS badTypes, sum(NOT (lsoa_code GLOB '[EWSN][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]' AND length(lsoa_code) = 9)) AS badCodes FROM crime_count WHERE batch_id = ?`)
      .get(TYPES, row.id) as { badTypes: number | null; badCodes: number | null };
    if ((counts.badTypes ?? 0) > 0) {
      emit({
        ...place,
        field: 'crimeType',
        fieldLabel: 'Crime types',
        message: `${plural(counts.badTypes ?? 0, 'count is', 'counts are')} of a crime type police.uk does not publish`,
        repair: 'Remove those counts',
        fix: fix([statement(`DELETE FROM crime_count WHERE batch_id = ? AND crime_type NOT IN (SELECT value FROM json_each(?))`, row.id, TYPES)]),
      });
    }
    if ((counts.badCodes ?? 0) > 0) {
      emit({
        ...place,
        field: 'lsoaCode',
        fieldLabel: 'LSOA codes',
        message: `${plural(counts.badCodes ?? 0, 'count has', 'counts have')} an LSOA code that is not one (a letter and eight digits)`,
        repair: 'Remove those counts',
        fix: fix([statement(`DELETE FROM crime_count WHERE batch_id = ? AND NOT (lsoa_code GLOB '[EWSN][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]' AND length(lsoa_code) = 9)`, row.id)]),
      });
    }
  }
  const links = db.prepare('SELECT id, crime_type AS crimeType FROM crime_trend_link WHERE crime_type NOT IN (SELECT value FROM json_each(?))').all(TYPES) as Array<{ id: string; crimeType: string }>;
  for (const link of links) {
    emit({
      recordType: 'crimeTrendLink',
      recordLabel: 'Citation of a crime trend',
      recordId: link.id,
      title: printable(link.crimeType),
      field: 'crimeType',
      fieldLabel: 'Crime type',
      message: `${quoted(link.crimeType)} is not a police.uk crime type`,
      repair: 'Remove the citation',
      fix: fix([statement('DELETE FROM crime_trend_link WHERE id = ?', link.id)]),
    });
  }
}
