// The document's own parts for the self-assessment and the review cycle: in "What good looks like"
// the indicators worked out from the workbook for each hallmark, with how each was counted, beside
// the ratings (printed from their records after it); in "Review" when the strategy is next reviewed
// and when it was last. The review log itself prints from its records.
import { HALLMARKS } from '../../../shared/domain/hallmarks.ts';
import { formatUkDate } from '../../../shared/domain/uk-date.ts';
import type { ExportData } from './export-data.ts';
import type { RecordTypeName } from '../../../shared/domain/record-types.ts';
import { gapLine, heading, intro, para } from './word-blocks.ts';
import type { Part } from './word-census.ts';
import { table } from './word-table.ts';

/** The record types the indicators count. */
const COUNTED_TYPES: readonly string[] = ['audience', 'area', 'asset', 'partner', 'activity', 'priority'];

export function goodParts(data: ExportData): Part[] {
  return [
    () => {
      const rows = HALLMARKS.flatMap((hallmark) => {
        const items = data.assessment.indicators.filter((i) => i.hallmark === hallmark.id);
        return items.length === 0 ? [] : [{ group: hallmark.label }, ...items.map((i) => [i.indicator, `${i.numerator} of ${i.denominator}`, i.value === null ? '–' : `${Math.round(i.value * 100)} %`, i.explanation])];
      });
      // Until the workbook records anything the indicators count, a table of noughts says nothing.
      const counted = COUNTED_TYPES.some((type) => (data.records[type as RecordTypeName]?.length ?? 0) > 0);
      return [
        heading('What good looks like', 2),
        ...(rows.length === 0 || !counted
          ? [gapLine('To be completed: the hallmarks in figures, worked out from the audiences, areas, assets, partners and activities the workbook records.')]
          : [intro('What the workbook shows against each hallmark of good engagement, worked out from its records on the day this document was written, and how each figure was counted.'), table([{ title: 'Indicator', width: 3 }, { title: 'Count', width: 1, numeric: true }, { title: 'Share', width: 1, numeric: true }, { title: 'How it was counted', width: 6 }], rows)]),
      ];
    },
  ];
}

export function reviewParts(data: ExportData): Part[] {
  return [
    () => {
      const last = [...data.records.reviewEntry].sort((a, b) => String(a.reviewedOn).localeCompare(String(b.reviewedOn))).at(-1);
      const next = data.meta.reviewDate ? `The strategy will next be reviewed by ${formatUkDate(data.meta.reviewDate)}.` : 'The date of the next review is to be confirmed.';
      const lastLine = last ? ` It was last reviewed on ${formatUkDate(String(last.reviewedOn))}.` : ' It has not been reviewed yet.';
      const from = data.meta.rolledFrom ? [para(`This strategy carries forward “${data.meta.rolledFrom.title}”${data.meta.rolledFrom.periodStart && data.meta.rolledFrom.periodEnd ? ` (${formatUkDate(data.meta.rolledFrom.periodStart)} to ${formatUkDate(data.meta.rolledFrom.periodEnd)})` : ''}.`)] : [];
      return [heading('Review', 2), para(`${next}${lastLine} Each review looks at what has changed since the last one and at anything not reviewed for over a year, and is recorded in the review log below.`), ...from];
    },
  ];
}
