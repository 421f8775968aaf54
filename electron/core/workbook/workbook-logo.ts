// The force's logo: checked to be a real PNG or JPEG of at most 2 MB (by its bytes, not its
// name), with its pixel size read from the image header for laying out the cover.
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../app-error.ts';
import type { ReadDb, WriteDb } from '../db/open-database.ts';
import { fileSystemError } from '../db/inspect-header.ts';
import { requireWriteScope } from '../changes/write-scope.ts';

export const MAX_LOGO_BYTES = 2 * 1024 * 1024;

export interface Logo {
  mediaType: 'image/png' | 'image/jpeg';
  bytes: Buffer;
  width: number;
  height: number;
}

function jpegSize(bytes: Buffer): { width: number; height: number } | null {
  let offset = 2;
  while (offset + 9 < bytes.length) {
    if (bytes[offset] !== 0xff) return null;
    const marker = bytes[offset + 1]!;
    const length = bytes.readUInt16BE(offset + 2);
    // Start-of-frame markers (baseline, progressive, …) carry the size.
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { height: bytes.readUInt16BE(offset + 5), width: bytes.readUInt16BE(offset + 7) };
    }
    offset += 2 + length;
  }
  return null;
}

/** Recognises a PNG or JPEG by its bytes and reads its size; refuses anything else, saying why. */
export function checkLogo(bytes: Buffer, name: string): Logo {
  if (bytes.length === 0) throw new AppError('invalid-input', `"${name}" is empty. Choose a PNG or JPEG image of the force's logo.`);
  if (bytes.length > MAX_LOGO_BYTES) throw new AppError('invalid-input', `"${name}" is too large for a logo (${(bytes.length / 1048576).toFixed(1)} MB; the limit is 2 MB). Save a smaller copy of the image and choose that.`);
  const png = bytes.length > 24 && bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) && bytes.subarray(12, 16).toString('latin1') === 'IHDR';
  if (png) {
    const width = bytes.readUInt32BE(16);
    const height = bytes.readUInt32BE(20);
    if (width > 0 && height > 0 && width < 20000 && height < 20000) return { mediaType: 'image/png', bytes, width, height };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) {
    const size = jpegSize(bytes);
    if (size && size.width > 0 && size.height > 0) return { mediaType: 'image/jpeg', bytes, ...size };
  }
  throw new AppError('invalid-input', `"${name}" is not a PNG or JPEG image (or it is damaged). Save the logo as PNG or JPEG and choose that.`);
}

export function readLogoFile(file: string): Logo {
  let bytes: Buffer;
  try {
    const stat = fs.statSync(file);
    if (stat.size > MAX_LOGO_BYTES) throw new AppError('invalid-input', `"${path.basename(file)}" is too large for a logo (the limit is 2 MB). Save a smaller copy of the image and choose that.`);
    bytes = fs.readFileSync(file);
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw fileSystemError(error, file);
  }
  return checkLogo(bytes, path.basename(file));
}

export function readLogo(db: ReadDb): Logo | null {
  const row = db.prepare('SELECT logo, logo_type FROM workbook WHERE singleton = 1').get() as { logo: Buffer | null; logo_type: string | null } | undefined;
  if (!row?.logo || !row.logo_type) return null;
  try {
    return checkLogo(Buffer.from(row.logo), 'the stored logo');
  } catch {
    return null;
  }
}

export function writeLogo(db: WriteDb, logo: Logo | null): void {
  requireWriteScope(db, 'The logo');
  db.prepare('UPDATE workbook SET logo = ?, logo_type = ? WHERE singleton = 1').run(logo?.bytes ?? null, logo?.mediaType ?? null);
}
