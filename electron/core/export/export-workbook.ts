// Writes the deliverables a planner asked for: the data read once, then the Word document and/or
// the Excel workbook, each written to a temporary file beside its destination and renamed into
// place, so a failed export never leaves half a file.
import path from 'node:path';
import type { ExportResult, ExportSectionId } from '../../../shared/api/export.ts';
import { AppError } from '../app-error.ts';
import type { ReadDb } from '../db/open-database.ts';
import { fileSystemError } from '../db/inspect-header.ts';
import { writeFileDurably } from '../fs/durable-write.ts';
import type { ProgressReporter } from '../jobs/job-progress.ts';
import { collectExportData } from './export-data.ts';

export interface ExportOptions {
  word: string | null;
  excel: string | null;
  sections: readonly ExportSectionId[];
  personal: boolean;
}

function checkDestination(file: string, extension: string): void {
  if (path.extname(file).toLowerCase() !== extension) {
    throw new AppError('invalid-input', `"${path.basename(file)}" should end in ${extension}.`, { [extension === '.docx' ? 'word' : 'excel']: `The file name must end in ${extension}` });
  }
}

export async function exportWorkbook(db: ReadDb, options: ExportOptions, now: Date, report: ProgressReporter): Promise<ExportResult> {
  if (options.word) checkDestination(options.word, '.docx');
  if (options.excel) checkDestination(options.excel, '.xlsx');
  report({ stage: 'Reading the workbook', done: 0, total: 0 });
  const data = collectExportData(db, { sections: options.sections, personal: options.personal, now });
  const files: ExportResult['files'] = [];
  const outputs: Array<['word' | 'excel', string, () => Promise<Buffer>]> = [];
  // The writers (and docx and ExcelJS behind them) load only when asked for: every other command starts faster.
  if (options.word) outputs.push(['word', options.word, async () => (await import('./export-word.ts')).exportWord(data, report)]);
  if (options.excel) outputs.push(['excel', options.excel, async () => (await import('./export-excel.ts')).exportExcel(data, report)]);
  for (const [kind, file, make] of outputs) {
    const bytes = await make();
    try {
      writeFileDurably(file, bytes);
    } catch (error) {
      throw fileSystemError(error, file);
    }
    files.push({ kind, path: file, bytes: bytes.length });
  }
  return { files };
}
