// What can change in a workbook: every record type, and the few other kinds of change (details,
// section completion, settings, evidence links, census tables, crime imports and citations of crime
// trends, the logo, cells of the receptivity grid, batches of changes made as one step, repairs of
// values the app could not use, and workbooks added to or removed from the practice library). The change log's `record_type` column holds one of these; each has one
// handler in change-handlers.ts, so a kind cannot be logged without saying how it is undone.
import { RECORD_TYPE_NAMES, isRecordTypeName, type RecordTypeName } from '../../../shared/domain/record-types.ts';

export const OTHER_CHANGE_KINDS = ['workbook', 'section', 'setting', 'evidenceLink', 'censusTable', 'logo', 'batch', 'repair', 'receptivity', 'crimeImport', 'crimeTrendLink', 'libraryEntry'] as const;
export type OtherChangeKind = (typeof OTHER_CHANGE_KINDS)[number];
export type ChangeKind = RecordTypeName | OtherChangeKind;

export const CHANGE_KINDS: readonly ChangeKind[] = [...RECORD_TYPE_NAMES, ...OTHER_CHANGE_KINDS];

export function isChangeKind(name: string): name is ChangeKind {
  return isRecordTypeName(name) || (OTHER_CHANGE_KINDS as readonly string[]).includes(name);
}

/**
 * What a change touched, for keeping gaps and section states up to date without recomputing
 * everything: the kind, the record (null for the whole kind), and the fields (null for all).
 */
export interface Footprint {
  kind: ChangeKind;
  id: string | null;
  fields: readonly string[] | null;
}
