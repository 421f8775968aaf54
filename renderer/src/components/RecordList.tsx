// The records of one type as a table: sortable columns, filter-as-you-type, and virtualised rows
// so 20,000 records scroll smoothly. Up and down arrows move the selection; Enter opens it.
import { useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { RecordValues } from '../../../shared/api/records.ts';
import { visibleRecords } from './record-list-view.ts';

export interface Column {
  key: string;
  label: string;
  value: (record: RecordValues) => string;
  /** What the column sorts by, when that is not what it shows (a date shown as "31 March 2028"). */
  sortValue?: (record: RecordValues) => string;
  /** Width as a CSS grid track, e.g. '2fr' or '8rem'. */
  width?: string;
}

interface RecordListProps {
  id: string;
  label: string;
  records: RecordValues[];
  columns: Column[];
  selectedId: string | null;
  onSelect: (id: string) => void;
  emptyText: string;
}

const ROW_HEIGHT = 44;

export function RecordList({ id, label, records, columns, selectedId, onSelect, emptyText }: RecordListProps) {
  const [filter, setFilter] = useState('');
  const [sort, setSort] = useState<{ key: string; direction: 'ascending' | 'descending' } | null>(null);
  const scrollRef = useRef<HTMLDivElement>(null);

  // The text each row is searched by, computed once per change of the records.
  const searchable = useMemo(() => records.map((record) => columns.map((column) => column.value(record)).join(' \u0000 ').toLowerCase()), [records, columns]);

  const visible = useMemo(() => {
    const column = sort ? columns.find((c) => c.key === sort.key) : undefined;
    return visibleRecords(records, searchable, filter, sort && column ? { key: column.sortValue ?? column.value, direction: sort.direction } : null);
  }, [records, searchable, filter, sort, columns]);

  const virtualizer = useVirtualizer({ count: visible.length, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_HEIGHT, overscan: 8 });
  const template = columns.map((c) => c.width ?? '1fr').join(' ');

  function toggleSort(key: string) {
    setSort((current) => (current?.key === key ? (current.direction === 'ascending' ? { key, direction: 'descending' } : null) : { key, direction: 'ascending' }));
  }

  function onKeyDown(event: KeyboardEvent) {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    event.preventDefault();
    const at = visible.findIndex((record) => record.id === selectedId);
    const next = Math.max(0, Math.min(visible.length - 1, at + (event.key === 'ArrowDown' ? 1 : -1)));
    const record = visible[next];
    if (record) {
      onSelect(record.id);
      virtualizer.scrollToIndex(next, { align: 'auto' });
      requestAnimationFrame(() => document.getElementById(`${id}-row-${record.id}`)?.focus());
    }
  }

  if (records.length === 0) return <p className="empty-state">{emptyText}</p>;

  return (
    <div className="record-list">
      <div className="record-list__filter">
        <label className="field__label" htmlFor={`${id}-filter`}>Filter {label.toLowerCase()}</label>
        <input id={`${id}-filter`} className="input input--full" type="search" value={filter} onChange={(event) => setFilter(event.target.value)} autoComplete="off" />
        <p className="field__hint" role="status" aria-live="polite">
          {filter ? `${visible.length} of ${records.length} shown` : `${records.length} ${records.length === 1 ? 'record' : 'records'}`}
        </p>
      </div>
      <div className="record-list__table" role="table" aria-label={label} aria-rowcount={visible.length + 1}>
        <div role="rowgroup">
          <div className="record-list__row record-list__row--head" role="row" style={{ gridTemplateColumns: template }}>
            {columns.map((column) => (
              <div key={column.key} role="columnheader" aria-sort={sort?.key === column.key ? sort.direction : 'none'}>
                <button type="button" className="record-list__sort" onClick={() => toggleSort(column.key)}>
                  {column.label}
                  <span aria-hidden="true">{sort?.key === column.key ? (sort.direction === 'ascending' ? ' ▲' : ' ▼') : ''}</span>
                </button>
              </div>
            ))}
          </div>
        </div>
        <div className="record-list__scroll" ref={scrollRef} role="rowgroup" onKeyDown={onKeyDown}>
          <div className="record-list__spacer" style={{ height: virtualizer.getTotalSize() }}>
            {virtualizer.getVirtualItems().map((item) => {
              const record = visible[item.index]!;
              const selected = record.id === selectedId;
              // Keyed by place, not by record: a keystroke that changes which records show then
              // updates the rows already drawn instead of removing them and building new ones.
              return (
                <div
                  key={item.index}
                  role="row"
                  aria-rowindex={item.index + 2}
                  aria-selected={selected}
                  className={`record-list__row${selected ? ' record-list__row--selected' : ''}`}
                  style={{ gridTemplateColumns: template, transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}
                >
                  {columns.map((column, index) => (
                    <div key={column.key} role="cell" className="record-list__cell">
                      {index === 0 ? (
                        <button type="button" id={`${id}-row-${record.id}`} className="record-list__open" aria-current={selected ? 'true' : undefined} onClick={() => onSelect(record.id)}>
                          {column.value(record) || '(untitled)'}
                        </button>
                      ) : (
                        column.value(record)
                      )}
                    </div>
                  ))}
                </div>
              );
            })}
          </div>
        </div>
      </div>
    </div>
  );
}
