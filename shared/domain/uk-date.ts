// Dates as a UK reader writes them: "31 March 2028". One format for the screens, the gaps and the
// messages; calendar dates (YYYY-MM-DD) have no time zone, so this is the same everywhere.

export const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'] as const;

/** "2028-03-31" → "31 March 2028"; anything that is not a calendar date is returned as it is. */
export function formatUkDate(date: string | null | undefined): string {
  if (!date) return '';
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const month = match ? MONTHS[Number(match[2]) - 1] : undefined;
  if (!match || !month) return date;
  return `${Number(match[3])} ${month} ${match[1]}`;
}
