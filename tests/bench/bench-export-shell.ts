// What the export benches' data have in common: every record type present (empty until filled),
// and the parts of an export the benches do not measure (no crime, logo, links or ratings), so
// that each bench builds only the records, gaps and census it is about.
import { NO_CRIME } from '../../electron/core/export/crime-export-data.ts';
import type { ExportData } from '../../electron/core/export/export-data.ts';
import type { RecordValues } from '../../shared/api/records.ts';
import type { WorkbookMeta } from '../../shared/api/workbook.ts';
import { RECORD_TYPE_NAMES, type RecordTypeName } from '../../shared/domain/record-types.ts';

const T = '2026-01-01T00:00:00.000Z';

/** A list for every record type, each empty. */
export function emptyRecords(): Record<RecordTypeName, RecordValues[]> {
  return Object.fromEntries(RECORD_TYPE_NAMES.map((type) => [type, [] as RecordValues[]])) as Record<RecordTypeName, RecordValues[]>;
}

/** Export data of the aims, WHO, evidence and good sections, without personal data, around what the bench gives. */
export function benchExportShell(
  meta: Pick<WorkbookMeta, 'id' | 'title' | 'marking' | 'appVersion'>,
  parts: Pick<ExportData, 'records' | 'names' | 'gaps' | 'sectionStates' | 'census'>,
): ExportData {
  return {
    meta: { ...meta, force: 'kent', periodStart: '2027-04-01', periodEnd: '2030-03-31', author: null, versionLabel: 'Draft', reviewDate: null, owner: null, approver: null, schemaVersion: 1, createdAt: T, modifiedAt: T },
    forceName: 'Kent Police',
    generatedAt: '2026-11-25T09:00:00.000Z',
    sections: ['aims', 'who', 'evidence', 'good'],
    personal: false,
    ...parts,
    evidenceLinks: [],
    receptivity: [],
    crime: NO_CRIME,
    logo: null,
    versions: [{ label: 'Draft', at: T }],
    assessment: { indicators: [], ratings: [] },
  };
}
