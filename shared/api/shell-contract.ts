// Methods a door (Electron main, the loopback host) answers itself rather than the core: choosing
// files and folders. The renderer's one client is typed over both contracts.
import { z } from 'zod';
import { FilePathSchema } from './fields.ts';
import { LockStatusSchema } from './workbook.ts';

/** What a file is being chosen for; each door maps this to its filters and wording. */
export const FilePurposeSchema = z.enum(['workbook', 'interchange', 'word', 'excel', 'csv', 'spreadsheet', 'image', 'crime']);
export type FilePurpose = z.infer<typeof FilePurposeSchema>;

/** File-name extensions per purpose, for dialogs' filters and the host's file browser. */
export const PURPOSE_EXTENSIONS: Record<FilePurpose, readonly string[]> = {
  workbook: ['ewb'],
  interchange: ['json'],
  word: ['docx'],
  excel: ['xlsx'],
  csv: ['csv'],
  spreadsheet: ['csv', 'xlsx'],
  image: ['png', 'jpg', 'jpeg'],
  /** police.uk street-level crime: a month's CSV, or a zip of many months. */
  crime: ['csv', 'zip'],
};

export const FolderEntrySchema = z.object({
  name: z.string(),
  /** Path relative to the host's workbooks folder, `/`-separated. */
  path: z.string(),
  kind: z.enum(['file', 'folder']),
  size: z.number().int().nonnegative(),
  modified: z.string(),
  /** For a workbook: what its "in use" marker (`~$NAME.ewb.lock`) says, if it has one. */
  lock: LockStatusSchema.optional(),
});
export type FolderEntry = z.infer<typeof FolderEntrySchema>;

export const shellContract = {
  /** Electron: a native dialog. The host answers `forbidden`: its renderer shows its own browser. */
  chooseFile: {
    request: z
      .object({
        mode: z.enum(['open', 'save']),
        purpose: FilePurposeSchema,
        title: z.string().max(200).optional(),
        suggestedName: z.string().max(255).optional(),
      })
      .strict(),
    response: z.object({ path: z.string().nullable() }),
  },
  /** Shows a written file in the system's file manager ("Open folder" after an export). */
  showInFolder: {
    request: z.object({ path: FilePathSchema }).strict(),
    response: z.object({ shown: z.boolean() }),
  },
  /** Which door this is, so the renderer can choose its file-choosing UI. */
  getEnvironment: {
    request: z.object({}).strict(),
    response: z.object({ door: z.enum(['electron', 'host']), appVersion: z.string(), workbooksFolder: z.string().nullable() }),
  },
  /** Host only: the entries of a folder inside the workbooks folder. */
  listFolder: {
    request: z.object({ folder: z.string().max(4096).default('') }).strict(),
    response: z.object({ folder: z.string(), entries: z.array(FolderEntrySchema) }),
  },
  /** Host only: puts an uploaded file into the workbooks folder (base64, at most 64 MB). */
  uploadFile: {
    request: z
      .object({
        folder: z.string().max(4096).default(''),
        name: z.string().min(1).max(255),
        contentBase64: z.string().max(90_000_000),
        overwrite: z.boolean().default(false),
        /** A separate confirmation that a workbook may be replaced by a file that is not one. */
        replaceWorkbook: z.boolean().default(false),
      })
      .strict(),
    response: z.object({ path: z.string() }),
  },
} as const;

export type ShellContract = typeof shellContract;
export type ShellMethodName = keyof ShellContract;
export const SHELL_METHOD_NAMES = Object.keys(shellContract) as ShellMethodName[];

export function isShellMethodName(name: string): name is ShellMethodName {
  return Object.hasOwn(shellContract, name);
}

export type ShellRequestOf<M extends ShellMethodName> = z.input<ShellContract[M]['request']>;
export type ShellParsedRequestOf<M extends ShellMethodName> = z.output<ShellContract[M]['request']>;
export type ShellResponseOf<M extends ShellMethodName> = z.output<ShellContract[M]['response']>;
