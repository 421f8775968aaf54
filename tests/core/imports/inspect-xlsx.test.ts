// The XLSX guards: each refuses its file with a message naming the file and the reason, before
// ExcelJS sees it, through inspectXlsx itself and through the core's preview and import, with
// nothing stored. The zips are made here: a tiny zip writer, and real ExcelJS workbooks edited.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CensusTable } from '../../../shared/api/census.ts';
import type { WorkbookInfo } from '../../../shared/api/workbook.ts';
import { XLSX_LIMITS, inspectXlsx } from '../../../electron/core/imports/inspect-xlsx.ts';
import { tempDir } from '../../helpers/temp-dir.ts';
import { SAMPLE_DETAILS, expectOk, testCore } from '../../helpers/test-core.ts';
import { buildZip, looseBytes, markEncrypted, realXlsx, renameEntry } from './zip-fixtures.ts';

const MIB = 1024 * 1024;

interface GuardCase {
  title: string;
  fileName: string;
  make: () => Promise<Buffer> | Buffer;
  /** Written as a sparse file of this size instead (for the size limit). */
  sparseBytes?: number;
  message: RegExp;
}

const CASES: GuardCase[] = [
  {
    title: 'a file over 50 MB on disk',
    fileName: 'huge.xlsx',
    make: () => Buffer.from('PK\u0003\u0004'),
    sparseBytes: 51 * MIB,
    message: /"huge\.xlsx" is too large to import \(51 MB; the limit for Excel files is 50 MB\)/,
  },
  {
    title: 'a file that is not a zip (a CSV under an .xlsx name)',
    fileName: 'wards.xlsx',
    make: () => Buffer.from('Ward code,Households\nE05000001,120\n'),
    message: /"wards\.xlsx" was not opened: it is not an Excel workbook \(an \.xlsx file is a zip, and this file is not one/,
  },
  {
    title: 'an Excel 97–2003 file or a password-protected workbook',
    fileName: 'protected.xlsx',
    make: () => Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]),
    message: /"protected\.xlsx" was not opened: .*older Excel 97–2003 workbook \(\.xls\), or an \.xlsx protected with a password\. .*remove any password/,
  },
  {
    title: 'a zip cut short',
    fileName: 'cut.xlsx',
    make: async () => {
      const whole = await realXlsx();
      return whole.subarray(0, Math.floor(whole.length / 2));
    },
    message: /"cut\.xlsx" was not opened: it is not a readable zip, so not a whole Excel workbook \(.+\); it may have been cut short/,
  },
  {
    title: 'more than 1,000 entries',
    fileName: 'many.xlsx',
    make: () => buildZip(Array.from({ length: 1001 }, (_, i) => ({ name: `xl/part${i}.xml`, data: Buffer.from('<x/>'), method: 0 as const }))),
    message: /"many\.xlsx" was not opened: it holds 1,001 parts inside \(the limit is 1,000; a workbook needs a few dozen\)/,
  },
  {
    title: 'more than 100 MB uncompressed in all',
    fileName: 'vast.xlsx',
    // 2 MB stored, said to unpack to 101 MB: 50:1, under the ratio limit, over the total.
    make: () => buildZip([{ name: 'xl/worksheets/sheet1.xml', stored: looseBytes(2 * MIB), statedUncompressed: 101 * MIB }]),
    message: /"vast\.xlsx" was not opened: its parts unpack to more than 100 MB in all \(the limit\)/,
  },
  {
    title: 'an entry compressed more than 100:1 (10 MB of zeros)',
    fileName: 'bomb.xlsx',
    make: () => buildZip([{ name: '[Content_Types].xml', data: Buffer.from('<Types/>') }, { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(10 * MIB) }]),
    message: /"bomb\.xlsx" was not opened: its part "xl\/worksheets\/sheet1\.xml" unpacks from [\d,]+ bytes to 10 MB \(packed [\d,]+:1; the limit is 100:1\), which is how a zip bomb is built/,
  },
  {
    title: 'an entry that unpacks to more than it states',
    fileName: 'liar.xlsx',
    make: () => buildZip([{ name: 'xl/sharedStrings.xml', data: Buffer.alloc(200_000), statedUncompressed: 5_000 }]),
    message: /"liar\.xlsx" was not opened: its part "xl\/sharedStrings\.xml" unpacks to more than the 5,000 bytes it states/,
  },
  {
    title: 'encrypted entries (a real workbook with its parts marked encrypted)',
    fileName: 'locked.xlsx',
    make: async () => markEncrypted(await realXlsx()),
    message: /"locked\.xlsx" was not opened: its part ".+" is encrypted\. .*remove any password/,
  },
  {
    title: 'an entry with an absolute path',
    fileName: 'absolute.xlsx',
    make: () => buildZip([{ name: '/etc/cron.d/job', data: Buffer.from('* * * * * root true') }]),
    message: /"absolute\.xlsx" was not opened: it holds a part with an absolute path \("\/etc\/cron\.d\/job"\)/,
  },
  {
    title: 'an entry with a Windows drive path',
    fileName: 'drive.xlsx',
    make: () => buildZip([{ name: 'C:/Windows/evil.xml', data: Buffer.from('<x/>') }]),
    message: /"drive\.xlsx" was not opened: it holds a part with an absolute path \("C:\/Windows\/evil\.xml"\)/,
  },
  {
    title: 'an entry named with ".." (a real workbook with a part renamed)',
    fileName: 'climb.xlsx',
    make: async () => renameEntry(await realXlsx(), 'xl/styles.xml', '../styles.xml'),
    message: /"climb\.xlsx" was not opened: it holds a part whose name climbs out of the workbook with "\.\." \("\.\.\/styles\.xml"\)/,
  },
];

async function writeCase(dir: string, guard: GuardCase): Promise<string> {
  const file = path.join(dir, guard.fileName);
  fs.writeFileSync(file, await guard.make());
  if (guard.sparseBytes) fs.truncateSync(file, guard.sparseBytes);
  return file;
}

describe('inspecting an XLSX before it is read', () => {
  it('passes a real workbook and counts its parts', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'wards.xlsx');
    fs.writeFileSync(file, await realXlsx());
    const summary = await inspectXlsx(file);
    expect(summary.entries).toBeGreaterThan(5);
    expect(summary.uncompressedBytes).toBeGreaterThan(summary.compressedBytes);
    expect(summary.uncompressedBytes).toBeLessThan(XLSX_LIMITS.maxUncompressedBytes);
  });

  it.each(CASES)('refuses $title', async (guard) => {
    const file = await writeCase(tempDir(), guard);
    const refusal = inspectXlsx(file);
    await expect(refusal).rejects.toMatchObject({ code: 'invalid-input' });
    await expect(refusal).rejects.toThrow(guard.message);
    await expect(refusal).rejects.toThrow(/Nothing was imported\.$/);
  });

  it('refuses more than the limit uncompressed when every part tells the truth', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'honest.xlsx');
    fs.writeFileSync(file, buildZip([0, 1, 2].map((i) => ({ name: `xl/part${i}.xml`, data: looseBytes(400_000, i + 1) }))));
    await expect(inspectXlsx(file, { ...XLSX_LIMITS, maxUncompressedBytes: 1 * MIB })).rejects.toThrow(/its parts unpack to more than 1\.0 MB in all/);
    await expect(inspectXlsx(file)).resolves.toMatchObject({ entries: 3, uncompressedBytes: 1_200_000 });
  });
});

describe('the guards at the core boundary', () => {
  it.each(CASES)('preview and import refuse $title, and nothing is stored', async (guard) => {
    const dir = tempDir();
    const core = testCore();
    const info = await expectOk<WorkbookInfo>(core, 'createWorkbook', { path: path.join(dir, 'Plan.ewb'), details: SAMPLE_DETAILS });
    const source = await writeCase(dir, guard);

    const preview = await core.call('previewTabularFile', { handle: info.handle, source });
    expect(preview.ok).toBe(false);
    if (!preview.ok) expect(preview.error).toMatchObject({ code: 'invalid-input', message: expect.stringMatching(guard.message) });

    const imported = await core.call('importMappedTable', {
      handle: info.handle,
      source,
      geographyColumn: 'Ward code',
      valueColumns: ['Households'],
      code: 'LOCAL1',
      title: 'Households',
      sourceDescription: 'Council housing survey 2024',
    });
    expect(imported.ok).toBe(false);
    if (!imported.ok) expect(imported.error).toMatchObject({ code: 'invalid-input', message: expect.stringMatching(guard.message) });

    expect(await expectOk<CensusTable[]>(core, 'listCensusTables', { handle: info.handle })).toEqual([]);
    expect(core.deps.log.errors).toEqual([]);
    core.closeAll();
  });
});
