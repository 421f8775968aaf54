// The strategy document's chapters in the method's order, built from the descriptors: each chapter
// prints the sections of its parts (shared/domain/sections.ts), each record type by its printer and
// in the chapter of its part (`exportPartOf`), so each thing is printed once; a section whose type
// prints elsewhere points there. Every chapter keeps its number and every heading, whatever the
// copy holds: a chapter with nothing yet says what it will hold ("To be completed: …"), and a part
// left out of this copy says so under its heading. A long list is summarised in the body and set
// out in full in an appendix (word-registers.ts). Parts are built one at a time so progress can be
// reported between them.
import { DOCUMENT_CHAPTERS, METHOD_SECTIONS, chapterOfPart, exportPartOf, isSectionAvailable, recordTypeNamesInSection, type DocumentChapter, type ExportPartId, type MethodSection, type SectionId } from '../../../shared/domain/sections.ts';
import { RECORD_TYPES, type RecordTypeName } from '../../../shared/domain/record-types.ts';
import type { ExportData } from './export-data.ts';
import { Paragraph, TextRun } from 'docx';
import { gapLine, heading, intro, safe, ukDay, wholeNumber } from './word-blocks.ts';
import { table } from './word-table.ts';
import { censusParts, geographyWords, type Part } from './word-census.ts';
import type { Block } from './word-record-printers.ts';
import { firstRegisterLetter, hasDataSources, recordTypeBody, registerAppendix, registerKeys } from './word-registers.ts';
import { receptivityAppendix, receptivityBody } from './word-receptivity-register.ts';
import { crimeParts, crimeSourceBlocks } from './word-crime.ts';
import { libraryAppendix } from './word-library.ts';
import { goodParts, reviewParts } from './word-review.ts';

export type { Block, Part };

export const LEFT_OUT = 'Left out of this copy.';

/** Sections with a part of their own besides record tables; each part starts with the section's title as its heading. */
const SECTION_PARTS: Partial<Record<SectionId, (data: ExportData) => Part[]>> = {
  census: censusParts,
  receptivity: (data) => [() => receptivityBody(data)],
  crime: crimeParts,
  good: goodParts,
  review: reviewParts,
};

/** What a chapter prints, in order: a section's own part, a record type, or a pointer to a type printed in another chapter. */
type ChapterItem =
  | { kind: 'section'; section: MethodSection; part: ExportPartId; build: (data: ExportData) => Part[] }
  | { kind: 'type'; type: RecordTypeName; part: ExportPartId }
  | { kind: 'pointer'; type: RecordTypeName; part: ExportPartId; from: ExportPartId };

function headingOf(type: RecordTypeName): string {
  const def = RECORD_TYPES[type];
  return def.print?.heading ?? def.plural;
}

/** The available sections with something in a chapter, in the chapter's order. */
function sectionsOf(chapter: DocumentChapter): MethodSection[] {
  const inChapter = (METHOD_SECTIONS as readonly MethodSection[]).filter(
    (section) =>
      isSectionAvailable(section) &&
      ((section.part !== null && chapter.parts.includes(section.part)) || recordTypeNamesInSection(section.id).some((type) => chapter.parts.includes(exportPartOf(type) as ExportPartId))),
  );
  const order = chapter.order ?? [];
  const rank = (section: MethodSection) => {
    const at = order.indexOf(section.id as SectionId);
    return at < 0 ? order.length + METHOD_SECTIONS.findIndex((s) => s.id === section.id) : at;
  };
  return [...inChapter].sort((a, b) => rank(a) - rank(b));
}

/** What a chapter prints, whatever this copy holds. */
export function chapterItems(chapter: DocumentChapter): ChapterItem[] {
  const items: ChapterItem[] = [];
  for (const section of sectionsOf(chapter)) {
    const own = SECTION_PARTS[section.id as SectionId];
    const sectionInChapter = section.part !== null && chapter.parts.includes(section.part);
    if (own && sectionInChapter) items.push({ kind: 'section', section, part: section.part as ExportPartId, build: own });
    for (const type of recordTypeNamesInSection(section.id)) {
      const part = exportPartOf(type);
      if (part === null) continue;
      if (chapter.parts.includes(part)) items.push({ kind: 'type', type, part });
      else if (sectionInChapter) items.push({ kind: 'pointer', type, part, from: section.part as ExportPartId });
    }
  }
  return items;
}

function pointerLine(type: RecordTypeName, part: ExportPartId): Block {
  const chapter = chapterOfPart(part);
  const where = chapter ? `chapter ${chapter.number}, ${chapter.title}` : 'another chapter';
  // Spaced from the table above it, but not kept with what follows (that is the next chapter).
  return new Paragraph({ spacing: { before: 160 }, children: [new TextRun(safe(`${RECORD_TYPES[type].plural}: see ${where}.`))] });
}

function itemParts(item: ChapterItem, data: ExportData): Part[] {
  const included = data.sections.includes(item.part);
  switch (item.kind) {
    case 'pointer':
      // A copy never points at a part it leaves out, nor from one it leaves out.
      return included && data.sections.includes(item.from) ? [() => [pointerLine(item.type, item.part)]] : [];
    case 'section':
      return included ? item.build(data) : [() => [heading(item.section.title, 2), gapLine(LEFT_OUT)]];
    case 'type':
      return included ? [() => recordTypeBody(data, item.type)] : [() => [heading(headingOf(item.type), 2), gapLine(LEFT_OUT)]];
  }
}

/** Every chapter of the document, as parts to build in turn. */
export function chapterParts(data: ExportData): Part[] {
  const parts: Part[] = [];
  for (const chapter of DOCUMENT_CHAPTERS) {
    const title = heading(`${chapter.number} ${chapter.title}`, 1);
    const items = chapterItems(chapter);
    if (!items.some((item) => item.kind !== 'pointer')) {
      parts.push(() => [title, gapLine(`To be completed: ${chapter.holds}.`)]);
      continue;
    }
    // A chapter this copy leaves out whole says so once, not under each of its headings.
    if (!items.some((item) => item.kind !== 'pointer' && data.sections.includes(item.part))) {
      parts.push(() => [title, gapLine(LEFT_OUT)]);
      continue;
    }
    const steps = items.flatMap((item) => itemParts(item, data));
    // The chapter's heading goes with its first part.
    const [first, ...rest] = steps;
    parts.push(() => [title, ...(first ? first() : [])], ...rest);
  }
  return parts;
}

/** The appendices: the data sources, then the register of each list too long for the body. */
export function appendixParts(data: ExportData): Part[] {
  const tables = data.census.tables;
  const crime = crimeSourceBlocks(data.crime.summary.batches);
  const sources: Part[] = !hasDataSources(data)
    ? []
    : [
        () => [
          heading('Appendix A: Data sources', 1, { pageBreakBefore: true }),
          ...(tables.length === 0 && crime.length === 0 ? [gapLine('No census tables or other data have been imported yet.')] : []),
          ...(tables.length === 0
            ? []
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
          ...crime,
        ],
      ];
  return [
    ...sources,
    ...registerKeys(data).map((key): Part => () => (key === 'receptivity' ? receptivityAppendix(data) : registerAppendix(data, key))),
    // After the registers (lettered from B), the comparison with neighbouring forces.
    ...(data.library ? [(): Block[] => libraryAppendix(data.library!, String.fromCharCode(firstRegisterLetter(data).charCodeAt(0) + registerKeys(data).length))] : []),
  ];
}
