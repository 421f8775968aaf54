// `ewb dump` is written streamed, a page of records or geographies at a time; its bytes must be
// exactly those of the whole-document form (JSON.stringify with a two-space indent and a final
// newline), for any workbook the format can carry, with and without personal fields.
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openReadOnly } from '../../../electron/core/db/open-database.ts';
import { dumpWorkbook, interchangeToText } from '../../../electron/core/interchange/dump-workbook.ts';
import { writeInterchangeFile } from '../../../electron/core/interchange/write-interchange.ts';
import type { WorkbookInfo } from '../../../shared/api/workbook.ts';
import { interchangeDocument } from '../../helpers/interchange-arbitraries.ts';
import { tempDir } from '../../helpers/temp-dir.ts';
import { expectOk, testCore } from '../../helpers/test-core.ts';

const RUNS = process.env.EWB_LONG === '1' ? 200 : 15;

describe('the streamed dump', () => {
  it('writes byte for byte what the whole-document dump would', async () => {
    await fc.assert(
      fc.asyncProperty(interchangeDocument(true), fc.boolean(), async (doc, personal) => {
        const dir = tempDir();
        fs.writeFileSync(path.join(dir, 'in.json'), JSON.stringify(doc));
        const core = testCore();
        const info = await expectOk<WorkbookInfo>(core, 'createWorkbookFromInterchange', { path: path.join(dir, 'w.ewb'), source: path.join(dir, 'in.json'), keepId: true });
        core.closeAll();
        const db = openReadOnly(info.path);
        try {
          const out = path.join(dir, 'out.json');
          const { counts } = writeInterchangeFile(db, out, { personal });
          const whole = dumpWorkbook(db, { personal });
          expect(fs.readFileSync(out, 'utf8')).toBe(interchangeToText(whole));
          expect(counts).toEqual(Object.fromEntries(Object.entries(whole.records).map(([list, items]) => [list, (items as unknown[]).length])));
          expect(fs.readdirSync(dir).filter((name) => name.startsWith('.'))).toEqual([]);
        } finally {
          db.close();
        }
      }),
      { numRuns: RUNS, seed: 11_2026 },
    );
  }, 300_000);
});
