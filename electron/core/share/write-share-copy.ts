// Builds a share copy: the workbook read through the interchange model, stripped
// (strip-for-sharing.ts), and written as a NEW workbook from that content — never a copy of the
// source's pages, so nothing removed can linger in a free page, a slack byte or a journal. The
// file is built in a temporary file beside the destination, VACUUMed (no free pages), checked
// (integrity, schema, no free pages, and its own content against the digest it carries), fsynced
// and renamed into place: complete or absent.
import path from 'node:path';
import { InterchangeSchema, INTERCHANGE_FORMAT, INTERCHANGE_VERSION } from '../../../shared/api/interchange.ts';
import type { ShareSummary } from '../../../shared/api/share.ts';
import { AppError } from '../app-error.ts';
import type { ReadDb } from '../db/open-database.ts';
import { checkValues, summariseValueCheck } from '../db/check-values.ts';
import { dumpWorkbook } from '../interchange/dump-workbook.ts';
import { loadInterchangeRecords } from '../interchange/load-interchange.ts';
import type { PendingTemporaries } from '../fs/temporary-files.ts';
import { createWorkbookFile } from '../workbook/create-workbook-file.ts';
import { checkLogo, writeLogo } from '../workbook/workbook-logo.ts';
import { insertWorkbookRow, validDetails } from '../workbook/workbook-store.ts';
import { sharedContentDigest, verifyProvenance, writeProvenance, type ShareProvenance } from './provenance.ts';
import { stripForSharing, type StripResult } from './strip-for-sharing.ts';

/** Reads and strips the workbook: the summary (for a preview) and the content a copy would hold. */
export function planShareCopy(db: ReadDb, name: string, keepNotes: readonly string[]): StripResult {
  // Values the format cannot carry would be refused when the copy is built: say so first.
  const values = checkValues(db);
  if (values.total > 0) throw new AppError('invalid-input', `"${name}" cannot be shared yet: it ${summariseValueCheck(values)}. Open it to repair them, or run "ewb repair".`);
  // Read with personal fields, so the summary can count what it leaves out; stripping removes them.
  return stripForSharing(dumpWorkbook(db, { personal: true }), keepNotes);
}

export interface ShareCopyOptions {
  destination: string;
  keepNotes: readonly string[];
  overwrite: boolean;
  /** When the copy is made (ISO timestamp) and by which version of the app. */
  sharedAt: string;
  appVersion: string;
  temporaries?: PendingTemporaries;
}

export function writeShareCopy(db: ReadDb, sourceName: string, options: ShareCopyOptions): { summary: ShareSummary; provenance: ShareProvenance } {
  const { content, summary } = planShareCopy(db, sourceName, options.keepNotes);
  // The loader trusts what it is given to be the format's own: hold the stripped content to the
  // format's schema first, so a slip in stripping is refused here rather than written.
  const parsed = InterchangeSchema.safeParse({ format: INTERCHANGE_FORMAT, version: INTERCHANGE_VERSION, personal: false, ...content });
  if (!parsed.success) throw new AppError('internal', `The share copy could not be made: what would be shared is not a valid workbook (${parsed.error.issues[0]?.path.join('.') ?? ''}). Nothing was saved.`);
  const provenance: ShareProvenance = {
    provenance: 1,
    force: content.workbook.force,
    workbookId: content.workbook.id,
    title: content.workbook.title,
    sharedAt: options.sharedAt,
    appVersion: options.appVersion,
    sha256: sharedContentDigest(parsed.data),
  };
  const { id, createdAt, modifiedAt, logo: logoData, ...details } = parsed.data.workbook;
  const logo = logoData ? checkLogo(Buffer.from(logoData.base64, 'base64'), 'the logo') : null;
  createWorkbookFile(
    options.destination,
    (copy) => {
      insertWorkbookRow(copy, { id, details: validDetails({ ...details, author: null, owner: null, approver: null }), appVersion: options.appVersion, createdAt, modifiedAt });
      loadInterchangeRecords(copy, parsed.data.records, path.basename(options.destination));
      if (logo) writeLogo(copy, logo);
      writeProvenance(copy, provenance);
    },
    options.temporaries,
    {
      overwrite: options.overwrite,
      beforePublish: (copy) => {
        // The copy is new, but the migrations that made its tables leave pages behind: VACUUM
        // rebuilds it with none free, so no byte of it is anything but what it holds.
        copy.exec('VACUUM');
        const free = copy.pragma('freelist_count', { simple: true });
        const check = copy.pragma('quick_check', { simple: true });
        if (free !== 0 || check !== 'ok') throw new AppError('io', `The share copy did not pass its check (${check !== 'ok' ? String(check) : `${String(free)} free pages`}); nothing was saved.`);
        const verified = verifyProvenance(copy);
        if (verified.status !== 'verified') throw new AppError('io', `The share copy does not hold exactly what was meant to be shared (${verified.status === 'failed' ? verified.reason : 'no provenance'}); nothing was saved.`);
      },
    },
  );
  return { summary, provenance };
}
