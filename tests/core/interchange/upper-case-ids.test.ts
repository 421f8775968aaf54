// Ids are lower-case UUIDs. One typed in capitals (in an API request or an interchange file) is
// the same id, lower-cased on the way in, so an upper-cased copy of a record is caught as a repeat.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { WorkbookInfo } from '../../../shared/api/workbook.ts';
import { soundWorkbook } from '../../helpers/tampered-workbook.ts';
import { expectOk, expectWritten, sequentialIds, testCore } from '../../helpers/test-core.ts';

async function dumped() {
  const { file, dir, ids } = await soundWorkbook();
  const core = testCore({ newId: sequentialIds(100_000) });
  const json = path.join(dir, 'plan.json');
  await expectOk(core, 'dumpWorkbook', { path: file, destination: json, personal: true });
  return { core, dir, ids, json, doc: JSON.parse(fs.readFileSync(json, 'utf8')) as { records: Record<string, Array<Record<string, unknown>>> } };
}

describe('ids in capitals', () => {
  it('an upper-cased duplicate of a record in an interchange file is refused as a repeat', async () => {
    const { core, dir, ids, json, doc } = await dumped();
    const aim = doc.records.aim![0]!;
    doc.records.aim!.push({ ...aim, id: ids.aim.toUpperCase(), title: 'The same aim again' });
    fs.writeFileSync(json, JSON.stringify(doc));
    const target = path.join(dir, 'copy.ewb');
    const refused = await core.call('createWorkbookFromInterchange', { path: target, source: json });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.message).toBe(`"plan.json" uses the id ${ids.aim} twice (records.aim[0] and records.aim[1]). Nothing was imported.`);
    expect(fs.existsSync(target)).toBe(false);
  });

  it('an interchange file written in capitals loads with every id and link in lower case', async () => {
    const { core, dir, json } = await dumped();
    const original = fs.readFileSync(json, 'utf8');
    const shouting = original.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, (id) => id.toUpperCase());
    fs.writeFileSync(json, shouting);
    const info = await expectOk<WorkbookInfo>(core, 'createWorkbookFromInterchange', { path: path.join(dir, 'copy.ewb'), source: json, keepId: true });
    expect(info.readOnly).toBe(false);
    expect(info.needsRepair).toBeUndefined();
    expect(info.meta.id).toBe(info.meta.id.toLowerCase());
    core.closeAll();
    const again = path.join(dir, 'again.json');
    await expectOk(core, 'dumpWorkbook', { path: info.path, destination: again, personal: true });
    const text = fs.readFileSync(again, 'utf8');
    expect(text).not.toMatch(/[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}/);
    // Back out exactly as it was before the ids were shouted.
    expect(JSON.parse(text)).toEqual(JSON.parse(original));
  });

  it('an API request naming a record in capitals finds it, and links are stored in lower case', async () => {
    const { file, ids } = await soundWorkbook();
    const core = testCore({ newId: sequentialIds(100_000) });
    const { info } = await expectOk<{ info: WorkbookInfo }>(core, 'openWorkbook', { path: file });
    const updated = await expectOk<{ id: string; title: string }>(core, 'updateRecord', { handle: info.handle, type: 'aim', id: ids.aim.toUpperCase(), changes: { title: 'Renamed' } });
    expect(updated).toMatchObject({ id: ids.aim, title: 'Renamed' });
    const place = await expectOk<{ audienceIds: string[]; areaId: string }>(core, 'createRecord', { handle: info.handle, type: 'place', values: { name: 'Library', kind: 'other', areaId: ids.ward.toUpperCase(), audienceIds: [ids.youth.toUpperCase(), ids.elders] } });
    expect(place).toMatchObject({ areaId: ids.ward, audienceIds: [ids.youth, ids.elders] });
    // The same audience twice, in two cases, is one audience named twice.
    const twice = await core.call('createRecord', { handle: info.handle, type: 'place', values: { name: 'Hall', kind: 'other', audienceIds: [ids.youth.toUpperCase(), ids.youth] } });
    expect(twice.ok).toBe(false);
    const link = await expectOk<{ audienceId: string; tableId: string }>(core, 'linkEvidence', { handle: info.handle, audienceId: ids.elders.toUpperCase(), tableId: ids.table.toUpperCase(), areaId: null, category: 'Ethnic group: White' });
    expect(link).toMatchObject({ audienceId: ids.elders, tableId: ids.table });
    expect(await expectWritten(core, 'deleteRecord', { handle: info.handle, type: 'asset', id: ids.club.toUpperCase() })).toEqual({ deleted: true });
    core.closeAll();
  });
});

describe('ids in capitals, in the links of an interchange file', () => {
  it('an upper-cased duplicate of an evidence link is refused as a repeat, saying where', async () => {
    const { core, dir, json, doc } = await dumped();
    const links = (doc.records as unknown as { evidenceLinks: Array<Record<string, unknown>> }).evidenceLinks;
    links.push({ ...links[0]!, id: String(links[0]!.id).toUpperCase(), category: 'Ethnic group: White' });
    fs.writeFileSync(json, JSON.stringify(doc));
    const target = path.join(dir, 'copy.ewb');
    const refused = await core.call('createWorkbookFromInterchange', { path: target, source: json });
    expect(refused.ok ? null : refused.error).toMatchObject({ code: 'invalid-input', message: `"plan.json" records.evidenceLinks[1] repeats the id of another evidence link (${String(links[0]!.id)}). Nothing was imported.` });
    expect(fs.existsSync(target)).toBe(false);
  });
});
