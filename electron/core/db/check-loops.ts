// Finds records that sit inside themselves (an area its own ancestor, directly or through any
// number of others) and census categories that are subgroups of themselves. Unbounded: SQLite
// walks down from every top-level record with a recursive query (each record is reached at most
// once, as each has one parent), and only the records it never reaches, the ones in or under a
// loop, are looked at here to name each loop and choose where to break it.
import { RECORD_TYPES, RECORD_TYPE_NAMES, type FieldDef, type RecordTypeName } from '../../../shared/domain/record-types.ts';
import type { ReadDb } from './open-database.ts';
import { fix, plural, printable, statement, type Emit } from './value-problem.ts';

interface Node {
  key: string;
  parent: string | null;
  name: string;
  /** Which member of a loop to take out of it: the most recently changed, likely the edit that closed it. */
  rank: string;
}

/** The loops among `nodes` (every one of which leads into a loop), each in parent order. */
export function findLoops(nodes: ReadonlyMap<string, Node>): Node[][] {
  const walkOf = new Map<string, number>();
  const loops: Node[][] = [];
  let walk = 0;
  for (const start of nodes.keys()) {
    if (walkOf.has(start)) continue;
    walk += 1;
    const path: string[] = [];
    let current: string | null = start;
    while (current !== null && nodes.has(current) && !walkOf.has(current)) {
      walkOf.set(current, walk);
      path.push(current);
      current = nodes.get(current)!.parent;
    }
    if (current !== null && walkOf.get(current) === walk) loops.push(path.slice(path.indexOf(current)).map((key) => nodes.get(key)!));
  }
  return loops;
}

function describeLoop(loop: readonly Node[], noun: string, relation: string): string {
  if (loop.length === 1) return `${relation} itself`;
  const shown = loop.slice(0, 5).map((node) => `“${node.name}”`);
  const chain = [...shown, ...(loop.length > 5 ? ['…'] : []), shown[0]!].join(` ${relation} `);
  return `${relation} itself through a loop of ${plural(loop.length, noun)}: ${chain}`;
}

function breakAt(loop: readonly Node[]): Node {
  return loop.reduce((best, node) => (node.rank > best.rank || (node.rank === best.rank && node.key < best.key) ? node : best));
}

function checkRecordLoops(db: ReadDb, type: RecordTypeName, field: FieldDef, emit: Emit): void {
  const def = RECORD_TYPES[type];
  const column = field.column;
  const titleColumn = def.fields.find((f) => f.name === def.titleField)?.column ?? 'id';
  const rows = db
    .prepare(
      `WITH RECURSIVE rooted(id) AS (
         SELECT id FROM ${def.table} WHERE ${column} IS NULL
         UNION ALL SELECT t.id FROM ${def.table} t JOIN rooted r ON t.${column} = r.id)
       SELECT id, ${column} AS parent, substr(${titleColumn}, 1, 400) AS name, updated_at AS rank
       FROM ${def.table} WHERE id NOT IN (SELECT id FROM rooted)`,
    )
    .all() as Array<{ id: string; parent: string | null; name: unknown; rank: unknown }>;
  if (rows.length === 0) return;
  const nodes = new Map(rows.map((row) => [row.id, { key: row.id, parent: row.parent, name: printable(row.name, 40) || row.id, rank: String(row.rank) }]));
  const parentName = (key: string | null) => (key === null ? '' : (nodes.get(key)?.name ?? ''));
  for (const loop of findLoops(nodes)) {
    const member = breakAt(loop);
    emit({
      recordType: type,
      recordLabel: def.label,
      recordId: member.key,
      title: member.name,
      field: field.name,
      fieldLabel: field.label,
      message: describeLoop(loop, def.label.toLowerCase(), 'is part of'),
      repair: loop.length === 1 ? `Make it part of no ${def.label.toLowerCase()}` : `Take “${member.name}” out of “${parentName(member.parent)}” (it will be part of no ${def.label.toLowerCase()})`,
      fix: fix([statement(`UPDATE ${def.table} SET ${column} = NULL WHERE id = ?`, member.key)], 1),
    });
  }
}

function checkCategoryLoops(db: ReadDb, emit: Emit): void {
  const rows = db
    .prepare(
      `WITH RECURSIVE rooted(table_id, position) AS (
         SELECT table_id, position FROM census_category WHERE parent_position IS NULL
         UNION ALL SELECT c.table_id, c.position FROM census_category c JOIN rooted r ON c.table_id = r.table_id AND c.parent_position = r.position)
       SELECT c.table_id AS tableId, c.position, c.parent_position AS parent, substr(c.name, 1, 400) AS name,
         substr(t.code, 1, 60) AS code, substr(t.title, 1, 200) AS title
       FROM census_category c JOIN census_table t ON t.id = c.table_id
       WHERE NOT EXISTS (SELECT 1 FROM rooted r WHERE r.table_id = c.table_id AND r.position = c.position)`,
    )
    .all() as Array<{ tableId: string; position: number; parent: number | null; name: unknown; code: string; title: string }>;
  const byTable = new Map<string, typeof rows>();
  for (const row of rows) {
    const members = byTable.get(row.tableId);
    if (members) members.push(row);
    else byTable.set(row.tableId, [row]);
  }
  for (const [tableId, members] of byTable) {
    const key = (position: number | null) => (position === null ? null : String(position));
    // The position is the rank: the last column of a loop is taken out of it.
    const nodes = new Map(members.map((row) => [String(row.position), { key: String(row.position), parent: key(row.parent), name: printable(row.name, 40), rank: String(row.position).padStart(10, '0') }]));
    const first = members[0]!;
    for (const loop of findLoops(nodes)) {
      const member = breakAt(loop);
      emit({
        recordType: 'censusTable',
        recordLabel: 'Census table',
        recordId: tableId,
        title: printable(`${first.code} ${first.title}`),
        field: 'categories',
        fieldLabel: 'Categories',
        message: `the category “${member.name}” ${describeLoop(loop, 'category', 'is a subgroup of')}`,
        repair: `Make “${member.name}” a top-level category`,
        fix: fix([statement('UPDATE census_category SET parent_position = NULL WHERE table_id = ? AND position = ?', tableId, Number(member.key))], 1),
      });
    }
  }
}

/** Every loop in the workbook's hierarchies: records of a type inside records of the same type, and census categories. */
export function checkLoops(db: ReadDb, emit: Emit): void {
  for (const type of RECORD_TYPE_NAMES) {
    for (const field of RECORD_TYPES[type].fields) {
      if (field.kind === 'ref' && field.target === type) checkRecordLoops(db, type, field, emit);
    }
  }
  checkCategoryLoops(db, emit);
}
