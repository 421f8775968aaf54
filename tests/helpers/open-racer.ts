// One of two processes racing to open the same workbook for editing (two-processes.test.ts).
//
//   node open-racer.ts <workbook> <configDir> <label>
//
// Prints `ready` once the core is loaded, then waits for `go` on stdin and at once asks to open the
// workbook for editing. It prints `edit ok` (then makes three edits titled `<label>-1..3` and prints
// `edited <title>`) or `edit refused <code> <message>` (then opens it read-only and prints
// `read ok <title>` or `read refused <code> <message>`). It then waits for `exit` on stdin, closes
// everything and exits 0.
import { childCore, say, stdinLines } from './child-core.ts';

const [workbook, configDir, label] = process.argv.slice(2);
if (!workbook || !configDir || !label) {
  say('usage: open-racer.ts <workbook> <configDir> <label>');
  process.exit(2);
}

const core = childCore(configDir);
// Load everything the open path needs before the race, so both start from the same point.
await core.call('listForces', {});
const lines = stdinLines();
say('ready');

async function waitFor(word: string): Promise<void> {
  for (;;) {
    const line = await lines.next();
    if (line.done) process.exit(4);
    if (line.value.trim() === word) return;
  }
}

await waitFor('go');
const edit = await core.call('openWorkbook', { path: workbook });
if (edit.ok) {
  say('edit ok');
  const { handle } = (edit.value as { info: { handle: string } }).info;
  let title = '';
  for (let k = 1; k <= 3; k += 1) {
    title = `${label}-${k}`;
    const result = await core.call('updateWorkbookDetails', { handle, changes: { title } });
    if (!result.ok) {
      say(`edit-failed ${result.error.code} ${result.error.message}`);
      title = '';
      break;
    }
  }
  if (title) say(`edited ${title}`);
} else {
  say(`edit refused ${edit.error.code} ${edit.error.message}`);
  const read = await core.call('openWorkbook', { path: workbook, readOnly: true });
  if (read.ok) say(`read ok ${(read.value as { info: { meta: { title: string } } }).info.meta.title}`);
  else say(`read refused ${read.error.code} ${read.error.message}`);
}

await waitFor('exit');
core.closeAll();
process.exit(0);
