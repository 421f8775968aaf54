// The strategy document's chapters in the method's order, built from the descriptors: each chapter
// prints the sections of its parts (shared/domain/sections.ts), each record type by its printer.
// A chapter whose parts hold nothing yet keeps its heading and says so in one line, so the reader
// sees the gap. Parts are built one at a time so progress can be reported between them.
import { DOCUMENT_CHAPTERS, METHOD_SECTIONS, isSectionAvailable, recordTypeNamesInSection, type MethodSection, type SectionId } from '../../../shared/domain/sections.ts';
import { RECORD_TYPES } from '../../../shared/domain/record-types.ts';
import type { ExportData } from './export-data.ts';
import { gapLine, heading, intro, ukDay, wholeNumber } from './word-blocks.ts';
import { table } from './word-table.ts';
import { censusParts, geographyWords, type Part } from './word-census.ts';
import { recordTypePart, type Block } from './word-record-printers.ts';
import { receptivityBlocks } from './word-how-printers.ts';
import { crimeParts } from './word-crime.ts';

export type { Block, Part };

const NOT_BUILT = 'Not yet part of this workbook.';

/** Sections with a part of their own besides record tables. */
const SECTION_PARTS: Partial<Record<SectionId, (data: ExportData) => Part[]>> = {
  census: censusParts,
  receptivity: (data) => [() => receptivityBlocks(data)],
  crime: crimeParts,
};

function joinList(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

function chapterSections(chapter: (typeof DOCUMENT_CHAPTERS)[number], data: ExportData): MethodSection[] {
  const inParts = (METHOD_SECTIONS as readonly MethodSection[]).filter((section) => section.part !== null && chapter.parts.includes(section.part) && data.sections.includes(section.part) && isSectionAvailable(section));
  const order = chapter.order ?? [];
  const rank = (section: MethodSection) => {
    const at = order.indexOf(section.id as SectionId);
    return at < 0 ? order.length + METHOD_SECTIONS.findIndex((s) => s.id === section.id) : at;
  };
  return [...inParts].sort((a, b) => rank(a) - rank(b));
}

/** Every chapter of the document, as parts to build in turn. */
export function chapterParts(data: ExportData): Part[] {
  const parts: Part[] = [];
  for (const chapter of DOCUMENT_CHAPTERS) {
    const title = heading(`${chapter.number} ${chapter.title}`, 1);
    const available = (METHOD_SECTIONS as readonly MethodSection[]).some((section) => section.part !== null && chapter.parts.includes(section.part) && isSectionAvailable(section));
    if (!available) {
      parts.push(() => [title, gapLine(NOT_BUILT)]);
      continue;
    }
    const sections = chapterSections(chapter, data);
    if (sections.length === 0) continue;
    const types = sections.flatMap((section) => recordTypeNamesInSection(section.id));
    const onlyRecords = sections.every((section) => SECTION_PARTS[section.id as SectionId] === undefined);
    if (onlyRecords && types.every((type) => (data.records[type] ?? []).length === 0)) {
      const names = types.map((type) => RECORD_TYPES[type].plural.toLowerCase());
      parts.push(() => [title, gapLine(`Nothing has been recorded here yet: no ${joinList(names)}.`)]);
      continue;
    }
    const steps: Part[] = [];
    for (const section of sections) {
      const special = SECTION_PARTS[section.id as SectionId];
      if (special) steps.push(...special(data));
      for (const type of recordTypeNamesInSection(section.id)) steps.push(() => recordTypePart(data, type));
    }
    // The chapter's heading goes with its first part.
    const [first, ...rest] = steps;
    parts.push(() => [title, ...(first ? first() : [])], ...rest);
  }
  return parts;
}

export function appendixParts(data: ExportData): Part[] {
  const tables = data.census.tables;
  return [
    () => [
      heading('Appendix: data sources', 1),
      ...(tables.length === 0
        ? [gapLine('No census tables or other data have been imported yet.')]
        : [
            intro('The census tables this document draws on: where each comes from, the date its figures describe, the geography they are given by and when they were imported.'),
            table(
              [
                { title: 'Table', width: 10 },
                { title: 'Title', width: 25 },
                { title: 'Source', width: 22 },
                { title: 'Figures for', width: 13 },
                { title: 'By', width: 13 },
                { title: 'Imported', width: 17 },
              ],
              tables.map((t) => [t.code, t.title, t.source, t.referenceDate, `${wholeNumber(t.geographyCount)} ${geographyWords(t.geographyLevel)[t.geographyCount === 1 ? 0 : 1]}`, ukDay(t.importedAt)]),
            ),
          ]),
    ],
  ];
}
