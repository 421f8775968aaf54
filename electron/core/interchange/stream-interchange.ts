// The second pass over an interchange file (after scan-interchange.ts has passed its shape and
// sizes): each record, table and link is parsed on its own, checked against the format's schema and
// handed to a sink at once, so memory holds one item at a time. The first problem refuses the
// file, naming where it is.
import { JSONParser } from '@streamparser/json';
import type { z } from 'zod';
import {
  InterchangeCensusTableSchema,
  InterchangeSchema,
  InterchangeWorkbookSchema,
  SectionCompletionSchema,
  SettingSchema,
  interchangeRecordSchema,
  type Interchange,
  type InterchangeWorkbook,
} from '../../../shared/api/interchange.ts';
import { EvidenceLinkSchema } from '../../../shared/api/census.ts';
import { InterchangeReceptivitySchema } from '../../../shared/api/receptivity.ts';
import { CrimeTrendLinkSchema } from '../../../shared/api/crime.ts';
import { InterchangeLibraryEntrySchema } from '../../../shared/api/library.ts';
import { fieldsFromIssues } from '../../../shared/api/result.ts';
import { RECORD_TYPE_NAMES, type RecordTypeName } from '../../../shared/domain/record-types.ts';
import { AppError } from '../app-error.ts';
import { LinePosition, OTHER_LISTS, notJson, positionIn } from './scan-interchange.ts';
import { MAX_CENSUS_COUNT } from '../../../shared/api/census.ts';

type Records = Interchange['records'];
export type InterchangeCensusTable = Records['censusTables'][number];

/** Where each checked item goes: a workbook being built, or (for small files and tests) an object. */
export interface InterchangeSink {
  record(type: RecordTypeName, record: Record<string, unknown>, where: string): void;
  censusTable(table: InterchangeCensusTable, where: string): void;
  sectionCompletion(entry: Records['sectionCompletions'][number]): void;
  evidenceLink(link: Records['evidenceLinks'][number]): void;
  receptivity(cell: Records['receptivity'][number]): void;
  crimeTrendLink(link: Records['crimeTrendLinks'][number]): void;
  libraryEntry(entry: Records['libraryEntries'][number], where: string): void;
  setting(entry: Records['settings'][number]): void;
}

/** The file's own details, known once it has been read to the end. */
export interface InterchangeHead {
  format: Interchange['format'];
  version: Interchange['version'];
  personal: boolean;
  workbook: InterchangeWorkbook;
}

const RECORD_SCHEMAS = new Map<string, z.ZodType>(RECORD_TYPE_NAMES.map((type) => [type, interchangeRecordSchema(type)]));
const HEAD_SCHEMA = InterchangeSchema.omit({ records: true });
const RECORD_TYPE_SET = new Set<string>(RECORD_TYPE_NAMES);
const OTHER_SCHEMAS: Record<(typeof OTHER_LISTS)[number], z.ZodType> = {
  sectionCompletions: SectionCompletionSchema,
  censusTables: InterchangeCensusTableSchema,
  evidenceLinks: EvidenceLinkSchema.strict(),
  receptivity: InterchangeReceptivitySchema,
  crimeTrendLinks: CrimeTrendLinkSchema.strict(),
  libraryEntries: InterchangeLibraryEntrySchema,
  settings: SettingSchema,
};

/** The refusal for the first item that fails its schema: where, what, and how many more problems it has. */
export function schemaProblem(name: string, issues: readonly z.core.$ZodIssue[], prefix: ReadonlyArray<string | number>): AppError {
  const fields = fieldsFromIssues(issues.map((issue) => ({ ...issue, path: [...prefix, ...issue.path] })));
  const [where, what] = Object.entries(fields)[0] ?? [prefix.join('.'), 'is not valid'];
  const count = issues.length;
  const more = count > 1 ? ` (and ${count - 1} more problem${count > 2 ? 's' : ''})` : '';
  return new AppError('invalid-input', `"${name}" has a problem at ${where}: ${what}${more}. Nothing was imported.`, fields);
}

/** A geography's problem, checked by hand: a national table has a quarter of a million of them. */
function geographyProblem(geography: unknown, width: number): { path: Array<string | number>; message: string } | null {
  if (typeof geography !== 'object' || geography === null || Array.isArray(geography)) return { path: [], message: 'Expected an object with code, name and counts' };
  const { code, name, counts, ...rest } = geography as Record<string, unknown>;
  const extra = Object.keys(rest)[0];
  if (extra !== undefined) return { path: [extra], message: `"${extra}" is not something this can hold` };
  if (typeof code !== 'string' || code.length < 1 || code.length > 20) return { path: ['code'], message: 'Expected a geography code of 1 to 20 characters' };
  if (typeof name !== 'string' || name.length > 500) return { path: ['name'], message: 'Expected a name of at most 500 characters' };
  if (!Array.isArray(counts)) return { path: ['counts'], message: 'Expected a list of counts' };
  if (counts.length !== width) return { path: ['counts'], message: 'Each geography needs one count per category' };
  for (let i = 0; i < counts.length; i += 1) {
    const count = counts[i] as unknown;
    if (typeof count !== 'number' || !Number.isFinite(count) || count < 0 || count > MAX_CENSUS_COUNT) return { path: ['counts', i], message: 'Each figure must be a count from 0 to 1,000,000,000,000 (a number too large to hold, such as 1e400, is not one)' };
  }
  return null;
}

/** Pass two: feed the same bytes with write(), then end() for the file's own details. */
export class InterchangeStreamReader {
  private readonly name: string;
  private readonly sink: InterchangeSink;
  private readonly parser: JSONParser;
  private readonly lines = new LinePosition();
  private readonly head: Record<string, unknown> = {};

  constructor(name: string, sink: InterchangeSink) {
    this.name = name;
    this.sink = sink;
    const lists = [...RECORD_TYPE_NAMES, ...OTHER_LISTS].map((list) => `$.records.${list}.*`);
    this.parser = new JSONParser({ paths: ['$.format', '$.version', '$.personal', '$.workbook', ...lists], keepStack: false });
    this.parser.onValue = ({ value, key, stack }) => {
      if (stack.length === 1) this.top(String(key), value);
      else if (stack.length === 3) this.item(String(stack[2]!.key), Number(key), value);
    };
  }

  write(chunk: Uint8Array): void {
    this.lines.enter(chunk);
    try {
      this.parser.write(chunk);
    } catch (error) {
      if (error instanceof AppError) throw error;
      throw notJson(this.name, this.lines.describe(positionIn(error) ?? 0));
    }
  }

  /** `hasRecords`: whether the first pass saw a "records" object (its lists arrive here item by item). */
  end(hasRecords: boolean): InterchangeHead {
    try {
      // The parser ends by itself once the top-level object closes; only a file cut short needs this.
      if (!this.parser.isEnded) this.parser.end();
    } catch (error) {
      if (error instanceof AppError) throw error;
      throw notJson(this.name, '');
    }
    const parsed = HEAD_SCHEMA.safeParse(this.head);
    if (!parsed.success) throw schemaProblem(this.name, parsed.error.issues, []);
    if (!hasRecords) throw schemaProblem(this.name, [{ code: 'invalid_type', expected: 'object', path: [], message: 'Expected an object', input: undefined }], ['records']);
    return parsed.data;
  }

  private top(key: string, value: unknown): void {
    this.head[key] = value;
    if (key === 'workbook') {
      const parsed = InterchangeWorkbookSchema.safeParse(value);
      if (!parsed.success) throw schemaProblem(this.name, parsed.error.issues, ['workbook']);
    }
  }

  private item(list: string, index: number, value: unknown): void {
    const where = `records.${list}[${index}]`;
    const prefix = ['records', list, index];
    if (RECORD_TYPE_SET.has(list)) {
      const parsed = RECORD_SCHEMAS.get(list)!.safeParse(value);
      if (!parsed.success) throw schemaProblem(this.name, parsed.error.issues, prefix);
      this.sink.record(list as RecordTypeName, parsed.data as Record<string, unknown>, where);
      return;
    }
    if (list === 'censusTables') {
      this.sink.censusTable(this.censusTable(value, prefix), where);
      return;
    }
    const parsed = OTHER_SCHEMAS[list as (typeof OTHER_LISTS)[number]].safeParse(value);
    if (!parsed.success) throw schemaProblem(this.name, parsed.error.issues, prefix);
    if (list === 'sectionCompletions') this.sink.sectionCompletion(parsed.data as Records['sectionCompletions'][number]);
    else if (list === 'evidenceLinks') this.sink.evidenceLink(parsed.data as Records['evidenceLinks'][number]);
    else if (list === 'receptivity') this.sink.receptivity(parsed.data as Records['receptivity'][number]);
    else if (list === 'crimeTrendLinks') this.sink.crimeTrendLink(parsed.data as Records['crimeTrendLinks'][number]);
    else if (list === 'libraryEntries') this.sink.libraryEntry(parsed.data as Records['libraryEntries'][number], where);
    else this.sink.setting(parsed.data as Records['settings'][number]);
  }

  /** The table's details and categories through the schema; its geographies, which can be many, by hand. */
  private censusTable(value: unknown, prefix: Array<string | number>): InterchangeCensusTable {
    const raw = typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
    const geographies = raw && Array.isArray(raw.geographies) ? (raw.geographies as unknown[]) : null;
    const parsed = InterchangeCensusTableSchema.safeParse(raw && geographies ? { ...raw, geographies: [] } : value);
    if (!parsed.success) throw schemaProblem(this.name, parsed.error.issues, prefix);
    const width = parsed.data.categories.length;
    geographies!.forEach((geography, index) => {
      const problem = geographyProblem(geography, width);
      if (problem) throw schemaProblem(this.name, [{ code: 'custom', path: ['geographies', index, ...problem.path], message: problem.message, input: geography }], prefix);
    });
    return { ...parsed.data, geographies: geographies as InterchangeCensusTable['geographies'] };
  }
}
