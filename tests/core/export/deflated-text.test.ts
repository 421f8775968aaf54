// Text compressed in pieces for a zip entry: the body compressed as it is written, a head
// compressed last put before it, and the checksum of the whole worked out from the parts'.
import crypto from 'node:crypto';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { DeflatedText, combinedCrc, withHead } from '../../../electron/core/export/deflated-text.ts';

describe('deflated text', () => {
  it('combines two checksums into the checksum of the two texts joined, whatever their lengths', () => {
    for (const [a, b] of [[0, 0], [1, 0], [0, 7], [13, 1], [1000, 3_000_001], [5, (1 << 20) + 3]] as const) {
      const first = crypto.randomBytes(a);
      const second = crypto.randomBytes(b);
      expect(combinedCrc(zlib.crc32(first), zlib.crc32(second), b), `${a} + ${b}`).toBe(zlib.crc32(Buffer.concat([first, second])));
    }
  });

  it('joins a head compressed last before a body compressed as it was written, into one stream a reader inflates', async () => {
    const body = new DeflatedText();
    const pieces: string[] = [];
    for (let n = 0; n < 30_000; n += 1) {
      const piece = `<w:p><w:r><w:t>Aim ${n}: ${'why it matters — ’ '.repeat(n % 7)}</w:t></w:r></w:p>`;
      pieces.push(piece);
      await body.write(piece);
    }
    const head = '<?xml version="1.0"?><w:document><w:body><w:sdt>contents made last</w:sdt>';
    const entry = withHead(head, await body.end());
    const whole = Buffer.from(head + pieces.join(''), 'utf8');
    const inflated = zlib.inflateRawSync(Buffer.concat(entry.deflated));
    expect(inflated.equals(whole)).toBe(true);
    expect(entry.size).toBe(whole.length);
    expect(entry.crc).toBe(zlib.crc32(whole));
    // Held compressed: far smaller than the text.
    expect(Buffer.concat(entry.deflated).length).toBeLessThan(whole.length / 5);
  });
});
