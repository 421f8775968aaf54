// What a crime import reads: CSV files named one by one, folders of them, or zips of them (police.uk's
// custom download: a folder a month, each force's street, outcomes and stop-and-search files). From a
// folder or zip only the street-level files (…-street.csv) are taken, the others counted as skipped.
// A zip from elsewhere is untrusted: its entries are counted, named and sized before any is read.
import fs from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import yauzl from 'yauzl';
import { AppError } from '../app-error.ts';
import { readFileStart } from '../fs/read-file-start.ts';
import { LIMITS, formatCount, formatMegabytes } from '../../../shared/domain/limits.ts';

export interface CrimeSource {
  /** The file's name as shown (inside a zip: "download.zip › 2024-01/2024-01-kent-street.csv"). */
  name: string;
  bytes: number;
  open(): Promise<Readable>;
}

export interface CrimeSources {
  files: CrimeSource[];
  /** Files in folders or zips that are not street-level crime. */
  skipped: number;
  close(): void;
}

const STREET_FILE = /-street\.csv$/i;
const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
/** Folders inside folders looked into: police.uk's download is a folder of month folders. */
const MAX_DEPTH = 4;

function unreadable(file: string, error: unknown): AppError {
  const name = path.basename(file);
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return new AppError('not-found', `There is no file or folder "${name}". It may have been moved or renamed.`);
  if (code === 'EACCES' || code === 'EPERM') return new AppError('io', `"${name}" cannot be read: you do not have permission.`);
  return new AppError('io', `"${name}" could not be read (${code ?? String(error)}).`);
}

function tooLarge(name: string, bytes: number): AppError {
  return new AppError('invalid-input', `"${name}" is too large for a crime file (${formatMegabytes(bytes)}; the limit is ${formatMegabytes(LIMITS.crimeCsvBytes)}). A force's month from police.uk is at most tens of MB. Nothing was imported from it.`);
}

function fileSource(file: string, bytes: number, name = path.basename(file)): CrimeSource {
  if (bytes > LIMITS.crimeCsvBytes) throw tooLarge(name, bytes);
  return { name, bytes, open: async () => fs.createReadStream(file, { highWaterMark: 1 << 20 }) };
}

function walkFolder(root: string, folder: string, into: CrimeSource[], counts: { skipped: number }, depth: number): void {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(folder, { withFileTypes: true });
  } catch (error) {
    throw unreadable(folder, error);
  }
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const full = path.join(folder, entry.name);
    // Links are not followed: a folder of downloads holds none, and a link could lead anywhere.
    if (entry.isDirectory() && depth < MAX_DEPTH) walkFolder(root, full, into, counts, depth + 1);
    else if (entry.isFile() && STREET_FILE.test(entry.name)) into.push(fileSource(full, fs.statSync(full).size, path.relative(path.dirname(root), full)));
    else if (entry.isFile()) counts.skipped += 1;
  }
}

function badEntryName(name: string): boolean {
  return /^[\\/]/.test(name) || /^[A-Za-z]:/.test(name) || name.split(/[\\/]/).includes('..') || name.includes('\u0000');
}

async function zipSources(file: string, into: CrimeSource[], counts: { skipped: number }, closers: Array<() => void>): Promise<void> {
  const zipName = path.basename(file);
  const refuse = (reason: string) => new AppError('invalid-input', `"${zipName}" was not opened: ${reason}. Nothing was imported from it.`);
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.openPromise(file, { lazyEntries: true, autoClose: false, validateEntrySizes: true, strictFileNames: false });
  } catch (error) {
    throw refuse(`it is not a readable zip (${(error as Error).message.replace(/\.$/, '')}); it may have been cut short while downloading`);
  }
  closers.push(() => {
    if (zip.isOpen) zip.close();
  });
  if (zip.entryCount > LIMITS.crimeZipEntries) throw refuse(`it holds ${formatCount(zip.entryCount)} files (the limit is ${formatCount(LIMITS.crimeZipEntries)})`);
  const found: yauzl.Entry[] = [];
  try {
    for await (const entry of zip.eachEntry()) {
      if (entry.fileName.endsWith('/')) continue;
      if (badEntryName(entry.fileName)) throw refuse(`it holds a file named "${entry.fileName.slice(0, 200)}", which climbs out of its folder`);
      if (!STREET_FILE.test(entry.fileName)) {
        counts.skipped += 1;
        continue;
      }
      if (entry.generalPurposeBitFlag & 0x0041) throw refuse(`its file "${entry.fileName}" is encrypted`);
      const { compressedSize, uncompressedSize } = entry;
      if (uncompressedSize > LIMITS.crimeCsvBytes) throw tooLarge(`${zipName} › ${entry.fileName}`, uncompressedSize);
      if (uncompressedSize > 0 && (compressedSize === 0 || uncompressedSize / compressedSize > LIMITS.xlsxRatio)) {
        throw refuse(`its file "${entry.fileName}" unpacks from ${formatCount(compressedSize)} bytes to ${formatMegabytes(uncompressedSize)} (the limit is ${LIMITS.xlsxRatio}:1), which is how a zip bomb is built`);
      }
      found.push(entry);
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw refuse(`it is not a readable zip (${(error as Error).message.replace(/\.$/, '')})`);
  }
  found.sort((a, b) => a.fileName.localeCompare(b.fileName));
  for (const entry of found) {
    // yauzl stops an entry that unpacks to more than it states (validateEntrySizes).
    into.push({ name: `${zipName} › ${entry.fileName}`, bytes: entry.uncompressedSize, open: () => zip.openReadStreamPromise(entry) });
  }
}

/** Finds the files to import; refuses (before anything is read) a missing path, a zip bomb, too many files. */
export async function gatherCrimeSources(paths: readonly string[]): Promise<CrimeSources> {
  const files: CrimeSource[] = [];
  const counts = { skipped: 0 };
  const closers: Array<() => void> = [];
  const close = () => closers.forEach((closer) => closer());
  try {
    for (const file of paths) {
      let stat: fs.Stats;
      try {
        stat = fs.statSync(file);
      } catch (error) {
        throw unreadable(file, error);
      }
      if (stat.isDirectory()) walkFolder(file, file, files, counts, 1);
      else if (readFileStart(file, 4).equals(ZIP_MAGIC)) await zipSources(file, files, counts, closers);
      else files.push(fileSource(file, stat.size));
      if (files.length > LIMITS.crimeFilesPerImport) {
        throw new AppError('invalid-input', `That is more than ${formatCount(LIMITS.crimeFilesPerImport)} crime files in one import. Import a few years or forces at a time. Nothing was imported.`);
      }
    }
    if (files.length === 0) {
      throw new AppError('invalid-input', `No police.uk street-level crime files (named like 2024-01-kent-street.csv) were found in ${paths.map((p) => `"${path.basename(p)}"`).join(', ')}. Nothing was imported.`);
    }
  } catch (error) {
    close();
    throw error;
  }
  return { files, skipped: counts.skipped, close };
}
