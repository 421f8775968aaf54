// Text compressed for a zip entry as it is made, so a long part of a file (a document body of
// 100,000 records) is held only compressed. Pieces compressed separately can be joined: the head
// of a document written last (its table of contents needs every heading) goes before a body
// compressed first, and the entry's checksum is worked out for the whole from the two parts'.
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import zlib from 'node:zlib';

/** A zip entry's data already compressed (raw deflate), with the checksum and length of its text. */
export interface DeflatedEntry {
  readonly deflated: readonly Buffer[];
  readonly crc: number;
  readonly size: number;
}

/** Text gathered to about this many characters before it is compressed. */
const BATCH = 1 << 20;
const ZEROS = Buffer.alloc(1 << 20);

/** Compresses text written to it, a batch at a time, to a raw deflate stream ended by `end`. */
export class DeflatedText {
  private readonly deflate = zlib.createDeflateRaw();
  private readonly out: Buffer[] = [];
  private pending: string[] = [];
  private pendingLength = 0;
  private crc = 0;
  private size = 0;

  constructor() {
    this.deflate.on('data', (chunk: Buffer) => this.out.push(chunk));
  }

  async write(text: string): Promise<void> {
    this.pending.push(text);
    this.pendingLength += text.length;
    if (this.pendingLength >= BATCH) await this.flush();
  }

  private async flush(): Promise<void> {
    if (this.pendingLength === 0) return;
    const bytes = Buffer.from(this.pending.join(''), 'utf8');
    this.pending = [];
    this.pendingLength = 0;
    this.crc = zlib.crc32(bytes, this.crc);
    this.size += bytes.length;
    if (!this.deflate.write(bytes)) await once(this.deflate, 'drain');
  }

  async end(): Promise<DeflatedEntry> {
    await this.flush();
    const done = finished(this.deflate);
    this.deflate.end();
    await done;
    return { deflated: this.out, crc: this.crc, size: this.size };
  }
}

/**
 * The checksum of `a` followed by `b`, from each one's checksum and b's length. CRC-32 is linear:
 * crc(a + b) is crc(a) carried through as many zero bytes as b has, combined with crc(b); zlib
 * carries it through the zeros (a megabyte at a time, so it costs a few milliseconds per 100 MB).
 */
export function combinedCrc(crcA: number, crcB: number, lengthB: number): number {
  let carried = ~crcA >>> 0;
  for (let left = lengthB; left > 0; left -= ZEROS.length) carried = zlib.crc32(left >= ZEROS.length ? ZEROS : ZEROS.subarray(0, left), carried);
  return ((~carried >>> 0) ^ crcB) >>> 0;
}

/** `head`, compressed on its own, put before an entry already compressed. */
export function withHead(head: string, rest: DeflatedEntry): DeflatedEntry {
  const bytes = Buffer.from(head, 'utf8');
  // A full flush leaves the stream open (no last block) on a byte boundary, so `rest` can follow it.
  const deflated = zlib.deflateRawSync(bytes, { finishFlush: zlib.constants.Z_FULL_FLUSH });
  return { deflated: [deflated, ...rest.deflated], crc: combinedCrc(zlib.crc32(bytes), rest.crc, rest.size), size: bytes.length + rest.size };
}
