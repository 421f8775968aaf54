// A progress bar for a long job: polls the core for the job's stage and how far it has got, and
// shows a moving bar when the total cannot be known.
import { useEffect, useState } from 'react';
import type { ApiClient } from '../api/client.ts';

interface Progress {
  stage: string;
  done: number;
  total: number;
  /** Rows read so far, for jobs that read rows. */
  rows?: number;
}

export function newJobId(): string {
  return crypto.randomUUID();
}

export function JobProgressBar({ api, jobId, label }: { api: ApiClient; jobId: string; label: string }) {
  const [progress, setProgress] = useState<Progress | null>(null);
  useEffect(() => {
    let stopped = false;
    const tick = async () => {
      const result = await api.call('getJobProgress', { jobId });
      if (!stopped && result.ok && result.value) setProgress(result.value);
    };
    void tick();
    const timer = setInterval(() => void tick(), 250);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [api, jobId]);
  const known = progress !== null && progress.total > 0;
  const percent = known ? Math.min(100, Math.round((progress.done / progress.total) * 100)) : null;
  return (
    <div className="job-progress" role="status" aria-live="polite">
      <label className="field__label" htmlFor={`progress-${jobId}`}>
        {label}: {progress?.stage ?? 'Starting'}
        {percent !== null ? ` (${percent} %)` : '…'}
        {progress?.rows !== undefined ? `, ${progress.rows.toLocaleString('en-GB')} rows` : ''}
      </label>
      {known ? <progress id={`progress-${jobId}`} className="job-progress__bar" value={progress.done} max={progress.total} /> : <progress id={`progress-${jobId}`} className="job-progress__bar" />}
    </div>
  );
}
