// The comparison of practice between forces: for one kind of audience, one kind of channel or one
// depth, what our force and each force in the library did — ours first, then our land neighbours,
// then the others — with what neighbours rate well that we do not use, and our audiences no force
// has recorded practice for. Reads use the library's kind index, so a library of every force answers
// in milliseconds.
import type { Comparison, ComparisonQuery, ComparisonRow, DepthCounts } from '../../../shared/api/library.ts';
import { forceById } from '../../../shared/domain/forces.ts';
import { ENGAGEMENT_DEPTHS } from '../../../shared/domain/vocabularies.ts';
import type { ReadDb } from '../db/open-database.ts';
import { statement } from '../db/statements.ts';
import { readWorkbookMeta } from '../workbook/workbook-store.ts';

type Group = ComparisonRow['group'];
const GROUP_ORDER: Record<Group, number> = { ours: 0, neighbour: 1, other: 2 };

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

interface RawRow {
  force: string;
  id: string;
  title: string;
  description: string;
  audienceKinds: string;
  channelKinds: string;
  depth: string | null;
  outcome: string | null;
  outcomeNote: string;
  evidenceStrength: string | null;
  verdict: string | null;
  entryId: string | null;
  entryTitle: string | null;
  periodStart: string | null;
  periodEnd: string | null;
}

const OUR_COLUMNS = `id, title, description, audience_kinds AS audienceKinds, channel_kinds AS channelKinds, depth, outcome, outcome_note AS outcomeNote,
  evidence_strength AS evidenceStrength, verdict, NULL AS entryId, NULL AS entryTitle, NULL AS periodStart, NULL AS periodEnd`;
const LIBRARY_COLUMNS = `e.force_id AS force, p.id, p.title, p.description, p.audience_kinds AS audienceKinds, p.channel_kinds AS channelKinds, p.depth, p.outcome,
  p.outcome_note AS outcomeNote, p.evidence_strength AS evidenceStrength, p.verdict, e.id AS entryId, e.title AS entryTitle, e.period_start AS periodStart, e.period_end AS periodEnd`;

function ourRows(db: ReadDb, query: ComparisonQuery): Array<Omit<RawRow, 'force'>> {
  if ('depth' in query) return statement(db, `SELECT ${OUR_COLUMNS} FROM practice WHERE depth = ?`).all(query.depth) as Array<Omit<RawRow, 'force'>>;
  const [column, kind] = 'audienceKind' in query ? ['audience_kinds', query.audienceKind] : ['channel_kinds', query.channelKind];
  return statement(db, `SELECT ${OUR_COLUMNS} FROM practice WHERE EXISTS (SELECT 1 FROM json_each(${column}) WHERE value = ?)`).all(kind) as Array<Omit<RawRow, 'force'>>;
}

function libraryRows(db: ReadDb, query: ComparisonQuery): RawRow[] {
  if ('depth' in query) {
    return statement(db, `SELECT ${LIBRARY_COLUMNS} FROM library_practice p JOIN library_entry e ON e.id = p.entry_id WHERE e.live = 1 AND p.depth = ?`).all(query.depth) as RawRow[];
  }
  const [axis, kind] = 'audienceKind' in query ? ['audience', query.audienceKind] : ['channel', query.channelKind];
  return statement(
    db,
    `SELECT ${LIBRARY_COLUMNS} FROM library_practice_kind k
       JOIN library_entry e ON e.id = k.entry_id
       JOIN library_practice p ON p.entry_id = k.entry_id AND p.id = k.practice_id
     WHERE k.axis = ? AND k.kind = ? AND e.live = 1`,
  ).all(axis, kind) as RawRow[];
}

/** "Title (2025-04-01 to 2028-03-31)": a workbook named by its period, so two periods of one force tell apart. */
export function workbookLabel(title: string, periodStart: string | null, periodEnd: string | null): string {
  if (!periodStart && !periodEnd) return title;
  return `${title} (${periodStart ?? '…'} to ${periodEnd ?? '…'})`;
}

/** Our audiences whose kind no practice (ours or the library's) is recorded for. */
function audiencesWithoutPractice(db: ReadDb): Comparison['audiencesWithoutPractice'] {
  const covered = new Set<string>([
    ...(statement(db, `SELECT DISTINCT kind FROM library_practice_kind k JOIN library_entry e ON e.id = k.entry_id WHERE k.axis = 'audience' AND e.live = 1`).pluck().all() as string[]),
    ...(statement(db, 'SELECT DISTINCT j.value FROM practice, json_each(practice.audience_kinds) j').pluck().all() as string[]),
  ]);
  const audiences = statement(db, 'SELECT id, name, kind FROM audience ORDER BY name, id').all() as Array<{ id: string; name: string; kind: string }>;
  return audiences.filter((audience) => !covered.has(audience.kind));
}

/** Forces in column order: ours, then neighbours, then others, each group by name. */
function orderForces(ours: string, present: Iterable<string>): Comparison['forces'] {
  const forces = new Set<string>([ours, ...(forceById(ours)?.neighbours ?? []), ...present]);
  return [...forces]
    .map((force) => ({ force, name: forceById(force)?.name ?? force, group: groupOf(ours, force) }))
    .sort((a, b) => GROUP_ORDER[a.group] - GROUP_ORDER[b.group] || a.name.localeCompare(b.name)) as Comparison['forces'];
}

/** The comparison for one kind of audience, one kind of channel, or one depth. */
export function comparePractice(db: ReadDb, query: ComparisonQuery): Comparison {
  const ours = readWorkbookMeta(db).force;
  const usedTitles = new Set((statement(db, 'SELECT title FROM practice').pluck().all() as string[]).map(sameTitle));
  const raw: RawRow[] = [...ourRows(db, query).map((row) => ({ ...row, force: ours })), ...libraryRows(db, query)];
  const forces = orderForces(ours, raw.map((row) => row.force));
  const position = new Map(forces.map((f, i) => [f.force, i]));
  const rows: ComparisonRow[] = raw.map((row) => {
    const group = row.entryId === null ? 'ours' : groupOf(ours, row.force);
    return {
      force: row.force,
      neighbour: group === 'neighbour',
      group,
      practiceId: row.id,
      title: row.title,
      description: row.description,
      audienceKinds: JSON.parse(row.audienceKinds) as string[],
      channelKinds: JSON.parse(row.channelKinds) as string[],
      depth: row.depth,
      outcome: row.outcome,
      outcomeNote: row.outcomeNote,
      evidenceStrength: row.evidenceStrength,
      verdict: row.verdict,
      entryId: row.entryId,
      workbookLabel: row.entryId === null ? null : workbookLabel(row.entryTitle ?? '', row.periodStart, row.periodEnd),
      highlight: group === 'neighbour' && ratedWell(row) && !usedTitles.has(sameTitle(row.title)),
    } as ComparisonRow;
  });
  rows.sort((a, b) => GROUP_ORDER[a.group] - GROUP_ORDER[b.group] || position.get(a.force)! - position.get(b.force)! || (a.entryId === null ? 0 : 1) - (b.entryId === null ? 0 : 1) || a.title.localeCompare(b.title) || a.practiceId.localeCompare(b.practiceId));
  return { rows, forces, audiencesWithoutPractice: audiencesWithoutPractice(db) };
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
