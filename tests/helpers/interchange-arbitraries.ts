// fast-check generators for valid interchange documents: the round-trip property's inputs.
import fc from 'fast-check';
import { FORCES } from '../../shared/domain/forces.ts';
import { PROTECTIVE_MARKINGS } from '../../shared/domain/markings.ts';
import type { Interchange } from '../../shared/api/interchange.ts';

const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** Any text a planner could type: all of Unicode, less control characters, within `max`. */
export function text(max: number, required = false): fc.Arbitrary<string> {
  return fc
    .string({ unit: fc.oneof(fc.constantFrom('a', 'Z', ' ', 'é', '—', '’', '\n', '"', '<', '&', '😀', 'ŵ'), fc.string({ unit: 'grapheme', maxLength: 1 })), maxLength: max })
    .map((s) => s.replace(CONTROL, '').slice(0, max))
    .filter((s) => s.isWellFormed() && s.length <= max && (!required || s.trim().length > 0));
}

export const calendarDate = fc
  .integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2060, 11, 31) })
  .map((ms) => new Date(ms).toISOString().slice(0, 10));

export const timestamp = fc
  .integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2040, 0, 1) })
  .map((ms) => new Date(ms).toISOString());

export const period = fc
  .option(fc.tuple(calendarDate, calendarDate).filter(([a, b]) => a !== b).map(([a, b]): [string, string] => (a < b ? [a, b] : [b, a])))
  .map((pair) => (pair ? { periodStart: pair[0], periodEnd: pair[1] } : { periodStart: null, periodEnd: null }));

export function interchangeDocument(personal: boolean): fc.Arbitrary<Interchange> {
  return fc
    .record({
      id: fc.uuid({ version: 4 }),
      force: fc.constantFrom(...FORCES.map((f) => f.id)),
      title: text(200, true),
      period,
      author: fc.option(text(200)),
      versionLabel: text(50),
      marking: fc.constantFrom(...PROTECTIVE_MARKINGS),
      reviewDate: fc.option(calendarDate),
      createdAt: timestamp,
      modifiedAt: timestamp,
    })
    .map(({ period: p, author, ...rest }) => ({
      format: 'engagement-workbook' as const,
      version: 1 as const,
      personal,
      workbook: {
        id: rest.id,
        force: rest.force,
        title: rest.title,
        ...p,
        ...(personal ? { author } : {}),
        versionLabel: rest.versionLabel,
        marking: rest.marking,
        reviewDate: rest.reviewDate,
        createdAt: rest.createdAt,
        modifiedAt: rest.modifiedAt,
      },
      records: {},
    }));
}
