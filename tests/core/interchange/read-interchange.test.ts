// An interchange file is untrusted input: each problem is named with where it is; nothing half-made.
import { INTERCHANGE_VERSION } from '../../../shared/api/interchange.ts';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseInterchange } from '../../../electron/core/interchange/read-interchange.ts';
import { AppError } from '../../../electron/core/app-error.ts';
import { tempDir } from '../../helpers/temp-dir.ts';
import { testCore } from '../../helpers/test-core.ts';

const VALID = {
  format: 'engagement-workbook',
  version: 1,
  personal: false,
  workbook: {
    id: '0f0d784d-56d4-4670-a15f-30515f90a4f6',
    force: 'kent',
    title: 'Test',
    periodStart: null,
    periodEnd: null,
    versionLabel: '',
    marking: 'OFFICIAL',
    reviewDate: null,
    createdAt: '2026-11-25T10:50:13.851Z',
    modifiedAt: '2026-11-25T10:50:13.851Z',
  },
  records: {},
};

function refusal(text: string): AppError {
  try {
    parseInterchange(text, 'in.json');
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('reading interchange files', () => {
  it('accepts a valid file, with or without a byte-order mark', () => {
    expect(parseInterchange(JSON.stringify(VALID), 'in.json').workbook.title).toBe('Test');
    expect(parseInterchange(`\uFEFF${JSON.stringify(VALID)}`, 'in.json').workbook.title).toBe('Test');
  });

  it('names broken JSON with its line and column', () => {
    const text = '{\n  "format": "engagement-workbook",\n  "version": 1,,\n}';
    expect(refusal(text).message).toMatch(/is not valid JSON at line 3, column \d+/);
  });

  it('says when a file is some other JSON', () => {
    expect(refusal('[1,2,3]').message).toMatch(/not an Engagement Workbook interchange file/);
    expect(refusal('{"format":"something-else"}').message).toMatch(/not an Engagement Workbook interchange file/);
  });

  it('refuses a newer format version as "too new"', () => {
    const error = refusal(JSON.stringify({ ...VALID, version: INTERCHANGE_VERSION + 1 }));
    expect(error.code).toBe('too-new');
    expect(error.message).toMatch(new RegExp(`interchange version ${INTERCHANGE_VERSION + 1}.*reads up to version ${INTERCHANGE_VERSION}`));
  });

  it('names the field at fault', () => {
    const error = refusal(JSON.stringify({ ...VALID, workbook: { ...VALID.workbook, marking: 'TOP SECRET' } }));
    expect(error.message).toMatch(/problem at workbook\.marking: Choose OFFICIAL or OFFICIAL-SENSITIVE/);
    expect(error.fields).toHaveProperty(['workbook.marking']);
    expect(refusal(JSON.stringify({ ...VALID, records: { martians: [] } })).message).toMatch(/records/);
  });

  it('a crafted __proto__ key is refused and leaves Object.prototype alone', () => {
    const text = `{"format":"engagement-workbook","version":1,"personal":false,"__proto__":{"polluted":"yes"},"workbook":${JSON.stringify(VALID.workbook)},"records":{}}`;
    expect(refusal(text).code).toBe('invalid-input');
    const nested = JSON.stringify(VALID).replace('"title":"Test"', '"title":"Test","__proto__":{"polluted":"yes"}');
    expect(refusal(nested).code).toBe('invalid-input');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('creating from a bad file leaves no workbook behind', async () => {
    const dir = tempDir();
    const source = path.join(dir, 'in.json');
    fs.writeFileSync(source, JSON.stringify({ ...VALID, workbook: { ...VALID.workbook, force: 'atlantis' } }));
    const core = testCore();
    const result = await core.call('createWorkbookFromInterchange', { path: path.join(dir, 'w.ewb'), source });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(/workbook\.force: Choose a force from the list/);
    expect(fs.readdirSync(dir)).toEqual(['in.json']);
  });

  it('overrides from the command line replace the file\'s details', async () => {
    const dir = tempDir();
    const source = path.join(dir, 'in.json');
    fs.writeFileSync(source, JSON.stringify(VALID));
    const core = testCore();
    const result = await core.call('createWorkbookFromInterchange', { path: path.join(dir, 'w.ewb'), source, overrides: { force: 'sussex', title: 'Override' } });
    expect(result.ok && result.value).toMatchObject({ meta: { force: 'sussex', title: 'Override' } });
    core.closeAll();
  });
});

describe('files written before version 8', () => {
  it('read a practice without the workbook it was adopted from as having none', () => {
    const practice = { id: '44444444-4444-4444-8444-444444444444', createdAt: '2025-01-01T00:00:00.000Z', updatedAt: '2025-01-01T00:00:00.000Z', reviewedAt: null, shareable: true, notes: '', title: 'Beat surgery', description: '', audienceKinds: [], channelKinds: [], depth: null, origin: 'other-force', originForce: 'surrey', originPartnerId: null, year: null, outcome: null, outcomeNote: '', evidenceStrength: null, verdict: null };
    const read = parseInterchange(JSON.stringify({ ...VALID, version: 6, records: { practice: [practice] } }), 'old.json');
    expect(read.records.practice).toEqual([practice]);
  });
});
