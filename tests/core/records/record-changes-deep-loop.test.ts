// The API never makes a loop of areas, however deep the tree: the check that an area is not put
// inside one of its own descendants walks every level (it used to stop at 10,000).
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { WorkbookInfo } from '../../../shared/api/workbook.ts';
import { openReadOnly } from '../../../electron/core/db/open-database.ts';
import { checkValues } from '../../../electron/core/db/check-values.ts';
import { soundWorkbook, tamper } from '../../helpers/tampered-workbook.ts';
import { expectOk, sequentialIds, testCore } from '../../helpers/test-core.ts';
import { sha256Of } from '../../helpers/workbook-file-checks.ts';

describe('putting an area inside another', () => {
  it('is refused when the new parent is 12,000 levels below the area', async () => {
    const { file, ids } = await soundWorkbook();
    const depth = 12_000;
    const chain = Array.from({ length: depth }, (_, i) => `d0000000-0000-4000-8000-${String(i).padStart(12, '0')}`);
    // A deep, sound tree made quickly behind the app's back: Kent ← Level 0 ← Level 1 ← … ← Level 11999.
    tamper(file, (db) => {
      const insert = db.prepare("INSERT INTO area (id, created_at, updated_at, name, parent_id) VALUES (?, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z', ?, ?)");
      chain.forEach((id, i) => insert.run(id, `Level ${i}`, i === 0 ? ids.kent : chain[i - 1]));
    });
    const core = testCore({ newId: sequentialIds(500_000) });
    const { info } = await expectOk<{ info: WorkbookInfo }>(core, 'openWorkbook', { path: file });
    expect(info.readOnly).toBe(false);
    const before = sha256Of(file);
    const refused = await core.call('updateRecord', { handle: info.handle, type: 'area', id: ids.kent, changes: { parentId: chain[depth - 1] } });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.fields?.parentId).toBe('An area cannot sit inside itself');
    expect(sha256Of(file)).toBe(before);
    // A move that makes no loop is still fine, at any depth.
    await expectOk(core, 'updateRecord', { handle: info.handle, type: 'area', id: ids.ward, changes: { parentId: chain[depth - 1] } });
    core.closeAll();
    const db = openReadOnly(path.resolve(file));
    try {
      expect(checkValues(db).total).toBe(0);
    } finally {
      db.close();
    }
  });
});
