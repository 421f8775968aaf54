// The worked example a planner can open from the home screen: a fictional neighbourhood strategy
// (resources/examples/worked-example.json, in the interchange format, written by us). Each copy is
// made current: every date in it moves by the same whole number of years, so the strategy period,
// the review date and the records' last reviews stay as recent as when it was written, relative to
// today, and the example shows only the gaps it shows on purpose whenever it is opened.
import example from '../../../resources/examples/worked-example.json' with { type: 'json' };

/** A calendar date, or a moment, as the interchange format writes them. */
const DATE = /^(\d{4})-(\d{2})-(\d{2})(T\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?Z)?$/;

export function shiftDate(value: string, years: number): string {
  const match = DATE.exec(value);
  if (!match) return value;
  const year = Number(match[1]) + years;
  const month = Number(match[2]);
  // 29 February in a year without one becomes the 28th.
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const day = Math.min(Number(match[3]), lastDay);
  return `${String(year).padStart(4, '0')}-${match[2]}-${String(day).padStart(2, '0')}${match[4] ?? ''}`;
}

function shiftAll(value: unknown, years: number): unknown {
  if (typeof value === 'string') return shiftDate(value, years);
  if (Array.isArray(value)) return value.map((item) => shiftAll(item, years));
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, shiftAll(item, years)]));
  return value;
}

/** How many years the example moves so that its last change is as recent as possible without being after `now`. */
export function yearsToShift(now: Date, lastChanged = example.workbook.modifiedAt): number {
  let years = now.getUTCFullYear() - new Date(lastChanged).getUTCFullYear();
  if (Date.parse(shiftDate(lastChanged, years)) > now.getTime()) years -= 1;
  return years;
}

/** The worked example as an interchange document, its dates moved to suit `now`. */
export function workedExample(now: Date): unknown {
  return shiftAll(example, yearsToShift(now));
}
