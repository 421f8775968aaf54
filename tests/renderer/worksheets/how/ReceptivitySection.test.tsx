// @vitest-environment happy-dom
// The receptivity grid against a fake API: keys move the focus between cells (one cell in the Tab
// order at a time), 1–4 and Space set values shown as symbol and word, saves go one after another
// in the order made, Enter opens the note, and a refused save puts the cell back as saved.
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../../../../renderer/src/api/client.ts';
import { ReceptivitySection } from '../../../../renderer/src/worksheets/how/ReceptivitySection.tsx';
import { WorkbookDataProvider } from '../../../../renderer/src/worksheets/workbook-data.tsx';
import type { GapRequest } from '../../../../renderer/src/worksheets/gap-targets.ts';
import type { Result } from '../../../../shared/api/result.ts';

const NO_EFFECTS = { sections: [], gaps: { added: [], removed: [] }, undo: { undoLabel: 'Undo marking who listens where', redoLabel: null } };
const T = '2026-01-05T10:00:00.000Z';
const COMMON = { createdAt: T, updatedAt: T, reviewedAt: null, shareable: true, notes: '' };
const A1 = '11111111-1111-4111-8111-000000000001';
const A2 = '11111111-1111-4111-8111-000000000002';
const C1 = '22222222-2222-4222-8222-000000000001';
const C2 = '22222222-2222-4222-8222-000000000002';

const RECORDS: Record<string, unknown[]> = {
  audience: [
    { id: A1, ...COMMON, name: 'Young people', kind: 'young-people', engagementState: 'hard-to-reach', priority: 'high', areaIds: [] },
    { id: A2, ...COMMON, name: 'Older people', kind: 'older-people', engagementState: 'engaged', priority: 'low', areaIds: [] },
  ],
  channel: [
    { id: C1, ...COMMON, name: 'Instagram', kind: 'social-media', platform: 'instagram', status: 'have' },
    { id: C2, ...COMMON, name: 'Radio Kent', kind: 'radio', platform: null, status: 'have' },
  ],
};

interface Write {
  request: Record<string, unknown>;
  answer(result: Result<unknown>): void;
}

function fakeApi(cells: unknown[] = []) {
  const writes: Write[] = [];
  const api: ApiClient = {
    door: 'host',
    call: ((method: string, request: Record<string, unknown>) => {
      if (method === 'listRecords') return Promise.resolve({ ok: true, value: { records: RECORDS[String(request.type)] ?? [] } });
      if (method === 'listReceptivity') return Promise.resolve({ ok: true, value: cells });
      if (method === 'listSectionStates' || method === 'listGaps') return Promise.resolve({ ok: true, value: [] });
      if (method === 'getUndoState') return Promise.resolve({ ok: true, value: { undoLabel: null, redoLabel: null } });
      return new Promise<unknown>((resolve) => writes.push({ request, answer: resolve }));
    }) as ApiClient['call'],
    pathForFile: () => null,
    download: async () => {},
    onMenuCommand: () => () => {},
  };
  return { api, writes };
}

function screenWith(api: ApiClient, gapRequest: GapRequest | null) {
  return (
    <WorkbookDataProvider api={api} handle="h1" readOnly={false} onDetailsChanged={async () => {}}>
      <ReceptivitySection onSaveState={() => {}} gapRequest={gapRequest} onOpenGap={() => {}} />
    </WorkbookDataProvider>
  );
}

async function renderGrid(cells: unknown[] = []) {
  const fake = fakeApi(cells);
  const view = render(screenWith(fake.api, null));
  await screen.findByRole('grid');
  return { ...fake, view };
}

function cell(audience: string, channel: string): HTMLElement {
  return document.getElementById(`rgrid-${audience}-${channel}`)!;
}

async function press(key: string) {
  await act(async () => {
    fireEvent.keyDown(document.activeElement!, { key });
    await new Promise((resolve) => requestAnimationFrame(resolve));
  });
}

// happy-dom lays nothing out: the grid's scroll box is given a size so its rows are drawn.
const sizes = ['clientHeight', 'clientWidth'] as const;
const real = sizes.map((name) => Object.getOwnPropertyDescriptor(HTMLElement.prototype, name));
beforeAll(() => {
  sizes.forEach((name, index) => {
    Object.defineProperty(HTMLElement.prototype, name, {
      configurable: true,
      get(this: HTMLElement) {
        return this.classList.contains('rgrid') ? (name === 'clientHeight' ? 600 : 1000) : (real[index]?.get?.call(this) ?? 0);
      },
    });
  });
});
afterAll(() => {
  sizes.forEach((name, index) => Object.defineProperty(HTMLElement.prototype, name, real[index] ?? { configurable: true, value: 0 }));
});
afterEach(cleanup);

describe('the receptivity grid screen', () => {
  it('opens a "no channel marked yes" gap on its audience\'s row, focus on the first cell, the filters cleared', async () => {
    const { api, view } = await renderGrid();
    fireEvent.change(screen.getByLabelText('Filter audiences'), { target: { value: 'Older' } });
    expect(cell(A1, C1)).toBeNull();
    const gap = { key: `audience-no-channel:${A1}`, section: 'receptivity', rule: 'audience-no-channel', recordType: 'audience', recordId: A1, message: 'Audience “Young people” is a priority audience but no channel is marked yes for it.' } as GapRequest['gap'];
    await act(async () => {
      view.rerender(screenWith(api, { gap, at: 1 }));
      for (let frame = 0; frame < 3; frame += 1) await new Promise((resolve) => requestAnimationFrame(resolve));
    });
    expect((screen.getByLabelText('Filter audiences') as HTMLInputElement).value).toBe('');
    expect(document.activeElement).toBe(cell(A1, C1));
    expect(cell(A1, C1).tabIndex).toBe(0);
    // The same gap opened again (a new request) takes the focus back to it.
    act(() => cell(A2, C2).focus());
    await act(async () => {
      view.rerender(screenWith(api, { gap, at: 2 }));
      for (let frame = 0; frame < 3; frame += 1) await new Promise((resolve) => requestAnimationFrame(resolve));
    });
    expect(document.activeElement).toBe(cell(A1, C1));
  });

  it('is an ARIA grid with headers, one cell in the Tab order, and values shown as symbol and word', async () => {
    await renderGrid([{ audienceId: A1, channelId: C2, value: 'partly', note: 'Listens at breakfast' }]);
    const grid = screen.getByRole('grid', { name: 'Who listens where: audiences by channel' });
    expect(grid.getAttribute('aria-rowcount')).toBe('3');
    expect(grid.getAttribute('aria-colcount')).toBe('3');
    expect(within(grid).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['Audience', 'InstagramInstagram', 'Radio KentRadio']);
    expect(within(grid).getAllByRole('rowheader').map((h) => h.textContent)).toEqual(['Young peopleHigh priority', 'Older peopleLow priority']);
    expect(within(grid).getAllByRole('gridcell').filter((c) => c.tabIndex === 0)).toHaveLength(1);
    expect(cell(A1, C2).textContent).toBe('◐Partly✎, with a note: Listens at breakfast');
    expect(cell(A1, C1).textContent).toBe('?Unknown');
  });

  it('moves with the keys, sets values with 1–4 and Space, and saves them one after another in order', async () => {
    const { writes } = await renderGrid();
    act(() => cell(A1, C1).focus());
    await press('1');
    expect(cell(A1, C1).textContent).toBe('✓Yes');
    await press('ArrowRight');
    expect(document.activeElement).toBe(cell(A1, C2));
    expect(cell(A1, C2).tabIndex).toBe(0);
    expect(cell(A1, C1).tabIndex).toBe(-1);
    await press('3');
    await press('ArrowDown');
    expect(document.activeElement).toBe(cell(A2, C2));
    await press(' ');
    expect(cell(A2, C2).textContent).toBe('✓Yes');
    // One save at a time: the second waits for the first's answer.
    expect(writes.map((w) => w.request)).toEqual([{ handle: 'h1', audienceId: A1, channelId: C1, value: 'yes' }]);
    await act(async () => writes[0]!.answer({ ok: true, value: { audienceId: A1, channelId: C1, value: 'yes', note: '', effects: NO_EFFECTS } }));
    expect(writes).toHaveLength(2);
    expect(writes[1]!.request).toEqual({ handle: 'h1', audienceId: A1, channelId: C2, value: 'no' });
    await act(async () => writes[1]!.answer({ ok: true, value: { audienceId: A1, channelId: C2, value: 'no', note: '', effects: NO_EFFECTS } }));
    expect(writes[2]!.request).toEqual({ handle: 'h1', audienceId: A2, channelId: C2, value: 'yes' });
    await press('Home');
    expect(document.activeElement).toBe(cell(A2, C1));
  });

  it('opens the note with Enter and saves it; a refused save shows why and puts the grid back as saved', async () => {
    const { writes } = await renderGrid();
    act(() => cell(A2, C1).focus());
    await press('Enter');
    const dialog = await screen.findByRole('dialog', { name: 'Evidence: Older people on Instagram' });
    fireEvent.change(within(dialog).getByLabelText('What tells you so (optional)'), { target: { value: 'Asked at the lunch club' } });
    await act(async () => fireEvent.click(within(dialog).getByRole('button', { name: 'Save the note' })));
    expect(writes[0]!.request).toEqual({ handle: 'h1', audienceId: A2, channelId: C1, note: 'Asked at the lunch club' });
    expect(cell(A2, C1).textContent).toContain('with a note: Asked at the lunch club');
    await act(async () => writes[0]!.answer({ ok: false, error: { code: 'not-found', message: 'That channel is no longer in the workbook: it may have been deleted or undone.' } }));
    await screen.findByText('That channel is no longer in the workbook: it may have been deleted or undone.');
    expect(cell(A2, C1).textContent).toBe('?Unknown');
  });

  it('filters audiences and channels, and shows only priority audiences when asked', async () => {
    await renderGrid();
    fireEvent.click(screen.getByLabelText('Only priority audiences (high or medium)'));
    expect(within(screen.getByRole('grid')).getAllByRole('rowheader').map((h) => h.textContent)).toEqual(['Young peopleHigh priority']);
    fireEvent.change(screen.getByLabelText('Filter channels'), { target: { value: 'radio' } });
    expect(within(screen.getByRole('grid')).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['Audience', 'Radio KentRadio']);
    expect(screen.getByText('1 of 2 audiences, 1 of 2 channels shown')).toBeTruthy();
  });
});
