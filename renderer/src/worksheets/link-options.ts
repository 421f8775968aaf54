// The records a form's link pickers and drop-downs offer, as id and title. Worked out once for each
// list of records (the list is replaced whenever one of its records changes), not on every render:
// a message's form re-rendered on each keystroke and titled every audience each time.
import type { FieldDef, RecordTypeName } from '../../../shared/domain/record-types.ts';
import type { RecordValues } from '../../../shared/api/records.ts';
import type { LinkOption } from '../components/LinkPicker.tsx';
import { titleOf } from './record-titles.ts';

const made = new WeakMap<readonly RecordValues[], Map<string, LinkOption[]>>();

/**
 * The options for records of `target`, leaving out `exclude` (the record itself, for a link to its
 * own type) and those `where` does not admit. The same arguments give the same array back, so a
 * picker's own work on its options is done again only when they change.
 */
export function linkOptions(target: RecordTypeName, records: readonly RecordValues[], exclude?: string, where?: FieldDef['targetWhere']): LinkOption[] {
  let byCall = made.get(records);
  if (!byCall) made.set(records, (byCall = new Map()));
  const key = `${target}\u0000${exclude ?? ''}\u0000${where ? `${where.field}\u0000${where.oneOf.join('\u0000')}` : ''}`;
  let options = byCall.get(key);
  if (!options) {
    options = records.filter((r) => r.id !== exclude && (!where || where.oneOf.includes(String(r[where.field])))).map((r) => ({ id: r.id, label: titleOf(target, r) }));
    byCall.set(key, options);
  }
  return options;
}
