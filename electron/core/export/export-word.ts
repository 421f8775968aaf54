// The Word strategy document (DELIVERABLES.md): A4, UK English, a cover page, the protective
// marking in capitals in the header and footer of every page and in the document's properties,
// page numbers, a table of contents Word can update, then the method's sections in order with real
// headings and tables. Everything it writes comes from ExportData and passes through `forWord`.
import { AlignmentType, Document, ImageRun, LineRuleType, Footer, Header, Packer, PageBreak, PageNumber, Paragraph, TableOfContents, TextRun, type IParagraphStyleOptions, type ISectionOptions } from 'docx';
import type { ProgressReporter } from '../jobs/job-progress.ts';
import type { ExportData } from './export-data.ts';
import { PAGE, STYLE, safe, ukDay, longDate } from './word-blocks.ts';
import { TABLE_STYLE, TablePlaceholder } from './word-table.ts';
import { DOCUMENT_XML, contentsXml, writeDocumentXml } from './word-body.ts';
import { patchZip } from './patch-zip.ts';
import { appendixParts, chapterParts, type Block, type Part } from './word-sections.ts';
import { documentControl, executiveSummary } from './word-front-matter.ts';

const STAGE = 'Writing the Word document';
const FONT = 'Arial';
const PREPARED_WITH = 'Prepared with Engagement Workbook';

function period(data: ExportData): string {
  const start = longDate(data.meta.periodStart);
  const end = longDate(data.meta.periodEnd);
  if (start && end) return `Strategy period: ${start} to ${end}`;
  if (start) return `Strategy period: from ${start}`;
  if (end) return `Strategy period: until ${end}`;
  return 'Strategy period: not yet set';
}

function markingParagraph(marking: string): Paragraph {
  return new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: marking, bold: true, size: 20 })] });
}

/** The marking centred at the top of every page. */
function markingHeader(marking: string): Header {
  return new Header({ children: [markingParagraph(marking)] });
}

/** The page number, then the marking, centred at the foot of every page. */
function markingFooter(marking: string, pageNumbers: boolean): Footer {
  const children = [markingParagraph(marking)];
  if (pageNumbers) children.unshift(new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: ['Page ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES], size: 18 })] }));
  return new Footer({ children });
}

/** The logo at most 4 cm tall and 8 cm wide on the cover, keeping its proportions (96 px = 2.54 cm). */
function logoParagraph(logo: NonNullable<ExportData['logo']>): Paragraph {
  const scale = Math.min(151 / logo.height, 302 / logo.width, 1);
  return new Paragraph({
    children: [new ImageRun({ type: logo.mediaType === 'image/png' ? 'png' : 'jpg', data: logo.bytes, transformation: { width: Math.max(1, Math.round(logo.width * scale)), height: Math.max(1, Math.round(logo.height * scale)) }, altText: { name: 'Force logo', description: 'The force logo', title: 'Force logo' } })],
  });
}

function cover(data: ExportData): Block[] {
  const version = [safe(data.meta.versionLabel).trim(), ukDay(data.generatedAt)].filter(Boolean).join(' · ');
  const blocks: Block[] = [
    ...(data.logo ? [logoParagraph(data.logo)] : []),
    new Paragraph({ style: STYLE.coverForce, children: [new TextRun(safe(data.forceName))] }),
    new Paragraph({ style: 'Title', children: [new TextRun(safe(data.meta.title))] }),
    new Paragraph({ style: STYLE.coverLine, children: [new TextRun(safe(period(data)))] }),
    new Paragraph({ style: STYLE.coverLine, children: [new TextRun(version)] }),
  ];
  const review = longDate(data.meta.reviewDate);
  if (review) blocks.push(new Paragraph({ style: STYLE.coverLine, children: [new TextRun(`Next review: ${review}`)] }));
  const author = safe(data.meta.author ?? '').trim();
  if (author) blocks.push(new Paragraph({ style: STYLE.coverLine, children: [new TextRun(`Author: ${author}`)] }));
  blocks.push(new Paragraph({ style: STYLE.coverLine, spacing: { before: 2400 }, children: [new TextRun({ text: PREPARED_WITH, italics: true })] }));
  return blocks;
}

/** The table of contents: Word can update it, and it is written listing the document's headings. */
function tableOfContents(): TableOfContents {
  return new TableOfContents('Contents', { hyperlink: true, headingStyleRange: '1-2' });
}

function contents(): Block[] {
  return [new Paragraph({ style: STYLE.contentsTitle, children: [new TextRun('Contents')] }), tableOfContents(), new Paragraph({ children: [new PageBreak()] })];
}

function paragraphStyle(id: string, name: string, options: Omit<IParagraphStyleOptions, 'id' | 'name'>): IParagraphStyleOptions {
  return { id, name, basedOn: 'Normal', next: 'Normal', quickFormat: true, ...options };
}

const HEADING_COLOUR = '1F3864';
const AUTO = LineRuleType.AUTO;


const STYLES = {
  default: {
    document: { run: { font: FONT, size: 22, language: { value: 'en-GB' } }, paragraph: { spacing: { before: 0, after: 120, line: 264, lineRule: AUTO } } },
    title: { run: { font: FONT, size: 56, bold: true, color: HEADING_COLOUR }, paragraph: { spacing: { before: 240, after: 480, line: 240, lineRule: AUTO } } },
    heading1: { run: { font: FONT, size: 32, bold: true, color: HEADING_COLOUR }, paragraph: { spacing: { before: 480, after: 160 }, keepNext: true, keepLines: true } },
    heading2: { run: { font: FONT, size: 26, bold: true, color: HEADING_COLOUR }, paragraph: { spacing: { before: 360, after: 120 }, keepNext: true, keepLines: true } },
    heading3: { run: { font: FONT, size: 24, bold: true, color: '000000' }, paragraph: { spacing: { before: 280, after: 100 }, keepNext: true, keepLines: true } },
    heading4: { run: { font: FONT, size: 22, bold: true, italics: false, color: '000000' }, paragraph: { spacing: { before: 240, after: 80 }, keepNext: true, keepLines: true } },
    listParagraph: { paragraph: { spacing: { after: 80 } } },
  },
  paragraphStyles: [
    paragraphStyle(TABLE_STYLE.text, 'Table text', { run: { size: 19 }, paragraph: { spacing: { before: 30, after: 30, line: 240, lineRule: AUTO } } }),
    paragraphStyle(TABLE_STYLE.heading, 'Table heading', { basedOn: TABLE_STYLE.text, run: { size: 19, bold: true }, paragraph: { keepNext: true, spacing: { before: 30, after: 30, line: 240, lineRule: AUTO } } }),
    paragraphStyle(TABLE_STYLE.group, 'Table group', { basedOn: TABLE_STYLE.text, run: { size: 19, bold: true }, paragraph: { keepNext: true, spacing: { before: 40, after: 40, line: 240, lineRule: AUTO } } }),
    paragraphStyle(STYLE.note, 'Gap note', { run: { italics: true, color: '404040' }, paragraph: { spacing: { before: 120, after: 120 } } }),
    paragraphStyle(STYLE.coverForce, 'Cover force', { run: { size: 32, bold: true }, paragraph: { spacing: { before: 2400, after: 240 } } }),
    paragraphStyle(STYLE.coverLine, 'Cover line', { run: { size: 26 }, paragraph: { spacing: { after: 160 } } }),
    paragraphStyle(STYLE.contentsTitle, 'Contents title', { run: { size: 32, bold: true, color: HEADING_COLOUR }, paragraph: { spacing: { after: 240 } } }),
  ],
};

function section(marking: string, children: Block[], pageNumbers: boolean): ISectionOptions {
  return {
    properties: { page: { size: { width: PAGE.width, height: PAGE.height }, margin: { top: PAGE.margin, bottom: PAGE.margin, left: PAGE.margin, right: PAGE.margin, header: 567, footer: 567 } } },
    headers: { default: markingHeader(marking) },
    footers: { default: markingFooter(marking, pageNumbers) },
    children,
  };
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** The one paragraph docx writes where the body goes; the body is written in its place (word-body.ts). */
const BODY_MARKER = 'ewb-body-0b6f1c52-5d0e-4a8e-9b7c-3f1d2a4e6c80';

/**
 * The strategy document as a .docx file's bytes. docx writes the document around a marker (the
 * cover and document control, the headers, footers, styles and properties); the body is then
 * written part by part into its place, so its length does not set how much memory the export needs.
 */
export async function exportWord(data: ExportData, report: ProgressReporter): Promise<Buffer> {
  const marking = safe(data.meta.marking).toUpperCase();
  const parts: Part[] = [() => contents(), () => executiveSummary(data)];
  parts.push(...chapterParts(data), ...appendixParts(data));
  // Each part as it is written, then the file.
  const total = parts.length + 2;
  let done = 0;
  report({ stage: STAGE, done, total });
  // The cover, then document control on the page after it, before the numbered pages begin.
  const coverBlocks = [...cover(data), new Paragraph({ children: [new PageBreak()] }), ...documentControl(data)];
  const title = safe(data.meta.title);
  const author = safe(data.meta.author ?? '').trim();
  const documentOf = (sections: ISectionOptions[]) =>
    new Document({
      title,
      subject: safe(`Community engagement strategy: ${data.forceName}`),
      creator: author || 'Engagement Workbook',
      lastModifiedBy: author || 'Engagement Workbook',
      description: safe(`${period(data)}. ${PREPARED_WITH}.`),
      keywords: marking,
      customProperties: [{ name: 'Classification', value: marking }],
      features: { updateFields: true },
      styles: STYLES,
      sections,
    });
  const document = documentOf([section(marking, coverBlocks, false), section(marking, [new Paragraph({ children: [new TextRun(BODY_MARKER)] })], true)]);
  const shell = await Packer.toBuffer(document);
  done += 1;
  report({ stage: STAGE, done, total });
  await nextTurn();
  const body = await writeDocumentXml(shell, {
    marker: BODY_MARKER,
    coverTables: coverBlocks.filter((block): block is TablePlaceholder => block instanceof TablePlaceholder),
    parts,
    document,
    contents: (entries) => contentsXml(entries, (children) => documentOf([section(marking, children, true)]), tableOfContents()),
    afterPart: async () => {
      done += 1;
      report({ stage: STAGE, done, total });
      await nextTurn();
    },
  });
  const bytes = await patchZip(shell, { [DOCUMENT_XML]: body });
  report({ stage: STAGE, done: total, total });
  return bytes;
}
