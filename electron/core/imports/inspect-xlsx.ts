// Looks inside an XLSX before ExcelJS does. An XLSX is a zip, and a zip from elsewhere is untrusted:
// it can claim a thousand small parts that unpack to gigabytes (a zip bomb), hide a password, or name
// parts outside its own folder. This reads the zip's directory with yauzl and unpacks each part into
// nothing but a byte counter (never to disk), refusing the file, with the reason, at the first
// thing no ordinary workbook does. Only a file that passes is handed to ExcelJS.
import fs from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import yauzl from 'yauzl';
import { AppError } from '../app-error.ts';
import { readFileStart } from '../fs/read-file-start.ts';
import { LIMITS } from '../../../shared/domain/limits.ts';

const MIB = 1024 * 1024;

export interface ZipLimits {
  /** The file's size on disk. */
  maxFileBytes: number;
  /** Parts (files and folders) inside the zip. */
  maxEntries: number;
  /** All the parts' sizes once unpacked, added up. */
  maxUncompressedBytes: number;
  /** Any one part's unpacked size over its packed size. */
  maxRatio: number;
}

/** The limits in QUALITY.md ("Imports"): generous for any real workbook, far short of a bomb. */
export const XLSX_LIMITS: Readonly<ZipLimits> = Object.freeze({
  maxFileBytes: LIMITS.xlsxBytes,
  maxEntries: LIMITS.xlsxEntries,
  maxUncompressedBytes: LIMITS.xlsxUncompressedBytes,
  maxRatio: LIMITS.xlsxRatio,
});

export interface ZipSummary {
  entries: number;
  compressedBytes: number;
  uncompressedBytes: number;
}

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const EMPTY_ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x05, 0x06]);
/** An OLE compound file: Excel 97–2003 (.xls), or an .xlsx protected with a password. */
const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const FLAG_ENCRYPTED = 0x0001;
const FLAG_STRONG_ENCRYPTION = 0x0040;
const RESAVE = 'Open it in Excel and save it again as an Excel Workbook (.xlsx), or save the sheet you need as CSV';

function megabytes(bytes: number): string {
  return `${(bytes / MIB).toFixed(bytes < 10 * MIB ? 1 : 0)} MB`;
}

function count(n: number): string {
  return n.toLocaleString('en-GB');
}

/** yauzl's own words, without their closing full stop, for inside brackets. */
function detail(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).trim().replace(/\.$/, '');
}

function refuse(fileName: string, reason: string, fix = RESAVE): AppError {
  return new AppError('invalid-input', `"${fileName}" was not opened: ${reason}. ${fix}. Nothing was imported.`);
}

/** Why a part's name is not allowed, or null: absolute (/x, \x, C:x) or climbing out with "..". */
function badEntryName(name: string): string | null {
  if (/^[\\/]/.test(name) || /^[A-Za-z]:/.test(name)) return `it holds a part with an absolute path ("${name}")`;
  if (name.split(/[\\/]/).includes('..')) return `it holds a part whose name climbs out of the workbook with ".." ("${name}")`;
  if (name.includes('\u0000')) return 'it holds a part whose name contains a null character';
  return null;
}

/** Unpacks one part into a counter; yauzl stops it if it unpacks to more than its stated size. */
function drain(stream: Readable): Promise<number> {
  return new Promise((resolve, reject) => {
    let bytes = 0;
    stream.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
    });
    stream.once('error', reject);
    stream.once('end', () => resolve(bytes));
  });
}

/** The file's size, checked against the limit; refuses a folder or a missing file plainly. */
export function checkFileSize(file: string, maxBytes: number, what: string): number {
  const fileName = path.basename(file);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new AppError('not-found', `There is no file "${fileName}" at ${path.dirname(file)}. It may have been moved or renamed.`);
    if (code === 'EACCES' || code === 'EPERM') throw new AppError('io', `"${fileName}" cannot be read: you do not have permission. Ask whoever manages that folder for access.`);
    throw new AppError('io', `"${fileName}" could not be read (${code ?? 'unknown error'}).`);
  }
  if (!stat.isFile()) throw new AppError('invalid-input', `"${fileName}" is a folder, not a file. Choose the ${what} file itself.`);
  if (stat.size > maxBytes) {
    throw new AppError(
      'invalid-input',
      `"${fileName}" is too large to import (${megabytes(stat.size)}; the limit for ${what} files is ${megabytes(maxBytes)}). Save only the sheet and rows you need into a new file. Nothing was imported.`,
    );
  }
  return stat.size;
}

/**
 * Refuses an XLSX that is not a plain, modest zip: over 50 MB on disk, not a zip at all, more than
 * 1,000 parts, more than 100 MB unpacked, any part packed more than 100:1, any part encrypted, or
 * any part named with an absolute path or "..". Every part is unpacked (to a counter only) so that
 * a part that unpacks to more than its stated size is caught too.
 */
export async function inspectXlsx(file: string, limits: Readonly<ZipLimits> = XLSX_LIMITS): Promise<ZipSummary> {
  const fileName = path.basename(file);
  checkFileSize(file, limits.maxFileBytes, 'Excel');

  const head = readFileStart(file, OLE_MAGIC.length);
  if (head.subarray(0, OLE_MAGIC.length).equals(OLE_MAGIC)) {
    throw refuse(
      fileName,
      'it is not an .xlsx zip but an older Excel 97–2003 workbook (.xls), or an .xlsx protected with a password',
      'Open it in Excel, remove any password (File, Info, Protect Workbook), and save it as an Excel Workbook (.xlsx)',
    );
  }
  const magic = head.subarray(0, 4);
  if (!magic.equals(ZIP_MAGIC) && !magic.equals(EMPTY_ZIP_MAGIC)) {
    throw refuse(
      fileName,
      'it is not an Excel workbook (an .xlsx file is a zip, and this file is not one; it may be a CSV or web page saved under an .xlsx name)',
      'If it is a CSV, give it a .csv name; otherwise open it in Excel and save it as an Excel Workbook (.xlsx)',
    );
  }

  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.openPromise(file, { lazyEntries: true, autoClose: false, decodeStrings: false, validateEntrySizes: true, strictFileNames: false });
  } catch (error) {
    throw refuse(fileName, `it is not a readable zip, so not a whole Excel workbook (${detail(error)}); it may have been cut short while copying or downloading`);
  }

  const summary: ZipSummary = { entries: 0, compressedBytes: 0, uncompressedBytes: 0 };
  try {
    if (zip.entryCount > limits.maxEntries) {
      throw refuse(fileName, `it holds ${count(zip.entryCount)} parts inside (the limit is ${count(limits.maxEntries)}; a workbook needs a few dozen), which is how a zip bomb is built`);
    }
    for await (const entry of zip.eachEntry()) {
      // decodeStrings is off so a bad name reaches us (with its reason) rather than a bare yauzl error.
      const name = yauzl.getFileNameLowLevel(entry.generalPurposeBitFlag, entry.fileName as unknown as Buffer, entry.extraFields, false);
      summary.entries += 1;
      if (summary.entries > limits.maxEntries) {
        throw refuse(fileName, `it holds more than ${count(limits.maxEntries)} parts inside (a workbook needs a few dozen), which is how a zip bomb is built`);
      }
      const nameProblem = badEntryName(name);
      if (nameProblem) throw refuse(fileName, `${nameProblem}, which a workbook never has and which could write outside its folder`);
      if (entry.generalPurposeBitFlag & (FLAG_ENCRYPTED | FLAG_STRONG_ENCRYPTION)) {
        throw refuse(fileName, `its part "${name}" is encrypted`, 'Open it in Excel, remove any password (File, Info, Protect Workbook), and save it again as an Excel Workbook (.xlsx)');
      }
      const { compressedSize, uncompressedSize } = entry;
      if (uncompressedSize > 0 && (compressedSize === 0 || uncompressedSize / compressedSize > limits.maxRatio)) {
        const ratio = compressedSize === 0 ? 'from nothing' : `${count(Math.round(uncompressedSize / compressedSize))}:1`;
        throw refuse(
          fileName,
          `its part "${name}" unpacks from ${count(compressedSize)} bytes to ${megabytes(uncompressedSize)} (packed ${ratio}; the limit is ${limits.maxRatio}:1), which is how a zip bomb is built`,
        );
      }
      summary.compressedBytes += compressedSize;
      summary.uncompressedBytes += uncompressedSize;
      if (summary.uncompressedBytes > limits.maxUncompressedBytes) {
        throw refuse(fileName, `its parts unpack to more than ${megabytes(limits.maxUncompressedBytes)} in all (the limit), far more than a sheet of figures needs`);
      }
      if (name.endsWith('/') && uncompressedSize === 0) continue;
      let unpacked: number;
      try {
        unpacked = await drain(await zip.openReadStreamPromise(entry));
      } catch (error) {
        const message = detail(error);
        if (/too many bytes/i.test(message)) {
          throw refuse(fileName, `its part "${name}" unpacks to more than the ${count(uncompressedSize)} bytes it states, which is how a zip bomb hides`);
        }
        throw refuse(fileName, `its part "${name}" cannot be unpacked (${message}); the file is damaged`);
      }
      if (unpacked !== uncompressedSize) throw refuse(fileName, `its part "${name}" unpacks to ${count(unpacked)} bytes, not the ${count(uncompressedSize)} it states; the file is damaged`);
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    const message = detail(error);
    if (/strong encryption/i.test(message)) throw refuse(fileName, 'its parts are encrypted', 'Open it in Excel, remove any password (File, Info, Protect Workbook), and save it again as an Excel Workbook (.xlsx)');
    throw refuse(fileName, `it is not a readable zip, so not a whole Excel workbook (${message}); it may have been cut short while copying or downloading`);
  } finally {
    if (zip.isOpen) zip.close();
  }
  return summary;
}
