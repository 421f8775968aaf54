// Finds records that sit inside themselves (an area its own ancestor, directly or through any
// number of others) and census categories that are subgroups of themselves. Unbounded: SQLite
// walks down from every top-level record with a recursive query (each record is reached at most
// once, as each has one parent), and only the records it never reaches, the ones in or under a
// loop, are looked at here to name each loop and choose where to break it. Census categories are
// walked here, one table (at most a few thousand) at a time.
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

/** The loops among `nodes`, each in parent order; a node whose parent is not among them ends its walk. */
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

function describeLoop(loop: readonly Node[], noun: [one: string, many: string], relation: string): string {
  if (loop.length === 1) return `${relation} itself`;
  const shown = loop.slice(0, 5).map((node) => `“${node.name}”`);
  const chain = [...shown, ...(loop.length > 5 ? ['…'] : []), shown[0]!].join(` ${relation} `);
  return `${relation} itself through a loop of ${plural(loop.length, ...noun)}: ${chain}`;
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
      message: describeLoop(loop, [def.label.toLowerCase(), def.plural.toLowerCase()], 'is part of'),
      repair: loop.length === 1 ? `Make it part of no ${def.label.toLowerCase()}` : `Take “${member.name}” out of “${parentName(member.parent)}” (it will be part of no ${def.label.toLowerCase()})`,
      fix: fix([statement(`UPDATE ${def.table} SET ${column} = NULL WHERE id = ?`, member.key)], 1),
    });
  }
}

/** Each table's categories on their own (at most a few thousand), as positions and parents only. */
function checkCategoryLoops(db: ReadDb, emit: Emit): void {
  const tables = db.prepare('SELECT id, substr(code, 1, 60) AS code, substr(title, 1, 200) AS title FROM census_table').all() as Array<{ id: string; code: string; title: string }>;
  const categoriesOf = db.prepare('SELECT position, parent_position AS parent FROM census_category WHERE table_id = ? AND parent_position IS NOT NULL');
  const nameOf = db.prepare('SELECT substr(name, 1, 400) FROM census_category WHERE table_id = ? AND position = ?').pluck();
  for (const table of tables) {
    // Top-level categories end every walk, so only subgroups need be held.
    const nodes = new Map<string, Node>();
    for (const row of categoriesOf.iterate(table.id) as Iterable<{ position: number; parent: number }>) {
      // The position is the rank: the last column of a loop is taken out of it.
      nodes.set(String(row.position), { key: String(row.position), parent: String(row.parent), name: '', rank: String(row.position).padStart(10, '0') });
    }
    for (const loop of findLoops(nodes)) {
      for (const node of loop) node.name = printable(nameOf.get(table.id, Number(node.key)), 40);
      const member = breakAt(loop);
      emit({
        recordType: 'censusTable',
        recordLabel: 'Census table',
        recordId: table.id,
        title: printable(`${table.code} ${table.title}`),
        field: 'categories',
        fieldLabel: 'Categories',
        message: `the category “${member.name}” ${describeLoop(loop, ['category', 'categories'], 'is a subgroup of')}`,
        repair: `Make “${member.name}” a top-level category`,
        fix: fix([statement('UPDATE census_category SET parent_position = NULL WHERE table_id = ? AND position = ?', table.id, Number(member.key))], 1),
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
