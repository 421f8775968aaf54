// The first of two passes over an interchange file: its shape only, token by token, building no
// values. It refuses what is not an interchange file (another JSON, a newer version, an unknown
// key) and anything over the limits (records per type, census tables, their rows, categories and
// figures, nesting) before the second pass reads a single record, so an oversized file is refused
// in the time it takes to reach the first thing over the limit, whatever its size.
import { TokenParser, TokenType, Tokenizer, type ParsedTokenInfo } from '@streamparser/json';
import { INTERCHANGE_FORMAT, INTERCHANGE_VERSION } from '../../../shared/api/interchange.ts';
import { RECORD_TYPES, RECORD_TYPE_NAMES, type RecordTypeName } from '../../../shared/domain/record-types.ts';
import { LIMITS, formatCount } from '../../../shared/domain/limits.ts';
import { AppError } from '../app-error.ts';

const TOP_LEVEL_KEYS = new Set(['format', 'version', 'personal', 'workbook', 'records']);
export const OTHER_LISTS = ['sectionCompletions', 'censusTables', 'evidenceLinks', 'receptivity', 'crimeTrendLinks', 'libraryEntries', 'settings'] as const;
export type ListName = RecordTypeName | (typeof OTHER_LISTS)[number];
const LIST_NAMES = new Set<string>([...RECORD_TYPE_NAMES, ...OTHER_LISTS]);

/** How many of each list may be in a file, and what they are called in a refusal. */
export function listLimit(list: ListName): { limit: number; what: string; rule: string } {
  switch (list) {
    case 'sectionCompletions':
      return { limit: LIMITS.sectionCompletions, what: 'section completions', rule: 'a workbook has one for each section' };
    case 'censusTables':
      return { limit: LIMITS.censusTables, what: 'census tables', rule: `a workbook holds at most ${formatCount(LIMITS.censusTables)}` };
    case 'evidenceLinks':
      return { limit: LIMITS.evidenceLinks, what: 'evidence links', rule: `a workbook holds at most ${formatCount(LIMITS.evidenceLinks)}` };
    case 'receptivity':
      return { limit: LIMITS.receptivityCells, what: 'cells of the receptivity grid', rule: `a workbook holds at most ${formatCount(LIMITS.receptivityCells)}` };
    case 'crimeTrendLinks':
      return { limit: LIMITS.crimeTrendLinks, what: 'citations of crime trends', rule: `a workbook holds at most ${formatCount(LIMITS.crimeTrendLinks)}` };
    case 'libraryEntries':
      return { limit: LIMITS.libraryEntries, what: 'workbooks in the practice library', rule: `a library holds at most ${formatCount(LIMITS.libraryEntries)}` };
    case 'settings':
      return { limit: LIMITS.settings, what: 'settings', rule: `a workbook holds at most ${formatCount(LIMITS.settings)}` };
    default:
      return { limit: LIMITS.recordsPerType, what: RECORD_TYPES[list].plural.toLowerCase(), rule: `a workbook holds at most ${formatCount(LIMITS.recordsPerType)} records of each type` };
  }
}

export function notInterchange(name: string): AppError {
  return new AppError('invalid-input', `"${name}" is not an Engagement Workbook interchange file (it has no "format": "${INTERCHANGE_FORMAT}").`);
}

export function tooNewInterchange(name: string, version: number): AppError {
  return new AppError('too-new', `"${name}" uses interchange version ${version}; this version of Engagement Workbook reads up to version ${INTERCHANGE_VERSION}. It needs a later version of the app.`);
}

/** Turns byte offsets into "line L, column C" for a stream read in chunks, keeping nothing but counts. */
export class LinePosition {
  private chunkStart = 0;
  private chunk: Uint8Array = new Uint8Array(0);
  private linesBefore = 0;
  private lastNewline = -1;

  /** Call with each chunk before it is parsed. */
  enter(chunk: Uint8Array): void {
    this.advance();
    this.chunk = chunk;
  }

  private advance(): void {
    for (let i = this.chunk.indexOf(10); i >= 0; i = this.chunk.indexOf(10, i + 1)) {
      this.linesBefore += 1;
      this.lastNewline = this.chunkStart + i;
    }
    this.chunkStart += this.chunk.length;
    this.chunk = new Uint8Array(0);
  }

  /** " at line L, column C" for an absolute byte offset (in the current chunk or just before it). */
  describe(offset: number): string {
    let line = this.linesBefore;
    let lastNewline = this.lastNewline;
    const within = Math.max(0, Math.min(this.chunk.length, offset - this.chunkStart));
    for (let i = this.chunk.indexOf(10); i >= 0 && i < within; i = this.chunk.indexOf(10, i + 1)) {
      line += 1;
      lastNewline = this.chunkStart + i;
    }
    return ` at line ${line + 1}, column ${Math.max(1, offset - lastNewline)}`;
  }
}

/** The refusal for text that is not JSON, where it is. */
export function notJson(name: string, where: string): AppError {
  return new AppError('invalid-input', `"${name}" is not valid JSON${where}. Interchange files are written by "ewb dump"; check it was not edited by hand or cut short.`);
}

/** The absolute byte position in a tokenizer's message, if it gives one. */
export function positionIn(error: unknown): number | null {
  const match = /absolute position "(\d+)"/.exec(error instanceof Error ? error.message : '');
  return match ? Number(match[1]) : null;
}

interface Frame {
  kind: 'object' | 'array';
  /** The key whose value comes next (objects), or the index of the last element (arrays). */
  key: string | number;
  expectingKey: boolean;
  /** Elements so far (arrays). */
  count: number;
  /** Keys seen so far, for the two levels where a repeated key would be read twice. */
  keys?: Set<string>;
}

export interface ScanSummary {
  /** How many of each list the file holds. */
  counts: Partial<Record<ListName, number>>;
  /** Whether it has a "records" object at all. */
  hasRecords: boolean;
}

/** Pass one: feed the file's bytes with write(), then end(); every refusal is thrown from those. */
export class InterchangeScanner {
  private readonly name: string;
  private readonly tokenizer = new Tokenizer();
  /** Checks the grammar (a tokenizer alone accepts `[1,,2]`); it builds nothing, emitting no path. */
  private readonly grammar = new TokenParser({ paths: ['$.__never__'], keepStack: false });
  private readonly lines = new LinePosition();
  private readonly frames: Frame[] = [];
  private lastOffset = 0;
  private bytes = 0;
  private sawToken = false;
  private sawFormat = false;
  private sawRecords = false;
  private tableValues = 0;
  private readonly counts: Partial<Record<ListName, number>> = {};

  constructor(name: string) {
    this.name = name;
    this.grammar.onValue = () => {};
    this.tokenizer.onToken = (token) => {
      this.lastOffset = token.offset;
      this.sawToken = true;
      this.see(token);
      this.grammar.write(token);
    };
  }

  write(chunk: Uint8Array): void {
    this.bytes += chunk.length;
    this.lines.enter(chunk);
    this.guard(() => this.tokenizer.write(chunk));
  }

  end(): ScanSummary {
    this.guard(() => this.tokenizer.end());
    if (this.frames.length > 0 || !this.sawFormat) {
      // Cut short: say where the file ends, as the place something more was expected.
      if (this.frames.length > 0) throw notJson(this.name, this.lines.describe(this.bytes));
      if (!this.sawToken) throw notJson(this.name, '');
      throw notInterchange(this.name);
    }
    return { counts: this.counts, hasRecords: this.frames.length === 0 && this.sawRecords };
  }

  private guard(action: () => void): void {
    try {
      action();
    } catch (error) {
      if (error instanceof AppError) throw error;
      const at = positionIn(error) ?? this.lastOffset;
      throw notJson(this.name, this.lines.describe(/ended in (the )?mid/.test((error as Error).message) ? this.bytes : at));
    }
  }

  private refuse(message: string): never {
    throw new AppError('invalid-input', `"${this.name}" ${message}. Nothing was imported.`);
  }

  /** The place of the value about to start, as keys and indexes from the top. */
  private path(): Array<string | number> {
    return this.frames.map((frame) => frame.key);
  }

  private see({ token, value }: ParsedTokenInfo): void {
    const top = this.frames.at(-1);
    if (top?.kind === 'object' && top.expectingKey && token === TokenType.STRING) {
      this.seeKey(top, value as string);
      return;
    }
    switch (token) {
      case TokenType.COLON:
        if (top) top.expectingKey = false;
        return;
      case TokenType.COMMA:
        if (top?.kind === 'object') top.expectingKey = true;
        return;
      case TokenType.RIGHT_BRACE:
      case TokenType.RIGHT_BRACKET:
        this.frames.pop();
        return;
      case TokenType.LEFT_BRACE:
      case TokenType.LEFT_BRACKET:
        this.startValue(token, value);
        if (this.frames.length >= LIMITS.interchangeDepth) {
          this.refuse(`has values nested more than ${LIMITS.interchangeDepth} levels deep (at ${this.describe(this.path())}), which no interchange file has`);
        }
        this.frames.push({ kind: token === TokenType.LEFT_BRACE ? 'object' : 'array', key: token === TokenType.LEFT_BRACE ? '' : -1, expectingKey: true, count: 0, ...(this.frames.length <= 1 ? { keys: new Set<string>() } : {}) });
        return;
      default:
        this.startValue(token, value);
    }
  }

  private seeKey(frame: Frame, key: string): void {
    frame.key = key;
    frame.count += 1;
    const depth = this.frames.length;
    if (frame.count > LIMITS.interchangeKeysPerObject) {
      this.refuse(`has an object with more than ${formatCount(LIMITS.interchangeKeysPerObject)} keys (at ${this.describe(this.path())}), which no interchange file has`);
    }
    if (frame.keys) {
      if (frame.keys.has(key)) this.refuse(`gives "${key}" twice${depth === 2 ? ' in its records' : ''}; each may appear once`);
      frame.keys.add(key);
    }
    if (depth === 1 && !TOP_LEVEL_KEYS.has(key)) {
      throw new AppError('invalid-input', `"${this.name}" has a problem at ${key}: "${key}" is not something this can hold. Nothing was imported.`, { [key]: `"${key}" is not something this can hold` });
    }
    if (depth === 2 && this.frames[0]!.key === 'records' && !LIST_NAMES.has(key)) {
      throw new AppError('invalid-input', `"${this.name}" has a problem at records.${key}: "${key}" is not something this can hold. Nothing was imported.`, { [`records.${key}`]: `"${key}" is not something this can hold` });
    }
  }

  /** A value starts at the current place: count it where a limit applies, check what must be checked. */
  private startValue(token: TokenType, value: unknown): void {
    const top = this.frames.at(-1);
    if (!top) {
      if (token !== TokenType.LEFT_BRACE) throw notInterchange(this.name);
      return;
    }
    if (top.kind === 'array') {
      top.count += 1;
      top.key = top.count - 1;
    }
    const path = this.path();
    const depth = path.length;
    if (depth === 1) this.seeTopLevel(path[0] as string, token, value);
    if (depth === 2 && path[0] === 'records' && token !== TokenType.LEFT_BRACKET) {
      throw new AppError('invalid-input', `"${this.name}" has a problem at records.${String(path[1])}: Expected a list. Nothing was imported.`, { [`records.${String(path[1])}`]: 'Expected a list' });
    }
    if (depth >= 5 && path[0] === 'records' && path[1] !== 'censusTables' && top.kind === 'array' && top.count > LIMITS.interchangeItemsPerList) {
      this.refuse(`has a list of more than ${formatCount(LIMITS.interchangeItemsPerList)} items at ${this.describe(path.slice(0, -1))}, more than any record holds`);
    }
    if (depth === 3 && path[0] === 'records') {
      const list = path[1] as ListName;
      const { limit, what, rule } = listLimit(list);
      this.counts[list] = top.count;
      if (top.count > limit) this.refuse(`has more than ${formatCount(limit)} ${what} (at records.${list}); ${rule}`);
      if (list === 'censusTables') this.tableValues = 0;
    }
    if (path[0] === 'records' && path[1] === 'censusTables') this.seeCensus(path, top);
  }

  private seeTopLevel(key: string, token: TokenType, value: unknown): void {
    if ((key === 'records' || key === 'workbook') && token !== TokenType.LEFT_BRACE) {
      throw new AppError('invalid-input', `"${this.name}" has a problem at ${key}: Expected an object. Nothing was imported.`, { [key]: 'Expected an object' });
    }
    if (key === 'records') this.sawRecords = true;
    if (key === 'format') {
      if (token !== TokenType.STRING || value !== INTERCHANGE_FORMAT) throw notInterchange(this.name);
      this.sawFormat = true;
    }
    if (key === 'version' && token === TokenType.NUMBER && (value as number) > INTERCHANGE_VERSION) throw tooNewInterchange(this.name, value as number);
  }

  private seeCensus(path: Array<string | number>, top: Frame): void {
    const where = `records.censusTables[${String(path[2])}]`;
    if (path.length === 5 && path[3] === 'categories' && top.count > LIMITS.censusCategories) {
      this.refuse(`has more than ${formatCount(LIMITS.censusCategories)} categories in ${where}; a census table holds at most ${formatCount(LIMITS.censusCategories)}`);
    }
    if (path.length === 5 && path[3] === 'geographies' && top.count > LIMITS.censusRows) {
      this.refuse(`has more than ${formatCount(LIMITS.censusRows)} geographies in ${where}; a census table holds at most ${formatCount(LIMITS.censusRows)} rows`);
    }
    if (path.length === 7 && path[3] === 'geographies' && path[5] === 'counts') {
      if (top.count > LIMITS.censusCategories) this.refuse(`has more than ${formatCount(LIMITS.censusCategories)} counts for one geography in ${where}; a census table holds at most ${formatCount(LIMITS.censusCategories)} categories`);
      this.tableValues += 1;
      if (this.tableValues > LIMITS.censusValues) this.refuse(`has more than ${formatCount(LIMITS.censusValues)} figures in ${where}; a census table holds at most ${formatCount(LIMITS.censusValues)} (geographies × categories)`);
    }
  }

  private describe(path: ReadonlyArray<string | number>): string {
    return path.map((part, index) => (typeof part === 'number' ? `[${part}]` : `${index === 0 ? '' : '.'}${part}`)).join('') || 'the top';
  }
}
