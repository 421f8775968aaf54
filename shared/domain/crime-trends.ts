// What is rising and falling: a crime type's last three months against the three before them, and
// against the same three months a year before, with the counts behind each figure. Pure arithmetic
// over a series of monthly counts, so the screen, the exports and the CLI say the same thing.
import type { CrimeTrend, TrendComparison } from '../api/crime.ts';

/** A change within this share either way is "steady": month-to-month noise, not a trend. */
export const STEADY_WITHIN = 0.1;

/** "2024-03" moved by `by` months. */
export function addMonths(month: string, by: number): string {
  const [year, mon] = month.split('-').map(Number) as [number, number];
  const index = year * 12 + (mon - 1) + by;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** Every month from `first` to `last`, both included. */
export function monthRange(first: string, last: string): string[] {
  const months: string[] = [];
  for (let month = first; month <= last; month = addMonths(month, 1)) months.push(month);
  return months;
}

const WINDOW = 3;
const BACK: Readonly<Record<TrendComparison, number>> = { previous: WINDOW, 'year-before': 12 };

function sum(counts: readonly number[], from: number): number {
  let total = 0;
  for (let i = from; i < from + WINDOW; i += 1) total += counts[i] ?? 0;
  return total;
}

/**
 * The trend of one series over `months` (a continuous run, oldest first), or null when the data does
 * not reach back far enough or there is nothing in either window.
 */
export function trendOf(crimeType: string, months: readonly string[], counts: readonly number[], comparison: TrendComparison): CrimeTrend | null {
  const recentStart = months.length - WINDOW;
  const earlierStart = recentStart - BACK[comparison];
  if (earlierStart < 0) return null;
  const recent = sum(counts, recentStart);
  const earlier = sum(counts, earlierStart);
  if (recent === 0 && earlier === 0) return null;
  const change = earlier === 0 ? null : (recent - earlier) / earlier;
  const direction = change === null ? 'new' : change > STEADY_WITHIN ? 'rising' : change < -STEADY_WITHIN ? 'falling' : 'steady';
  return {
    crimeType,
    comparison,
    recentFrom: months[recentStart]!,
    recentTo: months[months.length - 1]!,
    earlierFrom: months[earlierStart]!,
    earlierTo: months[earlierStart + WINDOW - 1]!,
    recent,
    earlier,
    change,
    direction,
  };
}

/** "Rising", "Falling", "Steady" or "New" (none in the months before). */
export function trendWord(trend: CrimeTrend): string {
  return { rising: 'Rising', falling: 'Falling', steady: 'Steady', new: 'New' }[trend.direction];
}

/** "+25%", "−10%", or "from none". */
export function trendChange(trend: CrimeTrend): string {
  if (trend.change === null) return 'from none';
  return `${trend.change >= 0 ? '+' : '−'}${Math.round(Math.abs(trend.change) * 100)}%`;
}

/** "120 in Jan–Mar 2024 against 96 in Oct–Dec 2023": the counts behind a trend. */
export function trendCounts(trend: CrimeTrend): string {
  const span = (from: string, to: string) => `${monthName(from)}–${monthName(to)}`;
  return `${trend.recent.toLocaleString('en-GB')} in ${span(trend.recentFrom, trend.recentTo)} against ${trend.earlier.toLocaleString('en-GB')} in ${span(trend.earlierFrom, trend.earlierTo)}`;
}

/** "Rising +25% (120 in Jan–Mar 2024 against 96 in Oct–Dec 2023)": a trend in words, with its counts. */
export function describeTrend(trend: CrimeTrend): string {
  return `${trendWord(trend)} ${trendChange(trend)} (${trendCounts(trend)})`;
}

const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "Mar 2024". */
export function monthName(month: string): string {
  const [year, mon] = month.split('-');
  return `${MONTH_NAMES[Number(mon) - 1] ?? mon} ${year}`;
}
