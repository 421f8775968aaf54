// Where a share copy came from, and the check that it still holds what was shared: the one module
// that reads, writes and verifies provenance (share copies and the practice library both use it).
//
// The provenance lives inside the share copy as one row of the workbook's key–value table
// (workbook_setting, key `shareProvenance`), written by the core when it builds the copy. That needs
// no migration and no new interchange shape: the settings check leaves a key this version does not
// treat as a setting alone, and the interchange format carries settings as plain keys and values.
// The digest is a SHA-256 over the canonical JSON of the shared content (below), so any reader that
// can dump the copy can recompute it. It shows the copy is unchanged since it was shared; it is not a
// signature (anyone who edits the copy could write a new digest), and says so where it is shown.
import crypto from 'node:crypto';
import { z } from 'zod';
import type { Interchange } from '../../../shared/api/interchange.ts';
import type { ReadDb, WriteDb } from '../db/open-database.ts';
import { readStoredSetting, writeSetting } from '../workbook/workbook-settings.ts';
import { dumpWorkbook } from '../interchange/dump-workbook.ts';

/** The key of the provenance row; never a setting the planner can change. */
export const SHARE_PROVENANCE_KEY = 'shareProvenance';

export const ShareProvenanceSchema = z
  .object({
    /** The shape of this record, so a later version can read an earlier one. */
    provenance: z.literal(1),
    /** The source workbook's force (an id from the forces reference data). */
    force: z.string().min(1).max(100),
    workbookId: z.string().min(1).max(100),
    title: z.string().max(200),
    /** When the copy was made (ISO timestamp). */
    sharedAt: z.string().min(1).max(40),
    /** The version of the app that made it. */
    appVersion: z.string().min(1).max(40),
    /** SHA-256, lower-case hex, of the canonical JSON of what was shared. */
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
  })
  .strict();
export type ShareProvenance = z.infer<typeof ShareProvenanceSchema>;

export type ProvenanceCheck =
  | { status: 'none' }
  | { status: 'verified'; provenance: ShareProvenance }
  | { status: 'failed'; provenance: ShareProvenance | null; reason: string };

/** Null, absent, an empty text and an empty list all say "nothing here". */
function isEmpty(value: unknown): boolean {
  return value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
}

/** JSON with object keys sorted and empty values (null, '', []) left out of objects, at every depth. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item ?? null)).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, item]) => !isEmpty(item))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
}

/**
 * The content the digest covers: the workbook's details and every list of records, without the
 * provenance row itself. Made canonical so that the same content always gives the same text,
 * whichever order the file stores it in and whichever later version reads it: each list is in the
 * order of its items' canonical text, an empty list is left out (a later version adds empty lists
 * for its new record types), and an empty value (null, '', []) is the same as an absent one (a
 * later migration adds empty columns; a field left out of the copy reads back as empty). The format's version and the personal flag are left out for the same reason.
 */
export function canonicalSharedContent(data: Pick<Interchange, 'workbook' | 'records'>): string {
  const lists: Record<string, string[]> = {};
  for (const [name, items] of Object.entries(data.records as Record<string, unknown[]>)) {
    const kept = (items ?? []).filter((item) => !(name === 'settings' && (item as { key?: unknown }).key === SHARE_PROVENANCE_KEY));
    if (kept.length > 0) lists[name] = kept.map((item) => canonicalJson(item)).sort();
  }
  const records = Object.keys(lists)
    .sort()
    .map((name) => `${JSON.stringify(name)}:[${lists[name]!.join(',')}]`)
    .join(',');
  return `{"records":{${records}},"workbook":${canonicalJson(data.workbook)}}`;
}

export function sharedContentDigest(data: Pick<Interchange, 'workbook' | 'records'>): string {
  return crypto.createHash('sha256').update(canonicalSharedContent(data), 'utf8').digest('hex');
}

/** Writes the provenance row (inside the transaction that builds the copy). */
export function writeProvenance(db: WriteDb, provenance: ShareProvenance): void {
  writeSetting(db, SHARE_PROVENANCE_KEY, JSON.stringify(ShareProvenanceSchema.parse(provenance)));
}

/** The provenance a workbook carries: null when it has none, 'damaged' when it cannot be read. */
export function readProvenance(db: ReadDb): ShareProvenance | null | 'damaged' {
  const stored = readStoredSetting(db, SHARE_PROVENANCE_KEY);
  if (stored === null) return null;
  try {
    const parsed = ShareProvenanceSchema.safeParse(JSON.parse(stored));
    return parsed.success ? parsed.data : 'damaged';
  } catch {
    return 'damaged';
  }
}

/**
 * Checks the workbook still holds exactly what was shared: its details match the provenance and
 * the digest of its content (personal fields included, so a phone number added later is caught)
 * is the one recorded.
 */
export function verifyProvenance(db: ReadDb): ProvenanceCheck {
  const provenance = readProvenance(db);
  if (provenance === null) return { status: 'none' };
  if (provenance === 'damaged') return { status: 'failed', provenance: null, reason: 'its provenance record is damaged (it is not one this app wrote)' };
  const data = dumpWorkbook(db, { personal: true });
  if (data.workbook.id !== provenance.workbookId) return { status: 'failed', provenance, reason: `its workbook id (${data.workbook.id}) is not the one it was shared with (${provenance.workbookId})` };
  if (data.workbook.force !== provenance.force) return { status: 'failed', provenance, reason: 'its force is not the one it was shared from' };
  if (data.workbook.title !== provenance.title) return { status: 'failed', provenance, reason: 'its title is not the one it was shared with' };
  const digest = sharedContentDigest(data);
  if (digest !== provenance.sha256) return { status: 'failed', provenance, reason: 'what it holds has changed since it was shared (its SHA-256 does not match the one recorded)' };
  return { status: 'verified', provenance };
}
