// Long lists stay readable: a record type whose descriptor says how to summarise it
// (`print.summaryBy`) and that has more than REGISTER_THRESHOLD records prints, in the body, counts
// of its records by each of those choices (split by priority when it has one) and its high-priority
// records in full by its own printer; the full register moves to an appendix of its own. So 2,000
// audiences make a few pages of chapter 2, not hundreds. The grid of who listens where has a
// register too when it is too large for tables (word-receptivity-register.ts).
import { RECORD_TYPES, RECORD_TYPE_NAMES, type FieldDef, type RecordTypeDef, type RecordTypeName } from '../../../shared/domain/record-types.ts';
import { exportPartOf, type ExportPartId } from '../../../shared/domain/sections.ts';
import { labelOf } from '../../../shared/domain/vocabularies.ts';
import type { ExportData } from './export-data.ts';
import { countOf, heading, intro, para, wholeNumber } from './word-blocks.ts';
import { table, type Cell, type Column, type Row } from './word-table.ts';
import { recordTypePart, type Block } from './word-record-printers.ts';
import { CHANNELS_PER_TABLE, channelTables } from './word-how-printers.ts';
import { flagshipsInFull } from './word-action-plan.ts';

/** Above this many records, a type that can be summarised is summarised in the body and listed in an appendix. */
export const REGISTER_THRESHOLD = 200;

/** At most this many high-priority records are set out in full in the body (some 30 pages of a table); more stay in the register. */
export const IN_FULL_LIMIT = 300;

/**
 * Whether this copy has the appendix of data sources: only a copy with the parts that draw on the
 * census and police.uk figures (the audiences' evidence, and the evidence chapter) lists them.
 */
export function hasDataSources(data: ExportData): boolean {
  return data.sections.includes('who') || data.sections.includes('evidence');
}

/** The letter of the appendix after the data sources (A when the copy has none), from which the registers are lettered. */
export function firstRegisterLetter(data: ExportData): string {
  return hasDataSources(data) ? 'B' : 'A';
}

function priorityField(def: RecordTypeDef): FieldDef | undefined {
  return def.fields.find((f) => f.name === 'priority' && f.kind === 'enum' && f.vocabulary);
}

/** The types this copy prints as a summary and a register, in the method's order. */
export function registerTypes(data: ExportData): RecordTypeName[] {
  return RECORD_TYPE_NAMES.filter((type) => {
    const def = RECORD_TYPES[type];
    return (def.print?.summaryBy?.length ?? 0) > 0 && data.sections.includes(exportPartOf(type) as ExportPartId) && (data.records[type]?.length ?? 0) > REGISTER_THRESHOLD;
  });
}

/**
 * The grid of who listens where is set out as tables (up to five channels to a table, every audience in
 * each) while they hold at most this many rows in all; a larger grid is counted in the body and
 * listed audience by audience in a register (2,000 audiences by 40 channels made 800 pages of
 * tables, and by 2,000 channels a document too large to write).
 */
export const GRID_TABLE_ROWS_LIMIT = 400;

/** Whether this copy's grid of who listens where is too large for tables in the body. */
export function gridIsRegister(data: ExportData): boolean {
  const audiences = data.records.audience.length;
  const channels = data.records.channel.length;
  // The count at five to a table first: channels' names are measured only when the grid may fit.
  return data.sections.includes('how') && audiences > 0 && channels > 0 && (audiences * Math.ceil(channels / CHANNELS_PER_TABLE) > GRID_TABLE_ROWS_LIMIT || audiences * channelTables(data.records.channel).length > GRID_TABLE_ROWS_LIMIT);
}

/** What a register appendix holds: a long list of one type, or the grid of who listens where. */
export type RegisterKey = RecordTypeName | 'receptivity';

/** This copy's registers in the method's order (the grid's after the channels'). */
export function registerKeys(data: ExportData): RegisterKey[] {
  const types = registerTypes(data);
  if (!gridIsRegister(data)) return types;
  const after = types.findIndex((type) => RECORD_TYPE_NAMES.indexOf(type) > RECORD_TYPE_NAMES.indexOf('channel'));
  return after < 0 ? [...types, 'receptivity'] : [...types.slice(0, after), 'receptivity', ...types.slice(after)];
}

/** "Appendix B: Register of audiences". */
export function registerTitle(data: ExportData, key: RegisterKey): string {
  const index = registerKeys(data).indexOf(key);
  const letter = String.fromCharCode(firstRegisterLetter(data).charCodeAt(0) + Math.max(0, index));
  return `Appendix ${letter}: Register of ${key === 'receptivity' ? 'who listens where' : RECORD_TYPES[key].plural.toLowerCase()}`;
}

function withRecords(data: ExportData, type: RecordTypeName, records: ExportData['records'][RecordTypeName]): ExportData {
  return { ...data, records: { ...data.records, [type]: records } };
}

/** A table of counts by one choice field: its values down, priorities across when the type has them. */
function countsTable(def: RecordTypeDef, records: ExportData['records'][RecordTypeName], field: FieldDef): Block[] {
  const vocabulary = field.vocabulary ?? [];
  const priority = priorityField(def);
  const levels = priority && priority.name !== field.name ? (priority.vocabulary ?? []) : [];
  const columns: Column[] = [{ title: field.label, width: 40 }, ...levels.map((level) => ({ title: level.label, width: 12, numeric: true })), { title: levels.length > 0 ? 'All' : 'How many', width: 14, numeric: true }];
  const counts = new Map<string, number[]>();
  for (const record of records) {
    const value = String(record[field.name] ?? '');
    const row = counts.get(value) ?? new Array<number>(levels.length + 1).fill(0);
    const at = levels.findIndex((level) => level.id === record[priority?.name ?? '']);
    if (at >= 0) row[at]! += 1;
    row[levels.length]! += 1;
    counts.set(value, row);
  }
  // The vocabulary's order, then anything outside it, then "not recorded".
  const order = [...vocabulary.map((item) => item.id), ...[...counts.keys()].filter((key) => key !== '' && !vocabulary.some((item) => item.id === key)), ''];
  const rows: Row[] = order
    .filter((key) => counts.has(key))
    .map((key): Cell[] => [key === '' ? 'Not recorded' : labelOf(vocabulary, key), ...counts.get(key)!.map(wholeNumber)]);
  const totals = new Array<number>(levels.length + 1).fill(0);
  for (const row of counts.values()) row.forEach((n, i) => (totals[i]! += n));
  rows.push([{ runs: [{ text: 'All', bold: true }] }, ...totals.map((n) => ({ runs: [{ text: wholeNumber(n), bold: true }] }))]);
  const by = levels.length > 0 ? `${field.label.toLowerCase()} and priority` : field.label.toLowerCase();
  return [intro(`The ${def.plural.toLowerCase()} by ${by}:`), table(columns, rows)];
}

/** The body's part for a long list: its counts, and its high-priority records in full. */
export function registerSummary(data: ExportData, type: RecordTypeName): Block[] {
  const def = RECORD_TYPES[type];
  const records = data.records[type] ?? [];
  const plural = def.plural.toLowerCase();
  const blocks: Block[] = [heading(def.print?.heading ?? def.plural, 2)];
  const priority = priorityField(def);
  const high = priority ? records.filter((record) => record[priority.name] === 'high') : [];
  const inFull = priority && high.length > 0 && high.length <= IN_FULL_LIMIT;
  // The action plan leads with its flagships whatever its length: they come first, in full.
  const flagships = def.print?.printer === 'activities';
  blocks.push(
    para(
      `There are ${countOf(records.length, def.label.toLowerCase(), plural)}: too many to list here, so this section ${flagships ? 'sets out the flagships first and then counts them all' : 'counts them'}${inFull ? ` and sets out the ${wholeNumber(high.length)} of high priority in full` : ''}. Every one is in ${registerTitle(data, type)}.`,
    ),
  );
  if (flagships) blocks.push(...flagshipsInFull(data, def));
  const fields = [...(def.print?.summaryBy ?? [])].map((name) => def.fields.find((f) => f.name === name)).filter((f): f is FieldDef => f !== undefined && f.vocabulary !== undefined);
  for (const field of fields) blocks.push(...countsTable(def, records, field));
  if (!priority) return blocks;
  blocks.push(heading(`High-priority ${plural}`, 3));
  if (high.length === 0) blocks.push(para(`None of the ${plural} is high priority.`));
  else if (!inFull) blocks.push(para(`The ${wholeNumber(high.length)} high-priority ${plural} are too many to set out here: see ${registerTitle(data, type)}.`));
  // The printer's first block is its heading, given above.
  else blocks.push(...recordTypePart(withRecords(data, type, high), type).slice(1));
  return blocks;
}

/** The appendix holding a long list in full, by its type's own printer. */
export function registerAppendix(data: ExportData, type: RecordTypeName): Block[] {
  return [heading(registerTitle(data, type), 1, { pageBreakBefore: true }), ...recordTypePart(data, type).slice(1)];
}

/** A record type's part of the body: in full, or summarised when it is long. */
export function recordTypeBody(data: ExportData, type: RecordTypeName): Block[] {
  return registerTypes(data).includes(type) ? registerSummary(data, type) : recordTypePart(data, type);
}
