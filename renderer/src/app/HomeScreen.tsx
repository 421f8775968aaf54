// Home: new workbook, open, the worked example, recent workbooks, and a drop zone for a .ewb file.
import { useEffect, useState, type DragEvent } from 'react';
import type { RecentWorkbook, WorkbookDetails } from '../../../shared/api/workbook.ts';
import type { ApiClient } from '../api/client.ts';
import { NewWorkbookForm } from './NewWorkbookForm.tsx';
import { useForces } from './use-forces.ts';
import { formatLocalDateTime } from '../components/format-local-time.ts';

interface HomeProps {
  api: ApiClient;
  onOpenPath: (path: string) => void;
  onOpenDialog: () => void;
  onCreate: (details: WorkbookDetails) => void;
  /** Opens a new copy of the worked example, saved where the planner chooses. */
  onOpenExample: () => void;
  onDropFile: (file: File) => void;
  creating: boolean;
  busy: boolean;
}

export function HomeScreen({ api, onOpenPath, onOpenDialog, onCreate, onOpenExample, onDropFile, creating, busy }: HomeProps) {
  const forces = useForces(api);
  const [recent, setRecent] = useState<RecentWorkbook[]>([]);
  const [showNew, setShowNew] = useState(false);
  const [dragging, setDragging] = useState(false);

  const loadRecent = () => void api.call('listRecentWorkbooks', {}).then((result) => { if (result.ok) setRecent(result.value); });
  useEffect(loadRecent, [api]);

  const forceName = (id: string) => forces.find((f) => f.id === id)?.name ?? id;

  function drop(event: DragEvent) {
    event.preventDefault();
    setDragging(false);
    const file = event.dataTransfer.files[0];
    if (file) onDropFile(file);
  }

  return (
    <div className="home">
      <h1 className="home__title">Engagement Workbook</h1>
      <p className="lead">Build, review and share your force's community engagement strategy: who you will engage, how you will reach them and what you will say.</p>
      {showNew ? (
        <NewWorkbookForm api={api} busy={creating} onCancel={() => setShowNew(false)} onCreate={onCreate} />
      ) : (
        <div className="button-group">
          <button type="button" className="button" onClick={() => setShowNew(true)}>New workbook</button>
          <button type="button" className="button button--secondary" onClick={onOpenDialog} disabled={busy}>Open a workbook…</button>
          <button type="button" className="button button--secondary" onClick={onOpenExample} disabled={busy}>Open the worked example</button>
        </div>
      )}

      <section aria-labelledby="recent-heading" className="section">
        <h2 id="recent-heading">Recent workbooks</h2>
        {recent.length === 0 ? (
          <p className="empty-state">Workbooks you open or create will be listed here.</p>
        ) : (
          <table className="table">
            <caption className="visually-hidden">Recent workbooks</caption>
            <thead>
              <tr><th scope="col">Title</th><th scope="col">Force</th><th scope="col">File</th><th scope="col">Last opened</th><th scope="col"><span className="visually-hidden">Actions</span></th></tr>
            </thead>
            <tbody>
              {recent.map((entry) => (
                <tr key={entry.path}>
                  <td>
                    {entry.exists ? (
                      <button type="button" className="link-button" onClick={() => onOpenPath(entry.path)}>{entry.title}</button>
                    ) : (
                      <span>{entry.title} <span className="tag tag--warning">moved or deleted</span></span>
                    )}
                  </td>
                  <td>{forceName(entry.force)}</td>
                  <td className="table__path">{entry.path}</td>
                  <td>{formatLocalDateTime(entry.lastOpened)}</td>
                  <td>
                    <button type="button" className="link-button" onClick={() => void api.call('forgetRecentWorkbook', { path: entry.path }).then(loadRecent)}>
                      Remove<span className="visually-hidden"> {entry.title} from the list</span>
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section
        className={`drop-zone${dragging ? ' drop-zone--active' : ''}`}
        aria-label="Drop a workbook here to open it"
        onDragOver={(event) => { event.preventDefault(); setDragging(true); }}
        onDragLeave={() => setDragging(false)}
        onDrop={drop}
      >
        <p>Drag a <strong>.ewb</strong> workbook file here to open it.</p>
      </section>
    </div>
  );
}
