// What an export covers, from the parts asked for: the record types that go out with those parts,
// and the worksheet sections they and the parts' own sections come from, in the method's order.
import { EXPORT_SECTIONS, type ExportSectionId } from '../../../shared/api/export.ts';
import { RECORD_TYPES, RECORD_TYPE_NAMES, type RecordTypeName, type SectionId } from '../../../shared/domain/record-types.ts';
import { METHOD_SECTIONS, exportPartOf, sectionsOfPart, type MethodSection } from '../../../shared/domain/sections.ts';

/** The record types an export covers (those going out with the parts asked for), in the method's order. */
export function exportedTypesOf(parts: readonly ExportSectionId[]): RecordTypeName[] {
  return RECORD_TYPE_NAMES.filter((type) => parts.includes(exportPartOf(type) as ExportSectionId));
}

/** The worksheet sections an export covers, in the method's order: those of its parts, and those of the record types it holds. */
export function worksheetSectionsOf(parts: readonly ExportSectionId[]): SectionId[] {
  const ofTypes = new Set<string>(exportedTypesOf(parts).map((type) => RECORD_TYPES[type].section));
  const ofParts = new Set<string>(EXPORT_SECTIONS.filter((part) => parts.includes(part.id)).flatMap((part) => sectionsOfPart(part.id).map((section) => section.id)));
  return (METHOD_SECTIONS as readonly MethodSection[]).filter((section) => ofTypes.has(section.id) || ofParts.has(section.id)).map((section) => section.id as SectionId);
}
