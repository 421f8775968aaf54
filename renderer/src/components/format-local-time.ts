// Moments (UTC timestamps from the core) as the planner's own clock reads them: "25 November 2026
// at 10:43", in the computer's time zone, not UTC.
import { MONTHS } from '../../../shared/domain/uk-date.ts';

export function formatLocalDate(timestamp: string): string {
  const date = new Date(timestamp);
  if (Number.isNaN(date.getTime())) return timestamp;
  return `${date.getDate()} ${MONTHS[date.getMonth()]} ${date.getFullYear()}`;
}

export function formatLocalDateTime(timestamp: string): string {
  const date = new Date(timestamp);
  if (Number.isNaN(date.getTime())) return timestamp;
  return `${formatLocalDate(timestamp)} at ${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;
}
