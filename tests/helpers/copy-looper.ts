// Child process for the "killed mid-copy" test: opens a workbook read-only and saves copies of it
// into a folder over and over until it is killed. Usage: copy-looper.ts CONFIG_DIR SOURCE FOLDER
import path from 'node:path';
import { childCore, say } from './child-core.ts';

const [configDir, source, folder] = process.argv.slice(2) as [string, string, string];
const core = childCore(configDir);
const opened = await core.call('openWorkbook', { path: source, readOnly: true });
if (!opened.ok) throw new Error(opened.error.message);
const { handle } = (opened.value as { info: { handle: string } }).info;
say('copying');
for (let n = 0; ; n += 1) {
  const result = await core.call('saveWorkbookCopy', { handle, destination: path.join(folder, 'copy.ewb'), overwrite: true });
  if (!result.ok) throw new Error(result.error.message);
}
