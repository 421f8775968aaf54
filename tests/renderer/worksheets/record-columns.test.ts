// A section's list columns: made once for the section (the same arrays until the records change),
// the list beside an open form shows the name and one more, and on a narrow screen the naming
// column keeps its room while fixed-width columns give way. Every list shows dates the UK way
// ("24 February 2026"), never as stored: walked over every date field of every record type.
import { describe, expect, it } from 'vitest';
import { columnsByType, columnsFor, narrowable } from '../../../renderer/src/worksheets/record-columns.ts';
import { RECORD_TYPES, RECORD_TYPE_NAMES, type RecordTypeName } from '../../../shared/domain/record-types.ts';
import type { RecordValues } from '../../../shared/api/records.ts';

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

const STORED = '2026-02-24';
const SHOWN = '24 February 2026';

/** A record of the type with every date field set to the same day and everything else empty. */
function recordWithDates(type: RecordTypeName): RecordValues {
  const values: Record<string, unknown> = { id: 'r1', createdAt: '2026-01-05T10:00:00.000Z', updatedAt: '2026-01-05T10:00:00.000Z', reviewedAt: null, shareable: true, notes: '' };
  for (const field of RECORD_TYPES[type].fields) values[field.name] = field.kind === 'date' ? STORED : field.kind === 'ref' && field.name.endsWith('Ids') ? [] : null;
  return values as RecordValues;
}

describe('record list columns', () => {
  const columns = (type: RecordTypeName) => columnsFor(type, () => 'Linked record', { objectivesOf: () => 0 });

  it.each([...RECORD_TYPE_NAMES])('show every %s date the UK way', (type) => {
    const record = recordWithDates(type);
    const dateFields = RECORD_TYPES[type].fields.filter((field) => field.kind === 'date').map((field) => field.name);
    for (const column of columns(type)) {
      const shown = column.value(record);
      expect(shown, `${type} column "${column.label}"`).not.toContain(STORED);
      if (dateFields.includes(column.key)) expect(shown, `${type} column "${column.label}"`).toBe(SHOWN);
    }
  });

  it('include the dates planners scan for: partners\' last contact and community events\' next date among them', () => {
    const shownDates = (type: RecordTypeName) => columns(type).filter((column) => column.value(recordWithDates(type)) === SHOWN).map((column) => column.key);
    expect(shownDates('partner')).toEqual(['lastContact']);
    expect(shownDates('communityEvent')).toEqual(['nextDate']);
  });
});
