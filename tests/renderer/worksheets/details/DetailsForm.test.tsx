// @vitest-environment happy-dom
// The details form against a fake API: a choice (the marking) is saved at once, typing waits for
// the pause, and "Saved" comes only when the newest details are saved.
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ApiClient } from '../../../../renderer/src/api/client.ts';
import { DetailsForm } from '../../../../renderer/src/worksheets/details/DetailsForm.tsx';
import type { SaveState } from '../../../../renderer/src/worksheets/use-autosave.ts';
import type { WorkbookInfo } from '../../../../shared/api/workbook.ts';
import type { Result } from '../../../../shared/api/result.ts';
import { FORCES } from '../../../../shared/domain/forces.ts';
import { settle } from '../../../helpers/controlled-persist.ts';

const DELAY = 600;

const INFO: WorkbookInfo = {
  handle: 'h1',
  path: 'strategy.ewb',
  readOnly: false,
  counts: {},
  meta: {
    id: '5b2e8f7a-3c41-4d9e-a6b0-1f2c3d4e5f60',
    force: FORCES[0]!.id,
    title: 'Community engagement strategy',
    periodStart: null,
    periodEnd: null,
    author: null,
    versionLabel: 'Draft 1',
    marking: 'OFFICIAL',
    reviewDate: null,
    owner: null,
    approver: null,
    schemaVersion: 1,
    appVersion: '0.4.0',
    createdAt: '2026-01-05T10:00:00.000Z',
    modifiedAt: '2026-01-05T10:00:00.000Z',
  },
};

interface Write {
  request: { changes: Record<string, unknown> };
  answer(result: Result<WorkbookInfo>): void;
}

function Screen({ api }: { api: ApiClient }) {
  const [state, setState] = useState<SaveState>({ kind: 'saved' });
  return (
    <>
      <p role="status">{state.kind}</p>
      <DetailsForm api={api} info={INFO} onSaved={() => {}} onSaveState={setState} />
    </>
  );
}

async function settled(step: () => void = () => {}): Promise<void> {
  await act(async () => {
    step();
    await settle();
  });
}

async function openForm() {
  const writes: Write[] = [];
  const api: ApiClient = {
    door: 'host',
    call: ((method: string, request: Write['request']) => {
      if (method === 'updateWorkbookDetails') return new Promise<unknown>((resolve) => writes.push({ request, answer: resolve }));
      if (method === 'listForces') return Promise.resolve({ ok: true, value: FORCES.map((f) => ({ id: f.id, name: f.name, policeUkName: null, neighbours: [] })) });
      return Promise.resolve({ ok: true, value: null });
    }) as ApiClient['call'],
    pathForFile: () => null,
    download: async () => {},
    onMenuCommand: () => () => {},
  };
  render(<Screen api={api} />);
  await settled();
  return { writes, indicator: () => screen.getByRole('status').textContent };
}

function saved(changes: Record<string, unknown>): Result<WorkbookInfo> {
  return { ok: true, value: { ...INFO, meta: { ...INFO.meta, ...changes } } };
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
});

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('DetailsForm saving', () => {
  it('saves a change of marking at once, and says "Saved" once it is saved', async () => {
    const { writes, indicator } = await openForm();
    fireEvent.click(screen.getByLabelText('OFFICIAL-SENSITIVE'));
    await settled();
    expect(writes.map((w) => w.request.changes)).toEqual([{ marking: 'OFFICIAL-SENSITIVE' }]);
    expect(indicator()).toBe('saving');
    await settled(() => writes[0]!.answer(saved({ marking: 'OFFICIAL-SENSITIVE' })));
    expect(indicator()).toBe('saved');
  });

  it('keeps "Saving…" while a title typed during the marking\'s save waits, then saves it', async () => {
    const { writes, indicator } = await openForm();
    fireEvent.click(screen.getByLabelText('OFFICIAL-SENSITIVE'));
    await settled();
    fireEvent.change(screen.getByLabelText('Title'), { target: { value: 'Engagement strategy 2026' } });
    await settled(() => writes[0]!.answer(saved({ marking: 'OFFICIAL-SENSITIVE' })));
    expect(indicator()).toBe('saving');
    await settled(() => vi.advanceTimersByTime(DELAY));
    expect(writes.map((w) => w.request.changes)).toEqual([{ marking: 'OFFICIAL-SENSITIVE' }, { title: 'Engagement strategy 2026' }]);
    await settled(() => writes[1]!.answer(saved({ marking: 'OFFICIAL-SENSITIVE', title: 'Engagement strategy 2026' })));
    expect(indicator()).toBe('saved');
  });
});
