// @vitest-environment happy-dom
// Finishing a review by keyboard: the form goes, and focus moves to the "Review logged" notice
// instead of dropping to the top of the page.
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { WorkbookInfo } from '../../../../shared/api/workbook.ts';
import { FileChooserProvider } from '../../../../renderer/src/app/file-chooser.tsx';
import { ReviewSection } from '../../../../renderer/src/worksheets/review/ReviewSection.tsx';
import { WorkbookDataProvider } from '../../../../renderer/src/worksheets/workbook-data.tsx';
import { EMPTY_WORKBOOK_READS, NO_EFFECTS, fakeRendererApi } from '../../../helpers/renderer-fake-api.ts';

const INFO = { handle: 'h1', path: 'strategy.ewb', readOnly: false, counts: {}, meta: { id: '5b1f0c1e-7d1a-4c55-9f3b-0e2a4d6c8b11', title: 'Northshire strategy', marking: 'OFFICIAL', periodStart: '2026-04-01', periodEnd: '2027-03-31' } } as unknown as WorkbookInfo;

const STATUS = { reviewDate: null, due: false, lastReview: null, stale: [], changes: [], changeCount: 0 };

async function settle() {
  for (let i = 0; i < 5; i += 1) await act(async () => await new Promise((resolve) => setTimeout(resolve, 0)));
}

afterEach(cleanup);

describe('ReviewSection focus', () => {
  it('moves focus to the "Review logged" notice when the review is written to the log', async () => {
    const fake = fakeRendererApi({ ...EMPTY_WORKBOOK_READS, getReviewStatus: STATUS, finishReview: { id: 'e1', effects: NO_EFFECTS } });
    render(
      <FileChooserProvider api={fake.api}>
        <WorkbookDataProvider api={fake.api} handle="h1" readOnly={false} onDetailsChanged={async () => {}}>
          <ReviewSection info={INFO} onOpenWorkbook={() => {}} />
        </WorkbookDataProvider>
      </FileChooserProvider>,
    );
    await settle();
    fireEvent.click(await screen.findByRole('button', { name: 'Start a review' }));
    await settle();
    fireEvent.change(screen.getByLabelText('What the review found'), { target: { value: 'Little has changed.' } });
    const write = screen.getByRole('button', { name: 'Write to the review log' });
    act(() => write.focus());
    fireEvent.submit(write.closest('form')!);
    await settle();
    expect(fake.calls.some((c) => c.method === 'finishReview')).toBe(true);
    expect(screen.queryByRole('button', { name: 'Write to the review log' })).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Review logged' }));
  });
});
