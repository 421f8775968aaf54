// @vitest-environment happy-dom
// The autosave hook in React: leaving a form saves what is waiting, forms sharing an indicator do
// not speak over each other, the newest persist function is the one called, and a page hidden,
// reloaded or closed sends what is waiting at once (asking first when it cannot be sent yet).
import { cleanup, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useAutosave, type SaveState } from '../../../renderer/src/worksheets/use-autosave.ts';
import { controlledPersist, settle } from '../../helpers/controlled-persist.ts';

type Draft = { title: string };
const DELAY = 600;

function indicator() {
  const shown: SaveState[] = [];
  return { shown, sink: (state: SaveState) => void shown.push(state), last: () => shown.at(-1) };
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
});

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('useAutosave', () => {
  it('saves a waiting change at once when the form is closed, and the indicator follows it to "Saved"', async () => {
    const { sink, last } = indicator();
    const saves = controlledPersist<Draft>();
    const form = renderHook(() => useAutosave<Draft>(saves.persist, sink, DELAY));
    form.result.current.schedule({ title: 'typed just before closing' });
    expect(last()).toEqual({ kind: 'saving' });
    form.unmount();
    expect(saves.calls.map((c) => c.draft)).toEqual([{ title: 'typed just before closing' }]);
    expect(last()).toEqual({ kind: 'saving' });
    saves.calls[0]!.answer({ kind: 'saved' });
    await settle();
    expect(last()).toEqual({ kind: 'saved' });
  });

  it('does not let a closed form\'s finished save say "Saved" over the next form\'s waiting change', async () => {
    const { shown, sink, last } = indicator();
    const firstSaves = controlledPersist<Draft>();
    const secondSaves = controlledPersist<Draft>();
    const first = renderHook(() => useAutosave<Draft>(firstSaves.persist, sink, DELAY));
    first.result.current.schedule({ title: 'A' });
    first.unmount();
    const second = renderHook(() => useAutosave<Draft>(secondSaves.persist, sink, DELAY));
    second.result.current.schedule({ title: 'B' });
    firstSaves.calls[0]!.answer({ kind: 'saved' });
    await settle();
    expect(last()).toEqual({ kind: 'saving' });
    vi.advanceTimersByTime(DELAY);
    secondSaves.calls[0]!.answer({ kind: 'saved' });
    await settle();
    expect(shown.map((s) => s.kind)).toEqual(['saving', 'saved']);
  });

  it('calls the persist function of the latest render, with the newest draft', async () => {
    const { sink, last } = indicator();
    const older = controlledPersist<Draft>();
    const newer = controlledPersist<Draft>();
    const form = renderHook(({ persist }) => useAutosave<Draft>(persist, sink, DELAY), { initialProps: { persist: older.persist } });
    form.rerender({ persist: newer.persist });
    form.result.current.schedule({ title: 'A' });
    form.result.current.schedule({ title: 'AB' });
    form.result.current.flush();
    expect(older.calls).toHaveLength(0);
    expect(newer.calls.map((c) => c.draft)).toEqual([{ title: 'AB' }]);
    newer.calls[0]!.answer({ kind: 'saved' });
    await settle();
    expect(last()).toEqual({ kind: 'saved' });
  });

  it('gives the same schedule and flush on every render, so fields can keep them', () => {
    const saves = controlledPersist<Draft>();
    const { sink } = indicator();
    const form = renderHook(() => useAutosave<Draft>(saves.persist, sink, DELAY));
    const before = form.result.current;
    form.rerender();
    expect(form.result.current.schedule).toBe(before.schedule);
    expect(form.result.current.flush).toBe(before.flush);
  });

  it('shows a failure from outside a save (a deletion) on the indicator until the next save ends', async () => {
    const { sink, last } = indicator();
    const saves = controlledPersist<Draft>();
    const form = renderHook(() => useAutosave<Draft>(saves.persist, sink, DELAY));
    form.result.current.reportFailure('The record could not be deleted.');
    expect(last()).toEqual({ kind: 'failed', message: 'The record could not be deleted.' });
    form.result.current.schedule({ title: 'A' }, true);
    saves.calls[0]!.answer({ kind: 'saved' });
    await settle();
    expect(last()).toEqual({ kind: 'saved' });
  });

  it('sends a waiting change at once when the page is hidden or goes, without waiting for the delay', async () => {
    const { sink } = indicator();
    const saves = controlledPersist<Draft>();
    const form = renderHook(() => useAutosave<Draft>(saves.persist, sink, DELAY));
    form.result.current.schedule({ title: 'typed just before reloading' });
    window.dispatchEvent(new Event('pagehide'));
    expect(saves.calls.map((c) => c.draft)).toEqual([{ title: 'typed just before reloading' }]);
    saves.calls[0]!.answer({ kind: 'saved' });
    await settle();

    form.result.current.schedule({ title: 'typed just before switching tabs' });
    const visibility = vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
    document.dispatchEvent(new Event('visibilitychange'));
    visibility.mockRestore();
    expect(saves.calls.map((c) => c.draft.title)).toEqual(['typed just before reloading', 'typed just before switching tabs']);
  });

  it('asks before the page goes only while a change cannot be sent yet', async () => {
    const { sink } = indicator();
    const saves = controlledPersist<Draft>();
    const form = renderHook(() => useAutosave<Draft>(saves.persist, sink, DELAY));
    const leave = () => {
      const event = new Event('beforeunload', { cancelable: true });
      window.dispatchEvent(event);
      return event.defaultPrevented;
    };
    form.result.current.schedule({ title: 'first' });
    expect(leave()).toBe(false);
    expect(saves.calls.map((c) => c.draft.title)).toEqual(['first']);
    // A second change waits behind the save under way: it cannot be sent before the page goes.
    form.result.current.schedule({ title: 'second' });
    expect(leave()).toBe(true);
    saves.calls[0]!.answer({ kind: 'saved' });
    await settle();
    expect(saves.calls.map((c) => c.draft.title)).toEqual(['first', 'second']);
    saves.calls[1]!.answer({ kind: 'saved' });
    await settle();
    expect(leave()).toBe(false);
  });
});
