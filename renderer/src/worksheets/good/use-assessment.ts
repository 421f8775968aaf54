// The self-assessment and the review status of the open workbook, asked for again whenever its
// records change (the indicators are computed by the core from them).
import { useEffect, useState } from 'react';
import type { Assessment, ReviewStatus } from '../../../../shared/api/review.ts';
import { useWorkbookData } from '../workbook-data.tsx';

export function useAssessment(): Assessment | null {
  const { api, handle, records, generation } = useWorkbookData();
  const [assessment, setAssessment] = useState<Assessment | null>(null);
  useEffect(() => {
    let live = true;
    void api.call('assessWorkbook', { handle }).then((result) => {
      if (live && result.ok) setAssessment(result.value);
    });
    return () => {
      live = false;
    };
  }, [api, handle, records, generation]);
  return assessment;
}

export function useReviewStatus(): [ReviewStatus | null, () => void] {
  const { api, handle, records, generation, sections } = useWorkbookData();
  const [status, setStatus] = useState<ReviewStatus | null>(null);
  const [asked, setAsked] = useState(0);
  useEffect(() => {
    let live = true;
    void api.call('getReviewStatus', { handle }).then((result) => {
      if (live && result.ok) setStatus(result.value);
    });
    return () => {
      live = false;
    };
  }, [api, handle, records, generation, sections, asked]);
  return [status, () => setAsked((n) => n + 1)];
}
