// Undo and redo over every kind of change the workbook has — records, the details, section
// completion, settings, the logo, evidence links, census imports (new and replacing), removing a
// census table, an LSOA lookup, cells of the receptivity grid, contact-list imports (with merges),
// police.uk crime imports (new and replacing force-months, and refused files), citations of crime
// trends and the WHAT edits that move workbook-wide gaps (messages going live or off a channel,
// flagships, activities answering vulnerabilities) — in long random sequences, checked against a
// model: every undo gives back the whole workbook as it was before that change, every redo as it
// was after.
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RECORD_TYPES, RECORD_TYPE_NAMES, SECTION_IDS } from '../../../shared/domain/record-types.ts';
import type { WorkbookInfo } from '../../../shared/api/workbook.ts';
import type { AppCore } from '../../../electron/core/create-app-core.ts';
import { tempDir } from '../../helpers/temp-dir.ts';
import { seededRandom, type SeededRandom } from '../../helpers/seeded-random.ts';
import { scaled, suiteSeed, timeoutFor } from '../../helpers/test-scale.ts';
import { SAMPLE_DETAILS, expectOk, testCore } from '../../helpers/test-core.ts';
import { runChange, sentence, type Snapshot } from '../../helpers/record-ops.ts';
import { openReadOnly } from '../../../electron/core/db/open-database.ts';
import { computeGaps, sectionStates } from '../../../electron/core/gaps/compute-gaps.ts';
import { streetCsv, TYPES, type StreetRow } from '../../helpers/police-csv.ts';
import { CRIME_TYPES } from '../../../shared/domain/crime-types.ts';
import { forceWorkbook } from '../../helpers/force-workbook.ts';

const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures/census');
const CENSUS_FILES = ['census2021-ts021-lsoa.csv', 'census2021-ts007a-ltla.csv'];
const TINY_PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

type Kind = 'record' | 'what' | 'details' | 'section' | 'setting' | 'logo' | 'link' | 'unlink' | 'import' | 'remove' | 'lookup' | 'grid' | 'contacts' | 'crime' | 'cite' | 'uncite' | 'library' | 'unlibrary' | 'adopt' | 'undo' | 'redo';
interface Op {
  kind: Kind;
  seed: number;
}

interface World {
  records: Snapshot;
  details: Record<string, unknown>;
  logo: unknown;
  sections: unknown;
  settings: unknown;
  tables: unknown;
  figures: unknown;
  links: unknown;
  grid: unknown;
  crimeBatches: unknown;
  crimeCounts: unknown;
  trendLinks: unknown;
  library: unknown;
}

/**
 * The open workbook's gaps and section states, kept up to date write by write, must always be what
 * working them out from scratch gives.
 */
async function expectDerivedUpToDate(core: ReturnType<typeof testCore>, handle: string, file: string): Promise<void> {
  const db = openReadOnly(file);
  try {
    const fresh = computeGaps(db, core.deps.clock());
    expect(await expectOk(core, 'listGaps', { handle }), 'gaps kept up to date').toEqual(fresh);
    expect(await expectOk(core, 'listSectionStates', { handle }), 'section states kept up to date').toEqual(sectionStates(db, fresh));
  } finally {
    db.close();
  }
}

async function worldOf(core: AppCore, handle: string): Promise<World> {
  const records = {} as Snapshot;
  for (const type of RECORD_TYPE_NAMES) {
    const linkNames = RECORD_TYPES[type].links.map((link) => link.name);
    // Undo stamps its own edit time, and a restored link comes back at the end of its list.
    records[type] = (await expectOk<{ records: Snapshot[typeof type] }>(core, 'listRecords', { handle, type })).records.map(({ updatedAt: _updated, ...rest }) => {
      const copy: Record<string, unknown> = { ...rest };
      for (const name of linkNames) copy[name] = [...((copy[name] as string[] | undefined) ?? [])].sort();
      return copy as Snapshot[typeof type][number];
    });
  }
  const { meta } = await expectOk<WorkbookInfo>(core, 'getWorkbook', { handle });
  const { modifiedAt: _modified, appVersion: _app, ...details } = meta;
  return {
    records,
    details,
    logo: await expectOk(core, 'getWorkbookLogo', { handle }),
    sections: (await expectOk<Array<{ section: string; completedAt: string | null }>>(core, 'listSectionStates', { handle })).map((s) => [s.section, s.completedAt]),
    settings: await expectOk(core, 'getSettings', { handle }),
    tables: await expectOk(core, 'listCensusTables', { handle }),
    figures: await expectOk(core, 'listCensusFigures', { handle }),
    links: await expectOk(core, 'listEvidenceLinks', { handle }),
    library: await expectOk(core, 'listLibrary', { handle }),
    grid: await expectOk(core, 'listReceptivity', { handle }),
    crimeBatches: (await expectOk<{ batches: unknown }>(core, 'getCrimeSummary', { handle })).batches,
    crimeCounts: await expectOk(core, 'listLsoaCrimeCounts', { handle, lsoaLimit: 10_000 }),
    trendLinks: await expectOk(core, 'listCrimeTrendLinks', { handle }),
  };
}

const CRIME_FORCES = ['Kent Police', 'Essex Police', 'Hampshire Constabulary'];
const CRIME_MONTHS = ['2024-01', '2024-02', '2024-03'];

/** A police.uk file of a force's month (now and then two months, or a bad row so the file is refused). */
function crimeFile(dir: string, rnd: SeededRandom): string {
  const force = rnd.pick(CRIME_FORCES);
  const months = rnd.next() < 0.2 ? rnd.sample(CRIME_MONTHS, 2) : [rnd.pick(CRIME_MONTHS)];
  const rows: StreetRow[] = Array.from({ length: rnd.int(1, 30) }, () => ({ month: rnd.pick(months), force, lsoa: rnd.next() < 0.1 ? '' : `E0100000${rnd.int(1, 4)}`, type: rnd.pick(TYPES) }));
  const file = path.join(dir, `${months[0]}-crime-street.csv`);
  fs.writeFileSync(file, `${streetCsv(rows)}${rnd.next() < 0.15 ? `x,${months[0]},${force},${force},0,0,On or near X,E01000001,A,Knitting,,\n` : ''}`);
  return file;
}

/** A census file to import: one of the fixtures, sometimes with one count changed so a re-import differs. */
function censusFile(dir: string, rnd: SeededRandom): string {
  const name = rnd.pick(CENSUS_FILES);
  const lines = fs.readFileSync(path.join(FIXTURES, name), 'utf8').split(/\r?\n/);
  const row = rnd.int(1, lines.filter(Boolean).length - 1);
  const cells = lines[row]!.split(',');
  const last = cells.length - 1;
  cells[last] = String(Number(cells[last]) + rnd.int(0, 3));
  lines[row] = cells.join(',');
  const file = path.join(dir, name);
  fs.writeFileSync(file, lines.join('\n'));
  return file;
}

/**
 * A contact list to import: some rows name partners or assets already recorded (in another case, or
 * by their email), some are new, some repeat an earlier row; one row may have no name.
 */
function contactList(dir: string, rnd: SeededRandom, world: World, handle: string) {
  const target = rnd.pick(['partner', 'asset'] as const);
  const nameField = target === 'partner' ? 'organisation' : 'name';
  const known = world.records[target];
  const rows: string[][] = [];
  for (let i = rnd.int(1, 4); i > 0; i -= 1) {
    const pick = rnd.next();
    const old = known.length > 0 && pick < 0.4 ? rnd.pick(known) : null;
    const earlier = rows.length > 0 && pick >= 0.4 && pick < 0.55 ? rnd.pick(rows) : null;
    const name = old ? String(old[nameField]).toUpperCase() : earlier ? ` ${earlier[0]} ` : pick > 0.95 ? '' : sentence(rnd, 200);
    const email = old && rnd.next() < 0.3 && old.email ? String(old.email) : rnd.next() < 0.5 ? `${rnd.int(1, 9999)}@example.org` : '';
    rows.push([name, email, rnd.next() < 0.5 ? `01632 ${rnd.int(100000, 999999)}` : '', rnd.next() < 0.5 ? sentence(rnd, 200) : '']);
  }
  const quote = (cell: string) => `"${cell.replaceAll('"', '""')}"`;
  const file = path.join(dir, 'contacts.csv');
  fs.writeFileSync(file, ['Name,Email,Phone,Notes', ...rows.map((row) => row.map(quote).join(','))].join('\n'));
  const columns = [
    { field: nameField, column: 'Name' },
    { field: 'email', column: 'Email' },
    { field: 'phone', column: 'Phone' },
    { field: 'notes', column: 'Notes' },
  ];
  return { handle, source: file, target, columns, apply: true };
}

/** Messages two by two in other words, and one that asks something else: rewording into them makes and breaks near-duplicate pairs. */
const NEAR_DUPLICATE_TEXTS = [
  'Burglaries are up in Hythe. Please lock all doors and windows, even when you are at home.',
  "Even when you're in, keep your doors and windows locked: there have been more break-ins in Hythe recently.",
  'Scam callers are targeting older residents. Your bank will never ask you to move money: hang up and call back.',
  'Banks never ask you to transfer money. If a caller claiming to be your bank asks, end the call and ring your bank.',
  'Join Community Speedwatch in Lydd and help us slow drivers down.',
];

/** Runs one op other than undo and redo; answers whether it was accepted. */
async function runOp(core: AppCore, handle: string, dir: string, op: Op, world: World): Promise<boolean> {
  const rnd = seededRandom(op.seed);
  const call = async (method: string, request: unknown): Promise<boolean> => {
    const result = await core.call(method, request);
    if (!result.ok && !['invalid-input', 'not-found'].includes(result.error.code)) throw new Error(`${method}: ${result.error.code}: ${result.error.message}`);
    return result.ok;
  };
  const tables = world.tables as Array<{ id: string; categories: Array<{ name: string; isTotal: boolean }> }>;
  switch (op.kind) {
    case 'record':
      return runChange(core, handle, { kind: rnd.pick(['create', 'create', 'update', 'delete'] as const), type: rnd.pick(RECORD_TYPE_NAMES), seed: op.seed }, world.records);
    case 'what': {
      // The WHAT edits that move workbook-wide gaps: a message going live or off a channel, a flagship
      // marked or unmarked, an activity answering a vulnerability, a message reworded into (or out of)
      // a near-duplicate of another.
      const { message: messages, activity: activities, vulnerability: vulnerabilities, audience: audiences, channel: channels } = world.records;
      const choice = rnd.int(0, 4);
      if (choice === 4 && messages.length > 0) return call('updateRecord', { handle, type: 'message', id: rnd.pick(messages).id, changes: { text: rnd.pick(NEAR_DUPLICATE_TEXTS) } });
      if (choice === 0 && messages.length > 0) return call('updateRecord', { handle, type: 'message', id: rnd.pick(messages).id, changes: { status: rnd.pick(['draft', 'live', 'retired']), audienceIds: rnd.sample(audiences.map((a) => a.id), rnd.int(0, 2)) } });
      if (choice === 1 && messages.length > 0) return call('updateRecord', { handle, type: 'message', id: rnd.pick(messages).id, changes: { channelIds: rnd.sample(channels.map((c) => c.id), rnd.int(0, 2)), qualityCheck: Object.fromEntries(['consistent', 'appropriate', 'challenging', 'tailored', 'specific', 'interesting'].map((id) => [id, { pass: rnd.next() < 0.8, note: '' }])) } });
      if (choice === 2 && activities.length > 0) return call('updateRecord', { handle, type: 'activity', id: rnd.pick(activities).id, changes: { flagship: rnd.next() < 0.7, pilotPlan: rnd.next() < 0.5 ? '' : sentence(rnd, 200) } });
      if (activities.length > 0) return call('updateRecord', { handle, type: 'activity', id: rnd.pick(activities).id, changes: { vulnerabilityIds: rnd.sample(vulnerabilities.map((v) => v.id), rnd.int(0, 2)) } });
      return runChange(core, handle, { kind: 'create', type: rnd.pick(['message', 'priority', 'activity'] as const), seed: op.seed }, world.records);
    }
    case 'details':
      return call('updateWorkbookDetails', { handle, changes: rnd.pick([{ title: sentence(rnd, 200) }, { author: rnd.next() < 0.5 ? null : sentence(rnd, 200) }, { marking: rnd.pick(['OFFICIAL', 'OFFICIAL-SENSITIVE']) }, { reviewDate: rnd.next() < 0.5 ? null : '2028-01-31' }]) });
    case 'section':
      return call('setSectionCompleted', { handle, section: rnd.pick([...SECTION_IDS]), completed: rnd.next() < 0.6 });
    case 'setting':
      return call('changeSettings', { handle, changes: rnd.pick([{ whoIsMissingThreshold: rnd.int(1, 50) / 100 }, { whoIsMissingLargestGroup: rnd.int(0, 1) }, { changeRetentionDays: rnd.int(1, 3650) }]) });
    case 'logo': {
      const file = path.join(dir, 'logo.png');
      fs.writeFileSync(file, Buffer.from(TINY_PNG, 'base64'));
      return call('setWorkbookLogo', { handle, source: rnd.next() < 0.6 ? file : null });
    }
    case 'link': {
      const audiences = world.records.audience;
      const categories = tables.flatMap((t) => t.categories.filter((c) => !c.isTotal).map((c) => [t.id, c.name] as const));
      if (audiences.length === 0 || categories.length === 0) return false;
      const [tableId, category] = rnd.pick(categories);
      const areas = world.records.area;
      const areaId = areas.length > 0 && rnd.next() < 0.5 ? rnd.pick(areas).id : null;
      return call('linkEvidence', { handle, audienceId: rnd.pick(audiences).id, tableId, areaId, category });
    }
    case 'unlink': {
      const links = world.links as Array<{ id: string }>;
      return links.length > 0 && call('unlinkEvidence', { handle, id: rnd.pick(links).id });
    }
    case 'import':
      return call('importCensus', { handle, source: censusFile(dir, rnd) });
    case 'remove':
      return tables.length > 0 && call('deleteCensusTable', { handle, tableId: rnd.pick(tables).id });
    case 'lookup': {
      const areas = world.records.area;
      if (areas.length === 0) return false;
      const area = rnd.pick(areas);
      const file = path.join(dir, 'lookup.csv');
      const codes = Array.from({ length: rnd.int(1, 3) }, () => `E01${String(rnd.int(0, 999_999)).padStart(6, '0')}`);
      fs.writeFileSync(file, ['LSOA21CD,WD22NM', ...codes.map((code) => `${code},${String(area.name)}`)].join('\n'));
      return call('importAreaLookup', { handle, source: file });
    }
    case 'grid': {
      const audiences = world.records.audience;
      const channels = world.records.channel;
      if (audiences.length === 0 || channels.length === 0) return false;
      const value = rnd.pick(['yes', 'partly', 'no', 'unknown'] as const);
      const note = rnd.next() < 0.3 ? '' : sentence(rnd, 200);
      const change = rnd.pick([{ value }, { value }, { note }, { value, note }]);
      return call('setReceptivity', { handle, audienceId: rnd.pick(audiences).id, channelId: rnd.pick(channels).id, ...change });
    }
    case 'contacts':
      return call('importContacts', contactList(dir, rnd, world, handle));
    case 'crime':
      return call('importCrime', { handle, sources: [crimeFile(dir, rnd)] });
    case 'cite': {
      const audiences = world.records.audience;
      const areas = world.records.area;
      const byAudience = audiences.length > 0 && (areas.length === 0 || rnd.next() < 0.6);
      if (!byAudience && areas.length === 0) return false;
      return call('linkCrimeTrend', {
        handle,
        audienceId: byAudience ? rnd.pick(audiences).id : null,
        citingAreaId: byAudience ? null : rnd.pick(areas).id,
        areaId: areas.length > 0 && rnd.next() < 0.5 ? rnd.pick(areas).id : null,
        crimeType: rnd.pick(CRIME_TYPES.slice(0, 4)).id,
        comparison: rnd.pick(['previous', 'year-before']),
      });
    }
    case 'library':
      // Two files of one workbook (the second a newer copy, replacing it) and another force's.
      return call('addToLibrary', { handle, paths: [rnd.pick(libraryFiles)] });
    case 'unlibrary': {
      const entries = world.library as Array<{ id: string }>;
      return entries.length > 0 && call('removeFromLibrary', { handle, entryId: rnd.pick(entries).id });
    }
    case 'adopt': {
      const comparison = await expectOk<{ rows: Array<{ entryId: string | null; practiceId: string }> }>(core, 'comparePractice', { handle, query: { audienceKind: 'faith' } });
      const theirs = comparison.rows.filter((row) => row.entryId !== null);
      if (theirs.length === 0) return false;
      const row = rnd.pick(theirs);
      return call('adoptPractice', { handle, entryId: row.entryId, practiceId: row.practiceId, verdict: rnd.pick(['adopt', 'adapt']) });
    }
    case 'uncite': {
      const links = world.trendLinks as Array<{ id: string }>;
      return links.length > 0 && call('unlinkCrimeTrend', { handle, id: rnd.pick(links).id });
    }
    default:
      throw new Error(`not a change: ${op.kind}`);
  }
}

const KINDS: Array<{ weight: number; kind: Kind }> = [
  { weight: 6, kind: 'record' },
  { weight: 2, kind: 'what' },
  { weight: 1, kind: 'details' },
  { weight: 2, kind: 'section' },
  { weight: 1, kind: 'setting' },
  { weight: 1, kind: 'logo' },
  { weight: 2, kind: 'link' },
  { weight: 1, kind: 'unlink' },
  { weight: 2, kind: 'import' },
  { weight: 1, kind: 'remove' },
  { weight: 1, kind: 'lookup' },
  { weight: 3, kind: 'grid' },
  { weight: 1, kind: 'contacts' },
  { weight: 2, kind: 'crime' },
  { weight: 2, kind: 'cite' },
  { weight: 1, kind: 'uncite' },
  { weight: 2, kind: 'library' },
  { weight: 1, kind: 'unlibrary' },
  { weight: 1, kind: 'adopt' },
  { weight: 3, kind: 'undo' },
  { weight: 2, kind: 'redo' },
];

const opsArbitrary = (length: number) =>
  fc.array(fc.record({ kind: fc.oneof(...KINDS.map(({ weight, kind }) => ({ weight, arbitrary: fc.constant(kind) }))), seed: fc.integer({ min: 0, max: 0x7fffffff }) }), { minLength: Math.ceil(length / 2), maxLength: length });

/** Workbooks of other forces for the library: Sussex's, a newer copy of it (same id), and Cumbria's. */
let libraryFiles: string[] = [];

async function makeLibraryFiles(dir: string): Promise<string[]> {
  const sussex = await forceWorkbook(dir, 'sussex.ewb', 'sussex', [{ title: 'Faith leaders forum', audienceKinds: ['faith'], depth: 'collaborate' }]);
  const newer = path.join(dir, 'sussex-newer.ewb');
  const core = testCore();
  const opened = await expectOk<{ info: WorkbookInfo }>(core, 'openWorkbook', { path: sussex.file });
  await expectOk(core, 'createRecord', { handle: opened.info.handle, type: 'practice', values: { title: 'Mosque open day', origin: 'our-now', audienceKinds: ['faith'] } });
  await expectOk(core, 'saveWorkbookCopy', { handle: opened.info.handle, destination: newer });
  core.closeAll();
  const cumbria = await forceWorkbook(dir, 'cumbria.ewb', 'cumbria', [{ title: 'Farm watch', audienceKinds: ['faith', 'rural-villages'], depth: 'involve' }]);
  return [sussex.file, newer, cumbria.file];
}

const RUNS = scaled(12, 60);
/** How many changes of each kind the runs made: each kind must have been exercised. */
const changed = new Map<Kind, number>();
const LENGTH = scaled(50, 160);

describe('undo and redo of every kind of change (seeded; EWB_LONG=1 for more and longer)', () => {
  it(
    'every undo gives back the whole workbook as it was before its change, every redo as it was after, to the very start and back',
    async () => {
      libraryFiles = await makeLibraryFiles(tempDir('ewb-undo-library-'));
      await fc.assert(
        fc.asyncProperty(opsArbitrary(LENGTH), async (ops) => {
          const core = testCore();
          const dir = tempDir();
          const { handle, path: file } = await expectOk<WorkbookInfo>(core, 'createWorkbook', { path: path.join(dir, 'Every kind.ewb'), details: SAMPLE_DETAILS });
          try {
            const start = await worldOf(core, handle);
            const undoStack: World[] = [];
            const redoStack: World[] = [];
            let current = start;
            // Something to link and look up from the start: an area, an audience in it, a census table.
            const area = await expectOk<{ id: string }>(core, 'createRecord', { handle, type: 'area', values: { name: 'Riverside ward' } });
            undoStack.push(current);
            current = await worldOf(core, handle);
            await expectOk(core, 'createRecord', { handle, type: 'audience', values: { name: 'Young people', kind: 'young-people', engagementState: 'hard-to-reach', priority: 'high', areaIds: [area.id] } });
            undoStack.push(current);
            current = await worldOf(core, handle);
            await expectOk(core, 'importCensus', { handle, source: path.join(FIXTURES, CENSUS_FILES[0]!) });
            undoStack.push(current);
            current = await worldOf(core, handle);
            await expectOk(core, 'createRecord', { handle, type: 'channel', values: { name: 'Riverside Alert', kind: 'community-messaging', status: 'have' } });
            undoStack.push(current);
            current = await worldOf(core, handle);
            for (const op of ops) {
              const before = current;
              if (op.kind === 'undo' || op.kind === 'redo') {
                const answer = await expectOk<{ change: unknown }>(core, op.kind, { handle });
                current = await worldOf(core, handle);
                await expectDerivedUpToDate(core, handle, file);
                const [from, to] = op.kind === 'undo' ? [undoStack, redoStack] : [redoStack, undoStack];
                const expected = from.pop();
                if (expected === undefined) {
                  expect(answer.change, op.kind).toBeNull();
                  expect(current).toEqual(before);
                } else {
                  expect(current, `${op.kind} after ${JSON.stringify(answer.change)}`).toEqual(expected);
                  to.push(before);
                }
                continue;
              }
              const accepted = await runOp(core, handle, dir, op, before);
              current = await worldOf(core, handle);
              await expectDerivedUpToDate(core, handle, file);
              if (accepted && JSON.stringify(current) !== JSON.stringify(before)) {
                changed.set(op.kind, (changed.get(op.kind) ?? 0) + 1);
                undoStack.push(before);
                redoStack.length = 0;
              } else {
                expect(current, op.kind).toEqual(before);
              }
            }
            // Redo what is left, then undo every step to the start and redo every step to the end,
            // checking the whole workbook after each.
            while (redoStack.length > 0) {
              undoStack.push(current);
              await expectOk(core, 'redo', { handle });
              current = await worldOf(core, handle);
              expect(current).toEqual(redoStack.pop());
            }
            const after: World[] = [];
            while (undoStack.length > 0) {
              after.push(current);
              expect((await expectOk<{ change: unknown }>(core, 'undo', { handle })).change).not.toBeNull();
              current = await worldOf(core, handle);
              expect(current, 'undoing all').toEqual(undoStack.pop());
            }
            expect(current).toEqual(start);
            expect(await expectOk(core, 'undo', { handle })).toMatchObject({ change: null });
            while (after.length > 0) {
              expect((await expectOk<{ change: unknown }>(core, 'redo', { handle })).change).not.toBeNull();
              current = await worldOf(core, handle);
              expect(current, 'redoing all').toEqual(after.pop());
            }
            expect(await expectOk(core, 'redo', { handle })).toMatchObject({ change: null });
          } finally {
            core.closeAll();
          }
        }),
        { numRuns: RUNS, seed: suiteSeed(20261129) },
      );
      // Every kind of change was made (and so undone and redone) at least once.
      for (const { kind } of KINDS) if (kind !== 'undo' && kind !== 'redo') expect(changed.get(kind) ?? 0, kind).toBeGreaterThan(0);
    },
    timeoutFor(RUNS * LENGTH, 120),
  );
});
