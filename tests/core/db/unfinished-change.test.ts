// A journal beside a workbook is checked on a copy before SQLite may undo it in the file: a
// stranger's journal that would turn the file into something hostile is refused with the file and
// the journal byte-for-byte as they were; a real unfinished change is undone and the workbook opens.
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { callsInChild } from '../../helpers/calls-in-child.ts';
import Database from 'better-sqlite3';
import { beforeEach, describe, expect, it } from 'vitest';
import { lockPathFor } from '../../../electron/core/workbook/workbook-lock.ts';
import { plantJournal } from '../../helpers/plant-journal.ts';
import { tempDir } from '../../helpers/temp-dir.ts';
import { SAMPLE_DETAILS, expectOk, testCore } from '../../helpers/test-core.ts';
import type { CheckReport, WorkbookInfo } from '../../../shared/api/workbook.ts';
import { sha } from '../../helpers/file-sha.ts';

let dir: string;
let good: string;

beforeEach(async () => {
  dir = tempDir();
  good = path.join(dir, 'good.ewb');
  const core = testCore();
  await expectOk<WorkbookInfo>(core, 'createWorkbook', { path: good, details: SAMPLE_DETAILS });
  core.closeAll();
});

/** A workbook whose journal, once undone, gives the workbook plus a trigger nobody asked for. */
function strangersJournal(): string {
  const hostile = path.join(dir, 'hostile-source.ewb');
  fs.copyFileSync(good, hostile);
  const db = new Database(hostile);
  db.exec(`CREATE TRIGGER planted AFTER UPDATE ON workbook BEGIN UPDATE workbook SET title = 'owned'; END;`);
  db.close();
  const file = path.join(dir, 'Plan.ewb');
  plantJournal(hostile, file, 'DROP TRIGGER planted');
  return file;
}

describe('a journal beside a workbook', () => {
  it('made to plant a trigger: refused for editing, reading and checking, file and journal unchanged', async () => {
    const file = strangersJournal();
    const journal = `${file}-journal`;
    // The file on its own is a sound workbook; only undoing the journal makes it hostile.
    const plain = path.join(dir, 'plain.ewb');
    fs.copyFileSync(file, plain);
    const core = testCore();
    expect((await expectOk<CheckReport>(core, 'checkWorkbook', { path: plain })).ok).toBe(true);
    const before = { file: sha(file), journal: sha(journal) };

    const editing = await core.call('openWorkbook', { path: file });
    expect(!editing.ok && editing.error.code).toBe('not-a-workbook');
    expect(!editing.ok && editing.error.message).toMatch(/"Plan\.ewb" is not a workbook as Engagement Workbook makes them: .*planted/);
    const reading = await core.call('openWorkbook', { path: file, readOnly: true });
    expect(!reading.ok && reading.error.code).toBe('not-a-workbook');
    const report = await expectOk<CheckReport>(core, 'checkWorkbook', { path: file });
    expect(report.ok).toBe(false);
    expect(report.problems.join(' ')).toMatch(/planted/);

    expect({ file: sha(file), journal: sha(journal) }).toEqual(before);
    expect(fs.existsSync(lockPathFor(file))).toBe(false);
    core.closeAll();
  });

  it('left by a change that was cut short: checked, undone, and the workbook opens as last saved', async () => {
    const file = path.join(dir, 'Plan.ewb');
    plantJournal(good, file, `UPDATE workbook SET title = 'half-written'`);
    const core = testCore();
    // Read-only: the copy is recovered, the file and its journal are not touched.
    const before = { file: sha(file), journal: sha(`${file}-journal`) };
    const read = await expectOk<{ info: WorkbookInfo }>(core, 'openWorkbook', { path: file, readOnly: true });
    expect(read.info.meta.title).toBe(SAMPLE_DETAILS.title);
    expect({ file: sha(file), journal: sha(`${file}-journal`) }).toEqual(before);
    await expectOk(core, 'closeWorkbook', { handle: read.info.handle });

    const opened = await expectOk<{ info: WorkbookInfo; notices: string[] }>(core, 'openWorkbook', { path: file });
    expect(opened.info.meta.title).toBe(SAMPLE_DETAILS.title);
    expect(opened.notices.join(' ')).toMatch(/was not closed properly last time.*checked and undone/);
    expect(fs.existsSync(`${file}-journal`)).toBe(false);
    await expectOk(core, 'updateWorkbookDetails', { handle: opened.info.handle, changes: { title: 'Carried on' } });
    core.closeAll();
    expect((await expectOk<CheckReport>(testCore(), 'checkWorkbook', { path: file })).ok).toBe(true);
  });

  it('that is a FIFO or a link to /dev/zero: refused at once, nothing read from it', () => {
    for (const kind of ['fifo', 'zero'] as const) {
      const file = path.join(dir, `${kind}.ewb`);
      fs.copyFileSync(good, file);
      const journal = `${file}-journal`;
      if (kind === 'fifo') expect(spawnSync('mkfifo', [journal]).status).toBe(0);
      else fs.symlinkSync('/dev/zero', journal);
      const before = sha(file);
      // In a child with a time limit: were the journal followed, the open would block or never end.
      const child = callsInChild(
        [false, true].map((readOnly) => ({ method: 'openWorkbook', request: { path: file, readOnly } })),
        { configDir: tempDir('ewb-config-') },
      );
      expect(child.failure, kind).toBeNull();
      for (const result of child.results) {
        expect(result.error?.code, kind).toBe('not-a-workbook');
        expect(result.error?.message).toMatch(new RegExp(`"${kind}\\.ewb-journal" that is not an ordinary file`));
      }
      expect(child.peakRss).toBeLessThan(1024 ** 3);
      expect(sha(file)).toBe(before);
      expect(fs.lstatSync(journal).isFile()).toBe(false);
    }
  }, 90_000);
});
