// A date typed as day, month and year (the GOV.UK date input), held in a form as one string: empty,
// a calendar date (YYYY-MM-DD) once the three parts make a real one, or the parts as typed
// ("~31/2/2028") until they do — so nothing typed is lost, and what is wrong can be said in words.
import { MONTHS } from '../../../shared/domain/uk-date.ts';
export interface DateParts {
  day: string;
  month: string;
  year: string;
}

const PARTIAL = '~';
export const EARLIEST_YEAR = 1900;
export const LATEST_YEAR = 2199;

export function partsOf(value: string): DateParts {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (iso) return { day: String(Number(iso[3])), month: String(Number(iso[2])), year: iso[1]! };
  if (value.startsWith(PARTIAL)) {
    const [day = '', month = '', year = ''] = value.slice(1).split('/');
    return { day, month, year };
  }
  return { day: '', month: '', year: '' };
}

/** A month typed as a number, or as its name or the first three letters of it ("Mar", "march"). */
export function monthNumber(text: string): number | null {
  const trimmed = text.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  if (trimmed.length < 3) return null;
  const index = MONTHS.findIndex((name) => name.toLowerCase().startsWith(trimmed.toLowerCase().replace(/\.$/, '')));
  return index === -1 ? null : index + 1;
}

function realDate(parts: DateParts): string | null {
  if (![parts.day, parts.year].every((part) => /^\d+$/.test(part.trim()))) return null;
  const day = Number(parts.day);
  const month = monthNumber(parts.month) ?? 0;
  const yearText = parts.year.trim();
  const year = Number(yearText);
  if (yearText.length !== 4 || year < EARLIEST_YEAR || year > LATEST_YEAR || month < 1 || month > 12 || day < 1) return null;
  const iso = `${yearText}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  const date = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === iso ? iso : null;
}

/** The form's value for what is typed: '', a calendar date, or the parts as typed. */
export function valueOfParts(parts: DateParts): string {
  const trimmed = { day: parts.day.trim(), month: parts.month.trim(), year: parts.year.trim() };
  if (!trimmed.day && !trimmed.month && !trimmed.year) return '';
  return realDate(trimmed) ?? `${PARTIAL}${trimmed.day}/${trimmed.month}/${trimmed.year}`;
}

const EXAMPLE = 'for example 31 3 2028';

/**
 * What is wrong with a date field's value, in the planner's terms, or null. `label` is the field's
 * name ("By when"); a required date must be given.
 */
export function dateProblem(label: string, value: string, required = false): string | null {
  if (value === '') return required ? `Enter ${label.toLowerCase()}: the day, month and year as numbers, ${EXAMPLE}` : null;
  if (realDate(partsOf(value))) return null;
  const parts = partsOf(value);
  const missing = (['day', 'month', 'year'] as const).filter((part) => parts[part].trim() === '');
  if (missing.length > 0) return `${label} must include a ${missing.join(' and ')}: type the day, month and year as numbers, ${EXAMPLE}`;
  const notNumbers = (['day', 'year'] as const).filter((part) => !/^\d+$/.test(parts[part].trim()));
  if (notNumbers.length > 0) return `${label}: type the ${notNumbers.join(' and ')} as ${notNumbers.length === 1 ? 'a number' : 'numbers'}, ${EXAMPLE} (not “${parts[notNumbers[0]!].trim()}”)`;
  if (monthNumber(parts.month) === null) return `${label}: type the month as a number or its name, ${EXAMPLE} or 31 March 2028 (not “${parts.month.trim()}”)`;
  if (parts.year.trim().length !== 4) return `${label}: the year must be 4 digits, for example 2028 (not ${parts.year.trim()})`;
  const year = Number(parts.year);
  if (year < EARLIEST_YEAR || year > LATEST_YEAR) return `${label}: the year must be between ${EARLIEST_YEAR} and ${LATEST_YEAR} (not ${year})`;
  const month = monthNumber(parts.month)!;
  if (month < 1 || month > 12) return `${label}: the month must be a number from 1 to 12 (not ${parts.month.trim()})`;
  return `${label} must be a real date: ${parts.day.trim()} ${parts.month.trim()} ${parts.year.trim()} does not exist, ${EXAMPLE}`;
}
