// The Word document's appendix "What neighbouring forces do": for each kind of audience we plan for,
// our neighbours' practice (never other forces'), a force at a time; and our audiences no force has
// recorded practice for. No appendix while the library is empty.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { WorkbookInfo } from '../../../shared/api/workbook.ts';
import { collectExportData } from '../../../electron/core/export/export-data.ts';
import { openReadOnly } from '../../../electron/core/db/open-database.ts';
import { EXPORT_PARTS } from '../../../shared/domain/sections.ts';
import { tempDir } from '../../helpers/temp-dir.ts';
import { SAMPLE_DETAILS, expectOk, testCore } from '../../helpers/test-core.ts';
import { forceWorkbook } from '../../helpers/force-workbook.ts';
import { exportOf, tableWithHeader } from '../../helpers/word-document.ts';

const ALL = EXPORT_PARTS.map((part) => part.id);

async function documentOf(file: string) {
  const db = openReadOnly(file);
  try {
    return (await exportOf(collectExportData(db, { sections: ALL, personal: false, now: new Date('2026-11-25T10:00:00Z') }))).docx;
  } finally {
    db.close();
  }
}

describe('the appendix "What neighbouring forces do"', () => {
  it('lists neighbours’ practice for the kinds of audience we plan for, and none of the others’', async () => {
    const dir = tempDir('ewb-library-word-');
    const sussex = await forceWorkbook(dir, 'sussex.ewb', 'sussex', [{ title: 'Faith leaders forum', audienceKinds: ['faith'], channelKinds: ['community-group'], depth: 'collaborate', outcome: 'improved', evidenceStrength: 'monitored', verdict: 'adopt' }], { title: 'Sussex plan', periodStart: '2026-04-01', periodEnd: '2029-03-31' });
    const cumbria = await forceWorkbook(dir, 'cumbria.ewb', 'cumbria', [{ title: 'Mosque open day', audienceKinds: ['faith'], depth: 'involve' }]);
    const core = testCore();
    const file = path.join(dir, 'kent.ewb');
    const { handle } = await expectOk<WorkbookInfo>(core, 'createWorkbook', { path: file, details: SAMPLE_DETAILS });
    await expectOk(core, 'createRecord', { handle, type: 'audience', values: { name: 'Mosque congregations', kind: 'faith', engagementState: 'unknown', priority: 'high' } });
    await expectOk(core, 'createRecord', { handle, type: 'audience', values: { name: 'Deaf residents', kind: 'deaf', engagementState: 'unknown', priority: 'high' } });
    await expectOk(core, 'closeWorkbook', { handle });
    expect((await documentOf(file)).headings.map((h) => h.text)).not.toContain('Appendix B: What neighbouring forces do');

    const reopened = await expectOk<{ info: WorkbookInfo }>(core, 'openWorkbook', { path: file });
    await expectOk(core, 'addToLibrary', { handle: reopened.info.handle, paths: [sussex.file, cumbria.file] });
    await expectOk(core, 'closeWorkbook', { handle: reopened.info.handle });
    const docx = await documentOf(file);
    const headings = docx.headings.map((h) => h.text);
    const at = headings.indexOf('Appendix B: What neighbouring forces do');
    expect(at).toBeGreaterThan(0);
    expect(headings.slice(at + 1, at + 4)).toEqual(['Faith communities', 'Deaf and hard-of-hearing people', 'Audiences no force has recorded practice for']);
    expect(tableWithHeader(docx, 'Practice', 'Channels')).toEqual([
      ['Practice', 'Channels', 'Depth', 'Outcome', 'Evidence', 'Their verdict'],
      ['Sussex Police: Sussex plan (2026-04-01 to 2029-03-31)'],
      ['Faith leaders forum', 'Link with a community group', 'Collaborate', 'Things improved', 'Monitored', 'Adopt'],
    ]);
    expect(docx.text).not.toContain('Mosque open day');
    expect(docx.text).toContain('Deaf residents (Deaf and hard-of-hearing people).');
  });
});
