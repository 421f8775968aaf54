// The pages before the method's chapters: document control (with the change history read from the
// change log's edits of the version label) and the executive summary generated from the workbook.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openReadOnly } from '../../../electron/core/db/open-database.ts';
import { collectExportData } from '../../../electron/core/export/export-data.ts';
import { EXPORT_SECTION_IDS } from '../../../shared/api/export.ts';
import type { WorkbookInfo } from '../../../shared/api/workbook.ts';
import { fullWorkbookJson, makeData, NOW } from '../../helpers/strategy-workbook.ts';
import { tempDir } from '../../helpers/temp-dir.ts';
import { SAMPLE_DETAILS, expectOk, testCore } from '../../helpers/test-core.ts';
import { exportOf, tableWithHeader, type ParsedDocx } from '../../helpers/word-document.ts';

const DAY = 24 * 60 * 60 * 1000;

/** The paragraphs from a heading (by text and style) up to the next heading of that level or above. */
function under(docx: ParsedDocx, title: string, style: string): string[] {
  const start = docx.body.findIndex((p) => p.text === title && p.style === style);
  expect(start, title).toBeGreaterThanOrEqual(0);
  const level = Number(style.slice(-1));
  const end = docx.body.findIndex((p, i) => i > start && /^Heading(\d)$/.test(p.style ?? '') && Number(p.style!.slice(-1)) <= level);
  return docx.body.slice(start + 1, end < 0 ? undefined : end).map((p) => p.text);
}

describe('document control', () => {
  it('names the version, date, owner, approver, marking, period and review date, and what this copy holds', async () => {
    const json = fullWorkbookJson();
    const { docx } = await exportOf(await makeData({ ...json, workbook: { ...json.workbook, owner: 'Superintendent, Neighbourhood Policing', approver: null } }));
    expect(tableWithHeader(docx, 'Item', 'Detail')).toEqual([
      ['Item', 'Detail'],
      ['Title', 'Safer Riverside: community engagement strategy'],
      ['Force', 'Kent Police'],
      ['Version', 'Draft 2'],
      ['Date of this copy', '25 November 2026'],
      ['Owner', 'Superintendent, Neighbourhood Policing'],
      ['Approved by', 'To be confirmed'],
      ['Protective marking', 'OFFICIAL-SENSITIVE'],
      ['Strategy period', '1 April 2027 to 31 March 2030'],
      ['Next review', '1 October 2027'],
      ['This copy', 'The whole strategy, without personal data (names and contact details of people are left out).'],
    ]);
    // It comes straight after the cover, before the contents.
    const control = docx.body.findIndex((p) => p.text === 'Document control');
    expect(control).toBeGreaterThan(docx.body.findIndex((p) => p.text === 'Prepared with Engagement Workbook'));
    expect(control).toBeLessThan(docx.body.findIndex((p) => p.text === 'Contents'));

    const partial = await exportOf(await makeData(json, { sections: ['aims', 'good'], personal: true }));
    const rows = new Map(tableWithHeader(partial.docx, 'Item', 'Detail').map(([item, detail]) => [item, detail]));
    expect(rows.get('Author')).toBe('Alex Planner');
    expect(rows.get('This copy')).toBe('Only Purpose: aims and objectives; What good looks like (the other chapters keep their headings and say they were left out), with personal data: handle it as such.');
  });

  it('lists the change history from the version labels in the change log, leaving out labels that were being typed', async () => {
    let now = Date.parse('2026-03-02T09:00:00.000Z');
    const core = testCore({ clock: () => new Date(now) });
    const file = path.join(tempDir(), 'w.ewb');
    const info = await expectOk<WorkbookInfo>(core, 'createWorkbook', { path: file, details: { ...SAMPLE_DETAILS, versionLabel: 'Draft 1' } });
    const label = async (versionLabel: string, after: number) => {
      now += after;
      await expectOk(core, 'updateWorkbookDetails', { handle: info.handle, changes: { versionLabel } });
    };
    await label('Draft', 14 * DAY);
    // Saved as the planner typed: "Draft" stood for a minute, so it was never a version.
    await label('Draft 2', 60 * 1000);
    now += DAY;
    await expectOk(core, 'updateWorkbookDetails', { handle: info.handle, changes: { title: 'A new title' } });
    await label('Version 1.0', 30 * DAY);
    now += DAY;
    await expectOk(core, 'undo', { handle: info.handle });
    now += DAY;
    await expectOk(core, 'redo', { handle: info.handle });
    await expectOk(core, 'closeWorkbook', { handle: info.handle });
    const db = openReadOnly(file);
    const data = collectExportData(db, { sections: EXPORT_SECTION_IDS, personal: false, now: NOW });
    db.close();
    expect(data.versions.map((v) => [v.label, v.at.slice(0, 10)])).toEqual([
      ['Draft 1', '2026-03-02'],
      ['Draft 2', '2026-03-16'],
      ['Version 1.0', '2026-04-16'],
      ['Draft 2', '2026-04-17'],
      ['Version 1.0', '2026-04-18'],
    ]);
    const { docx } = await exportOf(data);
    expect(tableWithHeader(docx, 'Version', 'From')).toEqual([
      ['Version', 'From'],
      ['Draft 1', '2 March 2026'],
      ['Draft 2', '16 March 2026'],
      ['Version 1.0', '16 April 2026'],
      ['Draft 2', '17 April 2026'],
      ['Version 1.0', '18 April 2026'],
    ]);
    core.closeAll();
  });
});

describe('the executive summary', () => {
  it('gives the aims, the priority audiences (high and medium) and where they stand, and the main gaps', async () => {
    const { docx } = await exportOf(await makeData(fullWorkbookJson()));
    const summary = under(docx, 'Executive summary', 'Heading1');
    expect(summary[0]).toBe('This strategy sets out how Kent Police will engage the communities of City from 1 April 2027 to 31 March 2030.');
    expect(under(docx, 'Aims', 'Heading3')).toEqual([
      'The strategy has 2 aims, served by 3 objectives (chapter 1, Purpose):',
      'Build trust with communities we rarely hear from (2 objectives)',
      'Make engagement part of every team’s week (1 objective)',
    ]);
    // The low-priority audience is not among them.
    expect(under(docx, 'Priority audiences', 'Heading3')).toEqual([
      'Of the 3 audiences we will engage, 1 is high priority and 1 medium. Where we stand with these 2 now: 1 receptive, 1 hard to reach.',
      'Young people — high priority, hard to reach',
      'Bangladeshi families — medium priority, receptive',
      'Every audience is in chapter 2, Who we will engage.',
    ]);
    expect(tableWithHeader(docx, 'Gap', 'How many')).toEqual([
      ['Gap', 'How many'],
      // Riverside's and City's Asian residents (a citation of Bangladeshi covers only Bangladeshi; White, the largest group, is left out).
      ['A priority audience has no channel marked yes', '2'],
      ['A priority audience has no live message', '2'],
      ['A census group makes up a notable share of an area but no audience covering it is linked to it', '2'],
      ['An area has no asset', '1'],
      ['An audience has no evidence recorded with its source', '1'],
      ['An objective has no date to be met by', '1'],
    ]);
    // Chapter 1 follows it, on a page of its own.
    const purpose = docx.body.findIndex((p) => p.text === '1 Purpose');
    expect(docx.document.slice(docx.document.indexOf('The main gaps'), docx.document.lastIndexOf('>1 Purpose<'))).toContain('<w:br w:type="page"/>');
    expect(purpose).toBeGreaterThan(0);
  });

  it('names at most twelve priority audiences and counts the rest; leaves out what this copy leaves out', async () => {
    const json = fullWorkbookJson();
    const many = Array.from({ length: 30 }, (_, n) => ({ ...json.records.audience[0]!, id: `e1000000-0000-4000-8000-${String(n).padStart(12, '0')}`, name: `Audience ${String(n).padStart(2, '0')}`, areaIds: [], priority: n % 2 === 0 ? 'high' : 'medium' }));
    const { docx } = await exportOf(await makeData({ ...json, records: { aim: json.records.aim, objective: json.records.objective, audience: many } }));
    const lines = under(docx, 'Priority audiences', 'Heading3');
    expect(lines[0]).toBe('Of the 30 audiences we will engage, 15 are high priority and 15 medium. Where we stand with these 30 now: 30 hard to reach.');
    // High priority first, then by name.
    expect(lines.slice(1, 13)).toEqual(['00', '02', '04', '06', '08', '10', '12', '14', '16', '18', '20', '22'].map((n) => `Audience ${n} — high priority, hard to reach`));
    expect(lines[13]).toBe('… and 18 more priority audiences: every audience is in chapter 2, Who we will engage.');

    const aimsOnly = await exportOf(await makeData(json, { sections: ['aims'] }));
    expect(under(aimsOnly.docx, 'Priority audiences', 'Heading3')).toEqual(['Left out of this copy.']);
    expect(under(aimsOnly.docx, 'The main gaps', 'Heading3')[0]).toBe('The workbook shows 1 open gap in the sections of this copy, the most common first; the Excel workbook’s Summary lists each one.');
  });
});
