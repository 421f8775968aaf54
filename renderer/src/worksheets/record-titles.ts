// How a record is named in lists, pickers and messages: its title field, or a stand-in.
import { RECORD_TYPES, type RecordTypeName } from '../../../shared/domain/record-types.ts';
import type { RecordValues } from '../../../shared/api/records.ts';

export function titleOf(type: RecordTypeName, record: RecordValues): string {
  const title = record[RECORD_TYPES[type].titleField];
  return typeof title === 'string' && title.trim() ? title : `(untitled ${RECORD_TYPES[type].label.toLowerCase()})`;
}
