// The self-assessment against the five hallmarks: indicators worked out from what the workbook
// holds, each saying in words how it was counted and what it found, beside the planner's own
// rating (1 to 5) and evidence note for each hallmark. `ewb assess`, the overview and the
// strategy document all read this one answer.
import type { ReadDb } from '../db/open-database.ts';
import { listRecords } from '../records/record-store.ts';
import type { Assessment, HallmarkRatingSummary, Indicator } from '../../../shared/api/review.ts';
import { HALLMARKS } from '../../../shared/domain/hallmarks.ts';
import { isPriorityAudience, PARTNER_SECTORS } from '../../../shared/domain/vocabularies.ts';
import { formatUkDate } from '../../../shared/domain/uk-date.ts';
import type { RecordValues } from '../../../shared/api/records.ts';
import { activityIndicators } from './activity-indicators.ts';
import { count, indicator, listed } from './assess-workbook-words.ts';

/** The sectors a strategy beyond the police involves at least. */
export const KEY_SECTORS = ['health', 'education', 'business', 'voluntary'] as const;
const ACTIVE_ASSET = ['active', 'strong'];
const ACTIVE_PARTNER = ['active', 'formal'];

/** The date `months` months before `today` (YYYY-MM-DD), the day clamped to the month's end. */
export function monthsBefore(today: string, months: number): string {
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) - months;
  const year = Math.floor(total / 12);
  const month = total % 12;
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month + 1).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

function recentlyInTouch(record: RecordValues, active: readonly string[], since: string): boolean {
  return active.includes(String(record.relationship)) && typeof record.lastContact === 'string' && record.lastContact >= since;
}

function linkIds(record: RecordValues, link: string): string[] {
  const ids = record[link];
  return Array.isArray(ids) ? (ids as string[]) : [];
}

function networkIndicators(db: ReadDb, today: string): Indicator[] {
  const since = monthsBefore(today, 6);
  const assets = listRecords(db, 'asset').filter((a) => recentlyInTouch(a, ACTIVE_ASSET, since));
  const partners = listRecords(db, 'partner').filter((p) => recentlyInTouch(p, ACTIVE_PARTNER, since));
  const reached = new Set([...assets.flatMap((a) => linkIds(a, 'audienceIds')), ...partners.flatMap((p) => linkIds(p, 'audienceIds'))]);
  const priority = listRecords(db, 'audience').filter((a) => isPriorityAudience(a.priority));
  const reachedPriority = priority.filter((a) => reached.has(a.id));
  const touch = `last in touch on or after ${formatUkDate(since)} (within 6 months)`;
  const audiences = indicator(
    'network',
    'Priority audiences with an active contact',
    reachedPriority.length,
    priority.length,
    `Of ${count(priority.length, 'priority audience', 'priority audiences')} (high or medium priority), ${reachedPriority.length} ${reachedPriority.length === 1 ? 'has' : 'have'} at least one asset (active or strong) or partner (active or formal agreement) linked to them and ${touch}.`,
  );
  const areasCovered = new Set(assets.flatMap((a) => linkIds(a, 'areaIds')));
  const areas = listRecords(db, 'area');
  const bare = areas.filter((a) => !areasCovered.has(a.id));
  const names = bare.slice(0, 5).map((a) => `“${String(a.name)}”`);
  const more = bare.length > 5 ? ` and ${bare.length - 5} more` : '';
  const areasIndicator = indicator(
    'network',
    'Areas with no active contact',
    bare.length,
    areas.length,
    `Of ${count(areas.length, 'area', 'areas')}, ${bare.length} ${bare.length === 1 ? 'has' : 'have'} no asset (active or strong) there ${touch}${bare.length > 0 ? `: ${listed(names)}${more}` : ''}. Fewer is better.`,
  );
  return [audiences, areasIndicator];
}

function sectorLabel(id: string): string {
  return (PARTNER_SECTORS.find((s) => s.id === id)?.label ?? id).toLowerCase();
}

function sectorIndicators(db: ReadDb): Indicator[] {
  const partners = listRecords(db, 'partner');
  const covered = KEY_SECTORS.filter((sector) => partners.some((p) => p.sector === sector));
  const active = KEY_SECTORS.filter((sector) => partners.some((p) => p.sector === sector && ACTIVE_PARTNER.includes(String(p.relationship))));
  const key = `the ${KEY_SECTORS.length} key sectors (${listed(KEY_SECTORS.map(sectorLabel))})`;
  const missing = (found: readonly string[]) => KEY_SECTORS.filter((s) => !found.includes(s)).map(sectorLabel);
  const coveredMissing = missing(covered);
  const activeMissing = missing(active);
  return [
    indicator('beyond-police', 'Key partner sectors covered', covered.length, KEY_SECTORS.length, `Of ${key}, ${covered.length} ${covered.length === 1 ? 'has' : 'have'} at least one partner recorded${coveredMissing.length ? `; none yet in ${listed(coveredMissing)}` : ''}.`),
    indicator('beyond-police', 'Key partner sectors active', active.length, KEY_SECTORS.length, `Of ${key}, ${active.length} ${active.length === 1 ? 'has' : 'have'} a partner whose relationship is active or a formal agreement${activeMissing.length ? `; not yet in ${listed(activeMissing)}` : ''}.`),
  ];
}

/** The planner's rating of each hallmark: the most recently changed rating record for it, if any. */
export function hallmarkRatings(db: ReadDb): HallmarkRatingSummary[] {
  const records = listRecords(db, 'hallmarkRating').sort((a, b) => a.updatedAt.localeCompare(b.updatedAt));
  return HALLMARKS.map(({ id }) => {
    const latest = records.filter((r) => r.hallmark === id).at(-1);
    return { hallmark: id, rating: typeof latest?.rating === 'number' ? latest.rating : null, note: typeof latest?.evidence === 'string' ? latest.evidence : '' };
  });
}

/** Every indicator in the hallmarks' order, and the ratings. `today` is YYYY-MM-DD. */
export function assessWorkbook(db: ReadDb, today: string): Assessment {
  const all = [...networkIndicators(db, today), ...sectorIndicators(db), ...activityIndicators(db)];
  const order = HALLMARKS.map((h) => h.id as string);
  const indicators = all.map((item, i) => ({ item, i })).sort((a, b) => order.indexOf(a.item.hallmark) - order.indexOf(b.item.hallmark) || a.i - b.i).map(({ item }) => item);
  return { indicators, ratings: hallmarkRatings(db) };
}
