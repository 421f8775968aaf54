// The receptivity grid in a workbook edited behind the app's back: a note holding characters that
// cannot be printed is found on opening and repaired; a cell for an audience whose id was written
// in capitals follows the audience when the repair writes the id in lower case.
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { CheckReport, WorkbookInfo } from '../../../shared/api/workbook.ts';
import type { RepairReport } from '../../../shared/api/value-check.ts';
import { tempDir } from '../../helpers/temp-dir.ts';
import { tamper } from '../../helpers/tampered-workbook.ts';
import { SAMPLE_DETAILS, expectOk, testCore } from '../../helpers/test-core.ts';

async function gridWorkbook(): Promise<{ file: string; audience: string; channel: string }> {
  const core = testCore();
  const file = path.join(tempDir(), 'Grid.ewb');
  const { handle } = await expectOk<WorkbookInfo>(core, 'createWorkbook', { path: file, details: SAMPLE_DETAILS });
  const audience = (await expectOk<{ id: string }>(core, 'createRecord', { handle, type: 'audience', values: { name: 'Young people', kind: 'young-people', engagementState: 'receptive', priority: 'high' } })).id;
  const channel = (await expectOk<{ id: string }>(core, 'createRecord', { handle, type: 'channel', values: { name: 'Instagram', kind: 'social-media', status: 'have' } })).id;
  await expectOk(core, 'setReceptivity', { handle, audienceId: audience, channelId: channel, value: 'yes', note: 'Youth forum' });
  core.closeAll();
  return { file, audience, channel };
}

function cells(file: string): unknown[] {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare('SELECT * FROM receptivity').all();
  } finally {
    db.close();
  }
}

describe('the receptivity grid’s values on opening', () => {
  it('finds a note with characters that cannot be printed, and the repair removes them', async () => {
    const { file, audience, channel } = await gridWorkbook();
    tamper(file, (db) => db.prepare('UPDATE receptivity SET note = ?').run('Youth\u0007 forum'));
    const core = testCore();
    const check = await expectOk<CheckReport>(core, 'checkWorkbook', { path: file });
    expect(check.values?.problems).toEqual([
      expect.objectContaining({ recordType: 'receptivity', recordLabel: 'Who listens where', title: 'Young people on Instagram', field: 'note', message: 'holds control characters that cannot be printed', repair: 'Remove the characters that cannot be printed' }),
    ]);
    const { info } = await expectOk<{ info: WorkbookInfo }>(core, 'openWorkbook', { path: file });
    expect(info.readOnly).toBe(true);
    core.closeAll();
    const report = await expectOk<RepairReport>(core, 'repairWorkbook', { path: file, apply: true });
    expect(report.remaining.total).toBe(0);
    expect(cells(file)).toEqual([{ audience_id: audience, channel_id: channel, value: 'yes', note: 'Youth forum' }]);
  });

  it('removes a cell that would say nothing once its note is cleaned', async () => {
    const { file } = await gridWorkbook();
    tamper(file, (db) => db.prepare("UPDATE receptivity SET value = 'unknown', note = ?").run('\u0001\u0002'));
    const core = testCore();
    await expectOk(core, 'repairWorkbook', { path: file, apply: true });
    expect(cells(file)).toEqual([]);
    expect((await expectOk<CheckReport>(core, 'checkWorkbook', { path: file })).values?.total).toBe(0);
  });

  it('keeps a cell with its audience when the audience’s id is put back in lower case', async () => {
    const { file, audience, channel } = await gridWorkbook();
    tamper(file, (db) => {
      db.prepare('UPDATE audience SET id = ? WHERE id = ?').run(audience.toUpperCase(), audience);
      db.prepare('UPDATE receptivity SET audience_id = ? WHERE audience_id = ?').run(audience.toUpperCase(), audience);
    });
    const core = testCore();
    const report = await expectOk<RepairReport>(core, 'repairWorkbook', { path: file, apply: true });
    expect(report.remaining.total).toBe(0);
    expect(cells(file)).toEqual([{ audience_id: audience, channel_id: channel, value: 'yes', note: 'Youth forum' }]);
    const { info } = await expectOk<{ info: WorkbookInfo }>(core, 'openWorkbook', { path: file });
    expect(info.readOnly).toBe(false);
    expect(await expectOk(core, 'listReceptivity', { handle: info.handle })).toEqual([{ audienceId: audience, channelId: channel, value: 'yes', note: 'Youth forum' }]);
    core.closeAll();
  });
});
