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
import { DraftShelfProvider } from '../../../renderer/src/worksheets/drafts-context.tsx';
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
    // An audience's form lists the census figures it cites.
    listEvidenceLinks: [],
    listCensusTables: [],
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

function Screen({ api, open, record = AUDIENCE, draftKey = AUDIENCE.id }: { api: ApiClient; open: boolean; record?: RecordValues | null; draftKey?: string }) {
  const [state, setState] = useState<SaveState>({ kind: 'saved' });
  return (
    <>
      <p role="status">{state.kind === 'failed' ? `failed: ${state.message}` : state.kind}</p>
      <WorkbookDataProvider api={api} handle={HANDLE} readOnly={false} onDetailsChanged={async () => {}}>
        <DraftShelfProvider handle={HANDLE}>
          {open && <RecordForm type="audience" record={record} draftKey={draftKey} focus={null} focusFirst={false} onCreated={() => {}} onDeleted={() => {}} onDiscarded={() => {}} onSaveState={setState} />}
        </DraftShelfProvider>
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
  sessionStorage.clear();
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

  it('saves every field typed in, one after another, though each field keeps the handler it was first drawn with', async () => {
    const { writes } = await openForm();
    fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'Students in halls' } });
    fireEvent.change(screen.getByLabelText('Notes (optional)'), { target: { value: 'Term time only' } });
    fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'Students in halls of residence' } });
    fireEvent.click(screen.getByLabelText('Include in share copies sent to other forces'));
    await settled(() => vi.advanceTimersByTime(DELAY));
    expect(writes.map((w) => w.request.changes)).toEqual([{ name: 'Students in halls of residence', notes: 'Term time only', shareable: false }]);
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

describe('RecordForm drafts', () => {
  function keptDrafts(): Array<{ key: string; values: Record<string, unknown>; touched: string[] }> {
    return JSON.parse(sessionStorage.getItem(`ewb-drafts:${HANDLE}`) ?? '[]');
  }

  it('keeps a half-filled new record when its form closes, gives it back when it reopens, and lets it go once it is saved', async () => {
    const fake = fakeApi();
    const view = render(<Screen api={fake.api} open record={null} draftKey="new-1" />);
    await settled();
    fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'Young people in Riverside' } });
    await settled(() => vi.advanceTimersByTime(DELAY));
    expect(fake.writes).toEqual([]);
    expect(screen.getByRole('status').textContent).toBe('invalid');

    view.rerender(<Screen api={fake.api} open={false} record={null} draftKey="new-1" />);
    await settled();
    expect(keptDrafts()).toEqual([{ key: 'new-1', type: 'audience', recordId: null, values: { name: 'Young people in Riverside' }, touched: ['name'] }]);
    // Nothing is waiting to be saved and nothing is lost: the indicator does not point at fields that are gone.
    expect(screen.getByRole('status').textContent).toBe('saved');

    view.rerender(<Screen api={fake.api} open record={null} draftKey="new-1" />);
    await settled();
    expect((screen.getByLabelText('Name') as HTMLInputElement).value).toBe('Young people in Riverside');
    fireEvent.change(screen.getByLabelText('Kind of audience'), { target: { value: 'young-people' } });
    fireEvent.change(screen.getByLabelText('Engagement'), { target: { value: 'hard-to-reach' } });
    fireEvent.change(screen.getByLabelText('Priority'), { target: { value: 'high' } });
    await settled();
    expect(fake.writes.map((w) => w.method)).toEqual(['createRecord']);
    expect(keptDrafts()).toHaveLength(1);
    await settled(() => fake.writes[0]!.answer({ ok: true, value: { ...AUDIENCE, id: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d', name: 'Young people in Riverside', effects: NO_EFFECTS } }));
    expect(keptDrafts()).toEqual([]);
    expect(screen.getByRole('status').textContent).toBe('saved');
  });

  it('keeps an existing record\'s value that cannot be saved when the form closes, marked again when it reopens', async () => {
    const fake = fakeApi();
    const view = render(<Screen api={fake.api} open />);
    await settled();
    fireEvent.change(screen.getByLabelText('Size estimate (people) (optional)'), { target: { value: 'about 500' } });
    fireEvent.blur(screen.getByLabelText('Size estimate (people) (optional)'));
    await settled();
    expect(fake.writes).toEqual([]);
    view.rerender(<Screen api={fake.api} open={false} />);
    await settled();
    expect(keptDrafts()).toEqual([{ key: AUDIENCE.id, type: 'audience', recordId: AUDIENCE.id, values: { sizeEstimate: 'about 500' }, touched: ['sizeEstimate'] }]);
    view.rerender(<Screen api={fake.api} open />);
    await settled();
    expect((screen.getByLabelText('Size estimate (people) (optional)') as HTMLInputElement).value).toBe('about 500');
    expect(screen.getByLabelText('Size estimate (people) (optional)').getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById('audience-form-sizeEstimate-error')?.textContent).toBe('Error: Enter a whole number');
    fireEvent.change(screen.getByLabelText('Size estimate (people) (optional)'), { target: { value: '500' } });
    expect(keptDrafts()).toEqual([]);
  });
});
