// The comparison of practice between forces: for one kind of audience, one kind of channel or one
// depth, what our force and each force in the library did — ours first, then our land neighbours,
// then the others — with what neighbours rate well that we do not use, and our audiences no force
// has recorded practice for. The library's rows for a query are kept per connection until its live
// entries change, so asking again of a library of every force answers in a few milliseconds.
import type { Comparison, ComparisonQuery, ComparisonRow, DepthCounts } from '../../../shared/api/library.ts';
import { forceById } from '../../../shared/domain/forces.ts';
import { ENGAGEMENT_DEPTHS } from '../../../shared/domain/vocabularies.ts';
import type { ReadDb } from '../db/open-database.ts';
import { statement } from '../db/statements.ts';
import { readWorkbookMeta } from '../workbook/workbook-store.ts';
import { keptLibraryRows, liveEntries, PRACTICE_COLUMNS, TITLE_ORDER, type RawRow } from './library-rows.ts';

type Group = ComparisonRow['group'];
const GROUP_ORDER: Record<Group, number> = { ours: 0, neighbour: 1, other: 2 };
// One collator for every comparison: String.localeCompare builds one per call.
const COLLATOR = new Intl.Collator('en-GB');

/** Which column a force sits in, for a workbook of force `ours`. */
export function groupOf(ours: string, force: string): Group {
  if (force === ours) return 'ours';
  return forceById(ours)?.neighbours.includes(force) ? 'neighbour' : 'other';
}

/** Rated well: the force's verdict is to adopt it, or its evidence was evaluated or monitored. */
export function ratedWell(row: { verdict: string | null; evidenceStrength: string | null }): boolean {
  return row.verdict === 'adopt' || row.evidenceStrength === 'evaluated' || row.evidenceStrength === 'monitored';
}

/** How a title is compared when asking whether we already use a practice: case and spacing ignored. */
export function sameTitle(title: string): string {
  return title.trim().replace(/\s+/g, ' ').toLowerCase();
}

function ourRows(db: ReadDb, query: ComparisonQuery): RawRow[] {
  const select = `SELECT NULL, ${PRACTICE_COLUMNS} FROM practice p`;
  if ('depth' in query) return statement(db, `${select} WHERE p.depth = ? ${TITLE_ORDER}`).raw(true).all(query.depth) as RawRow[];
  const column = 'audienceKind' in query ? 'audience_kinds' : 'channel_kinds';
  const kind = 'audienceKind' in query ? query.audienceKind : query.channelKind;
  return statement(db, `${select} WHERE EXISTS (SELECT 1 FROM json_each(p.${column}) WHERE value = ?) ${TITLE_ORDER}`).raw(true).all(kind) as RawRow[];
}

/** "Title (2025-04-01 to 2028-03-31)": a workbook named by its period, so two periods of one force tell apart. */
export function workbookLabel(title: string, periodStart: string | null, periodEnd: string | null): string {
  if (!periodStart && !periodEnd) return title;
  return `${title} (${periodStart ?? '…'} to ${periodEnd ?? '…'})`;
}

/** Our audiences whose kind no practice (ours or the library's) is recorded for: one index look-up per kind. */
function audiencesWithoutPractice(db: ReadDb): Comparison['audiencesWithoutPractice'] {
  const audiences = statement(db, 'SELECT id, name, kind FROM audience ORDER BY name, id').all() as Array<{ id: string; name: string; kind: string }>;
  const inLibrary = statement(db, `SELECT 1 FROM library_practice_kind k JOIN library_entry e ON e.id = k.entry_id WHERE k.axis = 'audience' AND k.kind = ? AND e.live = 1 LIMIT 1`);
  const ours = statement(db, 'SELECT 1 FROM practice, json_each(practice.audience_kinds) j WHERE j.value = ? LIMIT 1');
  const covered = new Map<string, boolean>();
  for (const { kind } of audiences) {
    if (!covered.has(kind)) covered.set(kind, inLibrary.get(kind) !== undefined || ours.get(kind) !== undefined);
  }
  return audiences.filter((audience) => !covered.get(audience.kind));
}

/** Forces in column order: ours, then neighbours, then others, each group by name. */
function orderForces(ours: string, present: Iterable<string>): Comparison['forces'] {
  const forces = new Set<string>([ours, ...(forceById(ours)?.neighbours ?? []), ...present]);
  return [...forces]
    .map((force) => ({ force, name: forceById(force)?.name ?? force, group: groupOf(ours, force) }))
                    .sort((a, b) => GROUP_ORDER[a.group] - GROUP_ORDER[b.group] || COLLATOR.compare(a.name, b.name)) as Comparison['forces'];
}

/** The comparison for one kind of audience, one kind of channel, or one depth. */
export function comparePractice(db: ReadDb, query: ComparisonQuery): Comparison {
  const ours = readWorkbookMeta(db).force;
  const usedTitles = new Set((statement(db, 'SELECT title FROM practice').pluck().all() as string[]).map(sameTitle));
  const live = liveEntries(db);
  const entries = new Map(live.map((entry) => [entry.id, { force: entry.force, label: workbookLabel(entry.title, entry.periodStart, entry.periodEnd) }]));
  const raw = [...ourRows(db, query), ...keptLibraryRows(db, query, live)];
  const forces = orderForces(ours, [...entries.values()].map((entry) => entry.force).filter((force, i, list) => list.indexOf(force) === i));
  const position = new Map(forces.map((f, i) => [f.force, i]));
  // Lists of kinds repeat across practices: each distinct one is parsed once.
  const lists = new Map<string, string[]>();
  const list = (json: string) => {
    let parsed = lists.get(json);
    if (!parsed) lists.set(json, (parsed = JSON.parse(json) as string[]));
    return parsed;
  };
  const rows: ComparisonRow[] = raw.map(([entryId, practiceId, title, audienceKinds, channelKinds, depth, outcome, evidenceStrength, verdict]) => {
    const entry = entryId === null ? null : entries.get(entryId)!;
    const force = entry?.force ?? ours;
    const group = entry === null ? 'ours' : groupOf(ours, force);
    return {
      force,
      neighbour: group === 'neighbour',
      group,
      practiceId,
      title,
      audienceKinds: list(audienceKinds),
      channelKinds: list(channelKinds),
      depth,
      outcome,
      evidenceStrength,
      verdict,
      entryId,
      workbookLabel: entry?.label ?? null,
      highlight: group === 'neighbour' && ratedWell({ verdict, evidenceStrength }) && !usedTitles.has(sameTitle(title)),
    } as ComparisonRow;
  });
  // Stable: within a force (ours before the library's, then each workbook) rows keep their title order.
  const rank = (row: ComparisonRow) => (GROUP_ORDER[row.group] * 1000 + position.get(row.force)!) * 2 + (row.entryId === null ? 0 : 1);
  const ranked = rows.map((row) => ({ row, rank: rank(row) }));
  ranked.sort((a, b) => a.rank - b.rank);
  return { rows: ranked.map((r) => r.row), forces: forces.filter((f) => f.group !== 'other' || rows.some((row) => row.force === f.force)), audiencesWithoutPractice: audiencesWithoutPractice(db) };
}

/** Practices by depth for each force with any (ours always), in column order: the chart's figures. */
export function countPracticeByDepth(db: ReadDb): DepthCounts {
  const ours = readWorkbookMeta(db).force;
  const counts = new Map<string, Record<string, number>>();
  const add = (force: string, depth: string | null, n: number) => {
    const key = depth ?? 'unknown';
    const entry = counts.get(force) ?? {};
    entry[key] = (entry[key] ?? 0) + n;
    counts.set(force, entry);
  };
  counts.set(ours, {});
  for (const row of statement(db, 'SELECT depth, count(*) AS n FROM practice GROUP BY depth').all() as Array<{ depth: string | null; n: number }>) add(ours, row.depth, row.n);
  const library = statement(db, 'SELECT e.force_id AS force, p.depth, count(*) AS n FROM library_practice p JOIN library_entry e ON e.id = p.entry_id WHERE e.live = 1 GROUP BY e.force_id, p.depth').all() as Array<{ force: string; depth: string | null; n: number }>;
  for (const row of library) add(row.force, row.depth, row.n);
  const present = [...counts.keys()];
  return orderForces(ours, present)
    .filter((f) => counts.has(f.force))
    .map((f) => ({ ...f, counts: counts.get(f.force)! }));
}

/** Every depth id, then "unknown" for practice with no depth recorded: the chart's series. */
export const DEPTH_SERIES = [...ENGAGEMENT_DEPTHS.map((d) => d.id), 'unknown'];
