// Our temporary files, and clearing away those a killed process left behind. Two kinds: private
// working folders in the system's temporary folder (copies of workbooks being checked or read),
// named after their owner process; and temporary files beside a destination (a copy being saved,
// a workbook being made), recorded in the app's settings folder while they exist. On the next
// start, whatever belongs to a process that has certainly ended is removed.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { markerOwnerMayBeRunning, processStartTime } from './process-start.ts';
import { removeQuietly } from './durable-write.ts';

const WORK_FOLDER_PREFIX = 'ewb-work.';
/** The names temporaryPathBeside gives: `.NAME.<12 hex>.tmp`. Nothing else is ever removed. */
const TEMPORARY_NAME = /^\..+\.[0-9a-f]{12}\.tmp$/;

function startDigest(pid: number): string {
  const started = processStartTime(pid);
  return started === null ? 'x' : crypto.createHash('sha256').update(started).digest('hex').slice(0, 10);
}

/** Whether the process named by `pid` and `digest` (from a name we made) may still be running. */
function tagMayBeRunning(pid: number, digest: string, writtenAt: Date): boolean {
  if (!markerOwnerMayBeRunning(pid, null, writtenAt)) return false;
  return digest === 'x' || digest === startDigest(pid);
}

/** A new folder only this user can read, in the system's temporary folder (or `root`), for copies of workbooks. */
export function makePrivateFolder(root = os.tmpdir()): string {
  const folder = fs.mkdtempSync(path.join(root, `${WORK_FOLDER_PREFIX}${process.pid}.${startDigest(process.pid)}.`));
  fs.chmodSync(folder, 0o700);
  return folder;
}

export function removeFolderQuietly(folder: string): void {
  try {
    fs.rmSync(folder, { recursive: true, force: true });
  } catch {
    // Best effort: a folder left behind is removed by the next start's sweep.
  }
}

/** Removes private working folders whose owner has ended; returns how many. */
export function sweepPrivateFolders(root = os.tmpdir()): number {
  let removed = 0;
  let names: string[];
  try {
    names = fs.readdirSync(root);
  } catch {
    return 0;
  }
  for (const name of names) {
    const match = /^ewb-work\.(\d+)\.(x|[0-9a-f]{10})\./.exec(name);
    if (!match) continue;
    const folder = path.join(root, name);
    let stat: fs.Stats;
    try {
      stat = fs.lstatSync(folder);
    } catch {
      continue;
    }
    if (!stat.isDirectory() || (process.getuid && stat.uid !== process.getuid())) continue;
    if (tagMayBeRunning(Number(match[1]), match[2] ?? 'x', stat.mtime)) continue;
    removeFolderQuietly(folder);
    removed += 1;
  }
  return removed;
}

interface PendingRecord {
  path: string;
  host: string;
  pid: number;
  started: string | null;
  since: string;
}

/** Temporary files beside destinations, recorded while they exist so a killed process's are found. */
export class PendingTemporaries {
  private readonly folder: string;
  private readonly host: string;

  constructor(configDir: string, host: string) {
    this.folder = path.join(configDir, 'temporary-files');
    this.host = host;
  }

  /** Records `file` (a name from temporaryPathBeside); call the answer once it is gone or published. */
  begin(file: string): () => void {
    const record = path.join(this.folder, `${crypto.randomBytes(8).toString('hex')}.json`);
    const entry: PendingRecord = { path: file, host: this.host, pid: process.pid, started: processStartTime(process.pid), since: new Date().toISOString() };
    try {
      fs.mkdirSync(this.folder, { recursive: true });
      fs.writeFileSync(record, JSON.stringify(entry), { flag: 'wx' });
    } catch {
      // Without a record the file is still removed by the code that made it, unless it is killed.
      return () => {};
    }
    return () => removeQuietly(record);
  }

  /** Removes the temporary files of processes on this computer that have ended; returns how many. */
  sweep(): number {
    let names: string[];
    try {
      names = fs.readdirSync(this.folder);
    } catch {
      return 0;
    }
    let removed = 0;
    for (const name of names) {
      if (!name.endsWith('.json')) continue;
      const record = path.join(this.folder, name);
      let entry: PendingRecord;
      try {
        entry = JSON.parse(fs.readFileSync(record, 'utf8')) as PendingRecord;
      } catch {
        removeQuietly(record);
        continue;
      }
      if (entry.host !== this.host) continue;
      if (markerOwnerMayBeRunning(entry.pid, entry.started, new Date(entry.since))) continue;
      if (typeof entry.path === 'string' && path.isAbsolute(entry.path) && TEMPORARY_NAME.test(path.basename(entry.path))) {
        if (fs.existsSync(entry.path)) removed += 1;
        removeQuietly(entry.path);
        removeQuietly(`${entry.path}-journal`);
      }
      removeQuietly(record);
    }
    return removed;
  }
}
