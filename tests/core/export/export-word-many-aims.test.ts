// A Word export of very many records: building the document never passes a whole section to a
// function as separate arguments (130,000 aims used to end in "Maximum call stack size
// exceeded", shown as a generic error). CI runs 20,000 aims on a 100 KB stack, where the old
// code fails the same way; EWB_LONG=1 runs the 130,000 of the report on the normal stack. The body
// is written a block at a time, so the export's peak memory stays under 300 MB (docx building the
// whole document took 760 MB for 20,000 aims with a paragraph of text each).
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import yauzl from 'yauzl';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/temp-dir.ts';
import { LONG } from '../../helpers/test-scale.ts';
import { EWB, measuredNode } from '../../helpers/measured-run.ts';

const BIN = path.resolve('electron/cli/ewb.js');
const T = '2026-01-01T00:00:00.000Z';
const AIMS = LONG ? 130_000 : 20_000;
const STACK = LONG ? [] : ['--stack-size=100'];

function ewb(nodeOptions: string[], args: string[]) {
  const result = spawnSync(process.execPath, [...nodeOptions, BIN, ...args], { encoding: 'utf8', env: { ...process.env, EWB_CONFIG_DIR: tempDir('ewb-cli-config-'), EWB_DEBUG: '' }, maxBuffer: 16 * 1024 * 1024 });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

function documentXml(docx: string): Promise<string> {
  return new Promise((resolve, reject) => {
    yauzl.open(docx, { lazyEntries: true }, (error, zip) => {
      if (error || !zip) return reject(error ?? new Error('no zip'));
      zip.on('entry', (entry: yauzl.Entry) => {
        if (entry.fileName !== 'word/document.xml') return zip.readEntry();
        zip.openReadStream(entry, (streamError, stream) => {
          if (streamError || !stream) return reject(streamError ?? new Error('no stream'));
          const chunks: Buffer[] = [];
          stream.on('data', (chunk: Buffer) => chunks.push(chunk));
          stream.on('end', () => {
            zip.close();
            resolve(Buffer.concat(chunks).toString('utf8'));
          });
        });
      });
      zip.on('end', () => reject(new Error('no word/document.xml')));
      zip.readEntry();
    });
  });
}

describe(`a Word export of ${AIMS.toLocaleString('en-GB')} aims`, () => {
  it('is written, every aim in it', async () => {
    const dir = tempDir();
    const aims = Array.from({ length: AIMS }, (_, n) => ({ id: `a0000000-0000-4000-8000-${String(n).padStart(12, '0')}`, createdAt: T, updatedAt: T, reviewedAt: null, shareable: true, notes: '', title: `Aim number ${n + 1}`, description: `Why aim ${n + 1} matters. `.repeat(12) }));
    const json = path.join(dir, 'aims.json');
    fs.writeFileSync(json, JSON.stringify({ format: 'engagement-workbook', version: 3, personal: false, workbook: { id: '00000000-0000-4000-8000-000000000000', force: 'kent', title: 'Many aims', periodStart: null, periodEnd: null, versionLabel: '', marking: 'OFFICIAL', reviewDate: null, createdAt: T, modifiedAt: T }, records: { aim: aims } }));
    const file = path.join(dir, 'aims.ewb');
    const made = ewb([], ['new', file, '--from', json]);
    expect(made.code, made.err).toBe(0);
    const docx = path.join(dir, 'aims.docx');
    const exported = await measuredNode([...STACK, EWB, 'export', file, '--word', docx, '--sections', 'aims'], { env: { EWB_CONFIG_DIR: tempDir('ewb-cli-config-'), EWB_DEBUG: '' }, timeoutMs: 600_000 });
    expect(exported.stderr).toBe('');
    expect(exported.code).toBe(0);
    expect(exported.peakMb, `peak resident memory of the export of ${AIMS} aims`).toBeLessThan(300);
    const xml = await documentXml(docx);
    expect(xml).toContain(`Aim ${AIMS}: `);
    expect(xml).toContain(`Aim number ${AIMS}<`);
    // Every aim in chapter 1 (the executive summary names the first few too).
    expect(xml.slice(xml.lastIndexOf('>1 Purpose<')).split('Aim number ').length - 1).toBe(AIMS);
  }, LONG ? 600_000 : 120_000);
});
