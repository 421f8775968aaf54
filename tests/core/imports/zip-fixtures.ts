// Hand-made zips for the XLSX guards: a tiny zip writer (stored or deflated entries, any name, any
// flags, sizes that may lie) and edits to a real ExcelJS workbook's bytes. Nothing here unpacks.
import zlib from 'node:zlib';
import ExcelJS from 'exceljs';

export interface ZipEntrySpec {
  name: string;
  data?: Buffer;
  /** 0 stored, 8 deflated (the default). */
  method?: 0 | 8;
  /** General purpose bit flag: 0x1 marks the entry encrypted. */
  flags?: number;
  /** The bytes stored for the entry, instead of `data` compressed. */
  stored?: Buffer;
  /** Sizes the directory states, instead of the true ones. */
  statedUncompressed?: number;
}

/** A zip with these entries, every size and offset in 32 bits (no zip64). */
export function buildZip(entries: readonly ZipEntrySpec[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const data = entry.data ?? Buffer.alloc(0);
    const method = entry.method ?? 8;
    const body = entry.stored ?? (method === 8 ? zlib.deflateRawSync(data, { level: 9 }) : data);
    const name = Buffer.from(entry.name, 'utf8');
    const flags = (entry.flags ?? 0) | 0x0800;
    const crc = zlib.crc32(data);
    const uncompressed = entry.statedUncompressed ?? data.length;

    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(0, 10);
    local.writeUInt16LE(0x21, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(uncompressed, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    locals.push(local, name, body);

    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(flags, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt16LE(0, 12);
    central.writeUInt16LE(0x21, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(uncompressed, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += local.length + name.length + body.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** A small real workbook from ExcelJS: a sheet of three wards. */
export async function realXlsx(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Wards');
  sheet.addRow(['Ward code', 'Ward', 'Households']);
  sheet.addRow(['E05000001', 'Abbey', 120]);
  sheet.addRow(['E05000002', 'Bridge', 80]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Every central-directory and local header of `zip` (walked from the end record, not guessed). */
function headers(zip: Buffer): Array<{ kind: 'local' | 'central'; at: number; nameAt: number; nameLength: number }> {
  let end = zip.length - 22;
  while (end >= 0 && zip.readUInt32LE(end) !== 0x06054b50) end -= 1;
  if (end < 0) throw new Error('no end of central directory');
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const found: Array<{ kind: 'local' | 'central'; at: number; nameAt: number; nameLength: number }> = [];
  for (let i = 0; i < count; i += 1) {
    const nameLength = zip.readUInt16LE(at + 28);
    found.push({ kind: 'central', at, nameAt: at + 46, nameLength });
    const local = zip.readUInt32LE(at + 42);
    found.push({ kind: 'local', at: local, nameAt: local + 30, nameLength: zip.readUInt16LE(local + 26) });
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return found;
}

/** The real workbook with one part renamed (the new name the same length), in both its headers. */
export function renameEntry(zip: Buffer, from: string, to: string): Buffer {
  if (Buffer.byteLength(from) !== Buffer.byteLength(to)) throw new Error('rename to a name of the same length');
  const copy = Buffer.from(zip);
  let renamed = 0;
  for (const header of headers(copy)) {
    if (copy.subarray(header.nameAt, header.nameAt + header.nameLength).toString('utf8') === from) {
      copy.write(to, header.nameAt, 'utf8');
      renamed += 1;
    }
  }
  if (renamed === 0) throw new Error(`no entry ${from}`);
  return copy;
}

/** The real workbook with every part marked encrypted (bit 0 of the flags), in both its headers. */
export function markEncrypted(zip: Buffer): Buffer {
  const copy = Buffer.from(zip);
  for (const header of headers(copy)) {
    const flagsAt = header.at + (header.kind === 'local' ? 6 : 8);
    copy.writeUInt16LE(copy.readUInt16LE(flagsAt) | 0x0001, flagsAt);
  }
  return copy;
}

/** Deterministic bytes that deflate only a little (about 2:1): text of pseudo-random digits. */
export function looseBytes(length: number, seed = 7): Buffer {
  const bytes = Buffer.alloc(length);
  let x = seed;
  for (let i = 0; i < length; i += 1) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    bytes[i] = 48 + (x % 10);
  }
  return bytes;
}
