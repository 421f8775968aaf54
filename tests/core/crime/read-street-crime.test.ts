// The police.uk street-level crime reader on crafted files: each habit of the real files counted
// exactly, every kind of bad file refused with its line and reason, and the same answers whether the
// file arrives in one piece or in slices of a few bytes (a slice ending inside a row or a character).
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readStreetCrime, TYPE_SLOTS, type CrimeFileRead } from '../../../electron/core/crime/read-street-crime.ts';
import { STREET_HEADER, streetCsv, streetRow } from '../../helpers/police-csv.ts';

/** The text as a stream of `size`-byte slices. */
function slices(text: string, size = 1 << 20): Readable {
  const bytes = Buffer.from(text, 'utf8');
  const parts: Buffer[] = [];
  for (let at = 0; at < bytes.length; at += size) parts.push(bytes.subarray(at, at + size));
  return Readable.from(parts);
}

/** Counts as `force month lsoa type → n`, for exact comparison. */
function counts(read: CrimeFileRead): Record<string, number> {
  const out: Record<string, number> = {};
  for (const batch of read.batches) {
    for (const [key, n] of batch.counts) out[`${batch.forceId} ${batch.month} ${read.lsoaCodes[Math.floor(key / TYPE_SLOTS)]} ${read.typeIds[key % TYPE_SLOTS]}`] = n;
  }
  return out;
}

const read = (text: string, size?: number) => readStreetCrime(slices(text, size), '2024-01-kent-street.csv');

const KENT = 'Kent Police';

describe('readStreetCrime', () => {
  const csv = streetCsv(
    [
      { month: '2024-01', force: KENT, lsoa: 'E01024031', type: 'Anti-social behaviour' },
      { month: '2024-01', force: KENT, lsoa: 'E01024031', type: 'Anti-social behaviour', location: 'On or near Tesco, High Street' },
      { month: '2024-01', force: KENT, lsoa: 'E01024031', type: 'Burglary' },
      { month: '2024-01', force: KENT, lsoa: 'E01035001', type: 'Burglary', location: 'On or near "The Lanes", Castle Street' },
      { month: '2024-01', force: KENT, lsoa: '', type: 'Violence and sexual offences' },
    ],
    { bom: true },
  );

  it('counts rows by force, month, LSOA and crime type: empty Crime IDs, quoted commas, a BOM, a row with no LSOA', async () => {
    const result = await read(csv);
    expect(result.rows).toBe(5);
    expect(result.cells).toBe(3);
    expect(counts(result)).toEqual({
      'kent 2024-01 E01024031 anti-social-behaviour': 2,
      'kent 2024-01 E01024031 burglary': 1,
      'kent 2024-01 E01035001 burglary': 1,
    });
    expect(result.batches).toHaveLength(1);
    expect(result.batches[0]).toMatchObject({ forceId: 'kent', reportedBy: KENT, month: '2024-01', rows: 5, rowsWithoutLsoa: 1 });
  });

  it('gives the same counts read a few bytes at a time, with Windows line ends, and without a final line end', async () => {
    const whole = counts(await read(csv));
    for (const size of [1, 3, 7, 64]) expect(counts(await read(csv, size))).toEqual(whole);
    expect(counts(await read(csv.replaceAll('\n', '\r\n'), 5))).toEqual(whole);
    expect(counts(await read(csv.slice(0, -1)))).toEqual(whole);
    expect(counts(await read(`${csv}\n\n`, 9))).toEqual(whole);
  });

  it('keeps a multi-byte character split between slices', async () => {
    const welsh = `${STREET_HEADER}\n${streetRow({ month: '2024-02', force: 'North Wales Police', lsoa: 'W01000001', type: 'Drugs', location: 'On or near Ffordd Pen-y-Bryn, Llŷn' })}\n`;
    for (const size of [1, 2, 5]) expect(counts(await read(welsh, size))).toEqual({ 'north-wales 2024-02 W01000001 drugs': 1 });
  });

  it('matches "Reported by" to the forces, by police.uk name, official name, "&" and after a renaming', async () => {
    const result = await read(
      streetCsv([
        { month: '2023-05', force: 'Devon & Cornwall Police', lsoa: 'E01018000', type: 'Drugs' },
        { month: '2023-05', force: 'Hampshire Constabulary', lsoa: 'E01022000', type: 'Drugs' },
        { month: '2023-06', force: 'Hampshire and Isle of Wight Constabulary', lsoa: 'E01022000', type: 'Drugs' },
        { month: '2023-06', force: 'Police Service of Northern Ireland', lsoa: '', type: 'Burglary' },
      ]),
    );
    expect(result.batches.map((b) => [b.forceId, b.month, b.rows, b.rowsWithoutLsoa])).toEqual([
      ['devon-and-cornwall', '2023-05', 1, 0],
      ['hampshire', '2023-05', 1, 0],
      ['hampshire', '2023-06', 1, 0],
      ['psni', '2023-06', 1, 1],
    ]);
  });

  it('keeps LSOA codes of the 2011 and 2021 vintages as they are', async () => {
    const result = await read(
      streetCsv([
        { month: '2024-01', force: KENT, lsoa: 'E01024031', type: 'Drugs' },
        { month: '2024-01', force: KENT, lsoa: 'E01035717', type: 'Drugs' },
      ]),
    );
    expect(result.lsoaCodes).toEqual(['E01024031', 'E01035717']);
  });

  it('counts the legacy crime types of files before May 2013', async () => {
    const result = await read(streetCsv([{ month: '2012-03', force: KENT, lsoa: 'E01024031', type: 'Violent crime' }]));
    expect(counts(result)).toEqual({ 'kent 2012-03 E01024031 violent-crime': 1 });
  });

  it('refuses police.uk’s earlier layouts and other files by name', async () => {
    await expect(read('Month,Reported by,Falls within,Easting,Northing,Location,Crime type,Context\n2010-12,Kent Police,Kent Police,1,2,On or near X,Burglary,\n')).rejects.toThrow(/first street-level layout.*grid references.*Nothing was imported/);
    await expect(read('Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Context\n')).rejects.toThrow(/earlier police.uk street-level layout/);
    await expect(read('Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Outcome type\n')).rejects.toThrow(/outcomes file/);
    await expect(read('Type,Date,Part of a policing operation,Policing operation,Latitude,Longitude,Gender\n')).rejects.toThrow(/stop and search file/);
    await expect(read('date,geography,geography code,Total\n')).rejects.toThrow(/line 1: this is not a police.uk street-level crime file: it has no "Crime ID", "Month"/);
    await expect(read('')).rejects.toThrow(/is empty/);
  });

  const good = (month = '2024-01') => streetRow({ month, force: KENT, lsoa: 'E01024031', type: 'Burglary' });
  const bad: Array<[string, string, RegExp]> = [
    ['a row cut short', 'abc,2024-01,Kent Police,Kent Police,0.5,51.2,On or near X,E01024031', /line 4: this row has 8 values where the header has 12/],
    ['a value too many', `${good()},extra`, /line 4: this row has 13 values where the header has 12/],
    ['an unknown crime type', good().replace('Burglary', 'Jaywalking'), /line 4: "Jaywalking" is not a police.uk crime type/],
    ['a month in another form', good('Jan 2024'), /line 4: the month "Jan 2024" is not a month/],
    ['an unknown force', good().replaceAll(KENT, 'Gotham City Police'), /line 4: "Gotham City Police" in "Reported by" is not a UK police force/],
    ['a bad LSOA code', good().replace('E01024031', 'NOT-A-CODE'), /line 4: "NOT-A-CODE" in "LSOA code" is not an LSOA code/],
    ['a quote never closed', good().replace('On or near Parking Area', '"On or near Parking Area'), /line 4: a quote is opened and never closed/],
  ];
  for (const [what, row, message] of bad) {
    it(`refuses ${what} with its line, whole or in slices`, async () => {
      const text = `${STREET_HEADER}\n${good()}\n${good()}\n${row}\n${good()}\n`;
      await expect(read(text)).rejects.toThrow(message);
      await expect(read(text, 13)).rejects.toThrow(message);
      await expect(read(text)).rejects.toThrow(/Nothing was imported from it/);
    });
  }

  it('names the right line far into a file read in slices', async () => {
    const rows = Array.from({ length: 5000 }, () => good());
    rows[4321] = good().replace('Burglary', 'Jaywalking');
    await expect(read(`${STREET_HEADER}\n${rows.join('\n')}\n`, 4096)).rejects.toThrow(/line 4,323: "Jaywalking"/);
  });

  it('refuses a line too long to be a row without reading on', async () => {
    await expect(read(`${STREET_HEADER}\n${'x'.repeat(100_000)}`, 8192)).rejects.toThrow(/line 2: the line is over 64 KB long/);
  });

  it('stops when cancelled, saying nothing was kept', async () => {
    const controller = new AbortController();
    const rows = Array.from({ length: 2000 }, () => good()).join('\n');
    let progressed = 0;
    const reading = readStreetCrime(slices(`${STREET_HEADER}\n${rows}\n`, 1024), 'a.csv', {
      signal: controller.signal,
      onProgress: (bytes, counted) => {
        progressed = counted;
        if (bytes > 20_000) controller.abort();
      },
    });
    await expect(reading).rejects.toMatchObject({ code: 'cancelled', message: expect.stringMatching(/cancelled: nothing was kept/) });
    expect(progressed).toBeGreaterThan(0);
    expect(progressed).toBeLessThan(2000);
  });
});
