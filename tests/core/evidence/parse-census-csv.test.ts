// Reading ONS Census 2021 bulk CSVs in the nomis layout: the hierarchy of categories, the
// `; measures: Value` suffix, quoted commas, a byte-order mark, the geography level and table code,
// and each kind of malformed file refused with its line and reason.
import path from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { geographyLevelOf, parseCensusCsv, parseCensusFile, readCensusHeader, tableCodeFor } from '../../../electron/core/evidence/parse-census-csv.ts';

const FIXTURES = path.resolve('tests/fixtures/census');
const TS021 = path.join(FIXTURES, 'census2021-ts021-lsoa.csv');
const TS007A = path.join(FIXTURES, 'census2021-ts007a-ltla.csv');

function parseText(text: string, fileName = 'census2021-ts007a-ltla.csv', tableCode?: string) {
  return parseCensusCsv(Readable.from([Buffer.from(text, 'utf8')]), fileName, tableCode === undefined ? {} : { tableCode });
}

const AGE_HEADER = 'date,geography,geography code,Age: Total,Age: Aged 4 years and under,Age: Aged 5 to 9 years';

describe('reading a census table', () => {
  it('reads the TS021-style LSOA table: BOM, suffix stripped, quoted commas in names, the hierarchy', async () => {
    const parsed = await parseCensusFile(TS021);
    expect(parsed).toMatchObject({ code: 'TS021', title: 'Ethnic group', referenceDate: '2021', geographyLevel: 'lsoa', fileName: 'census2021-ts021-lsoa.csv' });
    expect(parsed.categories).toHaveLength(25);
    expect(parsed.categories[0]).toEqual({ position: 0, name: 'Ethnic group: Total: All usual residents', label: 'Total: All usual residents', parentPosition: null, isTotal: true });
    expect(parsed.categories[1]).toEqual({ position: 1, name: 'Ethnic group: Asian, Asian British or Asian Welsh', label: 'Asian, Asian British or Asian Welsh', parentPosition: null, isTotal: false });
    expect(parsed.categories[2]).toEqual({
      position: 2,
      name: 'Ethnic group: Asian, Asian British or Asian Welsh: Bangladeshi',
      label: 'Asian, Asian British or Asian Welsh: Bangladeshi',
      parentPosition: 1,
      isTotal: false,
    });
    expect(parsed.categories[17]).toMatchObject({ label: 'White: English, Welsh, Scottish, Northern Irish or British', parentPosition: 16 });
    const topLevel = parsed.categories.filter((c) => c.parentPosition === null && !c.isTotal).map((c) => c.label);
    expect(topLevel).toEqual(['Asian, Asian British or Asian Welsh', 'Black, Black British, Black Welsh, Caribbean or African', 'Mixed or Multiple ethnic groups', 'White', 'Other ethnic group']);
    expect(parsed.categories.filter((c) => c.parentPosition !== null)).toHaveLength(19);
    for (const c of parsed.categories) expect(c.name).not.toMatch(/measures|\uFEFF/);

    expect(parsed.geographies.map((g) => [g.code, g.name])).toEqual([
      ['E01014485', 'Bristol 032A'],
      ['E01014486', 'Bristol 032B'],
      ['E01033348', 'Bristol 054E'],
      ['W01001552', 'Cardiff 032A'],
    ]);
    expect([...parsed.geographies[0]!.counts]).toEqual([1650, 110, 12, 25, 40, 18, 15, 110, 60, 35, 15, 80, 20, 10, 30, 20, 1330, 1200, 30, 2, 8, 90, 20, 5, 15]);
  });

  it('reads the TS007A-style local-authority table: CRLF, no suffix, "Bristol, City of"', async () => {
    const parsed = await parseCensusFile(TS007A);
    expect(parsed).toMatchObject({ code: 'TS007A', title: 'Age', referenceDate: '2021', geographyLevel: 'la' });
    expect(parsed.categories).toHaveLength(19);
    expect(parsed.categories[0]).toEqual({ position: 0, name: 'Age: Total', label: 'Total', parentPosition: null, isTotal: true });
    expect(parsed.categories.slice(1).every((c) => c.parentPosition === null && !c.isTotal)).toBe(true);
    expect(parsed.categories[18]!.label).toBe('Aged 85 years and over');
    expect(parsed.geographies.map((g) => g.name)).toEqual(['Bristol, City of', 'Herefordshire, County of', 'Kingston upon Hull, City of', 'Cardiff']);
    expect(parsed.geographies[0]!.counts[0]).toBe(449978);
    expect(parsed.geographies[0]!.counts[1]).toBe(27815);
  });

  it('finds the parent as the longest other column name that prefixes it, and leaves a lone column as its own title', () => {
    const header = readCensusHeader(['date', 'geography', 'geography code', 'T: Total', 'T: A', 'T: A: B', 'T: A: B: C', 'T: A: BC', 'T: AB'], 'x.csv');
    expect(header.title).toBe('T');
    expect(header.categories.map((c) => c.parentPosition)).toEqual([null, null, 1, 2, 1, null]);
    expect(header.columns).toEqual([3, 4, 5, 6, 7, 8]);
    const untitled = readCensusHeader(['geography code', 'Total', 'Owned', 'Rented'], 'x.csv');
    expect(untitled.title).toBe('');
    expect(untitled.categories.map((c) => [c.label, c.isTotal])).toEqual([['Total', true], ['Owned', false], ['Rented', false]]);
  });

  it('leaves out percentage columns published beside the values', async () => {
    const parsed = await parseText('date,geography,geography code,Age: Total; measures: Value,Age: Young; measures: Value,Age: Young; measures: Percent\n2021,A,E06000001,10,4,40.0\n');
    expect(parsed.categories.map((c) => c.name)).toEqual(['Age: Total', 'Age: Young']);
    expect([...parsed.geographies[0]!.counts]).toEqual([10, 4]);
  });

  it('treats crafted names such as __proto__ as plain text', async () => {
    const parsed = await parseText('date,geography,geography code,__proto__: Total,__proto__: constructor\n2021,__proto__,__proto__,3,3\n', 'census2021-ts001-oa.csv');
    expect(parsed.categories.map((c) => c.label)).toEqual(['Total', 'constructor']);
    expect(parsed.geographies[0]).toMatchObject({ code: '__proto__', name: '__proto__' });
    expect(Object.keys(Object.prototype)).toEqual([]);
    expect(({} as Record<string, unknown>).constructor).toBe(Object);
  });

  it('knows the geography level from the codes, the most common when mixed', () => {
    expect(geographyLevelOf(['E00000001', 'W00000002'])).toBe('oa');
    expect(geographyLevelOf(['E01014485', 'W01001552'])).toBe('lsoa');
    expect(geographyLevelOf(['E02003012'])).toBe('msoa');
    expect(geographyLevelOf(['E05009317', 'W05000001'])).toBe('ward');
    expect(geographyLevelOf(['E06000023', 'E07000110', 'E08000025', 'E09000001', 'W06000015'])).toBe('la');
    expect(geographyLevelOf(['E92000001', 'K04000001'])).toBe('other');
    expect(geographyLevelOf(['E06000023', 'E05009317', 'E05009318', 'E92000001'])).toBe('ward');
  });

  it('takes the table code from --table, else the file name, else asks for it', () => {
    expect(tableCodeFor('census2021-ts021-lsoa.csv')).toBe('TS021');
    expect(tableCodeFor('census2021-ts007a-ltla.csv')).toBe('TS007A');
    expect(tableCodeFor('Census2021-TS066-msoa.csv')).toBe('TS066');
    expect(tableCodeFor('anything.csv', 'ts021')).toBe('TS021');
    expect(tableCodeFor('census2021-ts021-lsoa.csv', 'MY_TABLE')).toBe('MY_TABLE');
    expect(() => tableCodeFor('ethnicity.csv')).toThrow(/does not say which census table it is.*--table TS021/);
  });

  it('counts physical lines, so a quoted name over two lines does not put later lines out', async () => {
    const text = `${AGE_HEADER}\n2021,"Two\nlines",E06000001,10,4,6\n2021,B,E06000002,10,4,x\n`;
    await expect(parseText(text)).rejects.toThrow(/line 4: "x" for "Age: Aged 5 to 9 years" is not a count/);
  });

  describe('refuses a malformed file with its line and reason', () => {
    const cases: Array<[string, string, RegExp]> = [
      ['no geography code column', 'date,geography,code,Age: Total,Age: Young\n2021,A,E06000001,1,1\n', /line 1: there is no "geography code" column/],
      ['a row with too many columns', `${AGE_HEADER}\n2021,A,E06000001,10,4,6\n2021,B,E06000002,10,4,6,7\n`, /line 3: this row has 7 columns where the header has 6/],
      ['a row with too few columns', `${AGE_HEADER}\n2021,A,E06000001,10,4,6\n2021,B,E06000002,10,4\n`, /line 3: this row has 5 columns where the header has 6/],
      ['a name with an unquoted comma', `${AGE_HEADER}\n2021,Bristol, City of,E06000023,10,4,6\n`, /line 2: this row has 7 columns where the header has 6.*names with commas are in quotes/],
      ['a non-numeric count', `${AGE_HEADER}\n2021,A,E06000001,10,4,six\n`, /line 2: "six" for "Age: Aged 5 to 9 years" is not a count/],
      ['a count with a thousands comma', `${AGE_HEADER}\n2021,A,E06000001,"1,000",400,600\n`, /line 2: "1,000" for "Age: Total" is not a count/],
      ['an empty count', `${AGE_HEADER}\n2021,A,E06000001,10,,6\n`, /line 2: the empty value for "Age: Aged 4 years and under" is not a count/],
      ['a negative count', `${AGE_HEADER}\n2021,A,E06000001,10,4,6\n2021,B,E06000002,10,-5,15\n`, /line 3: the count -5 for "Age: Aged 4 years and under" is negative/],
      ['a duplicate geography code', `${AGE_HEADER}\n2021,A,E06000001,10,4,6\n2021,B,E06000002,10,4,6\n2021,A again,E06000001,10,4,6\n`, /line 4: the geography code E06000001 appears twice \(first on line 2\)/],
      ['an empty geography code', `${AGE_HEADER}\n2021,A,,10,4,6\n`, /line 2: the geography code is empty/],
      ['no Total column', 'date,geography,geography code,Age: Young,Age: Old\n2021,A,E06000001,4,6\n', /line 1: no column is the table's total/],
      ['two columns with the same name once the suffix is gone', 'date,geography,geography code,Age: Total,Age: Young,Age: Young; measures: Value\n2021,A,E06000001,4,4,4\n', /line 1: columns 5 and 6 are both called "Age: Young"/],
      ['no category columns', 'date,geography,geography code\n2021,A,E06000001\n', /line 1: there are no category columns/],
      ['an empty file', '', /line 1: the file is empty/],
      ['only a byte-order mark and blank lines', '\uFEFF\n\n', /line 1: the file is empty/],
      ['a header and no rows', `${AGE_HEADER}\n`, /line 2: there are no rows after the header/],
      ['a stray quote', `${AGE_HEADER}\n2021,"A"x,E06000001,10,4,6\n`, /line 2: this is not valid CSV/],
    ];
    for (const [what, text, message] of cases) {
      it(what, async () => {
        await expect(parseText(text)).rejects.toThrow(message);
        await expect(parseText(text)).rejects.toThrow(/^"census2021-ts007a-ltla\.csv" .*Nothing was imported\.$/);
      });
    }
  });
});
