// `ewb export` as a user runs it: both deliverables from a workbook made from an interchange file,
// personal data only with --personal, unknown sections and missing outputs refused.
import fs from 'node:fs';
import path from 'node:path';
import mammoth from 'mammoth';
import { loadWorkbook } from '../helpers/excel-file.ts';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp-dir.ts';
import { runEwb as ewb } from '../helpers/cli-in-child.ts';

const T = '2026-01-01T00:00:00.000Z';

function makeWorkbook(dir: string): string {
  const json = {
    format: 'engagement-workbook',
    version: 3,
    personal: true,
    workbook: { id: '00000000-0000-4000-8000-000000000000', force: 'kent', title: 'Kent strategy', periodStart: '2027-04-01', periodEnd: '2030-03-31', author: 'Alex Planner', versionLabel: 'Draft 3', marking: 'OFFICIAL-SENSITIVE', reviewDate: null, createdAt: T, modifiedAt: T },
    records: {
      asset: [{ id: '10000000-0000-4000-8000-000000000001', createdAt: T, updatedAt: T, reviewedAt: null, shareable: true, notes: '', kind: 'individual', name: 'Imam, Central Mosque', role: 'Imam', personName: 'Abdul Rahman', phone: '07700 900123', email: 'imam@example.invalid', specialCategoryNote: '', relationship: 'strong', lastContact: '2026-09-12', audienceIds: [], areaIds: [] }],
    },
  };
  fs.writeFileSync(path.join(dir, 'in.json'), JSON.stringify(json));
  const file = path.join(dir, 'kent.ewb');
  expect(ewb(['new', file, '--from', path.join(dir, 'in.json')]).code).toBe(0);
  return file;
}

describe('ewb export', () => {
  it('writes both deliverables, leaving personal data out unless asked for', async () => {
    const dir = tempDir();
    const file = makeWorkbook(dir);
    const result = ewb(['export', file, '--word', path.join(dir, 'out.docx'), '--excel', path.join(dir, 'out.xlsx')]);
    expect(result.code, result.err).toBe(0);
    expect(result.out).toMatch(/Wrote .*out\.docx \(Word strategy document/);
    const text = (await mammoth.extractRawText({ path: path.join(dir, 'out.docx') })).value;
    expect(text).toContain('Kent strategy');
    expect(text).not.toContain('Abdul Rahman');
    expect(text).not.toContain('Alex Planner');
    // Its drop-downs reach Excel's last row, which ExcelJS would expand cell by cell: read without them.
    const book = await loadWorkbook(fs.readFileSync(path.join(dir, 'out.xlsx')));
    const cells = book.worksheets.flatMap((sheet) => sheet.getSheetValues().flat().map(String));
    expect(cells.join(' ')).not.toContain('07700 900123');

    expect(ewb(['export', file, '--word', path.join(dir, 'p.docx'), '--personal']).code).toBe(0);
    expect((await mammoth.extractRawText({ path: path.join(dir, 'p.docx') })).value).toContain('Abdul Rahman');
  });

  it('refuses an unknown section, no output, and a wrong extension — writing nothing', () => {
    const dir = tempDir();
    const file = makeWorkbook(dir);
    expect(ewb(['export', file, '--word', path.join(dir, 'a.docx'), '--sections', 'aims,martians']).err).toMatch(/unknown section martians/);
    expect(ewb(['export', file]).err).toMatch(/--word OUT\.docx, --excel OUT\.xlsx, or both/);
    expect(ewb(['export', file, '--word', path.join(dir, 'a.txt')]).err).toMatch(/should end in \.docx/);
    expect(fs.readdirSync(dir).sort()).toEqual(['in.json', 'kent.ewb']);
    expect(ewb(['export', '--help']).out).toMatch(/aims \(Purpose: aims and objectives\), who/);
  });
});
