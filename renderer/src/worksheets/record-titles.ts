// How a record is named in lists, pickers and messages: its title field, or a stand-in.
import { RECORD_TYPES, type RecordTypeName } from '../../../shared/domain/record-types.ts';
import type { RecordValues } from '../../../shared/api/records.ts';

const TITLE_MAX = 100;

export function titleOf(type: RecordTypeName, record: RecordValues): string {
  const def = RECORD_TYPES[type];
  const title = record[def.titleField];
  if (typeof title !== 'string' || !title.trim()) return `(untitled ${def.label.toLowerCase()})`;
  // A message or a concern is named by its text, which can run to paragraphs: its opening words will do.
  if (def.fields.find((f) => f.name === def.titleField)?.kind !== 'longText') return title;
  const line = title.trim().split('\n')[0]!.trim();
  if (line.length <= TITLE_MAX) return line.length === title.trim().length ? line : `${line}…`;
  const cut = line.slice(0, TITLE_MAX);
  const space = cut.lastIndexOf(' ');
  return `${(space > TITLE_MAX / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
