// Text that starts like a formula in the Excel working copy: every such cell held as text by its
// style, with Excel's quote prefix, its text as typed, and no cell holding a formula.
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { INJECTIONS, id, injectionId, exportedWorkbook } from '../../helpers/excel-export-workbook.ts';
import { sheetParts } from '../../helpers/excel-file.ts';
import { rowOf, sheet } from '../../helpers/excel-sheets.ts';

let book: ExcelJS.Workbook;
let buffer: Buffer;

beforeAll(async () => {
  ({ buffer, book } = await exportedWorkbook(false));
});

describe('Excel export: spreadsheet injection', () => {
  for (const [index, [character, text]] of INJECTIONS.entries()) {
    it(`holds text starting with ${character} as text, as typed`, () => {
      const ws = sheet(book, 'Audiences');
      const row = rowOf(ws, injectionId(index));
      const name = ws.getCell(row, 1);
      // As typed (line breaks are written as LF: a bare CR does not survive XML), no apostrophe added.
      const typed = text.replace(/\r/g, '\n');
      expect(name.value).toBe(typed);
      expect(name.type).toBe(ExcelJS.ValueType.String);
      expect(name.numFmt).toBe('@');
      const notes = ws.getCell(row, 13);
      expect(notes.value).toBe(typed);
      expect(notes.numFmt).toBe('@');
    });
  }

  it('gives every text-format style Excel’s quote prefix, so a value that starts like a formula is never evaluated, even when edited', async () => {
    const { files } = await sheetParts(buffer);
    const cellXfs = /<cellXfs\b[\s\S]*?<\/cellXfs>/.exec(files.get('xl/styles.xml') ?? '')?.[0] ?? '';
    const text = [...cellXfs.matchAll(/<xf\b[^>]*>/g)].map((m) => m[0]).filter((xf) => xf.includes('numFmtId="49"'));
    expect(text.length).toBeGreaterThan(0);
    for (const xf of text) expect(xf).toContain('quotePrefix="1"');
    expect([...cellXfs.matchAll(/<xf\b[^>]*>/g)].filter((m) => m[0].includes('quotePrefix') && !m[0].includes('numFmtId="49"'))).toEqual([]);
    // No cell holds a formula.
    for (const [name, xml] of files) if (name.startsWith('xl/worksheets/')) expect(xml, name).not.toMatch(/<f[ >]/);
  });

  it('leaves harmless text as it was, in the general style', () => {
    const ws = sheet(book, 'Audiences');
    const row = rowOf(ws, id(8, 99));
    expect(ws.getCell(row, 1).value).toBe('Plain name, no formula');
    expect(ws.getCell(row, 1).numFmt).not.toBe('@');
    expect(ws.getCell(row, 13).value).toBe('A - B = C');
  });
});
