// Files that are not UTF-8 are refused with their line, never read as U+FFFD: the check agrees with
// a strict decoder on any bytes, passes valid text through unchanged however it is cut into
// chunks, and every door that reads a text file (census, mapped tables, area lookups, crime,
// interchange) refuses a Latin-1 file naming the line, leaving the workbook as it was.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { scanUtf8, utf8Checked } from '../../../electron/core/imports/utf8-check.ts';
import { parseCensusFile } from '../../../electron/core/evidence/parse-census-csv.ts';
import { parseTabularFile } from '../../../electron/core/imports/parse-tabular.ts';
import { readAreaLookup } from '../../../electron/core/records/read-area-lookup.ts';
import { readInterchangeFile } from '../../../electron/core/interchange/read-interchange.ts';
import type { WorkbookInfo } from '../../../shared/api/workbook.ts';
import { streetCsv } from '../../helpers/police-csv.ts';
import { tempDir } from '../../helpers/temp-dir.ts';
import { SAMPLE_DETAILS, expectOk, testCore } from '../../helpers/test-core.ts';

const strict = new TextDecoder('utf-8', { fatal: true });
const isValid = (bytes: Uint8Array) => {
  try {
    strict.decode(bytes);
    return true;
  } catch {
    return false;
  }
};

async function through(chunks: Buffer[], name = 'f.csv'): Promise<Buffer> {
  const out: Buffer[] = [];
  for await (const chunk of utf8Checked(Readable.from(chunks), name, 'csv')) out.push(chunk as Buffer);
  return Buffer.concat(out);
}

/** `text` with one character written as Latin-1 (é as the single byte 0xE9). */
function latin1(text: string): Buffer {
  const [before, after] = text.split('é') as [string, string];
  return Buffer.concat([Buffer.from(before, 'utf8'), Buffer.from([0xe9]), Buffer.from(after, 'utf8')]);
}

describe('the UTF-8 check', () => {
  it('agrees with a strict decoder on any bytes (a character cut off at the end counts as invalid at the end)', () => {
    const bytes = fc.oneof(fc.uint8Array({ maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 20 }).map((s) => new Uint8Array(Buffer.from(s, 'utf8'))));
    fc.assert(
      fc.property(bytes, (input) => {
        const { invalidAt, incompleteFrom } = scanUtf8(input);
        expect(invalidAt < 0 && incompleteFrom === input.length).toBe(isValid(input));
      }),
      { numRuns: 3000, seed: 20261129 },
    );
  });

  it('passes valid text through unchanged wherever it is cut, characters split across chunks included', async () => {
    const text = Buffer.from('Café,Łódź,日本,😀\nnext line ✓\n', 'utf8');
    for (let cut = 0; cut <= text.length; cut += 1) {
      expect(await through([text.subarray(0, cut), text.subarray(cut)])).toEqual(text);
    }
    expect(await through([...text].map((byte) => Buffer.from([byte])))).toEqual(text);
  });

  it('refuses a Latin-1 byte naming its line, and a character cut off at the end of the file', async () => {
    await expect(through([latin1('a,b\nc,d\nCafé,1\n')])).rejects.toThrow(/^"f\.csv" line 3 has bytes that are not UTF-8 text\. .*"CSV UTF-8".*Nothing was imported\.$/);
    await expect(through([Buffer.from('a\nb\n'), Buffer.from([0xe2, 0x9c])])).rejects.toThrow(/line 3 has bytes that are not UTF-8/);
    await expect(through([Buffer.from([0xed, 0xa0, 0x80])])).rejects.toThrow(/line 1/); // a surrogate
    await expect(through([Buffer.from([0xc0, 0xaf])])).rejects.toThrow(/line 1/); // an overlong "/"
  });
});

describe('every text file the app reads', () => {
  let dir = '';
  beforeEach(() => {
    dir = tempDir();
  });
  const file = (name: string, bytes: Buffer) => {
    const at = path.join(dir, name);
    fs.writeFileSync(at, bytes);
    return at;
  };

  it('closes the file it reads when it refuses it', async () => {
    const input = fs.createReadStream(file('latin1.csv', latin1('a\nCafé\n')));
    await expect(async () => {
      for await (const chunk of utf8Checked(input, 'latin1.csv', 'csv')) expect(chunk).toBeDefined();
    }).rejects.toThrow(/line 2/);
    await new Promise((resolve) => setImmediate(resolve));
    expect(input.destroyed).toBe(true);
  });

  it('a census table, a mapped table and an area lookup are refused at the line', async () => {
    const census = file('census2021-ts021-lsoa.csv', latin1('date,geography,geography code,Ethnic group: Total: All usual residents,Ethnic group: White\n2021,Riverside 001A,E01000001,10,8\n2021,Café 001B,E01000002,10,9\n'));
    await expect(parseCensusFile(census)).rejects.toThrow(/"census2021-ts021-lsoa\.csv" line 3 has bytes that are not UTF-8/);
    await expect(parseTabularFile(census, { mode: 'all' })).rejects.toThrow(/line 3 has bytes that are not UTF-8/);
    const lookup = file('lookup.csv', latin1('LSOA21CD,LSOA21NM,WD22CD,WD22NM\nE01000001,Riverside 001A,E05000001,Café ward\n'));
    await expect(readAreaLookup(lookup, [])).rejects.toThrow(/"lookup\.csv" line 2 has bytes that are not UTF-8/);
  });

  it('an interchange file is refused at the line, and a workbook made from it is not created', async () => {
    const json = file('plan.json', latin1('{\n  "format": "engagement-workbook",\n  "version": 6,\n  "personal": false,\n  "workbook": { "title": "Café" }\n}\n'));
    await expect(readInterchangeFile(json)).rejects.toThrow(/"plan\.json" line 5 has bytes that are not UTF-8 text\. An interchange file is always UTF-8/);
    const core = testCore();
    const refused = await core.call('createWorkbookFromInterchange', { path: path.join(dir, 'From json.ewb'), source: json });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.message).toMatch(/line 5 has bytes that are not UTF-8/);
    expect(fs.existsSync(path.join(dir, 'From json.ewb'))).toBe(false);
    core.closeAll();
  });

  it('a police.uk file is refused with its line, the workbook unchanged', async () => {
    const core = testCore();
    const info = await expectOk<WorkbookInfo>(core, 'createWorkbook', { path: path.join(dir, 'Crime.ewb'), details: SAMPLE_DETAILS });
    const row = { month: '2024-01', force: 'Kent Police', lsoa: 'E01024031', type: 'Burglary' };
    const crime = file('2024-01-kent-street.csv', latin1(streetCsv([row, { ...row, force: 'Kent Policé' }])));
    await expectOk(core, 'closeWorkbook', { handle: info.handle });
    const before = crypto.createHash('sha256').update(fs.readFileSync(info.path)).digest('hex');
    const reopened = await expectOk<{ info: WorkbookInfo }>(core, 'openWorkbook', { path: info.path });
    const result = await core.call('importCrime', { handle: reopened.info.handle, sources: [crime] });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(/"2024-01-kent-street\.csv" line 3 has bytes that are not UTF-8/);
    await expectOk(core, 'closeWorkbook', { handle: reopened.info.handle });
    expect(crypto.createHash('sha256').update(fs.readFileSync(info.path)).digest('hex')).toBe(before);
    core.closeAll();
  });
});
