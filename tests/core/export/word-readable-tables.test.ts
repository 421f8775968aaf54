// What a reader of the Word deliverable found hard to read, each checked in the document's XML: the
// flagships left out of a long action plan's body; a table cell listing 500 activities; audiences
// the grid says nothing of printed as rows of empty cells; the plain tables' ungrammatical intro
// and equal columns; headings broken mid-word ("Neighbourh/ood", "Relationsh/ip").
import { describe, expect, it } from 'vitest';
import { exportWord } from '../../../electron/core/export/export-word.ts';
import { NAMES_IN_A_CELL } from '../../../electron/core/export/word-blocks.ts';
import { REGISTER_THRESHOLD } from '../../../electron/core/export/word-registers.ts';
import { textWidth } from '../../../electron/core/export/text-width.ts';
import { RECORD_TYPES, RECORD_TYPE_NAMES } from '../../../shared/domain/record-types.ts';
import { largeStrategyJson } from '../../helpers/large-strategy.ts';
import { ID, fullWorkbookJson, makeData } from '../../helpers/strategy-workbook.ts';
import { readDocx, tableWithHeader, type ParsedDocx } from '../../helpers/word-document.ts';

const T = '2026-01-01T00:00:00.000Z';
const COMMON = { createdAt: T, updatedAt: T, reviewedAt: null, shareable: true, notes: '' };
const LINKS = { audienceIds: [], channelIds: [], partnerIds: [], placeIds: [], eventIds: [], messageIds: [], priorityIds: [], vulnerabilityIds: [], objectiveIds: [] };
const activityId = (n: number) => `60000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

function activity(n: number, values: Record<string, unknown> = {}) {
  return { id: activityId(n), ...COMMON, title: `Street briefing ${String(n).padStart(4, '0')}`, description: '', depth: null, recurrence: 'one-off', startDate: '2027-05-01', endDate: null, owner: '', status: 'planned', flagship: false, pilotPlan: '', rolloutPlan: '', ...LINKS, ...values };
}

/** The full workbook with `count` activities, all answering its vulnerability, the flagship the last to start. */
function longPlanJson(count: number) {
  const json = fullWorkbookJson();
  const flagship = activity(count, { title: 'Youth forum at the Hub', flagship: true, startDate: '2029-12-01', pilotPlan: 'Three months at the Riverside Hub.', rolloutPlan: 'Eastgate in the autumn.' });
  const activities = [...Array.from({ length: count - 1 }, (_, i) => activity(i + 1)), flagship].map((a) => ({ ...a, vulnerabilityIds: [ID.vulnerability] }));
  return { ...json, version: 9, records: { ...json.records, activity: activities } };
}

/** The body: everything before the first appendix's heading (the contents list it too, so its last mention). */
function bodyOf(docx: ParsedDocx): string {
  const at = docx.text.lastIndexOf('Appendix A: Data sources');
  return docx.text.slice(0, at);
}

/** Each table's column widths (twips) with its header row's texts. */
function columnsOf(docx: ParsedDocx): Array<Array<{ title: string; twips: number }>> {
  return docx.tables.map((t) => {
    const widths = [...t.xml.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
    return (t.rows[0] ?? []).map((title, i) => ({ title, twips: widths[i] ?? 0 }));
  });
}

describe('the Word document read as a reader reads it', () => {
  it('keeps the flagships first in the body of a plan too long to list there, and caps the names in one cell', async () => {
    const count = REGISTER_THRESHOLD + 50;
    const docx = await readDocx(await exportWord(await makeData(longPlanJson(count)), () => {}));
    const body = bodyOf(docx);
    const chapter = body.slice(body.lastIndexOf('5 Action plan'));
    // The flagship, set out in full, comes before the counts of the whole plan.
    expect(chapter).toContain('sets out the flagships first and then counts them all');
    expect(chapter).toContain('★ Youth forum at the Hub');
    expect(chapter).toContain('Pilot: Three months at the Riverside Hub.');
    expect(chapter.indexOf('Flagship activities')).toBeLessThan(chapter.indexOf('The activities by status'));

    // The vulnerability all 250 answer: a few names, then how many more, not 250 names.
    const vulnerabilities = tableWithHeader(docx, 'Vulnerability', 'Barriers');
    const response = vulnerabilities[1]![3]!;
    expect(response).toContain(`and ${count - (NAMES_IN_A_CELL - 1)} more (the Excel workbook lists them all)`);
    expect(response.split(', ')).toHaveLength(NAMES_IN_A_CELL - 1);
  });

  it('counts the audiences the grid says nothing of in one line, not rows of empty cells', async () => {
    const json = largeStrategyJson({ audiences: 300, channels: 40 });
    // Only the first 50 audiences have anything in the grid.
    const speaking = new Set(json.records.audience.slice(0, 50).map((a) => a.id));
    const receptivity = json.records.receptivity.filter((cell) => speaking.has(cell.audienceId));
    const docx = await readDocx(await exportWord(await makeData({ ...json, records: { ...json.records, receptivity } }), () => {}));
    const register = docx.tables.find((t) => t.rows[0]?.[0] === 'Audience' && t.rows[0]?.[1] === '✓ Yes' && docx.document.indexOf(t.xml) > docx.document.lastIndexOf('Register of who listens where'));
    expect(register).toBeDefined();
    const rows = register!.rows.slice(1).filter((row) => row.length > 1);
    expect(rows).toHaveLength(50);
    for (const row of rows) expect(row.slice(1).some((cell) => cell !== '')).toBe(true);
    expect(docx.text).toMatch(/Besides these, 250 audiences \([\d,]+ high, [\d,]+ medium, [\d,]+ low priority\) have nothing in the grid yet: [^.]+ and 238 more\./);
  });

  it('introduces every plain table in a grammatical sentence, with columns as wide as what they hold', async () => {
    const json = fullWorkbookJson();
    const withPlain = {
      ...json,
      version: 9,
      records: {
        ...json.records,
        hallmarkRating: [{ id: '70000000-0000-4000-8000-000000000001', ...COMMON, hallmark: 'quality', rating: 3, evidence: 'Two flagships piloted in Riverside; neither rolled out yet, though both were judged to work by those who came.' }],
        reviewEntry: [
          { id: '70000000-0000-4000-8000-000000000002', ...COMMON, reviewedOn: '2027-03-01', reviewer: 'Insp. Priya Shah', summary: 'On track.', decisions: 'None.' },
          { id: '70000000-0000-4000-8000-000000000003', ...COMMON, reviewedOn: '2027-09-01', reviewer: 'Insp. Priya Shah', summary: 'Behind in Eastgate.', decisions: 'A second surgery.' },
        ],
      },
    };
    const docx = await readDocx(await exportWord(await makeData(withPlain), () => {}));
    const plain = RECORD_TYPE_NAMES.filter((type) => RECORD_TYPES[type].print?.printer === undefined);
    expect(plain).toEqual(['hallmarkRating', 'reviewEntry']);
    expect(docx.text).toContain('This part sets out how our engagement measures up against each hallmark of good engagement, rated 1 to 5 with the evidence (1 hallmark rating).');
    expect(docx.text).toContain('This part sets out each review of the strategy: when, by whom, what it found and what was decided (2 reviews).');
    expect(docx.text).not.toContain('The review log recorded');
    expect(docx.text).not.toContain('The hallmark ratings recorded');
    const ratings = columnsOf(docx).find((columns) => columns[0]?.title === 'Hallmark')!;
    const [hallmark, rating, evidence] = ratings.map((c) => c.twips);
    expect(rating!).toBeLessThan(hallmark!);
    expect(evidence!).toBeGreaterThan(2 * hallmark!);
  });

  it('never makes a column narrower than the widest word of its heading in Arial bold', async () => {
    const json = largeStrategyJson({ audiences: 12, channels: 7 });
    const names = ['Neighbourhood Alert', 'Larkhampton Facebook', 'Community Messaging', 'Relationship circle', 'Parish newsletter', 'Radio Larkhampton', 'Instagram'];
    const channel = json.records.channel.map((c, i) => ({ ...c, name: names[i]! }));
    for (const personal of [false, true]) {
      const docx = await readDocx(await exportWord(await makeData({ ...json, records: { ...json.records, channel } }, { personal }), () => {}));
      const grid = columnsOf(docx).filter((columns) => columns[0]?.title === 'Audience' && columns.some((c) => names.includes(c.title)));
      // Every channel is in one table of the grid.
      expect(grid.flatMap((columns) => columns.slice(1).map((c) => c.title)).sort()).toEqual([...names].sort());
      // "Neighbourhood" in Arial bold at 9.5 pt is some 71 pt: its column holds it with the cell's margins (170 twips).
      const neighbourhood = grid.flatMap((columns) => columns).find((c) => c.title === 'Neighbourhood Alert')!;
      expect(neighbourhood.twips).toBeGreaterThan(71 * 20 + 170);
      for (const columns of columnsOf(docx)) {
        for (const column of columns) {
          const widest = Math.max(...column.title.split(/\s+/).map((word) => textWidth(word, 9.5, true)));
          if (widest * 20 + 170 > 9638 * 0.5) continue;
          expect(column.twips, `${column.title} in ${columns.map((c) => c.title).join(' · ')}`).toBeGreaterThanOrEqual(widest * 20 + 170);
        }
      }
    }
  });

  it('never splits a short row across pages, and keeps a group label and a table heading with their first rows', async () => {
    const json = longPlanJson(40);
    // Three months: a short one (3 activities), a long one (30) and another short one.
    const dated = json.records.activity.map((a, i) => ({ ...a, startDate: i < 3 ? '2027-04-02' : i < 33 ? '2027-05-03' : '2027-06-04' }));
    const docx = await readDocx(await exportWord(await makeData({ ...json, records: { ...json.records, activity: dated } }), () => {}));
    const plan = docx.tables.find((t) => t.rows[0]?.[0] === 'Activity' && t.rows[0]?.[1] === 'Days')!;
    const rows = [...plan.xml.matchAll(/<w:tr>[\s\S]*?<\/w:tr>/g)].map((m) => m[0]);
    const label = (row: string) => /TableGroup/.test(row);
    const kept = (row: string) => [...row.matchAll(/<w:p>[\s\S]*?<\/w:p>/g)].every((p) => p[0].includes('<w:keepNext/>'));
    expect(rows.every((row) => row.includes('<w:cantSplit/>'))).toBe(true);
    const months = rows.flatMap((row, i) => (label(row) ? [i] : []));
    expect(months).toHaveLength(3);
    const groups = months.map((start, g) => rows.slice(start, months[g + 1] ?? rows.length));
    // April's three and June's seven are kept whole with their label; May's thirty keep their label with two rows.
    for (const group of [groups[0]!, groups[2]!]) expect(group.map(kept)).toEqual([...new Array<boolean>(group.length - 1).fill(true), false]);
    expect(groups[1]!.map(kept).slice(0, 5)).toEqual([true, true, true, false, false]);
    expect(groups[1]!.at(-1)!.includes('<w:keepNext/>')).toBe(false);
    // May runs on past a page without its label: each of its rows names the month; April's need not.
    expect(plan.rows.filter((row) => row[1]?.startsWith('May 2027: '))).toHaveLength(30);
    expect(plan.rows.filter((row) => row[1]?.startsWith('April 2027'))).toHaveLength(0);
  });

  it('lets a row taller than a third of a page break rather than leave its page empty, and keeps no tall block with its heading', async () => {
    const json = fullWorkbookJson();
    const long = Array.from({ length: 60 }, (_, i) => `Line ${i + 1} of the planned response, with the council and the fire service.`).join('\n');
    const vulnerability = json.records.vulnerability.map((v) => ({ ...v, responseNote: long }));
    const docx = await readDocx(await exportWord(await makeData({ ...json, records: { ...json.records, vulnerability } }), () => {}));
    const table = docx.tables.find((t) => t.rows[0]?.[0] === 'Vulnerability')!;
    const rows = [...table.xml.matchAll(/<w:tr>[\s\S]*?<\/w:tr>/g)].map((m) => m[0]);
    expect(rows[1]).not.toContain('<w:cantSplit/>');
    expect(rows[1]).not.toContain('<w:keepNext/>');
  });
});
