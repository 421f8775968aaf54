// Makes a new workbook from an interchange file, in the reading worker: the file streamed in two
// passes (read-interchange.ts) straight into a temporary workbook, which is checked and moved into
// place only when everything in it has been accepted. The main thread then just opens it.
import path from 'node:path';
import type { RolledFrom, WorkbookDetailsChanges } from '../../../shared/api/workbook.ts';
import { createWorkbookFileStreamed } from '../workbook/create-workbook-file.ts';
import { checkLogo, writeLogo } from '../workbook/workbook-logo.ts';
import { insertWorkbookRow, validDetails } from '../workbook/workbook-store.ts';
import { InterchangeLoader } from './load-interchange.ts';
import { REVIEW_RECORD_TYPES } from '../../../shared/domain/record-types.ts';
import { streamInterchangeFile } from './read-interchange.ts';
import type { InterchangeSink } from './stream-interchange.ts';

export interface InterchangeJob {
  kind: 'interchange';
  /** The interchange file. */
  source: string;
  /** The workbook to make (it must not exist). */
  destination: string;
  /** Where it is built; the caller removes it if the worker is stopped part-way. */
  temporary: string;
  /** The id the workbook gets unless the file's is kept. */
  newId: string;
  keepId: boolean;
  overrides: WorkbookDetailsChanges;
  appVersion: string;
  /**
   * Rolling forward: the previous period's workbook this one is made from. Its records come
   * across with their ids but none of them reviewed yet in the new period.
   */
  rolledFrom?: RolledFrom;
}

/** Builds the workbook; answers with how many of each list the file held. */
export async function createFromInterchange(job: InterchangeJob): Promise<{ counts: Record<string, number> }> {
  const name = path.basename(job.source);
  const counts: Record<string, number> = {};
  const tally = (list: string) => {
    counts[list] = (counts[list] ?? 0) + 1;
  };
  await createWorkbookFileStreamed(job.destination, job.temporary, async (db) => {
    let loader: InterchangeLoader | null = null;
    // The loader is made between the passes, once the file is known to be within every limit.
    const sink: InterchangeSink = {
      record: (type, record, where) => {
        // A new period is assessed and reviewed afresh: its ratings and review log start empty.
        if (job.rolledFrom && REVIEW_RECORD_TYPES.includes(type)) return;
        tally(type);
        loader!.record(type, job.rolledFrom ? { ...record, reviewedAt: null } : record, where);
      },
      censusTable: (table, where) => {
        tally('censusTables');
        loader!.censusTable(table, where);
      },
      sectionCompletion: (entry) => loader!.sectionCompletion(entry),
      evidenceLink: (link) => loader!.evidenceLink(link),
      receptivity: (cell) => loader!.receptivity(cell),
      crimeTrendLink: (link) => loader!.crimeTrendLink(link),
      libraryEntry: (entry, where) => {
        tally('libraryEntries');
        loader!.libraryEntry(entry, where);
      },
      setting: (entry) => loader!.setting(entry),
    };
    const head = await streamInterchangeFile(job.source, sink, () => {
      loader = new InterchangeLoader(db, name);
    });
    const { id, createdAt, modifiedAt, logo: logoData, rolledFrom, ...fromFile } = head.workbook;
    const logo = logoData ? checkLogo(Buffer.from(logoData.base64, 'base64'), `the logo in ${name}`) : null;
    const details = validDetails({ author: null, ...fromFile, ...job.overrides });
    insertWorkbookRow(db, { id: job.keepId ? id : job.newId, details, rolledFrom: job.rolledFrom ?? rolledFrom ?? null, appVersion: job.appVersion, createdAt, modifiedAt });
    loader!.finish();
    if (logo) writeLogo(db, logo);
  });
  return { counts };
}
