// The history is checked on opening too: a change that undo or redo could still apply must hold
// only values the app could have written. One that does not is reported with its repair, which
// keeps it in the history but stops it (and what lies behind it) from ever being undone.
import { describe, expect, it } from 'vitest';
import type { WorkbookInfo } from '../../../shared/api/workbook.ts';
import { checkValues } from '../../../electron/core/db/check-values.ts';
import { openReadOnly } from '../../../electron/core/db/open-database.ts';
import { soundWorkbook, tamper } from '../../helpers/tampered-workbook.ts';
import { expectOk, sequentialIds, testCore } from '../../helpers/test-core.ts';

function historyProblems(file: string) {
  const db = openReadOnly(file);
  try {
    return checkValues(db).problems.filter((p) => p.recordType === 'history');
  } finally {
    db.close();
  }
}

describe('the history of changes, checked on opening', () => {
  it('finds a sound workbook’s history sound', async () => {
    const { file } = await soundWorkbook();
    expect(historyProblems(file)).toEqual([]);
  });

  it('reports a change whose values undo would write back but the app could not, and the repair stops its undo', async () => {
    const { file, ids } = await soundWorkbook();
    const core = testCore({ newId: sequentialIds(5000) });
    const opened = await expectOk<{ info: WorkbookInfo }>(core, 'openWorkbook', { path: file });
    await expectOk(core, 'updateRecord', { handle: opened.info.handle, type: 'audience', id: ids.youth, changes: { priority: 'low' } });
    core.closeAll();
    // Undoing that edit would put "urgent" back as the audience's priority: not one of the choices.
    tamper(file, (db) => db.prepare(`UPDATE change_log SET before_json = '{"priority":"urgent","updatedAt":"2026-11-25T09:00:00.000Z"}' WHERE seq = (SELECT max(seq) FROM change_log)`).run());
    tamper(file, (db) => db.prepare("INSERT INTO change_log (id, at, who, record_type, record_id, action, before_json, after_json) VALUES ('x1', '2026-11-25T10:00:00.000Z', 'someone', 'spaceship', 'x', 'update', 'not json', NULL)").run());
    expect(historyProblems(file).map((p) => p.message)).toEqual([
      'holds audience values that are not valid, so it cannot be undone',
      'is a change of a kind this version does not know (“spaceship”)',
    ]);

    const reader = testCore({ newId: sequentialIds(6000) });
    const { info } = await expectOk<{ info: WorkbookInfo }>(reader, 'openWorkbook', { path: file });
    expect(info.readOnly).toBe(true);
    const repaired = await expectOk<{ applied: boolean; remaining: { total: number } }>(reader, 'repairWorkbook', { path: file, apply: true });
    expect(repaired).toMatchObject({ applied: true, remaining: { total: 0 } });
    reader.closeAll();

    const editor = testCore({ newId: sequentialIds(7000) });
    const again = await expectOk<{ info: WorkbookInfo }>(editor, 'openWorkbook', { path: file });
    expect(again.info.readOnly).toBe(false);
    // Nothing behind the bad changes can be undone; the audience keeps the priority it has.
    expect(await expectOk(editor, 'getUndoState', { handle: again.info.handle })).toEqual({ undoLabel: null, redoLabel: null });
    const { records } = await expectOk<{ records: Array<{ id: string; priority: string }> }>(editor, 'listRecords', { handle: again.info.handle, type: 'audience' });
    expect(records.find((r) => r.id === ids.youth)?.priority).toBe('low');
    editor.closeAll();
  });
});
