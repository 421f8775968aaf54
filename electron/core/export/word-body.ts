// Writes the Word document's body a block at a time into its compressed document.xml, so memory
// stays flat however many records the document sets out (docx builds a whole document in memory:
// objects, then an object tree, then strings, which took 760 MB for 20,000 aims). docx writes the
// document around one marker paragraph (the cover and document control, the headers, footers,
// styles and properties); the body's parts are then built in turn, each block written as docx
// would write it (word-xml.ts), tables and deferred blocks made as they are written, and let go.
// What docx does to a whole body is done here as it goes: the headings of levels 1 and 2 are
// bookmarked and listed in the table of contents, which docx writes from them at the end.
import { BookmarkEnd, BookmarkStart, HeadingLevel, Packer, Paragraph, TableOfContents, TextRun, bookmarkUniqueNumericId, type Document, type FileChild, type IContext, type IXmlableObject } from 'docx';
import yauzl from 'yauzl';
import { DeflatedText, withHead, type DeflatedEntry } from './deflated-text.ts';
import { DeferredBlocks } from './word-blocks.ts';
import { TablePlaceholder, placeTables } from './word-table.ts';
import { elementXml } from './word-xml.ts';

export const DOCUMENT_XML = 'word/document.xml';

/** A heading the table of contents lists, with the bookmark it links to. */
export interface ContentsEntry {
  level: 1 | 2;
  text: string;
  id: number;
}

export interface BodyOptions {
  /** The text of the marker paragraph docx wrote where the body goes. */
  marker: string;
  /** The cover's tables, put in their places in what docx wrote. */
  coverTables: readonly TablePlaceholder[];
  /** The body's parts, built and written one at a time. */
  parts: ReadonlyArray<() => Iterable<FileChild>>;
  /** The document being written: its styles and sections are the context blocks are written in. */
  document: Document;
  /** The table of contents' own XML (its `w:sdt`) listing `entries`. */
  contents: (entries: readonly ContentsEntry[]) => Promise<string>;
  /** Called after each part is written. */
  afterPart: () => Promise<void>;
}

type Children = unknown[];

function childrenOf(element: IXmlableObject): Children | null {
  const name = Object.keys(element)[0];
  const value: unknown = name === undefined ? undefined : element[name];
  return Array.isArray(value) ? (value as Children) : null;
}

function named(value: unknown, name: string): value is IXmlableObject {
  return typeof value === 'object' && value !== null && Object.keys(value)[0] === name;
}

/** The text of a prepared paragraph: its runs' text. */
function textOf(element: unknown): string {
  if (typeof element !== 'object' || element === null) return '';
  const name = Object.keys(element)[0]!;
  const value: unknown = (element as IXmlableObject)[name];
  if (!Array.isArray(value)) return '';
  if (name === 'w:t') return value.filter((v): v is string => typeof v === 'string').join('');
  return value.map(textOf).join('');
}

/** A prepared paragraph's heading level when the table of contents lists it (Heading 1 or 2 with text). */
function contentsLevel(paragraph: IXmlableObject): 1 | 2 | null {
  const children = childrenOf(paragraph);
  const properties = children?.find((child) => named(child, 'w:pPr'));
  const style = properties ? childrenOf(properties)?.find((child) => named(child, 'w:pStyle')) : undefined;
  const id = style ? (style['w:pStyle'] as { _attr?: { 'w:val'?: unknown } })._attr?.['w:val'] : undefined;
  const level = id === 'Heading1' ? 1 : id === 'Heading2' ? 2 : null;
  return level !== null && textOf(paragraph).trim() !== '' ? level : null;
}

/** Bookmarks a prepared heading's content, as docx does for the table of contents to link to. */
function bookmark(paragraph: IXmlableObject, id: number, context: IContext): void {
  const children = childrenOf(paragraph)!;
  const start = children.findIndex((child) => named(child, 'w:pPr')) + 1;
  children.splice(start, 0, new BookmarkStart(`_Toc${id}`, id).prepForXml(context));
  children.push(new BookmarkEnd(id).prepForXml(context));
}

/** The text of one entry of a zip. */
export function readZipEntry(zipBytes: Buffer, name: string): Promise<string> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(zipBytes, { lazyEntries: true }, (error, zip) => {
      if (error || !zip) return reject(error ?? new Error('The Word document could not be read back.'));
      zip.on('error', reject);
      zip.on('end', () => reject(new Error(`The Word document has no ${name}.`)));
      zip.on('entry', (entry: yauzl.Entry) => {
        if (entry.fileName !== name) return zip.readEntry();
        zip.openReadStream(entry, (streamError, stream) => {
          if (streamError || !stream) return reject(streamError ?? new Error(`The Word document's ${name} could not be read.`));
          const chunks: Buffer[] = [];
          stream.on('data', (chunk: Buffer) => chunks.push(chunk));
          stream.on('error', reject);
          stream.on('end', () => {
            zip.close();
            resolve(Buffer.concat(chunks).toString('utf8'));
          });
        });
      });
      zip.readEntry();
    });
  });
}

/** Where the marker paragraph is in docx's document.xml: what goes before the body and what after. */
function aroundMarker(documentXml: string, marker: string): [string, string] {
  const at = documentXml.indexOf(marker);
  const start = Math.max(documentXml.lastIndexOf('<w:p>', at), documentXml.lastIndexOf('<w:p ', at));
  const close = documentXml.indexOf('</w:p>', at);
  if (at < 0 || start < 0 || close < 0) throw new Error('The body’s place in the Word document was not found.');
  return [documentXml.slice(0, start), documentXml.slice(close + '</w:p>'.length)];
}

/**
 * The document.xml of `shell` (docx's document with the marker where the body goes) with the body
 * written in, compressed. What comes before the table of contents is held until the end, when the
 * headings it lists are known; everything after it is compressed as it is written.
 */
export async function writeDocumentXml(shell: Buffer, options: BodyOptions): Promise<DeflatedEntry> {
  const [before, after] = aroundMarker(placeTables(await readZipEntry(shell, DOCUMENT_XML), options.coverTables), options.marker);
  const context: IContext = { file: options.document, viewWrapper: options.document.Document, stack: [] };
  const head: string[] = [before];
  const rest = new DeflatedText();
  const entries: ContentsEntry[] = [];
  let contentsSeen = false;
  let endsWithTable = false;
  const write = async (xml: string) => {
    if (contentsSeen) await rest.write(xml);
    else head.push(xml);
  };
  const writeBlock = async (block: FileChild): Promise<void> => {
    if (block instanceof DeferredBlocks) {
      for (const inner of block.build()) await writeBlock(inner);
      return;
    }
    if (block instanceof TableOfContents) {
      if (contentsSeen) throw new Error('The Word document can have only one table of contents.');
      contentsSeen = true;
      endsWithTable = false;
      return;
    }
    if (block instanceof TablePlaceholder) {
      for (const piece of block.xmlPieces()) await write(piece);
      endsWithTable = true;
      return;
    }
    const prepared = block.prepForXml(context);
    if (prepared === undefined) return;
    const level = named(prepared, 'w:p') ? contentsLevel(prepared) : null;
    if (level !== null) {
      const id = bookmarkUniqueNumericId();
      bookmark(prepared, id, context);
      entries.push({ level, text: textOf(prepared), id });
    }
    await write(elementXml(prepared));
    endsWithTable = false;
  };
  for (const part of options.parts) {
    for (const block of part()) await writeBlock(block);
    await options.afterPart();
  }
  // A table cannot end a section: Word wants a paragraph after it.
  await write(`${endsWithTable ? '<w:p/>' : ''}${after}`);
  const contents = contentsSeen ? await options.contents(entries) : '';
  return withHead(head.join('') + contents, await rest.end());
}

/**
 * The table of contents listing `entries`, written by docx from a document of their headings alone
 * (in `document`'s page and styles); its bookmarks renamed to the body's.
 */
export async function contentsXml(entries: readonly ContentsEntry[], makeDocument: (children: FileChild[]) => Document, toc: TableOfContents): Promise<string> {
  const headings = entries.map((entry) => new Paragraph({ heading: entry.level === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2, children: [new TextRun(entry.text)] }));
  const xml = await readZipEntry(await Packer.toBuffer(makeDocument([toc, ...headings])), DOCUMENT_XML);
  const start = xml.indexOf('<w:sdt>');
  const end = xml.indexOf('</w:sdt>');
  if (start < 0 || end < 0) throw new Error('The Word document’s table of contents could not be written.');
  const sdt = xml.slice(start, end + '</w:sdt>'.length);
  // docx numbered the bookmarks of that document in the headings' order, as the body's were.
  const ids = [...new Set([...sdt.matchAll(/_Toc(\d+)/g)].map((m) => Number(m[1])))].sort((a, b) => a - b);
  const renamed = new Map(ids.map((id, index) => [id, entries[index]?.id ?? id]));
  return sdt.replace(/_Toc(\d+)/g, (_, id: string) => `_Toc${renamed.get(Number(id)) ?? id}`);
}
