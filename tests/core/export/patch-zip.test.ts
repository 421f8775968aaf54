// Patching a zip: the entries changed or added have their new text, every other entry comes back
// byte for byte, and the result is a zip other readers open (ExcelJS, and LibreOffice in the export tests).
import { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { patchZip } from '../../../electron/core/export/patch-zip.ts';
import { unzip } from '../../helpers/word-document.ts';

async function smallXlsx(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const stream = new Writable({ write: (chunk: Buffer, _encoding, done) => (chunks.push(chunk), done()) });
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: true });
  const sheet = book.addWorksheet('Data');
  for (let n = 0; n < 500; n += 1) sheet.addRow([`Row ${n}`, n]).commit();
  sheet.commit();
  await book.commit();
  return Buffer.concat(chunks);
}

describe('patchZip', () => {
  it('changes and adds the entries named, copies the rest as they were, and the result still opens', async () => {
    const original = await smallXlsx();
    const before = await unzip(original);
    const patched = await patchZip(original, {
      'docProps/app.xml': (xml) => (xml ?? '').replace('</Properties>', '<Company>Test</Company></Properties>'),
      'docProps/extra.xml': (xml) => `<extra was="${xml === null ? 'absent' : 'present'}"/>`,
    });
    const after = await unzip(patched);
    expect([...after.keys()]).toEqual([...before.keys(), 'docProps/extra.xml']);
    for (const [name, text] of before) if (name !== 'docProps/app.xml') expect(after.get(name), name).toBe(text);
    expect(after.get('docProps/app.xml')).toContain('<Company>Test</Company></Properties>');
    expect(after.get('docProps/extra.xml')).toBe('<extra was="absent"/>');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(patched as unknown as ArrayBuffer);
    expect(book.getWorksheet('Data')?.getCell('A500').value).toBe('Row 499');
  });
});
