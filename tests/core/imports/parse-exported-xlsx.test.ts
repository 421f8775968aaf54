// A workbook's own Excel export read back by the importer: its drop-downs cover whole columns to
// Excel's last row, which ExcelJS would expand into a million cells each; the importer leaves data
// validations out, so the file reads at once and in little memory.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportExcel } from '../../../electron/core/export/export-excel.ts';
import { parseXlsxFile } from '../../../electron/core/imports/parse-tabular.ts';
import { fullWorkbookJson, makeData } from '../../helpers/strategy-workbook.ts';
import { tempDir } from '../../helpers/temp-dir.ts';

describe('reading an xlsx with whole-column drop-downs', () => {
  it('reads our own export, its validations left aside', async () => {
    const file = path.join(tempDir(), 'export.xlsx');
    fs.writeFileSync(file, await exportExcel(await makeData(fullWorkbookJson()), () => {}));
    const before = process.memoryUsage().rss;
    const data = await parseXlsxFile(file, { mode: 'all', sheet: 'Audiences' });
    const audiences = data.sheets.find((sheet) => sheet.name === 'Audiences');
    // The marking's row is the first non-empty row, so it is taken as the header; the data follow.
    expect(audiences?.rows.some((row) => row.includes('Young people'))).toBe(true);
    expect(process.memoryUsage().rss - before).toBeLessThan(200 * 1024 * 1024);
  });
});
