// A copy of the Word document made with only some sections (`ewb export --sections`, or the export
// screen's choice): it never points at a chapter or an appendix that is not in it, lists the data
// sources only when it holds something that draws on them, letters its registers from A when it
// has no data sources, and says once under a chapter's heading that the chapter is left out.
import { describe, expect, it } from 'vitest';
import { exportWord } from '../../../electron/core/export/export-word.ts';
import { REGISTER_THRESHOLD } from '../../../electron/core/export/word-registers.ts';
import type { ExportSectionId } from '../../../shared/api/export.ts';
import { DOCUMENT_CHAPTERS } from '../../../shared/domain/sections.ts';
import { fullWorkbookJson, makeData } from '../../helpers/strategy-workbook.ts';
import { readDocx, type ParsedDocx } from '../../helpers/word-document.ts';

const COPIES: ReadonlyArray<readonly ExportSectionId[]> = [['aims'], ['good'], ['aims', 'good'], ['plan', 'what', 'review'], ['evidence'], ['who', 'how']];

/** The chapters this copy leaves out whole: their heading is followed by the one line saying so. */
function leftOutChapters(docx: ParsedDocx): number[] {
  return DOCUMENT_CHAPTERS.filter((chapter) => {
    const at = docx.body.findIndex((p) => p.style === 'Heading1' && p.text === `${chapter.number} ${chapter.title}`);
    return docx.body[at + 1]?.text === 'Left out of this copy.';
  }).map((chapter) => chapter.number);
}

describe('a copy of the Word document with some sections', () => {
  for (const sections of COPIES) {
    it(`with ${sections.join(', ')}: points only at chapters and appendices it holds`, async () => {
      const docx = await readDocx(await exportWord(await makeData(fullWorkbookJson(), { sections }), () => {}));
      const leftOut = leftOutChapters(docx);
      for (const match of docx.text.matchAll(/see chapter (\d+)/g)) expect(leftOut, match[0]).not.toContain(Number(match[1]));
      const appendices = docx.headings.filter((h) => h.level === 1 && h.text.startsWith('Appendix')).map((h) => h.text.slice(0, 'Appendix A'.length));
      for (const match of docx.text.matchAll(/Appendix [A-Z]\b/g)) expect(appendices, match[0]).toContain(match[0]);
      // The data sources only where something draws on them: the audiences' evidence or the evidence chapter.
      const drawsOnData = sections.includes('who') || sections.includes('evidence');
      expect(docx.text.includes('Appendix A: Data sources')).toBe(drawsOnData);
      // Every chapter keeps its number and heading; one left out says so once, with no headings under it.
      expect(docx.headings.filter((h) => h.level === 1 && /^\d+ /.test(h.text)).map((h) => h.text)).toEqual(DOCUMENT_CHAPTERS.map((c) => `${c.number} ${c.title}`));
      expect(docx.body.filter((p) => p.text === 'Left out of this copy.').length).toBeGreaterThanOrEqual(leftOut.length);
      for (const number of leftOut) {
        const at = docx.body.findIndex((p) => p.style === 'Heading1' && p.text.startsWith(`${number} `));
        expect([undefined, 'Heading1'], `after chapter ${number}`).toContain(docx.body[at + 2]?.style);
      }
    });
  }

  it('keeps the pointer to the statements of what good looks like only when chapter 6 is in the copy', async () => {
    const aims = await readDocx(await exportWord(await makeData(fullWorkbookJson(), { sections: ['aims'] }), () => {}));
    expect(aims.text).not.toContain('What good will look like: see chapter 6');
    const both = await readDocx(await exportWord(await makeData(fullWorkbookJson(), { sections: ['aims', 'good'] }), () => {}));
    expect(both.text).toContain('What good will look like: see chapter 6, What good looks like.');
  });

  it('letters a register from A in a copy without data sources', async () => {
    const json = fullWorkbookJson();
    const T = '2026-01-01T00:00:00.000Z';
    const links = { audienceIds: [], channelIds: [], partnerIds: [], placeIds: [], eventIds: [], messageIds: [], priorityIds: [], vulnerabilityIds: [], objectiveIds: [] };
    const activity = Array.from({ length: REGISTER_THRESHOLD + 1 }, (_, n) => ({ id: `60000000-0000-4000-8000-${String(n).padStart(12, '0')}`, createdAt: T, updatedAt: T, reviewedAt: null, shareable: true, notes: '', title: `Patrol ${n}`, description: '', depth: null, recurrence: 'one-off', startDate: '2027-05-01', endDate: null, owner: '', status: 'planned', flagship: false, pilotPlan: '', rolloutPlan: '', ...links }));
    const docx = await readDocx(await exportWord(await makeData({ ...json, version: 9, records: { ...json.records, activity } }, { sections: ['plan'] }), () => {}));
    expect(docx.headings.filter((h) => h.level === 1 && h.text.startsWith('Appendix')).map((h) => h.text)).toEqual(['Appendix A: Register of activities']);
    expect(docx.text).toContain('Every one is in Appendix A: Register of activities.');
  });
});
