// The crime tables of an opened workbook are checked like every other value: a force the reference
// data does not know, counts of a crime type police.uk does not publish or with a code that is no
// LSOA, and a citation of an unknown crime type are each reported with a repair that works.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkValues } from '../../../electron/core/db/check-values.ts';
import { openReadOnly } from '../../../electron/core/db/open-database.ts';
import type { RepairReport } from '../../../shared/api/value-check.ts';
import type { WorkbookInfo } from '../../../shared/api/workbook.ts';
import { tamper } from '../../helpers/tampered-workbook.ts';
import { tempDir } from '../../helpers/temp-dir.ts';
import { SAMPLE_DETAILS, expectOk, testCore } from '../../helpers/test-core.ts';
import { streetCsv } from '../../helpers/police-csv.ts';

async function workbookWithCrime(): Promise<string> {
  const dir = tempDir();
  const core = testCore();
  const info = await expectOk<WorkbookInfo>(core, 'createWorkbook', { path: path.join(dir, 'w.ewb'), details: SAMPLE_DETAILS });
  const audience = await expectOk<{ id: string }>(core, 'createRecord', { handle: info.handle, type: 'audience', values: { name: 'Traders', kind: 'businesses', engagementState: 'receptive', priority: 'high' } });
  const csv = path.join(dir, 'kent-street.csv');
  fs.writeFileSync(csv, streetCsv([
    { month: '2024-01', force: 'Kent Police', lsoa: 'E01024133', type: 'Shoplifting' },
    { month: '2024-01', force: 'Kent Police', lsoa: 'E01024134', type: 'Burglary' },
    { month: '2024-02', force: 'Essex Police', lsoa: 'E01024134', type: 'Burglary' },
  ]));
  await expectOk(core, 'importCrime', { handle: info.handle, sources: [csv] });
  await expectOk(core, 'linkCrimeTrend', { handle: info.handle, audienceId: audience.id, areaId: null, crimeType: 'shoplifting', comparison: 'previous' });
  core.closeAll();
  return info.path;
}

function problemsOf(file: string) {
  const db = openReadOnly(file);
  try {
    return checkValues(db);
  } finally {
    db.close();
  }
}

describe('checking crime values', () => {
  it('reports nothing for a workbook with crime imported and a trend cited', async () => {
    expect(problemsOf(await workbookWithCrime()).total).toBe(0);
  });

  it('reports an unknown force, crime type and LSOA code and a citation of an unknown type, and repairs them', async () => {
    const file = await workbookWithCrime();
    tamper(file, (db) => {
      db.prepare("UPDATE crime_batch SET force_id = 'narnia' WHERE month = '2024-02'").run();
      db.prepare("UPDATE crime_count SET crime_type = 'knitting' WHERE lsoa_code = 'E01024133'").run();
      db.prepare("UPDATE crime_count SET lsoa_code = 'nowhere' WHERE crime_type = 'burglary' AND batch_id = (SELECT id FROM crime_batch WHERE month = '2024-01')").run();
      db.prepare("UPDATE crime_trend_link SET crime_type = 'jaywalking'").run();
    });
    const report = problemsOf(file);
    expect(report.problems.map((p) => [p.recordType, p.field, p.message, p.repair])).toEqual([
      ['crimeBatch', 'crimeType', '1 count is of a crime type police.uk does not publish', 'Remove those counts'],
      ['crimeBatch', 'lsoaCode', '1 count has an LSOA code that is not one (a letter and eight digits)', 'Remove those counts'],
      ['crimeBatch', 'forceId', '“narnia” is not a UK police force', 'Remove this force-month; import it again from police.uk'],
      ['crimeTrendLink', 'crimeType', '“jaywalking” is not a police.uk crime type', 'Remove the citation'],
    ]);
    const core = testCore();
    const repaired = await expectOk<RepairReport>(core, 'repairWorkbook', { path: file, apply: true });
    expect(repaired.remaining.total).toBe(0);
    expect(problemsOf(file).total).toBe(0);
  });
});
