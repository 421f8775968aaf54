// Forms sharing one save indicator: one form's "Saved" never covers another's waiting or running
// change, a closed form's save is followed to its end, and the indicator is told only of changes.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AutosaveQueue, type SaveState } from '../../../renderer/src/worksheets/autosave-queue.ts';
import { saveBoardFor } from '../../../renderer/src/worksheets/save-board.ts';
import { controlledPersist, settle } from '../../helpers/controlled-persist.ts';

type Draft = { title: string };
const DELAY = 600;

function form(board: ReturnType<typeof saveBoardFor>) {
  const saves = controlledPersist<Draft>();
  const queue = new AutosaveQueue<Draft>(saves.persist, DELAY);
  board.join(queue);
  return { saves, queue };
}

function indicator() {
  const shown: SaveState[] = [];
  const sink = (state: SaveState) => shown.push(state);
  return { shown, sink, board: saveBoardFor(sink), last: () => shown.at(-1) };
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
});

afterEach(() => {
  vi.useRealTimers();
});

describe('SaveBoard', () => {
  it('is the same board for the same indicator and a different one for another', () => {
    const a = indicator();
    expect(saveBoardFor(a.sink)).toBe(a.board);
    expect(indicator().board).not.toBe(a.board);
  });

  it('keeps "Saving…" while a closed form\'s save runs and the newly opened form has a change waiting', async () => {
    const { shown, board, last } = indicator();
    const first = form(board);
    first.queue.schedule({ title: 'A' });
    board.leave(first.queue);
    first.queue.flush();
    const second = form(board);
    second.queue.schedule({ title: 'B' });
    first.saves.calls[0]!.answer({ kind: 'saved' });
    await settle();
    expect(last()).toEqual({ kind: 'saving' });
    vi.advanceTimersByTime(DELAY);
    second.saves.calls[0]!.answer({ kind: 'saved' });
    await settle();
    expect(last()).toEqual({ kind: 'saved' });
    expect(shown.map((s) => s.kind)).toEqual(['saving', 'saved']);
  });

  it('keeps "Saving…" while a closed form\'s save is still running after the open form has saved', async () => {
    const { board, last } = indicator();
    const first = form(board);
    first.queue.schedule({ title: 'A' }, true);
    board.leave(first.queue);
    const second = form(board);
    second.queue.schedule({ title: 'B' }, true);
    second.saves.calls[0]!.answer({ kind: 'saved' });
    await settle();
    expect(last()).toEqual({ kind: 'saving' });
    first.saves.calls[0]!.answer({ kind: 'saved' });
    await settle();
    expect(last()).toEqual({ kind: 'saved' });
  });

  it('shows a closed form\'s failed save until the planner starts another change', async () => {
    const { board, last } = indicator();
    const first = form(board);
    first.queue.schedule({ title: 'A' }, true);
    board.leave(first.queue);
    const second = form(board);
    first.saves.calls[0]!.answer({ kind: 'failed', message: 'The disk is full.' });
    await settle();
    expect(last()).toEqual({ kind: 'failed', message: 'The disk is full.' });
    vi.advanceTimersByTime(DELAY * 10);
    expect(last()).toEqual({ kind: 'failed', message: 'The disk is full.' });
    second.queue.schedule({ title: 'B' }, true);
    expect(last()).toEqual({ kind: 'saving' });
    second.saves.calls[0]!.answer({ kind: 'saved' });
    await settle();
    expect(last()).toEqual({ kind: 'saved' });
  });

  it('keeps an open form\'s failure over another form\'s later success', async () => {
    const { board, last } = indicator();
    const failing = form(board);
    const other = form(board);
    failing.queue.schedule({ title: 'A' }, true);
    failing.saves.calls[0]!.answer({ kind: 'failed', message: 'Rejected.' });
    await settle();
    other.queue.schedule({ title: 'C' }, true);
    other.saves.calls[0]!.answer({ kind: 'saved' });
    await settle();
    expect(last()).toEqual({ kind: 'failed', message: 'Rejected.' });
  });

  it('says "invalid" while an open form has fields that cannot be saved, and forgets a closed form that saved', async () => {
    const { board, last } = indicator();
    const first = form(board);
    first.queue.schedule({ title: '' }, true);
    first.saves.calls[0]!.answer({ kind: 'invalid' });
    await settle();
    expect(last()).toEqual({ kind: 'invalid' });
    const second = form(board);
    second.queue.schedule({ title: 'B' }, true);
    second.saves.calls[0]!.answer({ kind: 'saved' });
    await settle();
    expect(last()).toEqual({ kind: 'invalid' });
    board.leave(second.queue);
    expect(last()).toEqual({ kind: 'invalid' });
    // Once gone from the board, the closed form no longer moves the indicator.
    second.queue.schedule({ title: 'B2' }, true);
    expect(last()).toEqual({ kind: 'invalid' });
  });

  it('tells the indicator only when what it shows changes', async () => {
    const { shown, board } = indicator();
    const only = form(board);
    only.queue.schedule({ title: 'A' });
    only.queue.schedule({ title: 'AB' });
    only.queue.schedule({ title: 'ABC' });
    vi.advanceTimersByTime(DELAY);
    only.saves.calls[0]!.answer({ kind: 'saved' });
    await settle();
    expect(shown).toEqual([{ kind: 'saving' }, { kind: 'saved' }]);
  });

  it('moves a form to the board of its new indicator, leaving nothing behind on the old one', async () => {
    const before = indicator();
    const after = indicator();
    const moving = form(before.board);
    moving.queue.schedule({ title: 'A' });
    after.board.join(moving.queue);
    expect(before.last()).toEqual({ kind: 'saved' });
    vi.advanceTimersByTime(DELAY);
    moving.saves.calls[0]!.answer({ kind: 'saved' });
    await settle();
    expect(after.last()).toEqual({ kind: 'saved' });
    expect(before.board.combined()).toEqual({ kind: 'saved' });
  });

  it('forgets a closed form\'s "invalid" when what it could not save was kept as a draft, but not a failure', async () => {
    const { board, last } = indicator();
    const draft = form(board);
    draft.queue.schedule({ title: '' }, true);
    draft.saves.calls[0]!.answer({ kind: 'invalid' });
    await settle();
    expect(last()).toEqual({ kind: 'invalid' });
    board.leave(draft.queue, true);
    expect(last()).toEqual({ kind: 'saved' });

    const failing = form(board);
    failing.queue.schedule({ title: 'A' }, true);
    failing.saves.calls[0]!.answer({ kind: 'failed', message: 'The disk is full.' });
    await settle();
    board.leave(failing.queue, true);
    expect(last()).toEqual({ kind: 'failed', message: 'The disk is full.' });
  });

  it('follows a kept draft\'s running save to its end before forgetting it', async () => {
    const { board, last } = indicator();
    const draft = form(board);
    draft.queue.schedule({ title: 'A' }, true);
    board.leave(draft.queue, true);
    expect(last()).toEqual({ kind: 'saving' });
    draft.saves.calls[0]!.answer({ kind: 'invalid' });
    await settle();
    expect(last()).toEqual({ kind: 'saved' });
  });
});
