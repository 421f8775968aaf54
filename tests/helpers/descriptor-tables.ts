// The tables a record-type descriptor needs, as SQL, for tests that add a type in memory: the
// common columns, one column per field (as the latest-schema test expects them) and link tables.
import type { FieldDef, RecordTypeDef } from '../../shared/domain/record-types.ts';
import { RECORD_TYPES } from '../../shared/domain/record-types.ts';

function columnSql(field: FieldDef): string {
  if (field.kind === 'integer') return `${field.column} INTEGER`;
  if (field.kind === 'boolean') return `${field.column} INTEGER NOT NULL DEFAULT 0`;
  if (field.kind === 'checklist') return `${field.column} TEXT NOT NULL`;
  if (field.kind === 'enumList' || field.kind === 'codeList') return `${field.column} TEXT NOT NULL DEFAULT '[]'`;
  if (field.kind === 'text' || field.kind === 'longText') return `${field.column} TEXT NOT NULL DEFAULT ''`;
  if (field.kind === 'ref') return `${field.column} TEXT${field.required ? ' NOT NULL' : ''} REFERENCES ${RECORD_TYPES[field.target!].table} (id) ON DELETE ${field.required ? 'RESTRICT' : 'SET NULL'}`;
  return `${field.column} TEXT${field.required ? ' NOT NULL' : ''}`;
}

export function tableSqlFor(def: RecordTypeDef): string {
  const common = ['id TEXT PRIMARY KEY NOT NULL', 'created_at TEXT NOT NULL', 'updated_at TEXT NOT NULL', 'reviewed_at TEXT', 'shareable INTEGER NOT NULL DEFAULT 1', "notes TEXT NOT NULL DEFAULT ''"];
  const links = def.links.map(
    (link) => `CREATE TABLE ${link.table} (owner_id TEXT NOT NULL REFERENCES ${def.table} (id) ON DELETE CASCADE, target_id TEXT NOT NULL REFERENCES ${RECORD_TYPES[link.target].table} (id) ON DELETE CASCADE, PRIMARY KEY (owner_id, target_id)) STRICT;`,
  );
  return [`CREATE TABLE ${def.table} (${[...common, ...def.fields.map(columnSql)].join(', ')}) STRICT;`, ...links].join('\n');
}
