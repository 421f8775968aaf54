// Workbooks of other forces for the practice library: made and closed through a core of their own
// (ids seeded apart, so each workbook has its own id), holding the practices given.
import path from 'node:path';
import type { WorkbookInfo } from '../../shared/api/workbook.ts';
import { SAMPLE_DETAILS, expectOk, sequentialIds, testCore } from './test-core.ts';

export interface PracticeInput {
  title: string;
  audienceKinds?: string[];
  channelKinds?: string[];
  depth?: string | null;
  verdict?: string | null;
  evidenceStrength?: string | null;
  outcome?: string | null;
  notes?: string;
  shareable?: boolean;
}

let seed = 100_000;

/** Makes `name` in `dir` for `force`, with `practices`; answers its path and workbook id. */
export async function forceWorkbook(dir: string, name: string, force: string, practices: readonly PracticeInput[], details: Partial<typeof SAMPLE_DETAILS> = {}): Promise<{ file: string; workbookId: string }> {
  seed += 10_000;
  const core = testCore({ newId: sequentialIds(seed) });
  const file = path.join(dir, name);
  const info = await expectOk<WorkbookInfo>(core, 'createWorkbook', { path: file, details: { ...SAMPLE_DETAILS, title: `${force} engagement strategy`, ...details, force } });
  for (const practice of practices) {
    const { notes, shareable, ...values } = practice;
    await expectOk(core, 'createRecord', { handle: info.handle, type: 'practice', values: { origin: 'our-now', ...values, ...(notes === undefined ? {} : { notes }), ...(shareable === undefined ? {} : { shareable }) } });
  }
  await expectOk(core, 'closeWorkbook', { handle: info.handle });
  core.closeAll();
  return { file, workbookId: info.meta.id };
}
