// @vitest-environment happy-dom
// A record form against a fake API whose saves the test answers by hand: the indicator says
// "Saving…" until the save has really ended, a drop-down changed during a text save keeps it at
// "Saving…" until that change is saved too, a failure shows as failed, and closing saves.
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ApiClient } from '../../../renderer/src/api/client.ts';
import { RecordForm } from '../../../renderer/src/worksheets/RecordForm.tsx';
import type { SaveState } from '../../../renderer/src/worksheets/use-autosave.ts';
import { WorkbookDataProvider } from '../../../renderer/src/worksheets/workbook-data.tsx';
import type { RecordValues } from '../../../shared/api/records.ts';
import type { Result } from '../../../shared/api/result.ts';
import { settle } from '../../helpers/controlled-persist.ts';

const HANDLE = 'h1';

/** What a write answers beside the record: nothing else changed. */
const NO_EFFECTS = { sections: [], gaps: { added: [], removed: [] }, undo: { undoLabel: 'Undo editing audience', redoLabel: null } };
const DELAY = 600;

const AUDIENCE: RecordValues = {
  id: '3f0c6a52-1b9e-4d27-8f43-2a6d5c7e9b10',
  createdAt: '2026-01-05T10:00:00.000Z',
  updatedAt: '2026-01-05T10:00:00.000Z',
  reviewedAt: null,
  shareable: true,
  notes: '',
  name: 'Students',
  kind: 'students',
  sizeEstimate: null,
  sizeEvidence: '',
  evidenceNote: '',
  evidenceSource: '',
  engagementState: 'engaged',
  priority: 'high',
  whatWeKnow: '',
  owner: '',
  areaIds: [],
};

interface Write {
  method: string;
  request: { changes?: Record<string, unknown> };
  answer(result: Result<unknown>): void;
}

/** Reads answer at once with empty lists; writes wait for the test to answer them. */
function fakeApi() {
  const writes: Write[] = [];
  const reads: Record<string, unknown> = {
    listRecords: { records: [] },
    listSectionStates: [],
    listGaps: [],
    getUndoState: { undoLabel: null, redoLabel: null },
  };
  const api: ApiClient = {
    door: 'host',
    call: ((method: string, request: Write['request']) => {
      if (method in reads) return Promise.resolve({ ok: true, value: reads[method] });
      return new Promise<unknown>((resolve) => writes.push({ method, request, answer: resolve }));
    }) as ApiClient['call'],
    pathForFile: () => null,
    download: async () => {},
    onMenuCommand: () => () => {},
  };
  return { api, writes };
}

function Screen({ api, open }: { api: ApiClient; open: boolean }) {
  const [state, setState] = useState<SaveState>({ kind: 'saved' });
  return (
    <>
      <p role="status">{state.kind === 'failed' ? `failed: ${state.message}` : state.kind}</p>
      <WorkbookDataProvider api={api} handle={HANDLE} readOnly={false} onDetailsChanged={async () => {}}>
        {open && <RecordForm type="audience" record={AUDIENCE} focus={null} onCreated={() => {}} onDeleted={() => {}} onSaveState={setState} />}
      </WorkbookDataProvider>
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
  const fake = fakeApi();
  const view = render(<Screen api={fake.api} open />);
  await settled();
  return { ...fake, view, indicator: () => screen.getByRole('status').textContent };
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
});

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('RecordForm saving', () => {
  it('says "Saving…" from the first keystroke until the save has ended, then "Saved"', async () => {
    const { writes, indicator } = await openForm();
    expect(indicator()).toBe('saved');
    fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'University students' } });
    expect(indicator()).toBe('saving');
    await settled(() => vi.advanceTimersByTime(DELAY));
    expect(writes.map((w) => [w.method, w.request.changes])).toEqual([['updateRecord', { name: 'University students' }]]);
    expect(indicator()).toBe('saving');
    await settled(() => writes[0]!.answer({ ok: true, value: { ...AUDIENCE, name: 'University students', effects: NO_EFFECTS } }));
    expect(indicator()).toBe('saved');
  });

  it('keeps "Saving…" when a text save ends while a drop-down change is still to be saved', async () => {
    const { writes, indicator } = await openForm();
    fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'University students' } });
    fireEvent.blur(screen.getByLabelText('Name'));
    await settled();
    expect(writes).toHaveLength(1);
    fireEvent.change(screen.getByLabelText('Priority'), { target: { value: 'low' } });
    await settled(() => writes[0]!.answer({ ok: true, value: { ...AUDIENCE, name: 'University students', effects: NO_EFFECTS } }));
    expect(indicator()).toBe('saving');
    expect(writes.map((w) => w.request.changes)).toEqual([{ name: 'University students' }, { priority: 'low' }]);
    await settled(() => writes[1]!.answer({ ok: true, value: { ...AUDIENCE, name: 'University students', priority: 'low', effects: NO_EFFECTS } }));
    expect(indicator()).toBe('saved');
  });

  it('shows a failed save as failed with the core\'s message', async () => {
    const { writes, indicator } = await openForm();
    fireEvent.change(screen.getByLabelText('Priority'), { target: { value: 'low' } });
    await settled();
    expect(writes.map((w) => w.request.changes)).toEqual([{ priority: 'low' }]);
    expect(indicator()).toBe('saving');
    await settled(() => writes[0]!.answer({ ok: false, error: { code: 'read-only', message: 'This workbook is open read-only.' } }));
    expect(indicator()).toBe('failed: This workbook is open read-only.');
  });

  it('saves a waiting change when the form is closed, and says "Saved" only once it is saved', async () => {
    const { api, writes, view, indicator } = await openForm();
    fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'Students at the college' } });
    view.rerender(<Screen api={api} open={false} />);
    await settled();
    expect(writes.map((w) => w.request.changes)).toEqual([{ name: 'Students at the college' }]);
    expect(indicator()).toBe('saving');
    await settled(() => writes[0]!.answer({ ok: true, value: { ...AUDIENCE, name: 'Students at the college', effects: NO_EFFECTS } }));
    expect(indicator()).toBe('saved');
  });
});
