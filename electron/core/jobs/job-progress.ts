// Progress of long jobs (imports now, exports later), so the page can show a bar while it waits:
// the caller names a job id with its request and asks for that job's progress meanwhile.
export interface Progress {
  /** What is happening, in words: "Reading the file", "Saving to the workbook". */
  stage: string;
  /** Units done and the total; total 0 when it cannot be known (the bar then just moves). */
  done: number;
  total: number;
}

export type ProgressReporter = (progress: Progress) => void;

export const ignoreProgress: ProgressReporter = () => {};

export class JobProgress {
  private readonly jobs = new Map<string, Progress>();

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
    if (jobId) this.jobs.delete(jobId);
  }

  /** Runs `work` with a reporter for `jobId`, forgetting the job when it ends either way. */
  async run<T>(jobId: string | undefined, work: (report: ProgressReporter) => Promise<T> | T): Promise<T> {
    const report = this.reporter(jobId);
    try {
      return await work(report);
    } finally {
      this.finish(jobId);
    }
  }
}
