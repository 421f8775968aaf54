// fast-check generators for valid interchange documents: the round-trip property's inputs.
import { CRIME_TYPE_IDS } from '../../shared/domain/crime-types.ts';
import { TREND_COMPARISONS } from '../../shared/api/crime.ts';
import fc from 'fast-check';
import { FORCES } from '../../shared/domain/forces.ts';
import { AUDIENCE_KINDS, CHANNEL_KINDS, ENGAGEMENT_DEPTHS, EVIDENCE_STRENGTHS, PRACTICE_OUTCOMES, VERDICTS } from '../../shared/domain/vocabularies.ts';
import { PROTECTIVE_MARKINGS } from '../../shared/domain/markings.ts';
import { INTERCHANGE_VERSION, type Interchange } from '../../shared/api/interchange.ts';
import { RECORD_TYPES, RECORD_TYPE_NAMES, SECTION_IDS, type FieldDef, type RecordTypeName } from '../../shared/domain/record-types.ts';

const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** Any text a planner could type: all of Unicode, less control characters, within `max`. */
export function text(max: number, required = false): fc.Arbitrary<string> {
  return fc
    .string({ unit: fc.oneof(fc.constantFrom('a', 'Z', ' ', 'é', '—', '’', '\n', '"', '<', '&', '😀', 'ŵ'), fc.string({ unit: 'grapheme', maxLength: 1 })), maxLength: max })
    .map((s) => s.replace(CONTROL, '').slice(0, max))
    .filter((s) => s.isWellFormed() && s.length <= max && (!required || s.trim().length > 0));
}

export const calendarDate = fc
  .integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2060, 11, 31) })
  .map((ms) => new Date(ms).toISOString().slice(0, 10));

export const timestamp = fc
  .integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2040, 0, 1) })
  .map((ms) => new Date(ms).toISOString());

export const period = fc
  .option(fc.tuple(calendarDate, calendarDate).filter(([a, b]) => a !== b).map(([a, b]): [string, string] => (a < b ? [a, b] : [b, a])))
  .map((pair) => (pair ? { periodStart: pair[0], periodEnd: pair[1] } : { periodStart: null, periodEnd: null }));

function fieldValue(field: FieldDef, ids: Record<RecordTypeName, string[]>, ownIndex: number): fc.Arbitrary<unknown> {
  const vocab = (field.vocabulary ?? []).map((item) => item.id);
  switch (field.kind) {
    case 'text':
    case 'longText':
      return text(Math.min(field.max ?? 200, 120), Boolean(field.required));
    case 'date':
      return field.required ? calendarDate : fc.option(calendarDate, { nil: null });
    case 'enum':
      // A value only one record may hold: each record of the type takes its own (at most three are made).
      if (field.unique) return fc.constant(vocab[ownIndex % vocab.length]);
      return field.required ? fc.constantFrom(...vocab) : fc.option(fc.constantFrom(...vocab), { nil: null });
    case 'enumList':
      return fc.subarray(vocab);
    case 'integer':
      return fc.option(fc.integer({ min: field.min ?? 0, max: Math.min(field.max ?? 5_000_000, 5_000_000) }), { nil: null });
    case 'boolean':
      return fc.boolean();
    case 'checklist':
      return fc.record(Object.fromEntries((field.checks ?? []).map((check) => [check.id, fc.record({ pass: fc.constantFrom(true, false, null), note: text(60) })])));
    case 'codeList':
      return fc.uniqueArray(fc.integer({ min: 0, max: 999_999 }).map((n) => `E01${String(n).padStart(6, '0')}`), { maxLength: 5 });
    case 'ref': {
      // Self-references point only at earlier records, so an area is never inside itself.
      const pool = field.target === undefined ? [] : field.target === 'area' ? ids.area.slice(0, ownIndex) : ids[field.target];
      if (field.required) return fc.constantFrom(...pool);
      return pool.length ? fc.option(fc.constantFrom(...pool), { nil: null }) : fc.constant(null);
    }
  }
}

/** Records of every type, linked to each other at random, personal fields only when asked for. */
export function recordsArbitrary(personal: boolean): fc.Arbitrary<Interchange['records']> {
  const counts = fc.record(Object.fromEntries(RECORD_TYPE_NAMES.map((type) => [type, fc.uniqueArray(fc.uuid({ version: 4 }), { maxLength: 3 })])) as Record<RecordTypeName, fc.Arbitrary<string[]>>);
  return counts.chain((generated) => {
    const ids = { ...generated } as Record<RecordTypeName, string[]>;
    const all = new Set<string>();
    for (const type of RECORD_TYPE_NAMES) ids[type] = ids[type].filter((id) => (all.has(id) ? false : (all.add(id), true)));
    if (ids.aim.length === 0) ids.objective = []; // an objective needs an aim
    const perType = RECORD_TYPE_NAMES.map((type) => {
      const def = RECORD_TYPES[type];
      const records = ids[type].map((id, index) => {
        const shape: Record<string, fc.Arbitrary<unknown>> = {
          createdAt: timestamp,
          updatedAt: timestamp,
          reviewedAt: fc.option(calendarDate, { nil: null }),
          shareable: fc.boolean(),
          notes: text(80),
        };
        for (const field of def.fields) if (personal || !(field.personal || field.specialCategory)) shape[field.name] = fieldValue(field, ids, index);
        for (const link of def.links) shape[link.name] = fc.subarray(ids[link.target]);
        return fc.record(shape).map((values) => ({ id, ...values }));
      });
      // A dump lists records oldest first (ties by id): generate them in that order.
      const byAge = (a: Record<string, unknown>, b: Record<string, unknown>) => String(a.createdAt).localeCompare(String(b.createdAt)) || String(a.id).localeCompare(String(b.id));
      return fc.tuple(...records).map((list) => [type, [...list].sort(byAge)] as const);
    });
    const completions = fc.subarray([...SECTION_IDS]).chain((sections) => fc.tuple(...sections.map((section) => timestamp.map((completedAt) => ({ section, completedAt })))));
    const census = censusArbitrary(ids.audience, ids.area);
    const receptivity = receptivityArbitrary(ids.audience, ids.channel);
    return fc
      .tuple(fc.tuple(...perType), completions, census, receptivity)
      .map(([entries, sectionCompletions, extra, cells]) => ({ ...Object.fromEntries(entries), sectionCompletions: [...sectionCompletions].sort((a, b) => a.section.localeCompare(b.section)), ...extra, receptivity: cells }) as unknown as Interchange['records']);
  });
}

/** Cells of the receptivity grid for some audience–channel pairs, in the order a dump lists them; never unknown without a note. */
function receptivityArbitrary(audienceIds: string[], channelIds: string[]) {
  const pairs = audienceIds.flatMap((audienceId) => channelIds.map((channelId) => ({ audienceId, channelId })));
  if (pairs.length === 0) return fc.constant([]);
  const cell = (pair: { audienceId: string; channelId: string }) =>
    fc.record({ value: fc.constantFrom('yes', 'partly', 'no', 'unknown'), note: text(60) }).map(({ value, note }) => ({ ...pair, value, note: value === 'unknown' && note === '' ? 'Asked at the youth forum; no answer yet' : note }));
  return fc.subarray(pairs).chain((chosen) => fc.tuple(...chosen.map(cell))).map((cells) => [...cells].sort((a, b) => a.audienceId.localeCompare(b.audienceId) || a.channelId.localeCompare(b.channelId)));
}

/** A real 1 × 1 PNG, for workbooks that carry a logo. */
export const TINY_PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

export function interchangeDocument(personal: boolean): fc.Arbitrary<Interchange> {
  return fc
    .record({
      records: recordsArbitrary(personal),
      logo: fc.boolean(),
      id: fc.uuid({ version: 4 }),
      force: fc.constantFrom(...FORCES.map((f) => f.id)),
      title: text(200, true),
      period,
      author: fc.option(text(200)),
      versionLabel: text(50),
      marking: fc.constantFrom(...PROTECTIVE_MARKINGS),
      reviewDate: fc.option(calendarDate),
      owner: fc.option(text(200)),
      approver: fc.option(text(200)),
      rolledFrom: fc.option(fc.record({ id: fc.uuid({ version: 4 }), title: text(200), periodStart: fc.option(calendarDate), periodEnd: fc.option(calendarDate) })),
      createdAt: timestamp,
      modifiedAt: timestamp,
    })
    .map(({ period: p, author, records, ...rest }) => ({
      format: 'engagement-workbook' as const,
      version: INTERCHANGE_VERSION,
      personal,
      workbook: {
        id: rest.id,
        force: rest.force,
        title: rest.title,
        ...p,
        ...(personal ? { author } : {}),
        versionLabel: rest.versionLabel,
        marking: rest.marking,
        reviewDate: rest.reviewDate,
        owner: rest.owner,
        approver: rest.approver,
        ...(rest.rolledFrom ? { rolledFrom: rest.rolledFrom } : {}),
        createdAt: rest.createdAt,
        modifiedAt: rest.modifiedAt,
        ...(rest.logo ? { logo: { mediaType: 'image/png' as const, base64: TINY_PNG } } : {}),
      },
      records,
    }));
}

const geographyCode = fc.integer({ min: 0, max: 999_999 }).map((n) => `E01${String(n).padStart(6, '0')}`);

/** Census tables (a total and a few categories, some subgroups), links from audiences, settings. */
function censusArbitrary(audienceIds: string[], areaIds: string[]) {
  const table = fc
    .record({
      id: fc.uuid({ version: 4 }),
      code: fc.stringMatching(/^TS0\d{2}[A-Z]?$/),
      title: text(60, true),
      source: text(60),
      referenceDate: fc.constantFrom('2021', '2011', ''),
      geographyLevel: fc.constantFrom('oa', 'lsoa', 'msoa', 'ward', 'la', 'other'),
      fileName: text(40),
      importedAt: timestamp,
      others: fc.uniqueArray(text(40, true), { minLength: 1, maxLength: 4 }),
      parents: fc.array(fc.nat(), { maxLength: 4 }),
      geographies: fc.uniqueArray(geographyCode, { maxLength: 3 }),
    })
    .chain((t) => {
      const names = t.others.filter((n) => n !== 'Total');
      const categories = [{ name: 'Total', label: 'Total', parent: null as string | null, total: true }, ...names.map((name, i) => ({ name, label: name, parent: i > 0 && (t.parents[i] ?? 0) % 2 === 1 ? names[(t.parents[i] ?? 0) % i]! : null, total: false }))];
      return fc.tuple(...t.geographies.map((code) => fc.record({ name: text(40), counts: fc.array(fc.nat({ max: 100_000 }), { minLength: categories.length, maxLength: categories.length }) }).map((g) => ({ code, ...g })))).map((geographies) => ({
        id: t.id,
        code: t.code,
        title: t.title,
        source: t.source,
        referenceDate: t.referenceDate,
        geographyLevel: t.geographyLevel,
        fileName: t.fileName,
        importedAt: t.importedAt,
        categories,
        geographies: [...geographies].sort((a, b) => a.code.localeCompare(b.code)),
      }));
    });
  // Distinct code and level per table, as the format requires.
  const tables = fc.uniqueArray(table, { maxLength: 2, selector: (t) => `${t.code}|${t.geographyLevel}` }).filter((list) => new Set(list.map((t) => t.id)).size === list.length);
  return tables.chain((censusTables) => {
    const sorted = [...censusTables].sort((a, b) => a.code.localeCompare(b.code) || a.geographyLevel.localeCompare(b.geographyLevel) || a.id.localeCompare(b.id));
    const figures = sorted.flatMap((t) => t.categories.filter((c) => !c.total).map((c) => ({ tableId: t.id, category: c.name })));
    const link = audienceIds.length && figures.length
      ? fc.record({ id: fc.uuid({ version: 4 }), audienceId: fc.constantFrom(...audienceIds), figure: fc.constantFrom(...figures), areaId: areaIds.length ? fc.option(fc.constantFrom(...areaIds), { nil: null }) : fc.constant(null), createdAt: timestamp }).map(({ figure, ...rest }) => ({ id: rest.id, audienceId: rest.audienceId, tableId: figure.tableId, areaId: rest.areaId, category: figure.category, createdAt: rest.createdAt }))
      : null;
    const links = link ? fc.uniqueArray(link, { maxLength: 3, selector: (l) => `${l.audienceId}|${l.tableId}|${l.areaId}|${l.category}` }).filter((list) => new Set(list.map((l) => l.id)).size === list.length) : fc.constant([]);
    // Citations of crime trends by an audience or an area, of a trend in an area or the whole strategy area.
    const citers = [...audienceIds.map((id) => ({ audienceId: id, citingAreaId: null })), ...areaIds.map((id) => ({ audienceId: null, citingAreaId: id }))];
    const trendLink = citers.length
      ? fc
          .record({ id: fc.uuid({ version: 4 }), citer: fc.constantFrom(...citers), areaId: areaIds.length ? fc.option(fc.constantFrom(...areaIds), { nil: null }) : fc.constant(null), crimeType: fc.constantFrom(...CRIME_TYPE_IDS), comparison: fc.constantFrom(...TREND_COMPARISONS), createdAt: timestamp })
          .map(({ citer, ...rest }) => ({ id: rest.id, audienceId: citer.audienceId as string | null, citingAreaId: citer.citingAreaId as string | null, areaId: rest.areaId, crimeType: rest.crimeType, comparison: rest.comparison, createdAt: rest.createdAt }))
      : null;
    const trendLinks = trendLink ? fc.uniqueArray(trendLink, { maxLength: 3, selector: (l) => l.id }) : fc.constant([]);
    const settings = fc.option(fc.double({ min: 0.01, max: 0.5, noNaN: true }).map((v) => [{ key: 'whoIsMissingThreshold', value: String(v) }]), { nil: [] as Array<{ key: string; value: string }> });
    return fc.tuple(links, trendLinks, settings, libraryEntriesArbitrary()).map(([evidenceLinks, crimeTrendLinks, settingList, libraryEntries]) => ({
      libraryEntries,
      censusTables: sorted,
      evidenceLinks: [...evidenceLinks].sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id)),
      crimeTrendLinks: [...crimeTrendLinks].sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id)),
      settings: settingList,
    }));
  });
}

/** SQLite's own order for text (byte order), with NULL first, as the library is listed. */
function binary(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  return a < b ? -1 : 1;
}

const ids = <T extends { id: string }>(items: readonly T[]) => items.map((item) => item.id);

/** Entries of the practice library (each its own workbook), with their practices, in the order a dump lists them. */
function libraryEntriesArbitrary() {
  const optionOf = (vocabulary: readonly { id: string }[]) => fc.option(fc.constantFrom(...ids(vocabulary)), { nil: null });
  const practice = fc.record({
    id: fc.uuid({ version: 4 }),
    title: fc.string({ minLength: 1, maxLength: 30 }).filter((t) => t.trim().length > 0 && !/[\u0000-\u001f]/.test(t)),
    description: fc.string({ maxLength: 40 }).filter((t) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/.test(t)),
    audienceKinds: fc.uniqueArray(fc.constantFrom(...ids(AUDIENCE_KINDS)), { maxLength: 3 }),
    channelKinds: fc.uniqueArray(fc.constantFrom(...ids(CHANNEL_KINDS)), { maxLength: 3 }),
    depth: optionOf(ENGAGEMENT_DEPTHS),
    origin: fc.constantFrom('our-past', 'our-now', 'other-force', 'partner'),
    originForce: fc.option(fc.constantFrom(...FORCES.map((f) => f.id)), { nil: null }),
    year: fc.option(fc.integer({ min: 1990, max: 2100 }), { nil: null }),
    outcome: optionOf(PRACTICE_OUTCOMES),
    outcomeNote: fc.constant(''),
    evidenceStrength: optionOf(EVIDENCE_STRENGTHS),
    verdict: optionOf(VERDICTS),
  });
  const date = fc.option(fc.constantFrom('2024-04-01', '2025-04-01', '2026-03-31'), { nil: null });
  const entry = fc.record({
    id: fc.uuid({ version: 4 }),
    workbookId: fc.uuid({ version: 4 }),
    force: fc.constantFrom(...FORCES.map((f) => f.id)),
    title: fc.constantFrom('Engagement strategy', 'Plan 2025–2028'),
    periodStart: date,
    periodEnd: date,
    sourceKind: fc.constantFrom('workbook' as const, 'share-copy' as const),
    sharedAt: fc.option(timestamp, { nil: null }),
    fileName: fc.constantFrom('neighbour.ewb', 'shared copy.ewb'),
    addedAt: timestamp,
    practices: fc.uniqueArray(practice, { maxLength: 3, selector: (p) => p.id }).map((list) => [...list].sort((a, b) => binary(a.title, b.title) || binary(a.id, b.id))),
  });
  return fc
    .uniqueArray(entry, { maxLength: 2, selector: (e) => e.id })
    .filter((list) => new Set(list.map((e) => e.workbookId)).size === list.length)
    .map((list) => [...list].sort((a, b) => binary(a.force, b.force) || binary(a.periodStart, b.periodStart) || binary(a.addedAt, b.addedAt) || binary(a.id, b.id)));
}
