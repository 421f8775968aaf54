// The crime imported into the workbook, a row per force: its months (first to last, and how many),
// rows counted, and rows that police.uk could not place in an LSOA.
import type { CrimeBatch } from '../../../../shared/api/crime.ts';
import { forceById } from '../../../../shared/domain/forces.ts';
import { monthName } from '../../../../shared/domain/crime-trends.ts';

interface ForceRow {
  forceId: string;
  months: string[];
  rows: number;
  withoutLsoa: number;
  lastImported: string;
}

export function forceRows(batches: readonly CrimeBatch[]): ForceRow[] {
  const byForce = new Map<string, ForceRow>();
  for (const batch of batches) {
    const row = byForce.get(batch.forceId) ?? { forceId: batch.forceId, months: [], rows: 0, withoutLsoa: 0, lastImported: '' };
    row.months.push(batch.month);
    row.rows += batch.rows;
    row.withoutLsoa += batch.rowsWithoutLsoa;
    if (batch.importedAt > row.lastImported) row.lastImported = batch.importedAt;
    byForce.set(batch.forceId, row);
  }
  return [...byForce.values()].map((row) => ({ ...row, months: row.months.sort() })).sort((a, b) => (forceById(a.forceId)?.name ?? a.forceId).localeCompare(forceById(b.forceId)?.name ?? b.forceId));
}

export function CrimeBatchesTable({ batches }: { batches: readonly CrimeBatch[] }) {
  if (batches.length === 0) return <p className="empty-state">No crime imported yet. Import a month’s file from police.uk (or a zip of many months) to see what is changing in each area.</p>;
  return (
    <table className="table">
      <caption className="visually-hidden">Crime imported, by force</caption>
      <thead>
        <tr>
          <th scope="col">Force</th>
          <th scope="col">Months</th>
          <th scope="col" className="table__number">Crimes and incidents</th>
          <th scope="col" className="table__number">Without an LSOA</th>
          <th scope="col">Last imported</th>
        </tr>
      </thead>
      <tbody>
        {forceRows(batches).map((row) => (
          <tr key={row.forceId}>
            <td>{forceById(row.forceId)?.name ?? row.forceId}</td>
            <td>
              {monthName(row.months[0]!)}
              {row.months.length > 1 ? ` to ${monthName(row.months.at(-1)!)}` : ''} ({row.months.length} {row.months.length === 1 ? 'month' : 'months'})
            </td>
            <td className="table__number">{row.rows.toLocaleString('en-GB')}</td>
            <td className="table__number">{row.withoutLsoa.toLocaleString('en-GB')}</td>
            <td>{row.lastImported.slice(0, 10)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
