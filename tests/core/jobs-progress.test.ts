// Long jobs report progress while they run: a census import read in chunks shows its bytes going
// up, then the saving stage, and the job is forgotten when it ends.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp-dir.ts';
import { SAMPLE_DETAILS, expectOk, testCore } from '../helpers/test-core.ts';
import type { WorkbookInfo } from '../../shared/api/workbook.ts';

function bigCensusCsv(rows: number): string {
  const header = 'date,geography,geography code,Ethnic group: Total: All usual residents,Ethnic group: White,Ethnic group: Other';
  const lines = [header];
  for (let i = 0; i < rows; i += 1) lines.push(`2021,Area ${i},E01${String(i).padStart(6, '0')},100,60,40`);
  return `${lines.join('\n')}\n`;
}

describe('job progress', () => {
  it('a census import reports its stages and bytes while it runs, and nothing once done', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'census2021-ts021-lsoa.csv');
    fs.writeFileSync(file, bigCensusCsv(60_000));
    const core = testCore();
    const info = await expectOk<WorkbookInfo>(core, 'createWorkbook', { path: path.join(dir, 'w.ewb'), details: SAMPLE_DETAILS });
    const jobId = '12345678-1234-4123-8123-123456789abc';
    const seen: Array<{ stage: string; done: number; total: number }> = [];
    const running = core.call('importCensus', { handle: info.handle, source: file, jobId });
    let settled = false;
    void running.then(() => (settled = true));
    while (!settled) {
      const progress = await expectOk<{ stage: string; done: number; total: number } | null>(core, 'getJobProgress', { jobId });
      if (progress) seen.push(progress);
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
    expect((await running).ok).toBe(true);
    const reading = seen.filter((p) => p.stage === 'Reading the file');
    expect(reading.length).toBeGreaterThan(1);
    expect(reading.at(-1)!.total).toBe(fs.statSync(file).size);
    expect(reading.map((p) => p.done)).toEqual([...reading.map((p) => p.done)].sort((a, b) => a - b));
    expect(await expectOk(core, 'getJobProgress', { jobId })).toBeNull();
    core.closeAll();
  });
});
