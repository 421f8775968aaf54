// The census figures an audience cites as its evidence, shown on its form: table, area, category,
// count and share, as the census screen shows them. Read only: links are made on that screen.
import { useEffect, useState } from 'react';
import { useWorkbookData } from '../workbook-data.tsx';

interface Figure {
  id: string;
  table: string;
  area: string;
  category: string;
  count: number | null;
  share: number | null;
}

/** Long enough to pass over while a key repeats (about 30 a second), too short to notice on stopping. */
const READ_AFTER_MS = 150;

const number = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });

export function CitedFigures({ audienceId, headingId }: { audienceId: string; headingId: string }) {
  const { api, handle, generation, records } = useWorkbookData();
  const [figures, setFigures] = useState<Figure[] | null>(null);

  useEffect(() => {
    let current = true;
    async function read() {
      const [links, tables] = await Promise.all([api.call('listEvidenceLinks', { handle }), api.call('listCensusTables', { handle })]);
      if (!links.ok || !tables.ok) return;
      const mine = links.value.filter((l) => l.audienceId === audienceId);
      // One request per table and area cited, however many of its categories are.
      const views = new Map<string, Awaited<ReturnType<typeof api.call<'getAreaCensus'>>>>();
      for (const key of new Set(mine.map((l) => `${l.tableId}|${l.areaId ?? ''}`))) {
        const [tableId, areaId] = key.split('|') as [string, string];
        views.set(key, await api.call('getAreaCensus', { handle, tableId, areaId: areaId || null }));
      }
      if (!current) return;
      setFigures(
        mine.map((l) => {
          const table = tables.value.find((t) => t.id === l.tableId);
          const view = views.get(`${l.tableId}|${l.areaId ?? ''}`);
          const row = view?.ok ? view.value.rows.find((r) => r.name === l.category) : undefined;
          return {
            id: l.id,
            table: table ? `${table.code} ${table.title}` : '(a removed table)',
            area: view?.ok ? view.value.areaName : '(a removed area)',
            category: row?.label ?? table?.categories.find((c) => c.name === l.category)?.label ?? l.category,
            count: row?.count ?? null,
            share: row?.proportion ?? null,
          };
        }),
      );
    }
    // Read once the planner stays on the audience: holding an arrow key down a list of thousands
    // opens a form at every step, and two reads of the whole workbook's links at each one slowed it.
    const wait = setTimeout(() => void read(), READ_AFTER_MS);
    return () => {
      current = false;
      clearTimeout(wait);
    };
  }, [api, handle, audienceId, generation, records.area]);

  return (
    <section className="record-form__cited" aria-labelledby={headingId}>
      <h4 id={headingId} className="field__label">Census figures it cites</h4>
      {figures === null ? null : figures.length === 0 ? (
        <p className="field__hint">None yet. Link it to the figures that show who it is (Census evidence, By area).</p>
      ) : (
        <table className="table table--cited">
          <caption className="visually-hidden">Census figures this audience cites</caption>
          <thead><tr><th scope="col">Table</th><th scope="col">Area</th><th scope="col">Category</th><th scope="col" className="table__number">People</th><th scope="col" className="table__number">Share</th></tr></thead>
          <tbody>
            {figures.map((f) => (
              <tr key={f.id}>
                <td>{f.table}</td>
                <td>{f.area}</td>
                <td>{f.category}</td>
                <td className="table__number">{f.count === null ? '–' : number.format(f.count)}</td>
                <td className="table__number">{f.share === null ? '–' : `${(f.share * 100).toFixed(1)} %`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
