// The receptivity grid's keyboard as a pure function: the ARIA grid pattern's moves, clamped to the
// grid, and the grid's own commands; modifier combinations the browser or the app own are left alone.
import { describe, expect, it } from 'vitest';
import { PAGE_ROWS, gridCommand, nextValue } from '../../../../renderer/src/worksheets/how/grid-keys.ts';

const key = (name: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean; shiftKey: boolean }> = {}) => ({ key: name, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...mods });
const AT = { row: 3, column: 2 };

describe('the receptivity grid’s keys', () => {
  it('moves with the arrows, Home and End, Ctrl+Home and Ctrl+End, Page Up and Page Down, never off the grid', () => {
    expect(gridCommand(key('ArrowRight'), AT, 20, 5)).toEqual({ kind: 'move', to: { row: 3, column: 3 } });
    expect(gridCommand(key('ArrowLeft'), AT, 20, 5)).toEqual({ kind: 'move', to: { row: 3, column: 1 } });
    expect(gridCommand(key('ArrowDown'), AT, 20, 5)).toEqual({ kind: 'move', to: { row: 4, column: 2 } });
    expect(gridCommand(key('ArrowUp'), AT, 20, 5)).toEqual({ kind: 'move', to: { row: 2, column: 2 } });
    expect(gridCommand(key('Home'), AT, 20, 5)).toEqual({ kind: 'move', to: { row: 3, column: 0 } });
    expect(gridCommand(key('End'), AT, 20, 5)).toEqual({ kind: 'move', to: { row: 3, column: 4 } });
    expect(gridCommand(key('Home', { ctrlKey: true }), AT, 20, 5)).toEqual({ kind: 'move', to: { row: 0, column: 0 } });
    expect(gridCommand(key('End', { metaKey: true }), AT, 20, 5)).toEqual({ kind: 'move', to: { row: 19, column: 4 } });
    expect(gridCommand(key('PageDown'), AT, 20, 5)).toEqual({ kind: 'move', to: { row: 3 + PAGE_ROWS, column: 2 } });
    expect(gridCommand(key('PageUp'), AT, 20, 5)).toEqual({ kind: 'move', to: { row: 0, column: 2 } });
    // At the edges a move stays put.
    expect(gridCommand(key('ArrowRight'), { row: 0, column: 4 }, 20, 5)).toEqual({ kind: 'move', to: { row: 0, column: 4 } });
    expect(gridCommand(key('ArrowUp'), { row: 0, column: 0 }, 20, 5)).toEqual({ kind: 'move', to: { row: 0, column: 0 } });
    expect(gridCommand(key('PageDown'), { row: 18, column: 0 }, 20, 5)).toEqual({ kind: 'move', to: { row: 19, column: 0 } });
  });

  it('sets a value with 1 to 4, steps through them with Space, clears with Delete, opens the note with Enter', () => {
    expect(['1', '2', '3', '4'].map((k) => gridCommand(key(k), AT, 20, 5))).toEqual([
      { kind: 'set', value: 'yes' },
      { kind: 'set', value: 'partly' },
      { kind: 'set', value: 'no' },
      { kind: 'set', value: 'unknown' },
    ]);
    expect(gridCommand(key(' '), AT, 20, 5)).toEqual({ kind: 'cycle' });
    expect(gridCommand(key('Enter'), AT, 20, 5)).toEqual({ kind: 'note' });
    expect(gridCommand(key('Delete'), AT, 20, 5)).toEqual({ kind: 'set', value: 'unknown' });
    expect(gridCommand(key('Backspace'), AT, 20, 5)).toEqual({ kind: 'set', value: 'unknown' });
    expect(['yes', 'partly', 'no', 'unknown'].map((v) => nextValue(v as never))).toEqual(['partly', 'no', 'unknown', 'yes']);
  });

  it('leaves other keys and modified keys to the browser and the app (Ctrl+Z is undo, Alt+arrows go back)', () => {
    for (const event of [key('z', { ctrlKey: true }), key('1', { ctrlKey: true }), key('2', { shiftKey: true }), key('ArrowLeft', { altKey: true }), key(' ', { ctrlKey: true }), key('Enter', { metaKey: true }), key('Tab'), key('5'), key('y')]) {
      expect(gridCommand(event, AT, 20, 5), JSON.stringify(event)).toEqual({ kind: 'none' });
    }
  });
});
