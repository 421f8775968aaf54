// Progress of long jobs (imports now, exports later), so the page can show a bar while it waits:
// the caller names a job id with its request and asks for that job's progress meanwhile.
export interface Progress {
  /** What is happening, in words: "Reading the file", "Saving to the workbook". */
  stage: string;
  /** Units done and the total; total 0 when it cannot be known (the bar then just moves). */
  done: number;
  total: number;
  /** Rows read so far, for jobs that read rows (a crime import counts both bytes and rows). */
  rows?: number;
}

export type ProgressReporter = (progress: Progress) => void;

export const ignoreProgress: ProgressReporter = () => {};

export class JobProgress {
  private readonly jobs = new Map<string, Progress>();
  private readonly controllers = new Map<string, AbortController>();

  /** A reporter for `jobId` (or one that ignores reports when the caller gave none). */
  reporter(jobId: string | undefined): ProgressReporter {
    if (!jobId) return ignoreProgress;
    this.jobs.set(jobId, { stage: 'Starting', done: 0, total: 0 });
    return (progress) => this.jobs.set(jobId, progress);
  }

  get(jobId: string): Progress | null {
    return this.jobs.get(jobId) ?? null;
  }

  finish(jobId: string | undefined): void {
    if (!jobId) return;
    this.jobs.delete(jobId);
    this.controllers.delete(jobId);
  }

  /** Asks a running job to stop; false when no job of that id is running. */
  cancel(jobId: string): boolean {
    const controller = this.controllers.get(jobId);
    if (!controller) return false;
    controller.abort();
    return true;
  }

  /** Runs `work` with a reporter for `jobId` and a signal that `cancel(jobId)` aborts, forgetting the job when it ends either way. */
  async run<T>(jobId: string | undefined, work: (report: ProgressReporter, signal: AbortSignal) => Promise<T> | T): Promise<T> {
    const report = this.reporter(jobId);
    const controller = new AbortController();
    if (jobId) this.controllers.set(jobId, controller);
    try {
      return await work(report, controller.signal);
    } finally {
      this.finish(jobId);
    }
  }
}
