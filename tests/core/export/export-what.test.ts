// Chapter 4 of the strategy document and the WHAT sheets of the Excel workbook, read back: each
// message with its Welsh text (marked as Welsh) and its six-point check; the community's priorities
// as "You said / We did" pairs with the activities that answer them; the action plan's default
// table; one sheet per type, the check as a result and a note column per point; owners only when
// asked for. Welsh text must come back exactly as it went in, through Word and Excel.
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { exportExcel } from '../../../electron/core/export/export-excel.ts';
import { exportWord } from '../../../electron/core/export/export-word.ts';
import { loadWorkbook } from '../../helpers/excel-file.ts';
import { makeData } from '../../helpers/strategy-workbook.ts';
import { unzip } from '../../helpers/word-document.ts';

const T = '2026-01-01T00:00:00.000Z';
const COMMON = { createdAt: T, updatedAt: T, reviewedAt: '2026-06-01', shareable: true, notes: '' };
const id = (group: number, n: number) => `${group}0000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const CHECKS = ['consistent', 'appropriate', 'challenging', 'tailored', 'specific', 'interesting'];
const WELSH = 'Mae eich tîm plismona bro yn y llyfrgell bob dydd Mawrth, 10 tan 12: dewch i ddweud wrthym beth sy’n bwysig i chi. Ŵyr, ŷd, â, ê.';
const ENGLISH = 'Your neighbourhood team is at the library every Tuesday, 10 till 12: come and tell us what matters to you.';

function whatWorkbookJson() {
  return {
    format: 'engagement-workbook',
    version: 7,
    personal: true,
    workbook: { id: id(9, 9), force: 'dyfed-powys', title: 'Dyfed-Powys engagement strategy', periodStart: '2027-04-01', periodEnd: '2030-03-31', author: 'Alex Planner', versionLabel: '', marking: 'OFFICIAL', reviewDate: null, createdAt: T, modifiedAt: T },
    records: {
      aim: [{ id: id(1, 1), ...COMMON, title: 'Build trust in rural communities', description: '' }],
      objective: [{ id: id(1, 2), ...COMMON, title: 'Hold a surgery in every market town each month', aimId: id(1, 1), measure: 'Surgeries held', baseline: '', target: '12 a year each', targetDate: '2028-03-31', owner: '' }],
      area: [{ id: id(2, 1), ...COMMON, name: 'Llandeilo', onsCode: '', onsLevel: null, parentId: null, lsoaCodes: [] }],
      audience: [{ id: id(3, 1), ...COMMON, name: 'Welsh-speaking farming families', kind: 'farming', sizeEstimate: null, sizeEvidence: '', evidenceNote: '', evidenceSource: '', engagementState: 'receptive', priority: 'high', whatWeKnow: '', owner: '', areaIds: [] }],
      channel: [{ id: id(4, 1), ...COMMON, name: 'Llandeilo library notice board', kind: 'other', platform: null, status: 'have', owner: '', reach: null, reachMeasure: '', cost: '' }],
      message: [
        {
          id: id(5, 1),
          ...COMMON,
          text: ENGLISH,
          textWelsh: WELSH,
          status: 'live',
          frequency: 'weekly',
          lastUsed: '2026-10-06',
          owner: 'PC Rhian Evans',
          qualityCheck: Object.fromEntries(CHECKS.map((check) => [check, { pass: check !== 'interesting', note: check === 'specific' ? 'Day, time and place' : '' }])),
          objectiveIds: [id(1, 2)],
          audienceIds: [id(3, 1)],
          channelIds: [id(4, 1)],
        },
      ],
      priority: [
        { id: id(6, 1), ...COMMON, concern: 'Quad bikes are stolen from farms along the border.', areaId: id(2, 1), raisedOn: '2026-09-10', raisedHow: 'meeting', audienceId: id(3, 1), response: 'Farm watch evenings and free marking of machinery.', feedback: 'Marked 140 machines; no thefts reported since.', feedbackOn: '2026-11-02', status: 'fed-back' },
      ],
      activity: [
        { id: id(7, 1), ...COMMON, title: 'Farm watch evening', description: '', depth: 'involve', recurrence: 'monthly', startDate: '2026-10-01', endDate: '2027-03-31', owner: 'PS Gareth Jones', status: 'under-way', flagship: true, pilotPlan: 'Llandeilo for three months.', rolloutPlan: 'Every market town in the spring.', audienceIds: [id(3, 1)], channelIds: [], partnerIds: [], placeIds: [], eventIds: [], messageIds: [id(5, 1)], priorityIds: [id(6, 1)], vulnerabilityIds: [], objectiveIds: [id(1, 2)] },
      ],
    },
  };
}

describe('chapter 4, What we will say, and the WHAT sheets', () => {
  it('prints each message in English and Welsh (marked as Welsh) with its six checks, and You said / We did', async () => {
    const bytes = await exportWord(await makeData(whatWorkbookJson()), () => {});
    const text = (await mammoth.extractRawText({ buffer: bytes })).value;
    const chapter = text.slice(text.lastIndexOf('4 What we will say'), text.lastIndexOf('5 Action plan'));
    expect(chapter).toContain(ENGLISH);
    expect(chapter).toContain(WELSH);
    for (const line of ['Consistent: Pass', 'Specific: Pass — Day, time and place', 'Interesting: Not yet']) expect(chapter).toContain(line);
    expect(chapter).toContain('You said, we did');
    expect(chapter).toContain('Quad bikes are stolen from farms along the border.');
    expect(chapter).toContain('Farm watch evenings and free marking of machinery.');
    expect(chapter).toContain('We told you on 2 November 2026');
    expect(chapter).toContain('Activities: Farm watch evening');
    // Owners are personal: not without asking.
    expect(text).not.toContain('PC Rhian Evans');
    // The Welsh runs say they are Welsh, so Word checks and reads them as Welsh.
    const xml = (await unzip(bytes)).get('word/document.xml')!;
    expect(xml).toMatch(/<w:lang w:val="cy-GB"\/><\/w:rPr><w:t xml:space="preserve">Mae eich tîm plismona bro/);
    const plan = text.slice(text.lastIndexOf('5 Action plan'), text.lastIndexOf('6 What good looks like'));
    expect(plan).toContain('Farm watch evening');
  });

  it('has one sheet per type: the check as a result and a note column per point, the Welsh text whole', async () => {
    const book = await loadWorkbook(await exportExcel(await makeData(whatWorkbookJson(), { personal: true }), () => {}));
    const messages = book.getWorksheet('Messages')!;
    const header = (messages.getRow(2).values as unknown[]).slice(1).map(String);
    expect(header.slice(0, 2)).toEqual(['Message', 'Message in Welsh (Neges yn Gymraeg)']);
    for (const label of ['Consistent', 'Appropriate', 'Challenging', 'Tailored', 'Specific', 'Interesting']) {
      expect(header).toContain(label);
      expect(header).toContain(`${label}: note`);
    }
    const row = messages.getRow(3);
    const cell = (title: string) => row.getCell(header.indexOf(title) + 1).value;
    expect(cell('Message in Welsh (Neges yn Gymraeg)')).toBe(WELSH);
    expect(cell('Specific')).toBe('Pass');
    expect(cell('Specific: note')).toBe('Day, time and place');
    expect(cell('Interesting')).toBe('Not yet');
    expect(cell('Owner')).toBe('PC Rhian Evans');
    expect(book.getWorksheet('You said, we did')!.getRow(3).getCell(1).value).toBe('Quad bikes are stolen from farms along the border.');
    const plan = book.getWorksheet('Action plan')!;
    const planHeader = (plan.getRow(2).values as unknown[]).slice(1).map(String);
    expect(plan.getRow(3).getCell(planHeader.indexOf('A flagship activity') + 1).value).toBe('Yes');
  });
});
