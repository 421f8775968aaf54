// The values inside an opened workbook are checked against the contract: a file edited behind the
// app's back (in an SQLite tool, say) is reported value by value with its record, opened
// read-only, and never changed by the check. Sound workbooks, however made, report nothing.
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ValueProblem } from '../../../shared/api/value-check.ts';
import type { CheckReport, WorkbookInfo } from '../../../shared/api/workbook.ts';
import { checkValues } from '../../../electron/core/db/check-values.ts';
import { openReadOnly } from '../../../electron/core/db/open-database.ts';
import { lockPathFor } from '../../../electron/core/workbook/workbook-lock.ts';
import { interchangeDocument } from '../../helpers/interchange-arbitraries.ts';
import { soundWorkbook, tamper } from '../../helpers/tampered-workbook.ts';
import { tempDir } from '../../helpers/temp-dir.ts';
import { expectOk, testCore } from '../../helpers/test-core.ts';
import { sha256Of } from '../../helpers/workbook-file-checks.ts';

const RUNS = process.env.EWB_LONG === '1' ? 200 : 15;

/** Every kind of value an SQLite tool can leave that the app cannot use, one edit each. */
async function tamperedWorkbook() {
  const sound = await soundWorkbook();
  const { ids } = sound;
  const upperYouth = ids.youth.toUpperCase();
  tamper(sound.file, (db) => {
    db.prepare("UPDATE workbook SET force_id = 'narnia', period_start = '2027-02-31', review_date = '31/12/2027'").run();
    db.prepare('UPDATE aim SET title = ? WHERE id = ?').run(`Trust\u0007${'x'.repeat(5_000_000)}`, ids.aim);
    db.prepare("UPDATE objective SET created_at = 'last tuesday' WHERE id = ?").run(ids.objective);
    db.prepare("UPDATE good_statement SET reviewed_at = '2027-13-01', notes = ? WHERE id = ?").run('a\u0000b', ids.good);
    // An area its own ancestor: Kent inside Riverside, which is inside Maidstone, inside Kent.
    db.prepare("UPDATE area SET parent_id = ?, updated_at = '2030-01-01T00:00:00.000Z' WHERE id = ?").run(ids.ward, ids.kent);
    db.prepare("UPDATE area SET ons_level = 'county', lsoa_codes = '[\"e01000001\",\"nonsense\",\"E01000002\"]' WHERE id = ?").run(ids.ward);
    db.prepare("UPDATE audience SET engagement_state = 'meh', priority = 'urgent', size_estimate = 1000000000 WHERE id = ?").run(ids.youth);
    db.prepare("UPDATE asset SET last_contact = 'yesterday' WHERE id = ?").run(ids.club);
    db.prepare("UPDATE vulnerability SET barriers = '[\"trust\",\"aliens\",\"trust\"]' WHERE id = ?").run(ids.vulnerability);
    // A capital-letter id, carried through every link as a thorough editor would.
    db.prepare('UPDATE audience SET id = ? WHERE id = ?').run(upperYouth, ids.youth);
    for (const [table, column] of [['audience_area', 'owner_id'], ['asset_audience', 'target_id'], ['vulnerability_audience', 'target_id'], ['evidence_link', 'audience_id']] as const) {
      db.prepare(`UPDATE ${table} SET ${column} = ? WHERE ${column} = ?`).run(upperYouth, ids.youth);
    }
    db.prepare("UPDATE evidence_link SET category_name = 'Ethnic group: Total: All usual residents' WHERE id = ?").run(ids.link);
    db.prepare("UPDATE workbook_setting SET value = '7'").run();
    db.prepare("INSERT INTO section_state (section, completed_at) VALUES ('export', '2026-01-01T00:00:00.000Z')").run();
    db.prepare('UPDATE census_value SET count = 9e999 WHERE position = 1').run();
    db.prepare("UPDATE workbook SET logo = x'68656c6c6f', logo_type = 'image/png'").run();
  });
  return { ...sound, upperYouth };
}

function find(problems: readonly ValueProblem[], recordType: string, field: string): ValueProblem {
  const found = problems.find((p) => p.recordType === recordType && p.field === field);
  if (!found) throw new Error(`No problem reported for ${recordType}.${field}; reported: ${problems.map((p) => `${p.recordType}.${p.field}`).join(', ')}`);
  return found;
}

describe('checking the values inside a workbook', () => {
  it('reports nothing for sound workbooks of every kind, made from interchange files', async () => {
    await fc.assert(
      fc.asyncProperty(interchangeDocument(true), async (doc) => {
        const dir = tempDir();
        fs.writeFileSync(path.join(dir, 'in.json'), JSON.stringify(doc));
        const core = testCore();
        const info = await expectOk<WorkbookInfo>(core, 'createWorkbookFromInterchange', { path: path.join(dir, 'w.ewb'), source: path.join(dir, 'in.json'), keepId: true });
        expect(info.readOnly).toBe(false);
        expect(info.needsRepair).toBeUndefined();
        core.closeAll();
        const report = await expectOk<CheckReport>(core, 'checkWorkbook', { path: info.path });
        expect(report.values).toEqual({ total: 0, repairable: 0, problems: [] });
        expect(report.ok).toBe(true);
      }),
      { numRuns: RUNS, seed: 20261129 },
    );
  });

  it('reports every bad value with its record, field and what is wrong, and changes nothing', async () => {
    const { file, ids, upperYouth } = await tamperedWorkbook();
    const before = sha256Of(file);
    const core = testCore();
    const report = await expectOk<CheckReport>(core, 'checkWorkbook', { path: file });
    expect(sha256Of(file)).toBe(before);
    expect(fs.readdirSync(path.dirname(file))).toEqual([path.basename(file)]);
    expect(report.ok).toBe(false);
    expect(report.problems).toEqual([expect.stringMatching(/^"Riverside plan\.ewb" holds \d+ values that Engagement Workbook cannot use/)]);
    const problems = report.values!.problems;
    const expectations: Array<[string, string, Partial<ValueProblem>, RegExp, RegExp | null]> = [
      ['workbook', 'force', { title: 'Community engagement strategy 2027–2030', choose: 'force' }, /“narnia” is not one of the 46 UK police forces/, null],
      ['workbook', 'periodStart', {}, /“2027-02-31”/, /Clear it/],
      ['workbook', 'reviewDate', {}, /“31\/12\/2027”/, /Clear it/],
      ['workbook', 'logo', {}, /not a PNG or JPEG/, /Remove the logo/],
      ['aim', 'title', { recordId: ids.aim, recordLabel: 'Aim', fieldLabel: 'Aim' }, /5,000,006 characters long \(at most 300\), and holds control characters/, /Cut it to 300 characters and remove the characters that cannot be printed/],
      ['objective', 'createdAt', { recordId: ids.objective, title: 'Raise confidence' }, /“last tuesday”/, /time of the repair/],
      ['goodStatement', 'reviewedAt', { recordId: ids.good }, /“2027-13-01”/, /Clear it/],
      ['goodStatement', 'notes', { recordId: ids.good }, /control characters/, /Remove the characters/],
      ['area', 'parentId', {}, /is part of itself through a loop of 3 areas: “Kent” is part of “Riverside” is part of “Maidstone” is part of “Kent”|is part of itself through a loop of 3 areas/, /out of/],
      ['area', 'onsLevel', { recordId: ids.ward, title: 'Riverside' }, /“county” is not one of the choices/, /Clear it/],
      ['area', 'lsoaCodes', { recordId: ids.ward }, /holds 2 values that are not a valid code/, /^Drop 1 value from the list and write 1 code in capitals$/],
      ['audience', 'engagementState', { recordId: upperYouth, title: 'Young people in Riverside' }, /“meh” is not one of the choices/, /Set it to “Unknown”/],
      ['audience', 'priority', { recordId: upperYouth }, /“urgent” is not one of the choices/, null],
      ['audience', 'sizeEstimate', { recordId: upperYouth }, /1000000000 is not a whole number from 0 to 100,000,000/, /Clear it/],
      ['audience', 'id', { recordId: upperYouth }, /capital letters/, /lower case, and every link/],
      ['asset', 'lastContact', { recordId: ids.club, title: 'Riverside Boxing Club' }, /“yesterday” is not a date/, /Clear it/],
      ['vulnerability', 'barriers', { recordId: ids.vulnerability }, /“aliens”, which is not among the choices/, /Drop 2 values/],
      ['evidenceLink', 'category', { recordId: ids.link }, /cites the table's total/, /Remove the link/],
      ['setting', 'value', {}, /“7” is not a share from 1 % to 50 %/, /default of 5 %/],
      ['section', 'section', { title: 'export' }, /“export” is not a section/, /Remove it/],
      ['censusTable', 'counts', { recordId: ids.table }, /2 figures are not a count from 0 to 1,000,000,000,000 \(the largest is infinite\)/, /Remove the table and the 1 evidence link citing it; import it again from its file/],
    ];
    for (const [recordType, field, shape, message, repair] of expectations) {
      const problem = find(problems, recordType, field);
      expect(problem).toMatchObject(shape);
      expect(problem.message).toMatch(message);
      if (repair) expect(problem.repair).toMatch(repair);
      else expect(problem.repair).toBeNull();
    }
    // Each loop is one problem, on the member most recently changed (Kent, whose edit closed it).
    expect(problems.filter((p) => p.field === 'parentId')).toEqual([expect.objectContaining({ recordId: ids.kent, title: 'Kent', repair: 'Take “Kent” out of “Riverside” (it will be part of no area)' })]);
    expect(report.values!.total).toBe(problems.length);
    expect(report.values!.repairable).toBe(problems.length - 2);
    // The report never carries the hostile value itself.
    expect(JSON.stringify(report).length).toBeLessThan(20_000);
  });

  it('opens such a file read-only with a notice, takes no lock, and refuses every edit', async () => {
    const { file, ids } = await tamperedWorkbook();
    const before = sha256Of(file);
    const core = testCore();
    const { info, notices } = await expectOk<{ info: WorkbookInfo; notices: string[] }>(core, 'openWorkbook', { path: file });
    expect(info.readOnly).toBe(true);
    expect(info.needsRepair?.total).toBeGreaterThan(15);
    // The check comes with the workbook, for the door to show (the app lists each value in a notice).
    expect(notices).toEqual([]);
    expect(info.needsRepair?.problems[0]).toMatchObject({ recordType: 'workbook', field: 'force' });
    expect(fs.existsSync(lockPathFor(file))).toBe(false);
    const refused = await core.call('updateWorkbookDetails', { handle: info.handle, changes: { title: 'New title' } });
    expect(refused.ok ? null : refused.error.code).toBe('read-only');
    const refusedRecord = await core.call('updateRecord', { handle: info.handle, type: 'aim', id: ids.aim, changes: { title: 'Short' } });
    expect(refusedRecord.ok ? null : refusedRecord.error.code).toBe('read-only');
    expect((await expectOk<WorkbookInfo>(core, 'getWorkbook', { handle: info.handle })).needsRepair?.total).toBe(info.needsRepair?.total);
    // A dump would be refused when read back, so it is refused now, saying why.
    const dump = await core.call('dumpWorkbook', { path: file, destination: path.join(path.dirname(file), 'out.json') });
    expect(dump.ok ? null : dump.error.message).toMatch(/cannot be written as an interchange file: it holds \d+ values/);
    core.closeAll();
    expect(sha256Of(file)).toBe(before);
    expect(fs.readdirSync(path.dirname(file))).toEqual([path.basename(file)]);
  });

  it('finds a loop however long: a chain of 20,000 areas closed at the top, and not a chain left open', async () => {
    const { file, ids } = await soundWorkbook();
    const n = 20_000;
    const chain = Array.from({ length: n }, (_, i) => `c0000000-0000-4000-8000-${String(i).padStart(12, '0')}`);
    tamper(file, (db) => {
      const insert = db.prepare("INSERT INTO area (id, created_at, updated_at, name, parent_id) VALUES (?, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z', ?, ?)");
      chain.forEach((id, i) => insert.run(id, `Level ${i}`, i === 0 ? ids.kent : chain[i - 1]));
    });
    const core = testCore();
    expect((await expectOk<CheckReport>(core, 'checkWorkbook', { path: file })).values).toEqual({ total: 0, repairable: 0, problems: [] });
    tamper(file, (db) => db.prepare('UPDATE area SET parent_id = ?, updated_at = ? WHERE id = ?').run(chain[n - 1], '2026-06-01T00:00:00.000Z', ids.kent));
    const db = openReadOnly(file);
    try {
      const check = checkValues(db);
      expect(check.total).toBe(1);
      expect(check.problems[0]).toMatchObject({ recordType: 'area', recordId: ids.kent, field: 'parentId', repair: 'Take “Kent” out of “Level 19999” (it will be part of no area)' });
      expect(check.problems[0]!.message).toMatch(/^is part of itself through a loop of 20,001 areas: “Kent” is part of “Level 19999” is part of “Level 19998” is part of “Level 19997” is part of “Level 19996” is part of … is part of “Kent”$/);
    } finally {
      db.close();
    }
  });

  it('knows a capital-letter copy of a record that is there already cannot be repaired by lower-casing it', async () => {
    const { file, ids } = await soundWorkbook();
    tamper(file, (db) => db.prepare("INSERT INTO aim (id, created_at, updated_at, title) VALUES (?, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z', 'A copy')").run(ids.aim.toUpperCase()));
    const db = openReadOnly(file);
    try {
      expect(checkValues(db).problems).toEqual([expect.objectContaining({ recordType: 'aim', recordId: ids.aim.toUpperCase(), title: 'A copy', field: 'id', message: expect.stringMatching(/same id in lower case/), repair: null })]);
    } finally {
      db.close();
    }
  });
});
