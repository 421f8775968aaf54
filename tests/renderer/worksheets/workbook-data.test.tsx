// @vitest-environment happy-dom
// The header's "Undid …" message is news only until the next change: a later save clears it, and
// a later undo says its own.
import { act, cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { WorkbookDataProvider, useWorkbookData, type WorkbookData } from '../../../renderer/src/worksheets/workbook-data.tsx';
import { EMPTY_WORKBOOK_READS, NO_EFFECTS, fakeRendererApi } from '../../helpers/renderer-fake-api.ts';

const PLACE = { id: 'p1', createdAt: '2026-01-05T10:00:00.000Z', updatedAt: '2026-01-05T10:00:00.000Z', reviewedAt: null, shareable: true, notes: '', name: 'Town hall', kind: null, areaId: null };

async function settle() {
  for (let i = 0; i < 5; i += 1) await act(async () => await new Promise((resolve) => setTimeout(resolve, 0)));
}

afterEach(cleanup);

describe('lastUndo', () => {
  it('clears the "Undid …" message when a later change is saved', async () => {
    const { api } = fakeRendererApi({
      ...EMPTY_WORKBOOK_READS,
      undo: { change: { description: 'Undid editing place “Town hall”', recordType: 'place' }, effects: NO_EFFECTS },
      updateRecord: { ...PLACE, name: 'Town hall (main hall)', effects: NO_EFFECTS },
    });
    let data: WorkbookData | null = null;
    function Probe() {
      data = useWorkbookData();
      return null;
    }
    render(
      <WorkbookDataProvider api={api} handle="h1" readOnly={false} onDetailsChanged={async () => {}}>
        <Probe />
      </WorkbookDataProvider>,
    );
    await settle();
    await act(async () => await data!.undoLast());
    expect(data!.lastUndo).toBe('Undid editing place “Town hall”');
    await act(async () => void (await data!.update('place', 'p1', { name: 'Town hall (main hall)' })));
    expect(data!.lastUndo).toBeNull();
    await act(async () => await data!.undoLast());
    expect(data!.lastUndo).toBe('Undid editing place “Town hall”');
  });
});
