// The receptivity grid itself (ARIA grid pattern): audiences down, channels across, each cell a
// symbol, a word and a colour (never colour alone), sticky headers, rows virtualised. One cell is
// in the Tab order at a time (a roving tabindex); the keys are in grid-keys.ts. Rows are memoised
// and get only their own cells, so moving or setting a cell re-renders at most two rows.
import { memo, useCallback, useEffect, useLayoutEffect, useMemo, useRef, type KeyboardEvent } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { RecordValues } from '../../../../shared/api/records.ts';
import { RECEPTIVITY_SYMBOLS, receptivityLabel, type ReceptivityCell, type ReceptivityValue } from '../../../../shared/api/receptivity.ts';
import { CHANNEL_KINDS, PRIORITIES, SOCIAL_PLATFORMS, labelOf } from '../../../../shared/domain/vocabularies.ts';
import { gridCommand, type GridCommand } from './grid-keys.ts';

export type CellsByAudience = ReadonlyMap<string, ReadonlyMap<string, ReceptivityCell>>;

export interface ActiveCell {
  audienceId: string;
  channelId: string;
}

const ROW_HEIGHT = 44;
const NO_CELLS: ReadonlyMap<string, ReceptivityCell> = new Map();

export function cellId(audienceId: string, channelId: string): string {
  return `rgrid-${audienceId}-${channelId}`;
}

interface RowProps {
  audience: RecordValues;
  rowIndex: number;
  channels: readonly RecordValues[];
  cells: ReadonlyMap<string, ReceptivityCell>;
  /** The channel whose cell is in the Tab order, when it is in this row. */
  tabbable: string | null;
  /** The channel whose cell is the active one, when it is in this row. */
  active: string | null;
  top: number;
  template: string;
  onActivate: (audienceId: string, channelId: string) => void;
  onNote: (audienceId: string, channelId: string) => void;
}

const GridRow = memo(function GridRow({ audience, rowIndex, channels, cells, tabbable, active, top, template, onActivate, onNote }: RowProps) {
  return (
    <div role="row" aria-rowindex={rowIndex + 2} className="rgrid__row" style={{ gridTemplateColumns: template, transform: `translateY(${top}px)`, height: ROW_HEIGHT }}>
      <div role="rowheader" aria-colindex={1} className="rgrid__rowheader">
        <span className="rgrid__audience">{String(audience.name ?? '')}</span>
        <span className="rgrid__priority">{labelOf(PRIORITIES, audience.priority as string)} priority</span>
      </div>
      {channels.map((channel, index) => {
        const cell = cells.get(channel.id);
        const value: ReceptivityValue = cell?.value ?? 'unknown';
        const note = cell?.note ?? '';
        return (
          <div
            key={channel.id}
            role="gridcell"
            id={cellId(audience.id, channel.id)}
            aria-colindex={index + 2}
            tabIndex={tabbable === channel.id ? 0 : -1}
            className={`rgrid__cell rgrid__cell--${value}${active === channel.id ? ' rgrid__cell--active' : ''}`}
            onFocus={() => onActivate(audience.id, channel.id)}
            onDoubleClick={() => onNote(audience.id, channel.id)}
          >
            <span className="rgrid__symbol" aria-hidden="true">{RECEPTIVITY_SYMBOLS[value]}</span>
            <span className="rgrid__word">{receptivityLabel(value)}</span>
            {note && (
              <span className="rgrid__note" title={note}>
                <span aria-hidden="true">✎</span>
                <span className="visually-hidden">, with a note: {note}</span>
              </span>
            )}
          </div>
        );
      })}
    </div>
  );
});

interface GridProps {
  audiences: readonly RecordValues[];
  channels: readonly RecordValues[];
  cells: CellsByAudience;
  active: ActiveCell | null;
  readOnly: boolean;
  onActivate: (cell: ActiveCell) => void;
  onCommand: (command: Exclude<GridCommand, { kind: 'move' } | { kind: 'none' }>, cell: ActiveCell) => void;
  /** A cell to scroll to and focus (from a gap's link); `at` makes a repeat of the same cell distinct. */
  focusRequest?: { cell: ActiveCell; at: number } | null;
}

function channelSubtitle(channel: RecordValues): string {
  const kind = labelOf(CHANNEL_KINDS, channel.kind as string);
  return channel.kind === 'social-media' && channel.platform ? labelOf(SOCIAL_PLATFORMS, channel.platform as string) : kind.replace(/ \(.*\)$/, '');
}

export function ReceptivityGrid({ audiences, channels, cells, active, readOnly, onActivate, onCommand, focusRequest }: GridProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  /** Set when a key or click moved the active cell, so the focus follows it (and only then). */
  const focusWanted = useRef(false);
  const activeRef = useRef(active);
  activeRef.current = active;
  const rowOf = useMemo(() => new Map(audiences.map((audience, index) => [audience.id, index])), [audiences]);
  const columnOf = useMemo(() => new Map(channels.map((channel, index) => [channel.id, index])), [channels]);
  const virtualizer = useVirtualizer({ count: audiences.length, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_HEIGHT, overscan: 10 });
  const template = `var(--rgrid-header-width) repeat(${channels.length}, var(--rgrid-cell-width))`;

  const activate = useCallback((audienceId: string, channelId: string) => {
    const current = activeRef.current;
    if (current?.audienceId !== audienceId || current.channelId !== channelId) onActivate({ audienceId, channelId });
  }, [onActivate]);
  const note = useCallback((audienceId: string, channelId: string) => {
    if (!readOnly) onCommand({ kind: 'note' }, { audienceId, channelId });
  }, [onCommand, readOnly]);

  const activeRow = active ? rowOf.get(active.audienceId) : undefined;
  const activeColumn = active ? columnOf.get(active.channelId) : undefined;

  // The focus follows the active cell once its row is drawn (a row far away is scrolled to first).
  useLayoutEffect(() => {
    if (!focusWanted.current || !active) return;
    let frames = 0;
    const place = () => {
      const element = document.getElementById(cellId(active.audienceId, active.channelId));
      if (element) {
        focusWanted.current = false;
        if (document.activeElement !== element) element.focus();
      } else if (frames++ < 5) requestAnimationFrame(place);
    };
    place();
  }, [active]);

  useEffect(() => {
    if (activeRow !== undefined && focusWanted.current) virtualizer.scrollToIndex(activeRow, { align: 'auto' });
  }, [activeRow, virtualizer]);

  // A gap's link: the row is scrolled into view (it may not be drawn yet) and its cell takes the focus.
  useEffect(() => {
    if (!focusRequest) return;
    const row = rowOf.get(focusRequest.cell.audienceId);
    if (row === undefined || !columnOf.has(focusRequest.cell.channelId)) return;
    virtualizer.scrollToIndex(row, { align: 'center' });
    const { audienceId, channelId } = focusRequest.cell;
    let frames = 0;
    let frame = 0;
    const place = () => {
      const element = document.getElementById(cellId(audienceId, channelId));
      if (element) element.focus();
      else if (frames++ < 10) frame = requestAnimationFrame(place);
    };
    frame = requestAnimationFrame(place);
    return () => cancelAnimationFrame(frame);
    // Only a new request moves the focus; the maps and virtualiser are read as they are then.
  }, [focusRequest]);

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (!(event.target as HTMLElement).matches('[role="gridcell"]') || audiences.length === 0 || channels.length === 0) return;
    const at = { row: activeRow ?? 0, column: activeColumn ?? 0 };
    const command = gridCommand(event, at, audiences.length, channels.length);
    if (command.kind === 'none') return;
    event.preventDefault();
    if (command.kind === 'move') {
      focusWanted.current = true;
      onActivate({ audienceId: audiences[command.to.row]!.id, channelId: channels[command.to.column]!.id });
      return;
    }
    if (readOnly) return;
    onCommand(command, { audienceId: audiences[at.row]!.id, channelId: channels[at.column]!.id });
  }

  const items = virtualizer.getVirtualItems();
  // Exactly one drawn cell is in the Tab order: the active one, or the first drawn one.
  const tabbableRow = activeRow !== undefined && items.some((item) => item.index === activeRow) ? activeRow : items[0]?.index;
  const tabbableChannel = tabbableRow === activeRow && activeColumn !== undefined ? channels[activeColumn]?.id : channels[0]?.id;

  return (
    <div
      ref={scrollRef}
      className="rgrid"
      role="grid"
      aria-label="Who listens where: audiences by channel"
      aria-rowcount={audiences.length + 1}
      aria-colcount={channels.length + 1}
      aria-readonly={readOnly || undefined}
      aria-describedby="rgrid-keys"
      onKeyDown={onKeyDown}
    >
      <div role="rowgroup" className="rgrid__head">
        <div role="row" aria-rowindex={1} className="rgrid__row rgrid__row--head" style={{ gridTemplateColumns: template }}>
          <div role="columnheader" aria-colindex={1} className="rgrid__corner">Audience</div>
          {channels.map((channel, index) => (
            <div role="columnheader" aria-colindex={index + 2} key={channel.id} className="rgrid__colheader">
              <span className="rgrid__channel">{String(channel.name ?? '')}</span>
              <span className="rgrid__kind">{channelSubtitle(channel)}</span>
            </div>
          ))}
        </div>
      </div>
      <div role="rowgroup" className="rgrid__body" style={{ height: virtualizer.getTotalSize(), width: `calc(var(--rgrid-header-width) + ${channels.length} * var(--rgrid-cell-width))` }}>
        {items.map((item) => {
          const audience = audiences[item.index]!;
          return (
            <GridRow
              key={audience.id}
              audience={audience}
              rowIndex={item.index}
              channels={channels}
              cells={cells.get(audience.id) ?? NO_CELLS}
              tabbable={item.index === tabbableRow ? (tabbableChannel ?? null) : null}
              active={item.index === activeRow && activeColumn !== undefined ? channels[activeColumn]!.id : null}
              top={item.start}
              template={template}
              onActivate={activate}
              onNote={note}
            />
          );
        })}
      </div>
    </div>
  );
}
