// Every list shows dates the UK way ("24 February 2026"), never as stored ("2026-02-24"): walked
// over every date field of every record type, so a new type or a new date column is caught too.
import { describe, expect, it } from 'vitest';
import { RECORD_TYPES, RECORD_TYPE_NAMES, type RecordTypeName } from '../../../shared/domain/record-types.ts';
import type { RecordValues } from '../../../shared/api/records.ts';
import { columnsFor } from '../../../renderer/src/worksheets/record-columns.ts';

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
