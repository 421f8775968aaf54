// Reads another force's workbook for the practice library as untrusted input: the same checks as
// opening (size, header, application id, integrity, schema exactly ours for its version, every value
// inside), an older file brought up to date in a private copy only, then its practices read out as
// plain values. Their file is never attached to ours, nor written; personal fields, notes and
// practices marked not for sharing are never read out.
import path from 'node:path';
import { LibraryPracticeSchema, type LibraryPractice } from '../../../shared/api/library.ts';
import { LIMITS, formatCount, formatMegabytes } from '../../../shared/domain/limits.ts';
import { forceById } from '../../../shared/domain/forces.ts';
import { AppError } from '../app-error.ts';
import { openSnapshot, type ReadDb } from '../db/open-database.ts';
import { statOrdinaryFile } from '../db/inspect-header.ts';
import { checkValues, summariseValueCheck } from '../db/check-values.ts';
import { readWorkbookMeta } from '../workbook/workbook-store.ts';
import { listRecords } from '../records/record-store.ts';
import { verifyProvenance } from '../share/provenance.ts';
import type { LibrarySourceDetails } from './library-store.ts';

export interface LibrarySource extends LibrarySourceDetails {
  practices: LibraryPractice[];
}

/** The practice record's fields the library keeps: never notes, links to their partners, or anything personal. */
function libraryPracticeOf(record: Record<string, unknown>): LibraryPractice {
  return LibraryPracticeSchema.parse({
    id: record.id,
    title: record.title,
    description: record.description ?? '',
    audienceKinds: record.audienceKinds ?? [],
    channelKinds: record.channelKinds ?? [],
    depth: record.depth ?? null,
    origin: record.origin,
    originForce: record.originForce ?? null,
    year: record.year ?? null,
    outcome: record.outcome ?? null,
    outcomeNote: record.outcomeNote ?? '',
    evidenceStrength: record.evidenceStrength ?? null,
    verdict: record.verdict ?? null,
  });
}

function readOpened(db: ReadDb, name: string): LibrarySource {
  const values = checkValues(db);
  if (values.total > 0) {
    throw new AppError('invalid-input', `"${name}" ${summariseValueCheck(values)}, so its practice was not added to the library. Ask whoever sent it to open it in Engagement Workbook and make the repairs it offers, then send it again.`);
  }
  const meta = readWorkbookMeta(db);
  if (!forceById(meta.force)) throw new AppError('invalid-input', `"${name}" does not say which force it belongs to, so its practice cannot be compared. Nothing was added.`);
  const count = db.prepare('SELECT count(*) FROM practice WHERE shareable = 1').pluck().get() as number;
  if (count > LIMITS.practicesPerLibraryEntry) {
    throw new AppError('invalid-input', `"${name}" holds ${formatCount(count)} practices; the library takes at most ${formatCount(LIMITS.practicesPerLibraryEntry)} from one workbook. Nothing was added.`);
  }
  const practices = listRecords(db, 'practice')
    .filter((record) => record.shareable)
    .map(libraryPracticeOf);
  // A share copy says where it came from; one whose provenance no longer verifies has been changed
  // since it was shared (or claims a provenance it never had), so it is not trusted as one.
  const check = verifyProvenance(db);
  if (check.status === 'failed') throw new AppError('invalid-input', `"${name}" is a share copy whose provenance does not verify: ${check.reason}. Ask the force that sent it for a fresh copy. Nothing was added.`);
  const provenance = check.status === 'verified' ? check.provenance : null;
  return {
    workbookId: meta.id,
    force: meta.force,
    title: meta.title,
    periodStart: meta.periodStart,
    periodEnd: meta.periodEnd,
    sourceKind: provenance ? 'share-copy' : 'workbook',
    sharedAt: provenance ? new Date(provenance.sharedAt).toISOString() : null,
    fileName: name,
    practices,
  };
}

/** Checks `file` as opening does and reads its practice out; refuses a bad file with the reason. */
export function readLibrarySource(file: string): LibrarySource {
  const name = path.basename(file);
  const stat = statOrdinaryFile(file);
  if (stat.size > LIMITS.libraryWorkbookBytes) {
    throw new AppError('invalid-input', `"${name}" is ${formatMegabytes(stat.size)}; a workbook added to the library may be at most ${formatMegabytes(LIMITS.libraryWorkbookBytes)}. Ask for a share copy, which holds less. Nothing was added.`);
  }
  const { db } = openSnapshot(file);
  try {
    return readOpened(db, name);
  } finally {
    db.close();
  }
}
