// Refuses a file that is not UTF-8 text, naming the line, instead of letting the decoder turn
// its bytes into U+FFFD unseen: a CSV saved by older Excel as Latin-1 or Windows-1252 would
// otherwise import "Caf�" as a category or an area name. The bytes pass through unchanged; valid
// chunks are checked natively, and only a chunk that fails (or splits a character) is walked.
import { isUtf8 } from 'node:buffer';
import { Transform, type Readable, type TransformCallback } from 'node:stream';
import { AppError } from '../app-error.ts';

/** What the file is, for the message: how to save it again differs. */
export type TextFileKind = 'csv' | 'interchange';

/** Counts line feeds with the native search. */
function newlinesIn(bytes: Uint8Array, end = bytes.length): number {
  let count = 0;
  let at = bytes.indexOf(10);
  while (at >= 0 && at < end) {
    count += 1;
    at = bytes.indexOf(10, at + 1);
  }
  return count;
}

/**
 * Walks `bytes` as UTF-8 (RFC 3629: no overlong forms, no surrogates, nothing above U+10FFFF).
 * Returns where the first invalid byte is (-1 if none) and where a character cut off by the end of
 * the chunk begins (`bytes.length` if none), so it can be checked with the next chunk.
 */
export function scanUtf8(bytes: Uint8Array): { invalidAt: number; incompleteFrom: number } {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i]!;
    if (lead < 0x80) {
      i += 1;
      continue;
    }
    const length = lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
    if (length === 0) return { invalidAt: i, incompleteFrom: bytes.length };
    // The second byte's range depends on the lead (overlong forms, surrogates, beyond U+10FFFF).
    const low = lead === 0xe0 ? 0xa0 : lead === 0xf0 ? 0x90 : 0x80;
    const high = lead === 0xed ? 0x9f : lead === 0xf4 ? 0x8f : 0xbf;
    for (let k = 1; k < length; k += 1) {
      if (i + k >= bytes.length) return { invalidAt: -1, incompleteFrom: i };
      const byte = bytes[i + k]!;
      if (k === 1 ? byte < low || byte > high : byte < 0x80 || byte > 0xbf) return { invalidAt: i, incompleteFrom: bytes.length };
    }
    i += length;
  }
  return { invalidAt: -1, incompleteFrom: bytes.length };
}

function notUtf8(name: string, line: number, kind: TextFileKind): AppError {
  const how =
    kind === 'csv'
      ? 'It may have been saved as Latin-1 or Windows-1252 (older Excel does this with "CSV (Comma delimited)"): open it and save it as "CSV UTF-8", then import it again.'
      : 'An interchange file is always UTF-8: it may have been edited and saved in another encoding. Save it as UTF-8, or dump the workbook again.';
  return new AppError('invalid-input', `"${name}" line ${line} has bytes that are not UTF-8 text. ${how} Nothing was imported.`);
}

class Utf8Check extends Transform {
  private line = 1;
  private carry: Buffer | null = null;
  private readonly name: string;
  private readonly kind: TextFileKind;

  constructor(name: string, kind: TextFileKind) {
    super();
    this.name = name;
    this.kind = kind;
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    const bytes = this.carry ? Buffer.concat([this.carry, chunk]) : chunk;
    if (isUtf8(bytes)) {
      this.carry = null;
    } else {
      const { invalidAt, incompleteFrom } = scanUtf8(bytes);
      if (invalidAt >= 0) {
        done(notUtf8(this.name, this.line + newlinesIn(bytes, invalidAt), this.kind));
        return;
      }
      this.carry = incompleteFrom < bytes.length ? Buffer.from(bytes.subarray(incompleteFrom)) : null;
    }
    // A carried partial character holds no line feed, so counting the chunk alone is enough.
    this.line += newlinesIn(chunk);
    done(null, chunk);
  }

  override _flush(done: TransformCallback): void {
    done(this.carry ? notUtf8(this.name, this.line, this.kind) : null);
  }
}

/** `input`, its bytes unchanged, failing with a clear refusal at the first byte that is not UTF-8. */
export function utf8Checked(input: Readable, name: string, kind: TextFileKind): Readable {
  const check = new Utf8Check(name, kind);
  input.once('error', (error) => check.destroy(error));
  // A refusal, or a reader that stops early, must not leave the file open until a collection.
  check.once('close', () => input.destroy());
  return input.pipe(check);
}
