// Chapter 3 of the strategy document and the How sheets of the Excel workbook, read back: channels,
// who listens where as tables of symbols and words (split when there are many channels), the
// evidence noted in the grid, partners by sector, events, what works by verdict; the grid as a
// matrix sheet with a drop-down of its four values; personal fields only when asked for.
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import type { ExportData } from '../../../electron/core/export/export-data.ts';
import { exportExcel } from '../../../electron/core/export/export-excel.ts';
import { exportWord } from '../../../electron/core/export/export-word.ts';
import { loadWorkbook, writtenValidations } from '../../helpers/excel-file.ts';
import { makeData } from '../../helpers/strategy-workbook.ts';

const T = '2026-01-01T00:00:00.000Z';
const COMMON = { createdAt: T, updatedAt: T, reviewedAt: '2026-06-01', shareable: true, notes: '' };
const id = (group: number, n: number) => `${group}0000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const AUDIENCES = [
  [id(1, 1), 'Young people', 'high'],
  [id(1, 2), 'Faith communities', 'medium'],
  [id(1, 3), 'Visitors', 'low'],
] as const;
const CHANNELS = ['Neighbourhood Alert', 'Instagram', 'Radio Kent', 'Street briefings', 'Parish newsletter', 'Youth forum'];

function audience(audienceId: string, name: string, priority: string) {
  return { id: audienceId, ...COMMON, name, kind: 'young-people', sizeEstimate: null, sizeEvidence: '', evidenceNote: '', evidenceSource: '', engagementState: 'receptive', priority, whatWeKnow: '', owner: '', areaIds: [] };
}

function howWorkbookJson(channelCount = CHANNELS.length) {
  return {
    format: 'engagement-workbook',
    version: 4,
    personal: true,
    workbook: { id: id(9, 9), force: 'kent', title: 'Kent engagement strategy', periodStart: '2027-04-01', periodEnd: '2030-03-31', author: 'Alex Planner', versionLabel: '', marking: 'OFFICIAL', reviewDate: null, createdAt: T, modifiedAt: T },
    records: {
      audience: AUDIENCES.map(([audienceId, name, priority]) => audience(audienceId, name, priority)),
      channel: CHANNELS.slice(0, channelCount).map((name, index) => ({ id: id(2, index + 1), ...COMMON, name, kind: index === 1 ? 'social-media' : 'other', platform: index === 1 ? 'instagram' : null, status: 'have', owner: index === 1 ? 'PS Dana Okafor' : '', reach: index === 1 ? 5300 : null, reachMeasure: index === 1 ? 'Followers, November 2026' : '', cost: index === 2 ? '£400 a month' : '' })),
      partner: [
        { id: id(3, 1), ...COMMON, organisation: 'Maidstone Borough Council', sector: 'local-authority', contactName: 'Priya Shah', contactRole: 'Community Safety Manager', phone: '01632 960112', email: 'p.shah@example.gov.uk', relationship: 'formal', lastContact: '2026-10-30', whatTheyBring: 'CCTV and the youth van', audienceIds: [id(1, 1)] },
        { id: id(3, 2), ...COMMON, organisation: 'Riverside Mosque trust', sector: 'faith', contactName: '', contactRole: '', phone: '', email: '', relationship: 'initial', lastContact: null, whatTheyBring: 'The hall after Friday prayers', audienceIds: [id(1, 2)] },
      ],
      communityEvent: [
        { id: id(4, 1), ...COMMON, name: 'Riverside summer fun day', organiserAssetId: null, organiserPartnerId: id(3, 1), recurrence: 'yearly', nextDate: '2027-07-17', placeId: null, location: 'Riverside recreation ground', policeRole: 'stall', status: 'planned', owner: 'PC Tom Reid', audienceIds: [id(1, 1), id(1, 3)] },
      ],
      practice: [
        { id: id(5, 1), ...COMMON, title: 'Detached patrols with youth workers', description: 'Ten Friday evenings with the detached youth team.', audienceKinds: ['young-people'], channelKinds: ['patrol'], depth: 'involve', origin: 'other-force', originForce: 'essex', originPartnerId: null, year: 2024, outcome: 'improved', outcomeNote: 'ASB calls down a third.', evidenceStrength: 'monitored', verdict: 'adapt' },
        { id: id(5, 2), ...COMMON, title: 'Leaflet drop on the estate', description: '', audienceKinds: [], channelKinds: [], depth: 'inform', origin: 'our-past', originForce: null, originPartnerId: null, year: 2022, outcome: 'no-change', outcomeNote: '', evidenceStrength: 'anecdotal', verdict: 'avoid' },
        { id: id(5, 3), ...COMMON, title: 'Coffee with a cop at the mosque', description: '', audienceKinds: ['faith'], channelKinds: ['event'], depth: 'consult', origin: 'partner', originForce: null, originPartnerId: id(3, 2), year: null, outcome: null, outcomeNote: '', evidenceStrength: null, verdict: null },
      ],
      receptivity: [
        { audienceId: id(1, 1), channelId: id(2, 1), value: 'no', note: 'Subscribers are mostly over 50' },
        { audienceId: id(1, 1), channelId: id(2, 2), value: 'yes', note: 'Youth forum survey, March 2026' },
        { audienceId: id(1, 2), channelId: id(2, 1), value: 'yes', note: '' },
        { audienceId: id(1, 2), channelId: id(2, 3), value: 'partly', note: '' },
        { audienceId: id(1, 3), channelId: id(2, 2), value: 'unknown', note: 'Ask the tourist office' },
      ].filter((cell) => Number(cell.channelId.slice(-1)) <= channelCount),
    },
  };
}

const decode = (text: string) => text.replace(/<[^>]+>/g, '').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').trim();

/** The document's tables as rows of cell texts (paragraphs in a cell joined by " | "). */
async function tablesOf(bytes: Buffer): Promise<string[][][]> {
  const html = (await mammoth.convertToHtml({ buffer: bytes })).value;
  return [...html.matchAll(/<table>([\s\S]*?)<\/table>/g)].map(([, table]) =>
    [...table!.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map(([, row]) => [...row!.matchAll(/<t[dh][^>]*>([\s\S]*?)<\/t[dh]>/g)].map(([, cell]) => [...cell!.matchAll(/<p>([\s\S]*?)<\/p>/g)].map(([, p]) => decode(p!)).join(' | '))),
  );
}

function tableStarting(tables: string[][][], ...header: string[]): string[][] {
  const found = tables.find((table) => header.every((title, index) => table[0]?.[index] === title));
  if (!found) throw new Error(`no table headed ${header.join(', ')}`);
  return found;
}

async function chapter3(data: ExportData): Promise<{ text: string; tables: string[][][] }> {
  const bytes = await exportWord(data, () => {});
  const text = (await mammoth.extractRawText({ buffer: bytes })).value;
  return { text: text.slice(text.lastIndexOf('3 How we will reach them'), text.lastIndexOf('4 What we will say')), tables: await tablesOf(bytes) };
}

describe('chapter 3, How we will reach them', () => {
  it('prints channels, the grid (as many channels to a table as fit unbroken, up to five), its evidence, partners by sector, events and what works by verdict', async () => {
    const { text, tables } = await chapter3(await makeData(howWorkbookJson()));
    expect(text.split('\n').filter((line) => ['Channels', 'Who listens where', 'The evidence behind the grid', 'Partners', 'Community events', 'What works'].includes(line.trim()))).toEqual(['Channels', 'Who listens where', 'The evidence behind the grid', 'Partners', 'Community events', 'What works']);
    expect(tableStarting(tables, 'Channel', 'Status').slice(0, 4)).toEqual([
      ['Channel', 'Status', 'Reach', 'Cost'],
      ['Neighbourhood Alert | Other (describe in notes)', 'We have it', 'Not counted', ''],
      ['Instagram | Social-media account: Instagram', 'We have it', '5,300 people | Followers, November 2026', ''],
      ['Radio Kent | Other (describe in notes)', 'We have it', 'Not counted', '£400 a month'],
    ]);
    // Six channels: "Neighbourhood" needs some 93 pt of column (Arial bold with room for a wider face), more than five columns
    // give (75 pt), so four to a table and the other two in a second, each with the audiences down.
    const grids = tables.filter((table) => table[0]?.[0] === 'Audience' && table.some((row) => row[0] === 'High priority'));
    expect(grids.map((grid) => grid[0])).toEqual([
      ['Audience', ...CHANNELS.slice(0, 4)],
      ['Audience', ...CHANNELS.slice(4)],
    ]);
    expect(grids[0]!.slice(1)).toEqual([
      ['High priority'],
      ['Young people', '✗ No', '✓ Yes', '? Unknown', '? Unknown'],
      ['Medium priority'],
      ['Faith communities', '✓ Yes', '? Unknown', '◐ Partly', '? Unknown'],
      ['Low priority'],
      ['Visitors', '? Unknown', '? Unknown', '? Unknown', '? Unknown'],
    ]);
    expect(text).toContain('✓ yes, ◐ partly, ✗ no, ? unknown');
    expect(text).toContain('Young people on Instagram (✓ Yes): Youth forum survey, March 2026');
    expect(text).toContain('Visitors on Instagram (? Unknown): Ask the tourist office');
    expect(tableStarting(tables, 'Partner', 'Relationship')).toEqual([
      ['Partner', 'Relationship', 'Last contact', 'What they bring', 'Audiences they reach'],
      ['Local authority'],
      ['Maidstone Borough Council | Community Safety Manager', 'Formal agreement', '30 October 2026', 'CCTV and the youth van', 'Young people'],
      ['Faith'],
      ['Riverside Mosque trust', 'Initial contact', '', 'The hall after Friday prayers', 'Faith communities'],
    ]);
    expect(tableStarting(tables, 'Event', 'Organiser')).toEqual([
      ['Event', 'Organiser', 'Where', 'Audiences present', 'Our role', 'Status'],
      ['Riverside summer fun day | Yearly; next 17 July 2027', 'Maidstone Borough Council', 'Riverside recreation ground', 'Young people, Visitors', 'Run a stall', 'Planned'],
    ]);
    expect(tableStarting(tables, 'Practice', 'For and through')).toEqual([
      ['Practice', 'For and through', 'Depth', 'From', 'Outcome', 'Evidence'],
      ['Our verdict: adapt'],
      ['Detached patrols with youth workers | Ten Friday evenings with the detached youth team.', 'For: Young people | Through: Face-to-face patrol', 'Involve', 'Essex Police | 2024', 'Things improved | ASB calls down a third.', 'Monitored'],
      ['Our verdict: avoid'],
      ['Leaflet drop on the estate', '', 'Inform', 'Our force, in the past | 2022', 'No change', 'Anecdotal'],
      ['Not yet decided'],
      ['Coffee with a cop at the mosque', 'For: Faith communities | Through: Event', 'Consult', 'Riverside Mosque trust', '', ''],
    ]);
    // Personal fields stay out unless asked for.
    for (const name of ['PS Dana Okafor', 'Priya Shah', '01632 960112', 'PC Tom Reid']) expect(text, name).not.toContain(name);
  });

  it('shows owners and contacts only when personal data is asked for', async () => {
    const { text, tables } = await chapter3(await makeData(howWorkbookJson(), { personal: true }));
    expect(tableStarting(tables, 'Channel', 'Status')[0]).toEqual(['Channel', 'Status', 'Reach', 'Cost', 'Owner']);
    expect(tableStarting(tables, 'Partner', 'Relationship')[2]).toEqual(['Maidstone Borough Council | Community Safety Manager', 'Formal agreement', '30 October 2026', 'CCTV and the youth van', 'Young people', 'Priya Shah | 01632 960112 | p.shah@example.gov.uk']);
    expect(tableStarting(tables, 'Event', 'Organiser')[0]).toContain('Owner');
    expect(text).toContain('PC Tom Reid');
  });

  it('says in one line what is missing when nothing has been recorded', async () => {
    const json = howWorkbookJson();
    const empty = { ...json, records: { audience: json.records.audience } };
    const { text } = await chapter3(await makeData(empty));
    for (const line of [
      'To be completed: the channels we can use to reach people: what each is, who runs it, how many it reaches and what it costs.',
      'The grid of who listens where needs audiences and channels; no channels have been recorded yet.',
      'To be completed: the partners who open doors for us: what each brings and whom it reaches.',
      'To be completed: the community events others run where we can meet people, and the part we will play in each.',
      'To be completed: what has worked, and what has not, here and in other forces, and whether we will adopt it.',
    ]) {
      expect(text).toContain(line);
    }
  });
});

describe('the How sheets of the Excel workbook', () => {
  it('has a sheet per record type after the channels, the grid as a matrix with a drop-down of its values, and its evidence', async () => {
    const xlsx = await exportExcel(await makeData(howWorkbookJson(4)), () => {});
    const book = await loadWorkbook(xlsx);
    const names = book.worksheets.map((ws) => ws.name);
    const at = names.indexOf('Channels');
    expect(names.slice(at, at + 6)).toEqual(['Channels', 'Who listens where', 'Who listens where (evidence)', 'Partners', 'Community events', 'What works']);
    const grid = book.getWorksheet('Who listens where')!;
    const rows = [1, 2, 3, 4, 5].map((row) => (grid.getRow(row).values as unknown[]).slice(1));
    expect(rows).toEqual([
      ['OFFICIAL'],
      ['Audience', 'Priority', ...CHANNELS.slice(0, 4), 'Audience id'],
      ['Young people', 'High', '✗ No', '✓ Yes', '? Unknown', '? Unknown', id(1, 1)],
      ['Faith communities', 'Medium', '✓ Yes', '? Unknown', '◐ Partly', '? Unknown', id(1, 2)],
      ['Visitors', 'Low', '? Unknown', '? Unknown', '? Unknown', '? Unknown', id(1, 3)],
    ]);
    // The four channel columns of the grid's rows (and spare rows below), nothing else: one list of the four values.
    const validations = await writtenValidations(xlsx, 'Who listens where');
    expect(validations).toHaveLength(1);
    expect(validations[0]).toMatchObject({ sqref: expect.stringMatching(/^C3:F\d+$/), type: 'list', attributes: expect.objectContaining({ showErrorMessage: '1' }) });
    const lists = book.getWorksheet('Lists')!;
    const [, column, first, , last] = /^Lists!\$([A-Z]+)\$(\d+):\$([A-Z]+)\$(\d+)$/.exec(validations[0]!.formula1!)!;
    const choices = [];
    for (let row = Number(first); row <= Number(last); row += 1) choices.push(lists.getCell(`${column}${row}`).value);
    expect(choices).toEqual(['✓ Yes', '◐ Partly', '✗ No', '? Unknown']);
    const evidence = book.getWorksheet('Who listens where (evidence)')!;
    expect((evidence.getRow(2).values as unknown[]).slice(1, 5)).toEqual(['Audience', 'Channel', 'Says', 'Evidence']);
    expect((evidence.getRow(3).values as unknown[]).slice(1, 5)).toEqual(['Young people', 'Neighbourhood Alert', '✗ No', 'Subscribers are mostly over 50']);
    expect(evidence.rowCount).toBe(5);
    // Both follow every record sheet: the marking on row 1 in bold, the header on row 2 frozen and
    // repeated on each printed page, the filter over the data, the ids left off the printed page.
    // Below the key, each channel's id under its column (not printed), as the audience ids are at the right.
    const channelIds = grid.getRow(grid.rowCount);
    expect(channelIds.getCell(1).value).toBe('Channel id');
    expect(channelIds.getCell(3).value).toMatch(/^[0-9a-f-]{36}$/);
    for (const [sheet, xSplit, lastPrinted, filter, lastRow] of [[grid, 1, 'F', 'A2:G5', grid.rowCount - 1], [evidence, 0, 'D', 'A2:F5', evidence.rowCount]] as const) {
      expect(sheet.getCell('A1').value, sheet.name).toBe('OFFICIAL');
      expect(sheet.getCell('A1').font?.bold, sheet.name).toBe(true);
      expect(sheet.getCell('A2').font?.bold, sheet.name).toBe(true);
      expect(sheet.views[0], sheet.name).toMatchObject({ state: 'frozen', xSplit, ySplit: 2 });
      expect(sheet.pageSetup.printTitlesRow, sheet.name).toBe('2:2');
      expect(sheet.pageSetup.printArea, sheet.name).toBe(`A1:${lastPrinted}${lastRow}`);
      expect(sheet.autoFilter, sheet.name).toBe(filter);
    }
    // The key below the grid wraps across the printed columns rather than running off the page.
    const key = grid.getRow(grid.rowCount - 1).getCell(1);
    expect(key.value).toMatch(/^Key: ✓ Yes/);
    expect(key.alignment?.wrapText).toBe(true);
    expect(grid.getCell(`F${grid.rowCount - 1}`).isMerged).toBe(true);

    const practices = book.getWorksheet('What works')!;
    // The marking is on the first row of every sheet, the header on the second.
    const header = (practices.getRow(2).values as unknown[]).slice(1);
    const year = header.indexOf('Year') + 1;
    expect(year).toBeGreaterThan(0);
    // Practices are listed by title, so the detached patrols come after the coffee mornings.
    expect((practices.getRow(4).values as unknown[]).slice(1, 2)).toEqual(['Detached patrols with youth workers']);
    expect(practices.getRow(4).getCell(year).value).toBe(2024);
    expect(practices.getColumn(year).numFmt).toBe('0');
    // Personal fields are left out of the sheets too.
    expect((book.getWorksheet('Channels')!.getRow(2).values as unknown[]).includes('Name')).toBe(true);
    expect((book.getWorksheet('Channels')!.getRow(2).values as unknown[]).includes('Owner')).toBe(false);
    expect((book.getWorksheet('Partners')!.getRow(2).values as unknown[]).includes('Organisation')).toBe(true);
    expect((book.getWorksheet('Partners')!.getRow(2).values as unknown[]).filter((v) => ['Contact name', 'Phone', 'Email'].includes(String(v)))).toEqual([]);
  });
});
