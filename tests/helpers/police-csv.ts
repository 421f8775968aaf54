// police.uk-shaped street-level crime CSVs for tests and benchmarks: crafted rows with the habits of
// the real files (empty Crime IDs for anti-social behaviour, quoted commas in locations, no LSOA in
// Northern Ireland), and large seeded files written a slice at a time.
import fs from 'node:fs';
import { seededRandom } from './seeded-random.ts';

export const STREET_HEADER = 'Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context';

export interface StreetRow {
  month: string;
  force: string;
  lsoa: string;
  type: string;
  location?: string;
  id?: string;
}

let serial = 0;

/** One row as police.uk writes it (anti-social behaviour with no Crime ID and no outcome). */
export function streetRow(row: StreetRow): string {
  serial += 1;
  const asb = row.type === 'Anti-social behaviour';
  const id = row.id ?? (asb ? '' : serial.toString(16).padStart(64, 'a'));
  const location = row.location ?? 'On or near Parking Area';
  const quotedLocation = /[",]/.test(location) ? `"${location.replaceAll('"', '""')}"` : location;
  const lsoaName = row.lsoa ? 'Maidstone 012A' : '';
  const where = row.lsoa ? '0.521895,51.270217' : ',';
  const outcome = asb ? '' : 'Investigation complete; no suspect identified';
  return [id, row.month, row.force, row.force, where, quotedLocation, row.lsoa, lsoaName, row.type, outcome, ''].join(',');
}

export function streetCsv(rows: readonly StreetRow[], options: { bom?: boolean; crlf?: boolean } = {}): string {
  const eol = options.crlf ? '\r\n' : '\n';
  return `${options.bom ? '\uFEFF' : ''}${[STREET_HEADER, ...rows.map(streetRow)].join(eol)}${eol}`;
}

export const TYPES = [
  'Anti-social behaviour', 'Bicycle theft', 'Burglary', 'Criminal damage and arson', 'Drugs', 'Other crime', 'Other theft',
  'Possession of weapons', 'Public order', 'Robbery', 'Shoplifting', 'Theft from the person', 'Vehicle crime', 'Violence and sexual offences',
];

/**
 * Writes a large file of `rows` seeded rows for one force and month over `lsoas` LSOAs (codes
 * E01000001 up), about 250 bytes a row as police.uk's are.
 */
export async function writeLargeStreetCsv(file: string, rows: number, options: { month?: string; force?: string; lsoas?: number; seed?: number } = {}): Promise<void> {
  const random = seededRandom(options.seed ?? 16);
  const month = options.month ?? '2024-01';
  const force = options.force ?? 'Kent Police';
  const lsoas = options.lsoas ?? 1500;
  const out = fs.createWriteStream(file);
  const write = (text: string) => (out.write(text) ? Promise.resolve() : new Promise<void>((resolve) => out.once('drain', () => resolve())));
  await write(`\uFEFF${STREET_HEADER}\n`);
  let buffer = '';
  for (let i = 0; i < rows; i += 1) {
    const type = TYPES[random.int(0, TYPES.length - 1)]!;
    const lsoa = `E01${String(1 + random.int(0, lsoas - 1)).padStart(6, '0')}`;
    const location = random.next() < 0.2 ? 'On or near Supermarket, High Street' : 'On or near Parking Area';
    buffer += `${streetRow({ month, force, lsoa, type, location })}\n`;
    if (buffer.length > 1 << 20) {
      await write(buffer);
      buffer = '';
    }
  }
  await write(buffer);
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
}
