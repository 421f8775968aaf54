// Another force's workbook is read for the library in a worker with a memory and a time limit, as
// every heavy read is: the worker's answer is the same as reading it here, a refusal keeps its
// reason, and a worker given too little time refuses the file instead of holding up the app.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runFileWorker } from '../../../electron/core/workers/run-file-worker.ts';
import { readLibrarySource } from '../../../electron/core/library/read-library-source.ts';
import { tempDir } from '../../helpers/temp-dir.ts';
import { forceWorkbook } from '../../helpers/force-workbook.ts';

const options = { fileName: 'sound.ewb', advice: 'Ask for a share copy, which holds less.' };

describe('reading a library workbook in a worker', () => {
  it('answers what reading it on this thread answers', async () => {
    const dir = tempDir('ewb-library-worker-');
    const { file } = await forceWorkbook(dir, 'sound.ewb', 'surrey', [{ title: 'Cafe', depth: 'consult' }, { title: 'Street surgery', depth: 'involve' }]);
    const here = readLibrarySource(file);
    const there = await runFileWorker({ kind: 'library', file }, { ...options, limits: { timeoutMs: 60_000 } });
    expect(there).toEqual(here);
    expect(there.practices.map((p) => p.title).sort()).toEqual(['Cafe', 'Street surgery']);
  });

  it('brings back a refusal with its reason, and refuses a file it runs out of time on', async () => {
    const dir = tempDir('ewb-library-worker-');
    const text = path.join(dir, 'minutes.ewb');
    fs.writeFileSync(text, 'Minutes of the meeting\n'.repeat(20));
    await expect(runFileWorker({ kind: 'library', file: text }, { ...options, fileName: 'minutes.ewb', limits: { timeoutMs: 60_000 } })).rejects.toThrow(/minutes\.ewb.*(not an Engagement Workbook|not a workbook)/);
    const { file } = await forceWorkbook(dir, 'slow.ewb', 'kent', [{ title: 'Cafe', depth: 'consult' }]);
    await expect(runFileWorker({ kind: 'library', file }, { ...options, fileName: 'slow.ewb', limits: { timeoutMs: 1 } })).rejects.toThrow('"slow.ewb" is too large or too complex to read (reading it took longer than the 1 ms allowed). Ask for a share copy, which holds less. Nothing was imported.');
  });
});
