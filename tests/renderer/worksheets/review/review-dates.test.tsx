// @vitest-environment happy-dom
// The review walk's last step and "Roll forward" check their dates in day, month and year terms
// before anything is sent: every problem at once, none in the API's words, the next review date not
// copied from a review date that does not exist, and no file name asked for a period that is wrong.
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { ApiClient } from '../../../../renderer/src/api/client.ts';
import { ReviewWalk } from '../../../../renderer/src/worksheets/review/ReviewWalk.tsx';
import { RollForward } from '../../../../renderer/src/worksheets/review/RollForward.tsx';
import { WorkbookDataProvider } from '../../../../renderer/src/worksheets/workbook-data.tsx';
import { FileChooserProvider } from '../../../../renderer/src/app/file-chooser.tsx';
import type { ReviewStatus } from '../../../../shared/api/review.ts';
import type { WorkbookInfo } from '../../../../shared/api/workbook.ts';
import { settle } from '../../../helpers/controlled-persist.ts';

const STATUS: ReviewStatus = { reviewDate: '2026-12-01', due: true, lastReview: null, stale: [], changes: [], changeCount: 0 };

function fakeApi(door: 'host' | 'electron' = 'host') {
  const calls: Array<{ method: string; request: unknown }> = [];
  const reads: Record<string, unknown> = { listRecords: { records: [] }, listSectionStates: [], listGaps: [], getUndoState: { undoLabel: null, redoLabel: null } };
  const api: ApiClient = {
    door,
    call: ((method: string, request: unknown) => {
      if (method in reads) return Promise.resolve({ ok: true, value: reads[method] });
      calls.push({ method, request });
      return Promise.resolve({ ok: false, error: { code: 'internal', message: 'not expected in this test' } });
    }) as ApiClient['call'],
    pathForFile: () => null,
    download: async () => {},
    onMenuCommand: () => () => {},
  };
  return { api, calls };
}

function typeDate(id: string, day: string, month: string, year: string): void {
  fireEvent.change(document.getElementById(id)!, { target: { value: day } });
  fireEvent.change(document.getElementById(`${id}-month`)!, { target: { value: month } });
  fireEvent.change(document.getElementById(`${id}-year`)!, { target: { value: year } });
}

const value = (id: string) => (document.getElementById(id) as HTMLInputElement).value;

afterEach(() => cleanup());

describe('the review walk’s dates', () => {
  it('says every problem at once, in day, month and year terms, and sends nothing', async () => {
    const { api, calls } = fakeApi();
    render(
      <WorkbookDataProvider api={api} handle="h1" readOnly={false} onDetailsChanged={async () => {}}>
        <ReviewWalk status={STATUS} onDone={() => {}} onCancel={() => {}} />
      </WorkbookDataProvider>,
    );
    await act(settle);
    typeDate('review-reviewedOn', '31', '2', '2026');
    // The next review date does not copy a review date that does not exist.
    expect([value('review-next'), value('review-next-month'), value('review-next-year')]).toEqual(['', '', '']);
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Write to the review log' }));
      await settle();
    });
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('The review was not logged: 2 things to put right');
    expect(alert.textContent).toContain('Reviewed on must be a real date: 31 2 2026 does not exist');
    expect(alert.textContent).toContain('Enter what the review found');
    expect(document.body.textContent).not.toMatch(/YYYY-MM-DD/);
    expect(calls).toEqual([]);

    // A real date: the next review follows it, a year on.
    typeDate('review-reviewedOn', '28', '2', '2026');
    expect([value('review-next'), value('review-next-month'), value('review-next-year')]).toEqual(['28', '2', '2027']);
  });
});

describe('rolling forward', () => {
  it('checks the period before asking for a file name', async () => {
    // The Electron door asks for a file name through the API, so a file dialog opened too early would show in `calls`.
    const { api, calls } = fakeApi('electron');
    const info = { path: '/w/plan.ewb', handle: 'h1', readOnly: false, meta: { title: 'Plan', periodStart: '2026-04-01', periodEnd: '2029-03-31' } } as unknown as WorkbookInfo;
    render(
      <FileChooserProvider api={api}>
        <WorkbookDataProvider api={api} handle="h1" readOnly={false} onDetailsChanged={async () => {}}>
          <RollForward info={info} onOpenWorkbook={() => {}} />
        </WorkbookDataProvider>
      </FileChooserProvider>,
    );
    await act(settle);
    typeDate('roll-periodStart', '31', '4', '2029');
    typeDate('roll-periodEnd', '1', '4', '2029');
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Roll forward…' }));
      await settle();
    });
    expect(document.body.textContent).toContain('The next period starts must be a real date: 31 4 2029 does not exist');
    expect(document.body.textContent).not.toContain('must end after it starts');
    expect(document.body.textContent).not.toMatch(/YYYY-MM-DD|rollForwardWorkbook/);
    typeDate('roll-periodStart', '1', '4', '2029');
    typeDate('roll-periodEnd', '31', '3', '2029');
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Roll forward…' }));
      await settle();
    });
    expect(document.body.textContent).toContain('The next period must end after it starts (1 April 2029)');
    expect(calls).toEqual([]);
    // A sound period goes on to ask for the file name.
    typeDate('roll-periodEnd', '31', '3', '2032');
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Roll forward…' }));
      await settle();
    });
    expect(calls.map((c) => c.method)).toEqual(['chooseFile']);
  });
});
