// The record-type descriptors and what follows from them. The data is in
// record-type-descriptors.ts, the shape of a descriptor in record-type-def.ts; this module is the
// one place the rest of the app imports them from.
import { RECORD_TYPES, RECORD_TYPE_NAMES, type RecordTypeName } from './record-type-descriptors.ts';
import type { RecordTypeDef } from './record-type-def.ts';
import { COMPLETABLE_SECTION_IDS, type SectionId } from './sections.ts';

export { RECORD_TYPES, RECORD_TYPE_NAMES, type RecordTypeName };
export type { DocumentPrinter, FieldDef, FieldKind, LinkDef, PrintSpec, RecordTypeDef } from './record-type-def.ts';
export type { SectionId } from './sections.ts';

/** Sections that can be marked completed: those holding records, and census evidence. */
export const SECTION_IDS = COMPLETABLE_SECTION_IDS;

export function recordTypeDef(type: RecordTypeName): RecordTypeDef {
  return RECORD_TYPES[type];
}

export function isRecordTypeName(name: string): name is RecordTypeName {
  return (RECORD_TYPE_NAMES as readonly string[]).includes(name);
}

/** The personal fields of a record type (including special-category ones). */
export function personalFields(type: RecordTypeName): readonly string[] {
  return RECORD_TYPES[type].fields.filter((f) => f.personal || f.specialCategory).map((f) => f.name);
}

export function recordTypesInSection(section: SectionId | string): readonly RecordTypeDef[] {
  return RECORD_TYPE_NAMES.map((name) => RECORD_TYPES[name]).filter((def) => def.section === section);
}

/** The Excel sheet a record type is written to. */
export function sheetNameOf(type: RecordTypeName): string {
  return RECORD_TYPES[type].sheetName ?? RECORD_TYPES[type].plural;
}

/**
 * The record types a review writes rather than looks at: the ratings against the hallmarks and the
 * review log. They are never "due for review" themselves, and rolling forward leaves them behind.
 */
export const REVIEW_RECORD_TYPES: readonly RecordTypeName[] = ['hallmarkRating', 'reviewEntry'];
