// The workbooks in the practice library, each with where it came from (force, title, period, a
// share copy or a whole workbook, the file and when it was added), and a way to take one out.
import type { LibraryEntrySummary } from '../../../../shared/api/library.ts';
import { formatUkDate } from '../../../../shared/domain/uk-date.ts';

function period(entry: LibraryEntrySummary): string {
  return entry.periodStart || entry.periodEnd ? `${entry.periodStart ? formatUkDate(entry.periodStart) : '…'} to ${entry.periodEnd ? formatUkDate(entry.periodEnd) : '…'}` : 'No period given';
}

export function LibraryEntries({ entries, readOnly, onRemove }: { entries: readonly LibraryEntrySummary[]; readOnly: boolean; onRemove: (entry: LibraryEntrySummary) => void }) {
  if (entries.length === 0) return <p className="empty-state">No other force’s workbook yet. Add one a neighbouring force sent you (a share copy, or a whole workbook): its practice is copied in, and the file itself is left as it is.</p>;
  return (
    <div className="scroll-table" tabIndex={0} role="region" aria-label="Workbooks in the practice library">
    <table className="table table--compact table--library">
      <caption className="visually-hidden">Workbooks in the practice library, with where each came from</caption>
      <thead>
        <tr>
          <th scope="col">Force</th>
          <th scope="col">Workbook</th>
          <th scope="col">Period</th>
          <th scope="col" className="table__number">Practices</th>
          <th scope="col">Came from</th>
          {!readOnly && <th scope="col"><span className="visually-hidden">Actions</span></th>}
        </tr>
      </thead>
      <tbody>
        {entries.map((entry) => (
          <tr key={entry.id}>
            <th scope="row">
              {entry.forceName}
              {entry.neighbour && <> <span className="tag">Neighbour</span></>}
            </th>
            <td>{entry.title}</td>
            <td>{period(entry)}</td>
            <td className="table__number">{entry.practices.toLocaleString('en-GB')}</td>
            <td className="table__source">
              {entry.sourceKind === 'share-copy' ? `A share copy${entry.sharedAt ? ` made ${formatUkDate(entry.sharedAt.slice(0, 10))}` : ''}` : 'A whole workbook'}: {entry.fileName}, added {formatUkDate(entry.addedAt.slice(0, 10))}
              <span className="visually-hidden">. Workbook id {entry.workbookId}</span>
            </td>
            {!readOnly && (
              <td>
                <button type="button" className="button button--secondary button--small" onClick={() => onRemove(entry)}>
                  Remove<span className="visually-hidden"> {entry.forceName}’s workbook “{entry.title}”, {period(entry)}</span>
                </button>
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
    </div>
  );
}
