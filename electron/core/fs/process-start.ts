// Tells a running process from an unrelated one that later got the same id: a process id alone is
// reused (after a reboot, or once ids wrap), so markers we leave (locks, temporary files) carry
// when their process started as well as its id.
import fs from 'node:fs';
import os from 'node:os';

function readSmallText(file: string): string | null {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

/**
 * When process `pid` started, as an opaque text that is the same for the life of the process and
 * different for any later process with that id; null where the system does not say (then callers
 * fall back to "is the id in use" and the boot time). Linux: the boot's id and the start time in
 * clock ticks since boot, from /proc.
 */
export function processStartTime(pid: number): string | null {
  if (process.platform !== 'linux' || !Number.isInteger(pid) || pid <= 0) return null;
  const stat = readSmallText(`/proc/${pid}/stat`);
  if (stat === null) return null;
  // The command name (field 2) is in brackets and may hold spaces or brackets: count from the last.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = fields[19];
  if (!ticks || !/^\d+$/.test(ticks)) return null;
  const boot = (readSmallText('/proc/sys/kernel/random/boot_id') ?? '').trim();
  return `${boot}:${ticks}`;
}

/** True if a process with this id exists on this computer (EPERM: it exists but is not ours). */
export function isProcessAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** When this computer last started. */
export function bootTime(): Date {
  return new Date(Date.now() - os.uptime() * 1000);
}

/**
 * True if the process that wrote a marker (`pid`, its start time if known, and when it wrote the
 * marker) may still be running on this computer. False only when that is certain: the id is free,
 * it now belongs to a process that started at another time, or the marker predates the last boot.
 */
export function markerOwnerMayBeRunning(pid: number, started: string | null | undefined, writtenAt: Date | null): boolean {
  if (!isProcessAlive(pid)) return false;
  // A minute's grace: the boot time is derived from the uptime and the clock, both a little rough.
  if (writtenAt && !Number.isNaN(writtenAt.getTime()) && writtenAt.getTime() < bootTime().getTime() - 60_000) return false;
  if (started) {
    const now = processStartTime(pid);
    if (now !== null && now !== started) return false;
  }
  return true;
}
