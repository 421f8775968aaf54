// `ewb import crime` and `ewb crime`: bring police.uk street-level crime files (CSVs, folders of them,
// or zips of them) into a workbook with progress on stderr, and print the counts by LSOA or by area.
import crypto from 'node:crypto';
import type { Command } from 'commander';
import type { AreaCrimeCount, ImportCrimeResult, LsoaCrimeCount } from '../../shared/api/crime.ts';
import { CRIME_TYPES, crimeTypeLabel } from '../../shared/domain/crime-types.ts';
import { forceById } from '../../shared/domain/forces.ts';
import type { CliContext } from './cli-context.ts';

const NUMBER = new Intl.NumberFormat('en-GB');

function plural(n: number, one: string, many = `${one}s`): string {
  return `${NUMBER.format(n)} ${n === 1 ? one : many}`;
}

/** "Imported 3 files: 245,113 rows, 3 force-months (Kent Police 2024-01 to 2024-03) …" */
export function importSummary(result: ImportCrimeResult): string {
  const batches = result.imported.flatMap((file) => file.batches);
  const months = batches.map((b) => b.month).sort();
  const forces = [...new Set(batches.map((b) => forceById(b.forceId)?.name ?? b.forceId))];
  const span = months.length === 0 ? '' : ` (${forces.slice(0, 3).join(', ')}${forces.length > 3 ? ` and ${forces.length - 3} more` : ''}; ${months[0]}${months.length > 1 && months.at(-1) !== months[0] ? ` to ${months.at(-1)}` : ''})`;
  const replaced = batches.filter((b) => b.replaced).length;
  const unplaced = result.imported.reduce((sum, file) => sum + file.rowsWithoutLsoa, 0);
  const parts = [
    `Imported ${plural(result.imported.length, 'file')}: ${plural(result.rows, 'row')} in ${plural(batches.length, 'force-month')}${span}`,
    ...(replaced > 0 ? [`${plural(replaced, 'force-month')} replaced ${replaced === 1 ? 'its' : 'their'} earlier import`] : []),
    ...(unplaced > 0 ? [`${plural(unplaced, 'row')} without an LSOA (counted, not placed in any area)`] : []),
    ...(result.skipped > 0 ? [`skipped ${plural(result.skipped, 'file')} that ${result.skipped === 1 ? 'is' : 'are'} not street-level crime`] : []),
    ...(result.refused.length > 0 ? [`refused ${plural(result.refused.length, 'file')} (listed above)`] : []),
    ...(result.cancelled ? ['then cancelled: the file under way kept nothing'] : []),
  ];
  return `${parts.join('; ')}.\n`;
}

function megabytes(bytes: number): string {
  return `${(bytes / 1048576).toFixed(bytes < 10 * 1048576 ? 1 : 0)} MB`;
}

export function registerCrimeCommands(program: Command, context: CliContext): void {
  const importCommand = program.commands.find((command) => command.name() === 'import');
  if (!importCommand) throw new Error('"ewb import" must be registered before "ewb import crime"');
  importCommand
    .command('crime')
    .description('import police.uk street-level crime: CSV files, folders of them, or zips of them (the custom download); a force-month imported again replaces the earlier import')
    .argument('<file>', 'the .ewb file')
    .argument('<sources...>', 'YYYY-MM-force-street.csv files, folders holding them, or zips of them')
    .action(async (file: string, sources: string[]) => {
      const { info, notices } = await context.call('openWorkbook', { path: file, readOnly: false });
      for (const notice of notices) context.io.err(`note: ${notice}\n`);
      const jobId = crypto.randomUUID();
      let last = '';
      const show = async () => {
        const progress = await context.call('getJobProgress', { jobId }).catch(() => null);
        if (!progress) return;
        const line = `${progress.stage}: ${megabytes(progress.done)}${progress.total > 0 ? ` of ${megabytes(progress.total)}` : ''}${progress.rows !== undefined ? `, ${plural(progress.rows, 'row')}` : ''}`;
        if (line !== last) context.io.err(`${line}\n`);
        last = line;
      };
      const timer = setInterval(() => void show(), 300);
      // Ctrl+C stops the import: the file under way keeps nothing; files finished before it stay.
      const cancel = () => void context.call('cancelJob', { jobId }).catch(() => undefined);
      process.once('SIGINT', cancel);
      let result: ImportCrimeResult;
      try {
        result = await context.call('importCrime', { handle: info.handle, sources, jobId });
      } finally {
        clearInterval(timer);
        process.removeListener('SIGINT', cancel);
        await context.call('closeWorkbook', { handle: info.handle });
      }
      for (const refused of result.refused) context.io.err(`refused: ${refused.message}\n`);
      context.io.out(importSummary(result));
      if (result.refused.length > 0) context.failQuietly('some files were refused');
    });

  program
    .command('crime')
    .description("show a workbook's crime counts by LSOA or rolled up to its areas (read-only; takes no lock)")
    .argument('<file>', 'the .ewb file')
    .option('--by <what>', 'lsoa or area', 'area')
    .option('--json', 'print a JSON array: { lsoaCode, month, crimeType, count } by LSOA, { areaId, areaName, month, crimeType, count } by area')
    .action(async (file: string, options: { by: string; json?: boolean }) => {
      if (options.by !== 'lsoa' && options.by !== 'area') context.refuse(`--by takes "lsoa" or "area", not "${options.by}".`);
      const { info } = await context.call('openWorkbook', { path: file, readOnly: true });
      const typeWidth = Math.max(...CRIME_TYPES.map((type) => type.label.length));
      let written = 0;
      // Rows are written as they are read, a page of LSOAs at a time: a national import never sits in memory whole.
      const write = (rows: ReadonlyArray<LsoaCrimeCount | AreaCrimeCount>, width: number) => {
        if (rows.length === 0) return;
        if (options.json) context.io.out(rows.map((row) => `${written++ === 0 ? '[\n' : ',\n'}${JSON.stringify(row, null, 2).replace(/^/gm, '  ')}`).join(''));
        else {
          written += rows.length;
          context.io.out(rows.map((row) => `${('areaName' in row ? row.areaName : row.lsoaCode).padEnd(width)}  ${row.month}  ${crimeTypeLabel(row.crimeType).padEnd(typeWidth)}  ${NUMBER.format(row.count).padStart(7)}\n`).join(''));
        }
      };
      try {
        if (options.by === 'area') {
          const rows = await context.call('listAreaCrimeCounts', { handle: info.handle });
          write(rows, Math.max(0, ...rows.map((row) => row.areaName.length)));
        } else {
          let afterLsoa: string | undefined;
          for (;;) {
            const page = await context.call('listLsoaCrimeCounts', { handle: info.handle, lsoaLimit: 1000, ...(afterLsoa === undefined ? {} : { afterLsoa }) });
            if (page.length === 0) break;
            write(page, 9);
            afterLsoa = page.at(-1)!.lsoaCode;
          }
        }
        if (options.json) context.io.out(written === 0 ? '[]\n' : '\n]\n');
        else if (written === 0) {
          context.io.out(options.by === 'area' ? 'No crime counted in any area. Import police.uk files with "ewb import crime", and give the areas their LSOA codes.\n' : 'No crime in this workbook. Import police.uk files with "ewb import crime FILE.ewb CSV|FOLDER|ZIP".\n');
        }
      } finally {
        await context.call('closeWorkbook', { handle: info.handle });
      }
    });
}
