// The share copy's stripping decides on every list of the interchange format: a list it does not
// know is left out rather than passed on, so a later kind of data (messages, a library) must be
// decided on here first. This test fails when a list is added to the format without that decision.
import { describe, expect, it } from 'vitest';
import { InterchangeRecordsSchema } from '../../../shared/api/interchange.ts';
import { RECORD_TYPE_NAMES } from '../../../shared/domain/record-types.ts';
import { SIDE_LISTS, notePreview, stripForSharing } from '../../../electron/core/share/strip-for-sharing.ts';
import { canonicalJson, canonicalSharedContent } from '../../../electron/core/share/provenance.ts';

const WORKBOOK = { id: '11111111-1111-4111-8111-111111111111', force: 'kent', title: 'T', periodStart: null, periodEnd: null, author: 'Ann Author', versionLabel: '', marking: 'OFFICIAL' as const, reviewDate: null, owner: 'Owner post', approver: null, createdAt: '2026-01-01T00:00:00.000Z', modifiedAt: '2026-01-01T00:00:00.000Z' };

describe('stripping for a share copy', () => {
  it('knows every list of the interchange format', () => {
    const known = [...RECORD_TYPE_NAMES, ...Object.keys(SIDE_LISTS)].sort();
    expect(Object.keys(InterchangeRecordsSchema.shape).sort()).toEqual(known);
  });

  it('leaves out a list it does not know, settings it does not know, and the names in the details', () => {
    const records = { ...InterchangeRecordsSchema.parse({}), settings: [{ key: 'whoIsMissingThreshold', value: '0.1' }, { key: 'shareProvenance', value: '{}' }], libraryPractices: [{ id: 'x' }] };
    const { content, summary } = stripForSharing({ workbook: WORKBOOK, records: records as never }, []);
    expect(content.records).not.toHaveProperty('libraryPractices');
    expect(content.records.settings).toEqual([{ key: 'whoIsMissingThreshold', value: '0.1' }]);
    expect(content.workbook).not.toHaveProperty('author');
    expect(content.workbook).not.toHaveProperty('owner');
    expect(summary.leftOut.details).toEqual(['The author’s name', 'The post that owns the strategy']);
  });

  it('gives the same canonical text whatever the order of keys and lists, and empty the same as absent', () => {
    expect(canonicalJson({ b: 1, a: [2, { d: null, c: '' }] })).toBe('{"a":[2,{}],"b":1}');
    const one = { workbook: WORKBOOK, records: { aim: [{ id: 'b' }, { id: 'a' }], channel: [] } };
    const two = { workbook: { ...WORKBOOK }, records: { aim: [{ id: 'a' }, { id: 'b', note: null }] } };
    expect(canonicalSharedContent(one as never)).toBe(canonicalSharedContent(two as never));
    expect(canonicalSharedContent(one as never)).not.toBe(canonicalSharedContent({ ...two, records: { aim: [{ id: 'a' }, { id: 'c' }] } } as never));
  });
});

describe('a note\'s preview in the share dialog', () => {
  it('shows a short note whole', () => {
    expect(notePreview('Met the imam after Friday prayers.')).toBe('Met the imam after Friday prayers.');
    expect(notePreview('x'.repeat(160))).toBe('x'.repeat(160));
  });

  it('cuts a long note at the end of a word, with an ellipsis', () => {
    const note = `${'The youth forum asked for '.repeat(6)}more sessions in the evenings.`;
    const preview = notePreview(note);
    expect(preview.endsWith('…')).toBe(true);
    expect(preview.length).toBeLessThanOrEqual(161);
    const shown = preview.slice(0, -1);
    expect(note.startsWith(shown)).toBe(true);
    // The next character of the note after what is shown begins a new word.
    expect(note[shown.length]).toMatch(/\s/);
    expect(shown).not.toMatch(/\s$/);
  });

  it('cuts a long run without spaces where it must, never inside a character', () => {
    const preview = notePreview(`${'a'.repeat(159)}😀 and more`);
    expect(preview).toBe(`${'a'.repeat(159)}…`);
    expect(preview.isWellFormed()).toBe(true);
  });
});
