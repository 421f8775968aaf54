// The one table of change handlers: every kind of change the log can hold, with how it is
// described, undone, redone, redacted and what it touches. The compiler checks every kind has one.
import { RECORD_TYPE_NAMES, type RecordTypeName } from '../../../shared/domain/record-types.ts';
import { censusChangeHandler } from '../evidence/census-changes.ts';
import { crimeImportChangeHandler } from '../crime/crime-changes.ts';
import { crimeTrendLinkChangeHandler } from '../crime/crime-trend-links.ts';
import { evidenceLinkChangeHandler } from '../evidence/evidence-links.ts';
import { sectionChangeHandler } from '../gaps/section-completion.ts';
import { logoChangeHandler, workbookChangeHandler } from '../workbook/details-changes.ts';
import { settingChangeHandler } from '../workbook/workbook-settings.ts';
import { receptivityChangeHandler } from '../receptivity/receptivity-changes.ts';
import { libraryChangeHandler } from '../library/library-changes.ts';
import type { ChangeDraft, ChangeEntry, Values } from './change-log.ts';
import type { ChangeKind, OtherChangeKind } from './change-kinds.ts';
import { plainHandler, type ChangeHandler } from './change-handler.ts';
import { recordChangeHandler } from './record-change-handler.ts';

/** The parts of a batch (several changes made as one step, such as an import of area LSOAs). */
function partsOf(entry: ChangeDraft): ChangeDraft[] {
  const side = (entry.after ?? entry.before) as { parts?: ChangeDraft[]; entries?: Array<ChangeDraft & { recordType?: string }> } | null;
  // Entries written before file format 6 called their parts `entries` and their kind `recordType`.
  return side?.parts ?? (side?.entries ?? []).map((part) => ({ ...part, kind: (part.kind ?? part.recordType) as ChangeKind }));
}

/** A batch part as an entry of its own, so its kind's handler can apply it. */
function partEntry(batch: ChangeEntry, part: ChangeDraft, index: number): ChangeEntry {
  return { ...batch, ...part, id: `${batch.id}:${index}` };
}

function batchHandler(): ChangeHandler {
  return {
    describe: (_db, entry) => String((entry.after ?? entry.before)?.description ?? 'a group of changes'),
    apply(db, entry, direction, env) {
      const parts = partsOf(entry).map((part, index) => partEntry(entry, part, index));
      for (const part of direction === 'back' ? [...parts].reverse() : parts) changeHandler(part.kind).apply(db, part, direction, env);
    },
    holdsPersonal: (entry) => partsOf(entry).some((part) => changeHandler(part.kind).holdsPersonal(part)),
    redact(entry) {
      const description = (entry.after ?? entry.before)?.description ?? null;
      const parts = partsOf(entry).map((part) => ({ ...part, ...changeHandler(part.kind).redact(part) }));
      const side: Values = { description, parts };
      return { before: side, after: side };
    },
    footprint: (entry) => partsOf(entry).flatMap((part) => changeHandler(part.kind).footprint(part)),
  };
}

/** Built on first use: the handlers' modules import write-change.ts, which imports this one. */
let handlers: Record<ChangeKind, ChangeHandler> | null = null;

function buildHandlers(): Record<ChangeKind, ChangeHandler> {
  const records = Object.fromEntries(RECORD_TYPE_NAMES.map((type) => [type, recordChangeHandler(type)])) as Record<RecordTypeName, ChangeHandler>;
  const others: Record<OtherChangeKind, ChangeHandler> = {
    workbook: workbookChangeHandler(),
    section: sectionChangeHandler,
    setting: settingChangeHandler,
    evidenceLink: evidenceLinkChangeHandler,
    censusTable: censusChangeHandler,
    crimeImport: crimeImportChangeHandler,
    crimeTrendLink: crimeTrendLinkChangeHandler,
    logo: logoChangeHandler,
    receptivity: receptivityChangeHandler,
    libraryEntry: libraryChangeHandler,
    batch: batchHandler(),
    // Written as history only (never undoable): undoing it would bring back unusable values.
    repair: plainHandler({
      describe: (_db, entry) => String(entry.after?.description ?? 'repairing values the app could not use'),
      apply: () => {
        throw new Error('A repair cannot be undone; the backup copy beside the file keeps what it changed');
      },
      footprint: () => [],
    }),
  };
  return { ...records, ...others };
}

export function changeHandler(kind: ChangeKind): ChangeHandler {
  handlers ??= buildHandlers();
  const handler = handlers[kind];
  if (!handler) throw new Error(`No handler for changes of kind "${kind}"`);
  return handler;
}

/** Builds a batch: several changes logged and undone as one step. */
export function batchChange(recordId: string, description: string, parts: ChangeDraft[]): ChangeDraft {
  const side: Values = { description, parts };
  return { kind: 'batch', recordId, action: 'update', before: side, after: side };
}
