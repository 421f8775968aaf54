// Reading an exported .xlsx back: its XML parts as text, each sheet's data validations as written
// (a range reaching Excel's last row stays one range), and the workbook through ExcelJS — which
// would expand such a range into a million cells, so it is given the file without them.
import ExcelJS from 'exceljs';
import { unzip } from './word-document.ts';

export interface WrittenValidation {
  sqref: string;
  type: string;
  attributes: Record<string, string>;
  formula1: string | null;
}

/** Each sheet's XML part by the sheet's name. */
export async function sheetParts(xlsx: Buffer): Promise<{ files: Map<string, string>; byName: Map<string, string> }> {
  const files = await unzip(xlsx);
  const workbook = files.get('xl/workbook.xml') ?? '';
  const rels = files.get('xl/_rels/workbook.xml.rels') ?? '';
  const targets = new Map([...rels.matchAll(/<Relationship [^>]*Id="([^"]+)"[^>]*Target="([^"]+)"/g)].map((m) => [m[1]!, m[2]!.replace(/^\/?(xl\/)?/, 'xl/')]));
  const byName = new Map([...workbook.matchAll(/<sheet [^>]*name="([^"]+)"[^>]*r:id="([^"]+)"/g)].map((m) => [m[1]!.replace(/&apos;/g, "'").replace(/&amp;/g, '&'), targets.get(m[2]!) ?? '']));
  return { files, byName };
}

/** The data validations a sheet's XML holds, as written. */
export async function writtenValidations(xlsx: Buffer, sheet: string): Promise<WrittenValidation[]> {
  const { files, byName } = await sheetParts(xlsx);
  const xml = files.get(byName.get(sheet) ?? '') ?? '';
  return [...xml.matchAll(/<dataValidation ([^>]*?)(?:\/>|>([\s\S]*?)<\/dataValidation>)/g)].map((m) => {
    const attributes = Object.fromEntries([...m[1]!.matchAll(/(\w+)="([^"]*)"/g)].map((a) => [a[1]!, a[2]!]));
    return { sqref: attributes.sqref ?? '', type: attributes.type ?? 'any', attributes, formula1: /<formula1>([\s\S]*?)<\/formula1>/.exec(m[2] ?? '')?.[1] ?? null };
  });
}

/** The workbook as ExcelJS reads it, leaving out its data validations (see above). */
export async function loadWorkbook(xlsx: Buffer): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(xlsx as unknown as ArrayBuffer, { ignoreNodes: ['dataValidations'] });
  return book;
}
