// File-path fields are found from the schema itself: a field built on FilePathSchema is found under
// any name, however deep or wrapped, and every path in a request is rewritten, defaults included.
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { contract } from '../../../shared/api/contract.ts';
import { FilePathSchema } from '../../../shared/api/fields.ts';
import { filePathFields, isFilePathSchema, rewriteFilePaths, UnconfinableFieldError } from '../../../shared/api/file-path-fields.ts';
import { shellContract } from '../../../shared/api/shell-contract.ts';

/** A request a future method might take: path fields with names no list would have guessed. */
const unusual = z
  .object({
    handle: z.string(),
    whereTheMinutesLive: FilePathSchema,
    maybeAnAppendix: FilePathSchema.optional(),
    coverArt: FilePathSchema.nullable(),
    fallbackReport: FilePathSchema.default('reports/summary.docx'),
    onlyDocx: FilePathSchema.refine((text) => text.endsWith('.docx'), 'Choose a .docx file'),
    attachments: z.array(z.object({ label: z.string(), file: FilePathSchema.describe('An attached file') })),
    byArea: z.record(z.string(), FilePathSchema),
    pair: z.tuple([z.string(), FilePathSchema]),
    target: z.discriminatedUnion('kind', [z.object({ kind: z.literal('file'), location: FilePathSchema }), z.object({ kind: z.literal('none') })]),
    nested: z.object({ deeper: z.object({ stillAPath: FilePathSchema.nullable().default(null) }).optional() }).readonly(),
    notAPath: z.string(),
  })
  .strict()
  .refine((request) => request.handle !== '', 'A handle is needed');

describe('finding file-path fields', () => {
  it('finds every field built on FilePathSchema, under any name and any wrapping', () => {
    expect(filePathFields(unusual).sort()).toEqual(
      ['whereTheMinutesLive', 'maybeAnAppendix', 'coverArt', 'fallbackReport', 'onlyDocx', 'attachments[].file', 'byArea{}', 'pair[1]', 'target.location', 'nested.deeper.stillAPath'].sort(),
    );
  });

  it('counts schemas derived from FilePathSchema and nothing else', () => {
    expect(isFilePathSchema(FilePathSchema)).toBe(true);
    expect(isFilePathSchema(FilePathSchema.max(10))).toBe(true);
    expect(isFilePathSchema(FilePathSchema.refine(() => true))).toBe(true);
    expect(isFilePathSchema(z.string().min(1).max(4096))).toBe(false);
  });

  it('finds the path fields of the contract and the shell contract that PATH_FIELDS used to name', () => {
    const found = [...Object.entries(contract), ...Object.entries(shellContract)].flatMap(([method, { request }]) => filePathFields(request).map((field) => `${method}.${field}`));
    expect(found).toEqual(
      expect.arrayContaining(['createWorkbook.path', 'openWorkbook.path', 'saveWorkbookCopy.destination', 'dumpWorkbook.destination', 'createWorkbookFromInterchange.source', 'importCensus.source', 'importMappedTable.source', 'setWorkbookLogo.source', 'exportWorkbook.word', 'exportWorkbook.excel', 'showInFolder.path']),
    );
    expect(found).not.toContain('createWorkbook.details');
  });

  it('refuses shapes whose paths could not be confined before parsing, rather than skip them', () => {
    expect(() => filePathFields(z.object({ file: z.preprocess((v) => v, FilePathSchema) }))).toThrow(UnconfinableFieldError);
    expect(() => filePathFields(z.object({ file: FilePathSchema.catch('anywhere.txt') }))).toThrow(/catch/);
    expect(() => filePathFields(z.object({ files: z.map(z.string(), FilePathSchema) }))).toThrow(/map/);
    expect(() => filePathFields(z.object({ file: z.lazy(() => FilePathSchema) }))).toThrow(/lazy/);
    expect(filePathFields(z.object({ text: z.string().transform((t) => t.trim()) }))).toEqual([]);
  });
});

describe('rewriting the paths in a request', () => {
  const mark = (file: string) => `<${file}>`;

  it('rewrites each path, leaves other fields alone and does not change the request it was given', () => {
    const request = {
      handle: 'h',
      whereTheMinutesLive: 'minutes.docx',
      coverArt: null,
      fallbackReport: 'given.docx',
      attachments: [{ label: 'a', file: 'a.pdf' }, { label: 'b', file: 'b.pdf' }],
      // As JSON.parse gives it: __proto__ an own key like any other.
      byArea: JSON.parse('{"north": "n.csv", "__proto__": "p.csv"}') as Record<string, string>,
      pair: ['x.txt', 'y.txt'],
      target: { kind: 'file', location: 'loc.ewb' },
      nested: { deeper: { stillAPath: 'deep.json' } },
      notAPath: 'not/a/path.txt',
    };
    const before = JSON.stringify(request);
    const rewritten = rewriteFilePaths(unusual, request, mark) as typeof request;
    expect(JSON.stringify(request)).toBe(before);
    expect(rewritten).toMatchObject({
      handle: 'h',
      whereTheMinutesLive: '<minutes.docx>',
      coverArt: null,
      fallbackReport: '<given.docx>',
      attachments: [{ label: 'a', file: '<a.pdf>' }, { label: 'b', file: '<b.pdf>' }],
      byArea: { north: '<n.csv>' },
      pair: ['x.txt', '<y.txt>'],
      target: { kind: 'file', location: '<loc.ewb>' },
      nested: { deeper: { stillAPath: '<deep.json>' } },
      notAPath: 'not/a/path.txt',
    });
    expect(Object.getPrototypeOf(rewritten.byArea)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(rewritten.byArea, '__proto__')?.value).toBe('<p.csv>');
  });

  it('confines a default path that an absent field would get, and leaves a null default to zod', () => {
    const rewritten = rewriteFilePaths(unusual, { handle: 'h', nested: { deeper: {} } }, mark) as Record<string, unknown>;
    expect(rewritten.fallbackReport).toBe('<reports/summary.docx>');
    expect(rewritten.nested).toEqual({ deeper: {} });
  });

  it('lets a refusal through: a rewrite that throws stops the request', () => {
    const refuse = (file: string) => {
      if (file.startsWith('..')) throw new Error(`refused ${file}`);
      return file;
    };
    expect(() => rewriteFilePaths(unusual, { attachments: [{ file: 'ok.pdf' }, { file: '../escape.pdf' }] }, refuse)).toThrow('refused ../escape.pdf');
    expect(() => rewriteFilePaths(unusual, { byArea: { a: '../escape.csv' } }, refuse)).toThrow('refused ../escape.csv');
  });

  it('leaves values of another shape for the schema to refuse', () => {
    expect(rewriteFilePaths(unusual, { whereTheMinutesLive: 42, attachments: 'nope' }, mark)).toEqual({ whereTheMinutesLive: 42, attachments: 'nope', fallbackReport: '<reports/summary.docx>' });
    expect(rewriteFilePaths(unusual, null, mark)).toBeNull();
  });
});
