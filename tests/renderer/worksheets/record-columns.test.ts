// A section's list columns: made once for the section (the same arrays until the records change),
// the list beside an open form shows the name and one more, and on a narrow screen the naming
// column keeps its room while fixed-width columns give way.
import { describe, expect, it } from 'vitest';
import { columnsByType, narrowable } from '../../../renderer/src/worksheets/record-columns.ts';

const lookup = () => '';

describe('columnsByType', () => {
  it('gives each list of the section every column, and the first two beside a form', () => {
    const columns = columnsByType('messages', lookup, new Map());
    const message = columns.get('message')!;
    expect(message.all.map((c) => c.label)).toEqual(['Message', 'Welsh', 'Status', 'Six-point check', 'Audiences']);
    expect(message.beside).toEqual(message.all.slice(0, 2));
    expect(message.beside[0]).toBe(message.all[0]);
  });

  it('counts an aim\'s objectives from the counts it was given', () => {
    const aim = columnsByType('aims', lookup, new Map([['aim-1', 3]])).get('aim')!.all;
    expect(aim[1]!.value({ id: 'aim-1' } as never)).toBe('3');
  });
});

describe('narrowable', () => {
  it('keeps room for the naming column, lets fixed columns shrink, and keeps a little for the others', () => {
    const widths = narrowable([
      { key: 'title', label: 'Name', value: () => '', width: '2fr' },
      { key: 'status', label: 'Status', value: () => '', width: '7rem' },
      { key: 'areas', label: 'Areas', value: () => '' },
    ]).map((c) => c.width);
    expect(widths).toEqual(['minmax(min(14rem, 40%), 2fr)', 'minmax(0, 7rem)', 'minmax(min(5rem, 12%), 1fr)']);
  });

  it('leaves a fixed-width first column (a review entry\'s date) able to shrink like the rest', () => {
    expect(narrowable([{ key: 'on', label: 'Reviewed on', value: () => '', width: '9rem' }])[0]!.width).toBe('minmax(0, 9rem)');
  });
});
