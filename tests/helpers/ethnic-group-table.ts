// The census table the tests lean on, TS021 (ethnic group) by LSOA, as the interchange format
// carries it: one builder, so that every test's table has the same names, source and file.

/** The categories a test may pick from, in the table's order; a label with a colon sits under the group before it. */
const LABELS = ['Total', 'White', 'Asian', 'Asian: Bangladeshi', 'Asian: Indian', 'Other'] as const;

export type EthnicGroupLabel = (typeof LABELS)[number];

export interface Geography {
  code: string;
  name: string;
  /** One count a category, in the order of the table's categories. */
  counts: number[];
}

function category(label: EthnicGroupLabel) {
  const parent = label.includes(':') ? `Ethnic group: ${label.split(':')[0]}` : null;
  const total = label === 'Total';
  return { name: total ? 'Ethnic group: Total: All usual residents' : `Ethnic group: ${label}`, label, parent, total };
}

/** TS021 by LSOA with the categories `labels` (all six unless told), in the interchange format's shape. */
export function ethnicGroupTable(id: string, importedAt: string, geographies: Geography[], labels: readonly EthnicGroupLabel[] = LABELS) {
  return {
    id,
    code: 'TS021',
    title: 'Ethnic group',
    source: 'ONS Census 2021',
    referenceDate: '2021',
    geographyLevel: 'lsoa',
    fileName: 'census2021-ts021-lsoa.csv',
    importedAt,
    categories: labels.map(category),
    geographies,
  };
}
