// A copy of a zip (an .xlsx, a .docx) with a few of its text entries changed or added. ExcelJS cannot
// write some things a force's deliverable needs (a custom document property, the quote-prefix
// style); they are added to its output here, and a Word document's body, written by parts, replaces
// the one docx wrote. Entries left alone are copied still compressed, byte for byte,
// so patching a large workbook costs little more than its few small changed parts: recompressing
// everything took about a second for 20,000 records.
import zlib from 'node:zlib';
import yauzl from 'yauzl';
import type { DeflatedEntry } from './deflated-text.ts';

/**
 * How an entry changes: given its text (null when it is not in the zip), its new text; or its new
 * content already compressed (a Word document's body, compressed as it was written).
 */
export type ZipEdit = ((text: string | null) => string) | DeflatedEntry;

interface Written {
  name: Buffer;
  method: number;
  time: number;
  date: number;
  crc: number;
  compressedSize: number;
  size: number;
  offset: number;
}

const LIMIT = 0xffffffff;

function readEntry(zip: yauzl.ZipFile, entry: yauzl.Entry, raw: boolean): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const options = (raw ? { decodeFileData: false } : {}) as yauzl.ZipFileOptions;
    zip.openReadStream(entry, options, (error, stream) => {
      if (error || !stream) return reject(error ?? new Error(`The zip entry ${entry.fileName} could not be read.`));
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('error', reject);
      stream.on('end', () => resolve(Buffer.concat(chunks)));
    });
  });
}

function dosTime(date: Date): { time: number; date: number } {
  return {
    time: (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | Math.floor(date.getUTCSeconds() / 2),
    date: ((date.getUTCFullYear() - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate(),
  };
}

function localHeader(entry: Written): Buffer {
  const header = Buffer.alloc(30);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt16LE(20, 4);
  header.writeUInt16LE(0x0800, 6); // names in UTF-8; sizes in this header, no data descriptor
  header.writeUInt16LE(entry.method, 8);
  header.writeUInt16LE(entry.time, 10);
  header.writeUInt16LE(entry.date, 12);
  header.writeUInt32LE(entry.crc, 14);
  header.writeUInt32LE(entry.compressedSize, 18);
  header.writeUInt32LE(entry.size, 22);
  header.writeUInt16LE(entry.name.length, 26);
  return Buffer.concat([header, entry.name]);
}

function centralHeader(entry: Written): Buffer {
  const header = Buffer.alloc(46);
  header.writeUInt32LE(0x02014b50, 0);
  header.writeUInt16LE(20, 4);
  header.writeUInt16LE(20, 6);
  header.writeUInt16LE(0x0800, 8);
  header.writeUInt16LE(entry.method, 10);
  header.writeUInt16LE(entry.time, 12);
  header.writeUInt16LE(entry.date, 14);
  header.writeUInt32LE(entry.crc, 16);
  header.writeUInt32LE(entry.compressedSize, 20);
  header.writeUInt32LE(entry.size, 24);
  header.writeUInt16LE(entry.name.length, 28);
  header.writeUInt32LE(entry.offset, 42);
  return Buffer.concat([header, entry.name]);
}

/** The zip `bytes` with `edits` applied, by entry name; an edit of an entry not in it adds one. */
export async function patchZip(bytes: Buffer, edits: Readonly<Record<string, ZipEdit>>, now = new Date()): Promise<Buffer> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) => yauzl.fromBuffer(bytes, { lazyEntries: true }, (error, opened) => (error || !opened ? reject(error ?? new Error('The zip could not be read.')) : resolve(opened))));
  const parts: Buffer[] = [];
  const written: Written[] = [];
  let offset = 0;
  const add = (entry: Omit<Written, 'offset'>, data: readonly Buffer[]) => {
    const length = data.reduce((sum, chunk) => sum + chunk.length, 0);
    if (offset + length > LIMIT || entry.size > LIMIT) throw new Error('The file is too large to finish writing.');
    const done = { ...entry, offset };
    const header = localHeader(done);
    parts.push(header, ...data);
    offset += header.length + length;
    written.push(done);
  };
  const addEdited = (name: string, edit: ZipEdit, text: string | null) => {
    const entryName = Buffer.from(name, 'utf8');
    if (typeof edit !== 'function') {
      const compressedSize = edit.deflated.reduce((sum, chunk) => sum + chunk.length, 0);
      add({ name: entryName, method: 8, ...dosTime(now), crc: edit.crc, compressedSize, size: edit.size }, edit.deflated);
      return;
    }
    const content = Buffer.from(edit(text), 'utf8');
    const compressed = zlib.deflateRawSync(content);
    add({ name: entryName, method: 8, ...dosTime(now), crc: zlib.crc32(content), compressedSize: compressed.length, size: content.length }, [compressed]);
  };
  const seen = new Set<string>();
  try {
    await new Promise<void>((resolve, reject) => {
      zip.on('error', reject);
      zip.on('end', resolve);
      zip.on('entry', (entry: yauzl.Entry) => {
        const edit = edits[entry.fileName];
        seen.add(entry.fileName);
        const done = edit
          ? typeof edit === 'function'
            ? readEntry(zip, entry, false).then((data) => addEdited(entry.fileName, edit, data.toString('utf8')))
            : Promise.resolve(addEdited(entry.fileName, edit, null))
          : readEntry(zip, entry, true).then((data) =>
              add({ name: Buffer.from(entry.fileName, 'utf8'), method: entry.compressionMethod, time: entry.lastModFileTime, date: entry.lastModFileDate, crc: entry.crc32, compressedSize: entry.compressedSize, size: entry.uncompressedSize }, [data]),
            );
        done.then(() => zip.readEntry(), reject);
      });
      zip.readEntry();
    });
  } finally {
    zip.close();
  }
  for (const [name, edit] of Object.entries(edits)) if (!seen.has(name)) addEdited(name, edit, null);
  const directory = Buffer.concat(written.map(centralHeader));
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(written.length, 8);
  end.writeUInt16LE(written.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, directory, end]);
}
