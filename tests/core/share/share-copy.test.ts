// Issue 14's acceptance for share copies: a copy of a workbook holding a contact's name, e-mail and
// phone, an owner's name, notes, an unticked record and a deleted record holds none of them anywhere
// in its bytes (any case, UTF-8 and UTF-16 either way round), leaves nothing beside it, verifies,
// opens as a normal workbook, and stops verifying when a value inside it is changed.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { CheckReport, WorkbookInfo } from '../../../shared/api/workbook.ts';
import type { ShareSummary } from '../../../shared/api/share.ts';
import { tempDir } from '../../helpers/temp-dir.ts';
import { SAMPLE_DETAILS, expectOk, testCore } from '../../helpers/test-core.ts';

const SECRETS = {
  author: 'Ada Lovelace-Planner',
  ownerPost: 'Superintendent Verity Nameplate',
  approverPost: 'Chief Constable Barnaby Signoff',
  contactName: 'Zebedee Quartermaine',
  email: 'zq.hidden@example.org',
  phone: '07700 900456',
  objectiveOwner: 'Marguerite Ownership',
  note: 'Mrs Hollowbrook keeps the hall key',
  longNote: 'Xanthippe Wrenfield runs the group',
  gridNote: 'Perpetua said they read the alerts',
  checkNote: 'Cordelia Proofreader thinks it too vague',
  messageOwner: 'Hieronymus Sender',
  unticked: 'Quillon Estate Confidential Audience',
  deleted: 'Obadiah Demolished Chapel',
};
const KEPT_NOTE = 'Bring leaflets in Polish and Romanian';
const PRACTICE = { title: 'Pop-up cafe after Friday prayers', description: 'Officers ran a cafe stall monthly', outcomeNote: 'Reports from the mosque doubled' };

/** Every place `text` could sit in `bytes`: any case, as UTF-8 and as UTF-16 in either byte order at either alignment. */
function holds(bytes: Buffer, text: string): boolean {
  const needle = text.toLowerCase();
  const swapped = Buffer.from(bytes.subarray(0, bytes.length - (bytes.length % 2))).swap16();
  const views = [bytes.toString('utf8'), bytes.toString('utf16le'), bytes.subarray(1).toString('utf16le'), swapped.toString('utf16le'), Buffer.from(bytes.subarray(1, bytes.length - ((bytes.length - 1) % 2))).swap16().toString('utf16le')];
  return views.some((view) => view.toLowerCase().includes(needle));
}

async function sharedWorkbook() {
  const dir = tempDir();
  const core = testCore();
  const info = await expectOk<WorkbookInfo>(core, 'createWorkbook', { path: path.join(dir, 'Plan.ewb'), details: { ...SAMPLE_DETAILS, author: SECRETS.author, owner: SECRETS.ownerPost, approver: SECRETS.approverPost } });
  const handle = info.handle;
  const create = (type: string, values: Record<string, unknown>) => expectOk<{ id: string }>(core, 'createRecord', { handle, type, values });
  const aim = await create('aim', { title: 'Build trust in Riverside' });
  await create('objective', { title: 'A contact in every ward', aimId: aim.id, owner: SECRETS.objectiveOwner });
  const audience = await create('audience', { name: 'Polish families', kind: 'faith', engagementState: 'unknown', priority: 'high', notes: KEPT_NOTE, whatWeKnow: SECRETS.longNote });
  const hidden = await create('audience', { name: SECRETS.unticked, kind: 'faith', engagementState: 'unknown', priority: 'low', shareable: false });
  const channel = await create('channel', { name: 'Riverside alert', kind: 'community-messaging', status: 'have' });
  await expectOk(core, 'setReceptivity', { handle, audienceId: audience.id, channelId: channel.id, value: 'yes', note: SECRETS.gridNote });
  await expectOk(core, 'setReceptivity', { handle, audienceId: hidden.id, channelId: channel.id, value: 'no' });
  await create('partner', { organisation: 'Riverside Council', sector: 'local-authority', relationship: 'active', contactName: SECRETS.contactName, phone: SECRETS.phone, email: SECRETS.email, audienceIds: [audience.id, hidden.id], notes: SECRETS.note });
  await create('message', { text: 'Your PCSOs hold a drop-in at the library every Tuesday', status: 'draft', owner: SECRETS.messageOwner, qualityCheck: { consistent: { pass: true, note: '' }, appropriate: { pass: null, note: '' }, challenging: { pass: null, note: '' }, tailored: { pass: null, note: '' }, specific: { pass: false, note: SECRETS.checkNote }, interesting: { pass: null, note: '' } } });
  const practice = await create('practice', { ...PRACTICE, origin: 'our-now', audienceKinds: ['faith'] });
  const place = await create('place', { name: SECRETS.deleted, kind: 'religious-centre' });
  await expectOk(core, 'deleteRecord', { handle, type: 'place', id: place.id });
  return { dir, core, handle, audience, hidden, practice, source: info.path };
}

describe('a share copy', () => {
  it('leaves every name, contact detail, unchosen note, unticked and deleted record out of its bytes, and nothing beside it', async () => {
    const { dir, core, handle, audience, hidden } = await sharedWorkbook();
    const before = new Set(fs.readdirSync(dir));
    const destination = path.join(dir, 'For Essex.ewb');
    const summary = await expectOk<ShareSummary>(core, 'previewShareCopy', { handle, keepNotes: [`${audience.id}/notes`] });
    expect(summary.leftOut.records).toEqual([expect.objectContaining({ recordId: hidden.id, why: 'unticked' })]);
    expect(summary.leftOut.details).toEqual(['The author’s name', 'The post that owns the strategy', 'The post that approves it']);
    expect(summary.leftOut.personal.find((entry) => entry.recordType === 'partner')).toMatchObject({ values: 3 });
    expect(summary.notes.map((note) => [note.fieldLabel, note.kept])).toEqual(
      expect.arrayContaining([['Notes', true], ['What we know', false], ['Notes', false], ['Who listens where: Riverside alert', false]]),
    );
    expect(fs.existsSync(destination)).toBe(false);

    await expectOk(core, 'saveShareCopy', { handle, destination, keepNotes: [`${audience.id}/notes`] });
    const bytes = fs.readFileSync(destination);
    for (const [what, secret] of Object.entries(SECRETS)) expect(holds(bytes, secret), `${what} "${secret}" is in the copy`).toBe(false);
    // The search can find what is there, in each form: the kept note and the practice's text.
    for (const kept of [KEPT_NOTE, PRACTICE.description, PRACTICE.outcomeNote, 'drop-in at the library']) expect(holds(bytes, kept)).toBe(true);
    expect(holds(Buffer.from(SECRETS.phone, 'utf16le'), SECRETS.phone.toUpperCase())).toBe(true);
    const swapped = Buffer.from(SECRETS.email, 'utf16le').swap16();
    expect(holds(Buffer.concat([Buffer.from([0]), swapped]), SECRETS.email)).toBe(true);
    // Only the copy is new beside the source: no journal, WAL or temporary file.
    expect(fs.readdirSync(dir).filter((name) => !before.has(name))).toEqual(['For Essex.ewb']);
    const raw = new Database(destination, { readonly: true });
    expect(raw.pragma('freelist_count', { simple: true })).toBe(0);
    expect(raw.prepare('SELECT count(*) FROM change_log').pluck().get()).toBe(0);
    raw.close();
    core.closeAll();
  });

  it('verifies, opens as a normal workbook, and stops verifying when a value inside it changes', async () => {
    const { dir, core, handle, practice } = await sharedWorkbook();
    const destination = path.join(dir, 'Shared.ewb');
    await expectOk(core, 'saveShareCopy', { handle, destination });
    const report = await expectOk<CheckReport>(core, 'checkWorkbook', { path: destination });
    expect(report.ok).toBe(true);
    expect(report.share).toMatchObject({ verified: true, message: expect.stringMatching(/^share copy from Kent Police, 2026-11-\d\d: provenance verified$/) });
    expect((await expectOk<CheckReport>(core, 'checkWorkbook', { path: path.join(dir, 'Plan.ewb') })).share).toBeNull();

    const opened = await expectOk<{ info: WorkbookInfo }>(core, 'openWorkbook', { path: destination, readOnly: true });
    const { records } = await expectOk<{ records: Array<Record<string, unknown>> }>(core, 'listRecords', { handle: opened.info.handle, type: 'practice' });
    expect(records).toEqual([expect.objectContaining({ id: practice.id, ...PRACTICE })]);
    expect(opened.info.counts).toMatchObject({ audience: 1, partner: 1, objective: 1 });

    // One letter of a record's value, changed in place (the file stays a sound database).
    const bytes = fs.readFileSync(destination);
    const at = bytes.indexOf(Buffer.from('Pop-up cafe', 'utf8'));
    expect(at).toBeGreaterThan(0);
    const tampered = path.join(dir, 'Tampered.ewb');
    bytes[at] = 'Q'.charCodeAt(0);
    fs.writeFileSync(tampered, bytes);
    const failed = await expectOk<CheckReport>(core, 'checkWorkbook', { path: tampered });
    expect(failed.ok).toBe(false);
    expect(failed.share).toMatchObject({ verified: false, reason: expect.stringContaining('changed since it was shared') });
    expect(failed.problems.join(' ')).toContain('provenance does not verify');
    core.closeAll();
  });

  it('leaves out what hangs on an unticked record, and refuses a note to keep that is not one', async () => {
    const dir = tempDir();
    const core = testCore();
    const info = await expectOk<WorkbookInfo>(core, 'createWorkbook', { path: path.join(dir, 'Plan.ewb'), details: SAMPLE_DETAILS });
    const aim = await expectOk<{ id: string }>(core, 'createRecord', { handle: info.handle, type: 'aim', values: { title: 'Private aim', shareable: false } });
    await expectOk(core, 'createRecord', { handle: info.handle, type: 'objective', values: { title: 'Its objective', aimId: aim.id } });
    const summary = await expectOk<ShareSummary>(core, 'previewShareCopy', { handle: info.handle });
    expect(summary.leftOut.records.map((r) => [r.title, r.why])).toEqual([['Private aim', 'unticked'], ['Its objective', 'depends']]);
    const refused = await core.call('saveShareCopy', { handle: info.handle, destination: path.join(dir, 'Out.ewb'), keepNotes: ['no-such-record'] });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid-input', message: expect.stringContaining('There is no note to keep called "no-such-record"') } });
    expect(fs.existsSync(path.join(dir, 'Out.ewb'))).toBe(false);
    core.closeAll();
  });
});
