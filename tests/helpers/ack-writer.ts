// Child process for the fsync test: makes a workbook, then makes N edits through the core's
// boundary, printing `ack N` (one write to stdout) after each edit the core acknowledges.
import fs from 'node:fs';
import path from 'node:path';
import { createAppCore } from '../../electron/core/create-app-core.ts';
import { defaultDeps } from '../../electron/core/default-deps.ts';

const [dir, countText] = process.argv.slice(2);
if (!dir || !countText) throw new Error('usage: ack-writer DIR COUNT');
const silent = { error: () => {}, warn: () => {}, info: () => {} };
const core = createAppCore({ ...defaultDeps(silent), paths: { configDir: path.join(dir, 'config') } });
const created = await core.call('createWorkbook', {
  path: path.join(dir, 'acked.ewb'),
  details: { force: 'kent', title: 'Acked', periodStart: null, periodEnd: null, author: null, versionLabel: '', marking: 'OFFICIAL', reviewDate: null },
});
if (!created.ok) throw new Error(created.error.message);
const handle = (created.value as { handle: string }).handle;
fs.writeSync(1, 'ready\n');
for (let i = 1; i <= Number(countText); i += 1) {
  const result = await core.call('updateWorkbookDetails', { handle, changes: { versionLabel: `edit ${i}` } });
  if (!result.ok) throw new Error(result.error.message);
  fs.writeSync(1, `ack ${i}\n`);
}
core.closeAll();
