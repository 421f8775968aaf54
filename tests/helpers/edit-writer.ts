// A writer process for the kill-torture tests, run with `node` (type stripping) and SIGKILLed at a
// random moment. It opens a workbook for editing through the real core and loops forever:
//
//   node edit-writer.ts edit <workbook> <configDir> <firstN>
//     updateWorkbookDetails({ title: `edit-<n>` }) for n = firstN, firstN+1, …; after each call the
//     core acknowledges (ok) it prints `ack <n>`.
//   node edit-writer.ts copy <workbook> <configDir> <firstN> <destinationFolder>
//     saveWorkbookCopy to `<destinationFolder>/copy-<n>.ewb`; after each ok it prints `saved <path>`.
//
// Before the loop it prints `notice <text>` for each notice from opening, then `ready`. Any refusal
// prints `refused <method> <code> <message>` and exits with code 3. Lines are written with
// fs.writeSync, so a line the parent reads was printed only after the core returned ok.
import path from 'node:path';
import { childCore, say } from './child-core.ts';
import type { Result } from '../../shared/api/result.ts';

const [mode, workbook, configDir, firstArg, destination] = process.argv.slice(2);
if ((mode !== 'edit' && mode !== 'copy') || !workbook || !configDir || !firstArg || (mode === 'copy' && !destination)) {
  say('usage: edit-writer.ts edit|copy <workbook> <configDir> <firstN> [destinationFolder]');
  process.exit(2);
}

const core = childCore(configDir);

function refuse(method: string, result: Result<unknown>): never {
  const error = result.ok ? { code: 'unexpected', message: 'no value' } : result.error;
  say(`refused ${method} ${error.code} ${error.message}`);
  process.exit(3);
}

const opened = await core.call('openWorkbook', { path: workbook });
if (!opened.ok) refuse('openWorkbook', opened);
const { info, notices } = opened.value as { info: { handle: string }; notices: string[] };
for (const notice of notices) say(`notice ${notice}`);
say('ready');

for (let n = Number(firstArg); ; n += 1) {
  if (mode === 'edit') {
    const result = await core.call('updateWorkbookDetails', { handle: info.handle, changes: { title: `edit-${n}` } });
    if (!result.ok) refuse('updateWorkbookDetails', result);
    say(`ack ${n}`);
  } else {
    const target = path.join(destination as string, `copy-${n}.ewb`);
    const result = await core.call('saveWorkbookCopy', { handle: info.handle, destination: target });
    if (!result.ok) refuse('saveWorkbookCopy', result);
    say(`saved ${(result.value as { path: string }).path}`);
  }
}
