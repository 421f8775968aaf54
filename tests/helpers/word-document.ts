// Reading a Word document back without the docx package: the zip opened with yauzl and its XML
// parts read as text — paragraphs with their styles, headings, tables as rows of cell texts.
import yauzl from 'yauzl';
import { exportWord } from '../../electron/core/export/export-word.ts';
import type { ExportData } from '../../electron/core/export/export-data.ts';
import type { Progress } from '../../electron/core/jobs/job-progress.ts';

export function unzip(bytes: Buffer): Promise<Map<string, string>> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(bytes, { lazyEntries: true }, (error, zip) => {
      if (error || !zip) return reject(error ?? new Error('no zip'));
      const files = new Map<string, string>();
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (streamError, stream) => {
          if (streamError || !stream) return reject(streamError ?? new Error('no stream'));
          const chunks: Buffer[] = [];
          stream.on('data', (chunk: Buffer) => chunks.push(chunk));
          stream.on('end', () => {
            files.set(entry.fileName, Buffer.concat(chunks).toString('utf8'));
            zip.readEntry();
          });
          stream.on('error', reject);
        });
      });
      zip.on('end', () => resolve(files));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

function decode(xml: string): string {
  return xml
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&amp;/g, '&');
}

/** The text of an XML fragment's w:t runs. */
export function textOf(xml: string): string {
  return [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => decode(m[1] ?? '')).join('');
}

export function paragraphs(xml: string): string[] {
  return [...xml.matchAll(/<w:p(?:\s[^>]*)?>[\s\S]*?<\/w:p>/g)].map((m) => m[0]);
}

function styleOf(paragraph: string): string | null {
  return /<w:pStyle w:val="([^"]+)"\/>/.exec(paragraph)?.[1] ?? null;
}

export interface ParsedDocx {
  files: Map<string, string>;
  document: string;
  /** The body's paragraphs in order (outside and inside tables), with their style. */
  body: Array<{ style: string | null; text: string }>;
  headings: Array<{ level: number; text: string }>;
  tables: Array<{ xml: string; rows: string[][] }>;
  text: string;
}

export async function readDocx(bytes: Buffer): Promise<ParsedDocx> {
  const files = await unzip(bytes);
  const document = files.get('word/document.xml') ?? '';
  const body = paragraphs(document).map((p) => ({ style: styleOf(p), text: textOf(p) }));
  const headings = body.flatMap((p) => {
    const level = /^Heading(\d)$/.exec(p.style ?? '')?.[1];
    return level ? [{ level: Number(level), text: p.text }] : [];
  });
  const tables = [...document.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((m) => ({
    xml: m[0],
    rows: [...m[0].matchAll(/<w:tr(?:\s[^>]*)?>[\s\S]*?<\/w:tr>/g)].map((row) => [...row[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((cell) => paragraphs(cell[0]).map(textOf).join('\n'))),
  }));
  return { files, document, body, headings, tables, text: body.map((p) => p.text).join('\n') };
}

export function tableWithHeader(docx: ParsedDocx, first: string, second: string): string[][] {
  const found = docx.tables.find((t) => t.rows[0]?.[0] === first && t.rows[0]?.[1] === second);
  if (!found) throw new Error(`No table with header ${first} · ${second}: ${docx.tables.map((t) => t.rows[0]?.join(' · ')).join(' | ')}`);
  return found.rows;
}

export function headersAndFooters(docx: ParsedDocx): Array<[string, string]> {
  return [...docx.files].filter(([name]) => /^word\/(header|footer)\d*\.xml$/.test(name));
}

export async function exportOf(data: ExportData, reports: Progress[] = []): Promise<{ bytes: Buffer; docx: ParsedDocx }> {
  const bytes = await exportWord(data, (p) => reports.push(p));
  return { bytes, docx: await readDocx(bytes) };
}
