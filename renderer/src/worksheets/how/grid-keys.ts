// The receptivity grid's keyboard, as a pure function of the key and where the focus is: the ARIA
// grid pattern's moves (arrows, Home and End, Ctrl+Home and Ctrl+End, Page Up and Page Down) and
// the grid's own commands (1 to 4 set a value, Space the next value, Enter the note, Delete clears).
import type { ReceptivityValue } from '../../../../shared/api/receptivity.ts';

export interface GridPosition {
  row: number;
  column: number;
}

export type GridCommand =
  | { kind: 'move'; to: GridPosition }
  | { kind: 'set'; value: ReceptivityValue }
  | { kind: 'cycle' }
  | { kind: 'note' }
  | { kind: 'none' };

/** The values in the order 1–4 set them and Space steps through them. */
export const VALUE_ORDER: readonly ReceptivityValue[] = ['yes', 'partly', 'no', 'unknown'];

/** Rows moved by Page Up and Page Down. */
export const PAGE_ROWS = 10;

export function nextValue(value: ReceptivityValue): ReceptivityValue {
  return VALUE_ORDER[(VALUE_ORDER.indexOf(value) + 1) % VALUE_ORDER.length]!;
}

interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

/** What a key press does at `at` in a grid of `rows` × `columns` cells (both at least 1). */
export function gridCommand(event: KeyLike, at: GridPosition, rows: number, columns: number): GridCommand {
  if (event.altKey) return { kind: 'none' };
  const control = event.ctrlKey || event.metaKey;
  const clamp = (row: number, column: number): GridCommand => ({ kind: 'move', to: { row: Math.max(0, Math.min(rows - 1, row)), column: Math.max(0, Math.min(columns - 1, column)) } });
  switch (event.key) {
    case 'ArrowRight':
      return clamp(at.row, at.column + 1);
    case 'ArrowLeft':
      return clamp(at.row, at.column - 1);
    case 'ArrowDown':
      return clamp(at.row + 1, at.column);
    case 'ArrowUp':
      return clamp(at.row - 1, at.column);
    case 'Home':
      return control ? clamp(0, 0) : clamp(at.row, 0);
    case 'End':
      return control ? clamp(rows - 1, columns - 1) : clamp(at.row, columns - 1);
    case 'PageDown':
      return clamp(at.row + PAGE_ROWS, at.column);
    case 'PageUp':
      return clamp(at.row - PAGE_ROWS, at.column);
    case ' ':
    case 'Spacebar':
      return control ? { kind: 'none' } : { kind: 'cycle' };
    case 'Enter':
      return control ? { kind: 'none' } : { kind: 'note' };
    case 'Delete':
    case 'Backspace':
      return control ? { kind: 'none' } : { kind: 'set', value: 'unknown' };
    default: {
      if (control || event.shiftKey) return { kind: 'none' };
      const index = ['1', '2', '3', '4'].indexOf(event.key);
      return index >= 0 ? { kind: 'set', value: VALUE_ORDER[index]! } : { kind: 'none' };
    }
  }
}
