// The autosave queue says "Saved" only when the newest draft is on disk and nothing is waiting or
// running: delays, drop-downs saved at once, blur, failures and saves racing later changes.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AutosaveQueue, type SaveState } from '../../../renderer/src/worksheets/autosave-queue.ts';
import { controlledPersist, settle } from '../../helpers/controlled-persist.ts';
import { seededRandom } from '../../helpers/seeded-random.ts';
import { scaled, suiteSeed } from '../../helpers/test-scale.ts';

type Draft = Record<string, string>;
const DELAY = 600;

function setup() {
  const saves = controlledPersist<Draft>();
  const queue = new AutosaveQueue<Draft>(saves.persist, DELAY);
  const seen: SaveState[] = [];
  queue.onChange(() => seen.push(queue.state()));
  return { saves, queue, seen };
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
});

afterEach(() => {
  vi.useRealTimers();
});

describe('AutosaveQueue', () => {
  it('starts in "saved" and waits the delay after typing before saving', async () => {
    const { saves, queue } = setup();
    expect(queue.state()).toEqual({ kind: 'saved' });
    queue.schedule({ title: 'Y' });
    expect(queue.state()).toEqual({ kind: 'saving' });
    vi.advanceTimersByTime(DELAY - 1);
    expect(saves.calls).toHaveLength(0);
    vi.advanceTimersByTime(1);
    expect(saves.calls.map((c) => c.draft)).toEqual([{ title: 'Y' }]);
    expect(queue.state()).toEqual({ kind: 'saving' });
    saves.calls[0]!.answer({ kind: 'saved' });
    await settle();
    expect(queue.state()).toEqual({ kind: 'saved' });
    expect(queue.busy()).toBe(false);
  });

  it('saves several fields typed in quick succession as one save of the newest draft', async () => {
    const { saves, queue } = setup();
    queue.schedule({ title: 'Y' });
    vi.advanceTimersByTime(300);
    queue.schedule({ title: 'Yo' });
    vi.advanceTimersByTime(300);
    queue.schedule({ title: 'Yo', notes: 'n' });
    vi.advanceTimersByTime(DELAY - 1);
    expect(saves.calls).toHaveLength(0);
    vi.advanceTimersByTime(1);
    expect(saves.calls.map((c) => c.draft)).toEqual([{ title: 'Yo', notes: 'n' }]);
    saves.calls[0]!.answer({ kind: 'saved' });
    await settle();
    expect(queue.state()).toEqual({ kind: 'saved' });
  });

  it('saves a drop-down at once, without waiting for the delay', () => {
    const { saves, queue } = setup();
    queue.schedule({ priority: 'high' }, true);
    expect(saves.calls.map((c) => c.draft)).toEqual([{ priority: 'high' }]);
    expect(queue.state()).toEqual({ kind: 'saving' });
  });

  it('does not say "Saved" when a text save ends while a drop-down change is queued behind it', async () => {
    const { saves, queue, seen } = setup();
    queue.schedule({ title: 'Y', priority: '' });
    vi.advanceTimersByTime(DELAY);
    queue.schedule({ title: 'Y', priority: 'high' }, true);
    expect(saves.calls).toHaveLength(1);
    saves.calls[0]!.answer({ kind: 'saved' });
    await settle();
    expect(seen.map((s) => s.kind)).not.toContain('saved');
    expect(queue.state()).toEqual({ kind: 'saving' });
    expect(saves.calls.map((c) => c.draft)).toEqual([{ title: 'Y', priority: '' }, { title: 'Y', priority: 'high' }]);
    saves.calls[1]!.answer({ kind: 'saved' });
    await settle();
    expect(queue.state()).toEqual({ kind: 'saved' });
    expect(saves.mostAtOnce()).toBe(1);
  });

  it('does not hold a queued drop-down change back when text is typed after it', async () => {
    const { saves, queue } = setup();
    queue.schedule({ title: 'Y', priority: '' }, true);
    queue.schedule({ title: 'Y', priority: 'high' }, true);
    queue.schedule({ title: 'Yo', priority: 'high' });
    saves.calls[0]!.answer({ kind: 'saved' });
    await settle();
    expect(saves.calls.map((c) => c.draft)).toEqual([{ title: 'Y', priority: '' }, { title: 'Yo', priority: 'high' }]);
  });

  it('does not say "Saved" when a save ends while a later change is still waiting for its delay', async () => {
    const { saves, queue, seen } = setup();
    queue.schedule({ title: 'Y' }, true);
    queue.schedule({ title: 'Yo' });
    saves.calls[0]!.answer({ kind: 'saved' });
    await settle();
    expect(queue.state()).toEqual({ kind: 'saving' });
    expect(seen.map((s) => s.kind)).not.toContain('saved');
    vi.advanceTimersByTime(DELAY);
    expect(saves.calls.map((c) => c.draft)).toEqual([{ title: 'Y' }, { title: 'Yo' }]);
    saves.calls[1]!.answer({ kind: 'saved' });
    await settle();
    expect(queue.state()).toEqual({ kind: 'saved' });
  });

  it('runs one save at a time and, when a save races later changes, saves the newest draft next', async () => {
    const { saves, queue } = setup();
    queue.schedule({ title: 'A' }, true);
    queue.schedule({ title: 'AB' }, true);
    queue.schedule({ title: 'ABC' });
    queue.schedule({ title: 'ABCD' }, true);
    expect(saves.calls).toHaveLength(1);
    saves.calls[0]!.answer({ kind: 'saved' });
    await settle();
    // The drafts in between were never sent: the newest carries them.
    expect(saves.calls.map((c) => c.draft.title)).toEqual(['A', 'ABCD']);
    saves.calls[1]!.answer({ kind: 'saved' });
    await settle();
    expect(queue.state()).toEqual({ kind: 'saved' });
    expect(saves.mostAtOnce()).toBe(1);
  });

  it('saves a waiting draft at once on blur (flush), and a blur with nothing waiting does nothing', async () => {
    const { saves, queue } = setup();
    queue.flush();
    expect(saves.calls).toHaveLength(0);
    expect(queue.state()).toEqual({ kind: 'saved' });
    queue.schedule({ title: 'Y' });
    queue.flush();
    expect(saves.calls.map((c) => c.draft)).toEqual([{ title: 'Y' }]);
    vi.advanceTimersByTime(DELAY * 2);
    expect(saves.calls).toHaveLength(1);
    saves.calls[0]!.answer({ kind: 'saved' });
    await settle();
    expect(queue.state()).toEqual({ kind: 'saved' });
  });

  it('on blur during a save, starts the waiting draft as soon as the running save ends', async () => {
    const { saves, queue } = setup();
    queue.schedule({ title: 'Y' }, true);
    queue.schedule({ title: 'Yo' });
    queue.flush();
    expect(saves.calls).toHaveLength(1);
    saves.calls[0]!.answer({ kind: 'saved' });
    await settle();
    expect(saves.calls.map((c) => c.draft)).toEqual([{ title: 'Y' }, { title: 'Yo' }]);
  });

  it('shows a failed save as failed, with its message, and keeps showing it', async () => {
    const { saves, queue } = setup();
    queue.schedule({ title: 'Y' }, true);
    saves.calls[0]!.answer({ kind: 'failed', message: 'The disk is full.' });
    await settle();
    expect(queue.state()).toEqual({ kind: 'failed', message: 'The disk is full.' });
    vi.advanceTimersByTime(DELAY * 10);
    queue.flush();
    expect(queue.state()).toEqual({ kind: 'failed', message: 'The disk is full.' });
  });

  it('treats a save that throws as failed, with the error message (or a plain sentence when there is none)', async () => {
    const { saves, queue } = setup();
    queue.schedule({ title: 'Y' }, true);
    saves.calls[0]!.fail(new Error('Engagement Workbook is not answering.'));
    await settle();
    expect(queue.state()).toEqual({ kind: 'failed', message: 'Engagement Workbook is not answering.' });
    queue.schedule({ title: 'Yo' }, true);
    saves.calls[1]!.fail(new Error(''));
    await settle();
    expect(queue.state()).toEqual({ kind: 'failed', message: 'The change could not be saved.' });
  });

  it('reports the newest draft\'s failure, not the success of the older save that ran before it', async () => {
    const { saves, queue, seen } = setup();
    queue.schedule({ title: 'old' }, true);
    queue.schedule({ title: 'new' }, true);
    saves.calls[0]!.answer({ kind: 'saved' });
    await settle();
    saves.calls[1]!.answer({ kind: 'failed', message: 'Rejected.' });
    await settle();
    expect(queue.state()).toEqual({ kind: 'failed', message: 'Rejected.' });
    expect(seen.map((s) => s.kind)).not.toContain('saved');
  });

  it('after a failure, a newer draft that saves (carrying the failed change) ends in "Saved"', async () => {
    const { saves, queue } = setup();
    queue.schedule({ title: 'A' }, true);
    queue.schedule({ title: 'AB' }, true);
    saves.calls[0]!.answer({ kind: 'failed', message: 'Busy.' });
    await settle();
    // A newer draft is on its way: the failure of the older one is not the last word.
    expect(queue.state()).toEqual({ kind: 'saving' });
    saves.calls[1]!.answer({ kind: 'saved' });
    await settle();
    expect(queue.state()).toEqual({ kind: 'saved' });
  });

  it('says "invalid" when the newest draft has fields that cannot be saved', async () => {
    const { saves, queue } = setup();
    queue.schedule({ title: '' }, true);
    saves.calls[0]!.answer({ kind: 'invalid' });
    await settle();
    expect(queue.state()).toEqual({ kind: 'invalid' });
  });

  it('shows a failure reported from outside a save (a deletion) until the next save ends', async () => {
    const { saves, queue } = setup();
    queue.reportFailure('The record could not be deleted.');
    expect(queue.state()).toEqual({ kind: 'failed', message: 'The record could not be deleted.' });
    queue.schedule({ title: 'Y' }, true);
    expect(queue.state()).toEqual({ kind: 'saving' });
    saves.calls[0]!.answer({ kind: 'saved' });
    await settle();
    expect(queue.state()).toEqual({ kind: 'saved' });
  });

  it('in any random run of changes, blurs, delays and answers, "Saved" means the newest draft is on disk', async () => {
    const seed = suiteSeed(0x5a7e);
    const random = seededRandom(seed);
    const runs = scaled(60, 1000);
    for (let run = 0; run < runs; run += 1) {
      const { saves, queue } = setup();
      let newest = 0;
      let onDisk = 0;
      let lastAnswer: SaveState = { kind: 'saved' };
      const steps = random.int(1, 30);
      for (let step = 0; step < steps; step += 1) {
        const choice = random.int(0, 5);
        if (choice === 0) queue.schedule({ n: String((newest += 1)) });
        else if (choice === 1) queue.schedule({ n: String((newest += 1)) }, true);
        else if (choice === 2) queue.flush();
        else if (choice === 3) vi.advanceTimersByTime(random.int(0, DELAY * 2));
        else {
          const open = saves.open();
          if (open) {
            lastAnswer = choice === 4 ? { kind: 'saved' } : { kind: 'failed', message: `failed ${open.draft.n}` };
            if (lastAnswer.kind === 'saved') onDisk = Number(open.draft.n);
            open.answer(lastAnswer);
            await settle();
          }
        }
        const state = queue.state();
        const where = `seed ${seed}, run ${run}, step ${step}`;
        expect(saves.mostAtOnce(), where).toBeLessThanOrEqual(1);
        if (state.kind === 'saved') expect({ onDisk, open: saves.open() }, where).toEqual({ onDisk: newest, open: undefined });
        if (state.kind === 'failed') expect(state, where).toEqual(lastAnswer);
      }
      // Once every save is answered, the queue rests: on the newest draft saved, or on its failure.
      for (let guard = 0; guard < 100 && queue.busy(); guard += 1) {
        queue.flush();
        const open = saves.open();
        if (open) {
          onDisk = Number(open.draft.n);
          lastAnswer = { kind: 'saved' };
          open.answer(lastAnswer);
        }
        await settle();
      }
      const where = `seed ${seed}, run ${run}`;
      expect(queue.busy(), where).toBe(false);
      if (lastAnswer.kind === 'saved') expect({ state: queue.state(), onDisk }, where).toEqual({ state: { kind: 'saved' }, onDisk: newest });
      else expect(queue.state(), where).toEqual(lastAnswer);
    }
  });
});
