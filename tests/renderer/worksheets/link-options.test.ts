// A form's link options are worked out once per list of records: the same list gives the same array
// (so a picker's own work is not redone on each keystroke), a changed list gives a new one.
import { describe, expect, it } from 'vitest';
import { linkOptions } from '../../../renderer/src/worksheets/link-options.ts';
import type { RecordValues } from '../../../shared/api/records.ts';

const asset = (id: string, name: string, kind: string) => ({ id, name, kind }) as unknown as RecordValues;

describe('linkOptions', () => {
  const assets = [asset('a1', 'Youth club', 'group'), asset('a2', 'Library', 'venue'), asset('a3', 'Mosque committee', 'group')];

  it('titles each record and gives the same array back for the same list and arguments', () => {
    const first = linkOptions('asset', assets);
    expect(first).toEqual([{ id: 'a1', label: 'Youth club' }, { id: 'a2', label: 'Library' }, { id: 'a3', label: 'Mosque committee' }]);
    expect(linkOptions('asset', assets)).toBe(first);
  });

  it('leaves out the record itself and those its field does not admit, each way kept apart', () => {
    const where = { field: 'kind', oneOf: ['group'] } as const;
    expect(linkOptions('asset', assets, 'a1').map((o) => o.id)).toEqual(['a2', 'a3']);
    expect(linkOptions('asset', assets, undefined, where).map((o) => o.id)).toEqual(['a1', 'a3']);
    expect(linkOptions('asset', assets, 'a1', where).map((o) => o.id)).toEqual(['a3']);
    expect(linkOptions('asset', assets).map((o) => o.id)).toEqual(['a1', 'a2', 'a3']);
  });

  it('works the options out again when the list is replaced (a record changed)', () => {
    const before = linkOptions('asset', assets);
    const renamed = assets.map((a) => (a.id === 'a2' ? { ...a, name: 'Central library' } : a));
    const after = linkOptions('asset', renamed);
    expect(after).not.toBe(before);
    expect(after[1]).toEqual({ id: 'a2', label: 'Central library' });
  });
});
