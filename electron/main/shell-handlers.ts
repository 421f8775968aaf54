// Main's answers to the shell contract (shared/api/shell-contract.ts): native file dialogs, "show in
// folder" and which door this is. The folder-browsing methods belong to the browser host only.
// Electron's modules are passed in, so tests hand in fakes and no handler touches a global.
import path from 'node:path';
import type { BaseWindow, Dialog, OpenDialogOptions, SaveDialogOptions, Shell, WebContents } from 'electron';
import type { ShellHandlers as DoorShellHandlers } from '../../shared/api/dispatch-shell-request.ts';
import { fail, ok } from '../../shared/api/result.ts';
import { PURPOSE_EXTENSIONS, type FilePurpose } from '../../shared/api/shell-contract.ts';

export interface ShellDeps {
  dialog: Pick<Dialog, 'showOpenDialog' | 'showSaveDialog'>;
  shell: Pick<Shell, 'showItemInFolder'>;
  /** The window a request came from, so its dialog is attached (modal) to it. */
  windowOf(sender: WebContents): BaseWindow | null;
  pathExists(file: string): boolean;
  appVersion: string;
}

/** Main's handlers are told which page asked, so a dialog opens attached to its window. */
export type ShellHandlers = DoorShellHandlers<WebContents>;

/** What the dialog's file-type list calls each purpose. */
const PURPOSE_LABELS: Record<FilePurpose, string> = {
  workbook: 'Engagement workbooks',
  interchange: 'Workbook data (JSON)',
  word: 'Word documents',
  excel: 'Excel workbooks',
  csv: 'CSV files',
  spreadsheet: 'Spreadsheets (CSV or Excel)',
  image: 'Images',
  crime: 'police.uk crime (CSV or zip)',
};

function filtersFor(purpose: FilePurpose): { name: string; extensions: string[] }[] {
  return [{ name: PURPOSE_LABELS[purpose], extensions: [...PURPOSE_EXTENSIONS[purpose]] }];
}

/** A saved file gets the purpose's extension when the user typed a name without one (Linux dialogs add none). */
export function withPurposeExtension(file: string, purpose: FilePurpose): string {
  const extensions = PURPOSE_EXTENSIONS[purpose];
  const has = extensions.some((extension) => file.toLowerCase().endsWith(`.${extension}`));
  return has || extensions.length === 0 ? file : `${file}.${extensions[0]}`;
}

const HOST_ONLY = 'Only the browser host has a workbooks folder.';

export function createShellHandlers(deps: ShellDeps): ShellHandlers {
  return {
    async chooseFile({ mode, purpose, title, suggestedName }, sender) {
      const window = deps.windowOf(sender);
      const filters = filtersFor(purpose);
      if (mode === 'open') {
        const options: OpenDialogOptions = { properties: ['openFile'], filters, ...(title ? { title } : {}) };
        const answer = window ? await deps.dialog.showOpenDialog(window, options) : await deps.dialog.showOpenDialog(options);
        const chosen = answer.canceled ? undefined : answer.filePaths[0];
        return ok({ path: chosen ?? null });
      }
      const options: SaveDialogOptions = {
        properties: ['createDirectory', 'showOverwriteConfirmation'],
        filters,
        ...(title ? { title } : {}),
        // A suggestion is a file name only: the page never chooses the folder.
        ...(suggestedName ? { defaultPath: path.basename(suggestedName) } : {}),
      };
      const answer = window ? await deps.dialog.showSaveDialog(window, options) : await deps.dialog.showSaveDialog(options);
      return ok({ path: answer.canceled || !answer.filePath ? null : withPurposeExtension(answer.filePath, purpose) });
    },

    async showInFolder({ path: file }) {
      const absolute = path.resolve(file);
      if (!deps.pathExists(absolute)) return ok({ shown: false });
      deps.shell.showItemInFolder(absolute);
      return ok({ shown: true });
    },

    async getEnvironment() {
      return ok({ door: 'electron' as const, appVersion: deps.appVersion, workbooksFolder: null });
    },

    async listFolder() {
      return fail({ code: 'forbidden', message: HOST_ONLY });
    },

    async uploadFile() {
      return fail({ code: 'forbidden', message: HOST_ONLY });
    },
  };
}
