// Imports a contact list of partners or assets: the file is read off the main thread (the same
// worker, zip guards and limits as every spreadsheet), planned against the workbook
// (plan-contact-import.ts), and — when asked to apply — written as one undoable change: the new
// records and the fields filled in on records already there, undone together.
import path from 'node:path';
import { CONTACT_RESULT_LISTED, type ContactImportResult } from '../../../shared/api/contacts.ts';
import type { ParsedRequestOf } from '../../../shared/api/contract.ts';
import type { RecordValues } from '../../../shared/api/records.ts';
import { LIMITS } from '../../../shared/domain/limits.ts';
import { RECORD_TYPES } from '../../../shared/domain/record-types.ts';
import type { WriteDb } from '../db/open-database.ts';
import type { ChangeDraft } from '../changes/change-log.ts';
import { batchChange } from '../changes/change-handlers.ts';
import { diffFields } from '../changes/change-log.ts';
import { writeChange, type ChangeContext } from '../changes/write-change.ts';
import { fileSize } from '../evidence/import-census.ts';
import { ignoreProgress, type ProgressReporter } from '../jobs/job-progress.ts';
import { selectSheet } from '../imports/import-mapped-table.ts';
import type { ZipLimits } from '../imports/inspect-xlsx.ts';
import { tabularKindOf } from '../imports/parse-tabular.ts';
import { TABULAR_ADVICE } from '../imports/read-tabular.ts';
import { getRecord, insertRecord, titleOf, updateRecordFields } from '../records/record-store.ts';
import { runFileWorker, type WorkerLimits } from '../workers/run-file-worker.ts';
import { planContactImport, type ContactPlan } from './plan-contact-import.ts';

export type ContactImportInput = ParsedRequestOf<'importContacts'>;

export interface ContactReadOptions {
  limits?: Partial<WorkerLimits>;
  zipLimits?: ZipLimits;
}

function summary(plan: ContactPlan, fileName: string, applied: boolean): ContactImportResult {
  const def = RECORD_TYPES[plan.target];
  const label = (name: string) => (name === 'notes' ? 'Notes' : (def.fields.find((f) => f.name === name)?.label ?? name));
  return {
    target: plan.target,
    fileName,
    applied,
    added: plan.adds.length,
    merged: plan.merges.length,
    skipped: plan.skips.length,
    addedNames: plan.adds.slice(0, CONTACT_RESULT_LISTED).map((add) => titleOf(add.values, plan.target)),
    merges: plan.merges.slice(0, CONTACT_RESULT_LISTED).map((merge) => ({ row: merge.row, name: merge.name, into: merge.intoName, fields: Object.keys(merge.changes).map(label) })),
    skips: plan.skips.slice(0, CONTACT_RESULT_LISTED),
  };
}

/** Writes the plan as one change: a batch of record creations and edits. */
function applyPlan(db: WriteDb, ctx: ChangeContext, plan: ContactPlan, fileName: string): void {
  const type = plan.target;
  const def = RECORD_TYPES[type];
  writeChange(db, ctx, ({ at }) => {
    const parts: ChangeDraft[] = [];
    // Merges into rows the list itself adds are folded into those new records.
    const extra = new Map<number, Record<string, unknown>>();
    for (const merge of plan.merges) if ('added' in merge.into) extra.set(merge.into.added, { ...extra.get(merge.into.added), ...merge.changes });
    plan.adds.forEach((add, index) => {
      const record = { ...add.values, ...extra.get(index), id: ctx.newId(), createdAt: at, updatedAt: at } as RecordValues;
      for (const link of def.links) record[link.name] ??= [];
      insertRecord(db, type, record);
      parts.push({ kind: type, recordId: record.id, action: 'create', before: null, after: record });
    });
    for (const merge of plan.merges) {
      if (!('existing' in merge.into)) continue;
      const before = getRecord(db, type, merge.into.existing.id);
      if (!before) continue;
      const diff = diffFields(before, { ...before, ...merge.changes });
      if (!diff) continue;
      updateRecordFields(db, type, before.id, diff.after, at);
      parts.push({ kind: type, recordId: before.id, action: 'update', before: { ...diff.before, updatedAt: before.updatedAt }, after: { ...diff.after, updatedAt: at } });
    }
    if (parts.length === 0) return { result: null, change: null };
    const what = `${plan.adds.length} ${plan.adds.length === 1 ? def.label.toLowerCase() : def.plural.toLowerCase()}`;
    const merged = plan.merges.length > 0 ? ` (and ${plan.merges.length} merged)` : '';
    return { result: null, change: batchChange(ctx.newId(), `importing ${what}${merged} from ${fileName}`, parts) };
  });
}

/**
 * Reads the list in a worker, then plans (and, with `apply`, writes) the import. `writable` gives the
 * workbook's connection: asked for before the file is read (a read-only workbook is refused at
 * once) and again after, in case it was closed meanwhile; the plan is made against the workbook as
 * it is at the moment of writing.
 */
export async function importContacts(writable: () => WriteDb, ctx: ChangeContext, request: ContactImportInput, options: ContactReadOptions = {}, report: ProgressReporter = ignoreProgress): Promise<ContactImportResult> {
  writable();
  const file = path.resolve(request.source);
  tabularKindOf(file);
  const fileName = path.basename(file);
  const data = await runFileWorker(
    { kind: 'tabular', file, options: { mode: 'all', maxRows: LIMITS.recordsPerType + 1, ...(request.sheet === undefined ? {} : { sheet: request.sheet }), ...(options.zipLimits ? { zipLimits: options.zipLimits } : {}) } },
    { fileName, advice: TABULAR_ADVICE, bytes: fileSize(file), onProgress: report, ...(options.limits ? { limits: options.limits } : {}) },
  );
  const sheet = selectSheet(data, request.sheet);
  const db = writable();
  const plan = planContactImport(db, data, sheet, request.target, request.columns, report);
  if (request.apply) {
    report({ stage: 'Saving to the workbook', done: 0, total: 0 });
    applyPlan(db, ctx, plan, fileName);
  }
  return summary(plan, fileName, request.apply);
}
