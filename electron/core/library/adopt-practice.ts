// "Adopt" or "Adapt": a practice from the library copied into our own what-works as a new practice
// record (one undoable change), keeping where it came from: the force, and the workbook by title,
// period and id. From then on it is ours, and goes into our share copies with the force it came from.
import type { RecordValues } from '../../../shared/api/records.ts';
import { AppError } from '../app-error.ts';
import type { WriteDb } from '../db/open-database.ts';
import type { ChangeContext } from '../changes/write-change.ts';
import { createRecord } from '../records/record-changes.ts';
import { getEntryPractice, getLibraryEntry } from './library-store.ts';
import { workbookLabel } from './compare-practice.ts';

export function adoptPractice(db: WriteDb, ctx: ChangeContext, entryId: string, practiceId: string, verdict: 'adopt' | 'adapt'): RecordValues {
  const entry = getLibraryEntry(db, entryId);
  const practice = entry && entry.live === 1 ? getEntryPractice(db, entryId, practiceId) : null;
  if (!entry || !practice) throw new AppError('not-found', 'That practice is no longer in the library (its workbook may have been removed or replaced). Compare again and choose it there.');
  const label = `${workbookLabel(entry.title, entry.periodStart, entry.periodEnd)}, workbook ${entry.workbookId}`.slice(0, 300);
  return createRecord(db, ctx, 'practice', {
    title: practice.title,
    description: practice.description,
    audienceKinds: practice.audienceKinds,
    channelKinds: practice.channelKinds,
    depth: practice.depth,
    origin: 'other-force',
    originForce: entry.force,
    originWorkbook: label,
    originPartnerId: null,
    year: practice.year,
    outcome: practice.outcome,
    outcomeNote: practice.outcomeNote,
    evidenceStrength: practice.evidenceStrength,
    verdict,
  });
}
