// `ewb import census` and `ewb census`: bring an ONS Census 2021 bulk CSV into a workbook, and print
// the census figures it holds (as JSON, or a readable summary per table).
import type { Command } from 'commander';
import type { CensusFigure, CensusTable, GeographyLevel, ImportCensusResult } from '../../shared/api/census.ts';
import type { CliContext } from './cli-context.ts';
import { registerContactImportCommands } from './contact-commands.ts';

const LEVEL_NAMES: Readonly<Record<GeographyLevel, [string, string]>> = {
  oa: ['output area', 'output areas'],
  lsoa: ['LSOA', 'LSOAs'],
  msoa: ['MSOA', 'MSOAs'],
  ward: ['ward', 'wards'],
  la: ['local authority', 'local authorities'],
  other: ['area', 'areas'],
};

const NUMBER = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 });

function counted(n: number, [one, many]: readonly [string, string]): string {
  return `${NUMBER.format(n)} ${n === 1 ? one : many}`;
}

function categoryCount(table: CensusTable): number {
  return table.categories.filter((c) => !c.isTotal).length;
}

/** "Imported TS021 Ethnic group: 312 LSOAs × 20 categories (replaced the earlier import)." */
export function importedLine(result: ImportCensusResult): string {
  const { table } = result;
  const title = table.title && table.title !== table.code ? ` ${table.title}` : '';
  const replaced = result.replaced ? ' (replaced the earlier import)' : '';
  return `Imported ${table.code}${title}: ${counted(result.rows, LEVEL_NAMES[table.geographyLevel])} × ${counted(categoryCount(table), ['category', 'categories'])}${replaced}.\n`;
}

/** One figure as `ewb census --json` prints it: exactly these keys, in this order. */
export function figureRow(figure: CensusFigure): CensusFigure {
  return { table: figure.table, geographyCode: figure.geographyCode, geographyName: figure.geographyName, category: figure.category, count: figure.count, proportion: figure.proportion };
}

function percent(part: number, whole: number): string {
  return whole > 0 ? `${((100 * part) / whole).toFixed(1)}%` : '–';
}

/**
 * What a table's summary needs, gathered a figure at a time so a table of any size is summed with
 * flat memory: each category's count over all geographies, and each geography's total once
 * (recovered from a figure and its proportion, as the total is not a row; figures come a geography at a time).
 */
export class CensusTally {
  readonly byCategory = new Map<string, number>();
  total = 0;
  private geography: string | null = null;
  private counted = false;

  add(figure: CensusFigure): void {
    this.byCategory.set(figure.category, (this.byCategory.get(figure.category) ?? 0) + figure.count);
    if (figure.geographyCode !== this.geography) {
      this.geography = figure.geographyCode;
      this.counted = false;
    }
    if (!this.counted && figure.proportion > 0) {
      this.total += Math.round((figure.count / figure.proportion) * 1e6) / 1e6;
      this.counted = true;
    }
  }
}

/**
 * A table's summary: what it is, then each category's count over all its geographies and its share
 * of their combined total, subgroups indented under their group.
 */
export function formatTable(table: CensusTable, figures: Iterable<CensusFigure> | CensusTally): string {
  let tally: CensusTally;
  if (figures instanceof CensusTally) tally = figures;
  else {
    tally = new CensusTally();
    for (const figure of figures) tally.add(figure);
  }
  const { byCategory, total } = tally;
  const level = LEVEL_NAMES[table.geographyLevel];
  const depthOf = (position: number | null): number => {
    let depth = 0;
    for (let at = position; at !== null; at = table.categories.find((c) => c.position === at)?.parentPosition ?? null) depth += 1;
    return depth;
  };
  const labelOf = (position: number | null) => table.categories.find((c) => c.position === position)?.label;
  const rows = table.categories
    .filter((c) => !c.isTotal)
    .map((c) => {
      const parent = labelOf(c.parentPosition);
      const own = parent && c.label.startsWith(`${parent}: `) ? c.label.slice(parent.length + 2) : c.label;
      return { label: `${'  '.repeat(depthOf(c.parentPosition))}${own}`, count: byCategory.get(c.name) ?? 0 };
    });
  const labelWidth = Math.max(8, ...rows.map((r) => r.label.length));
  const countWidth = Math.max(5, ...rows.map((r) => NUMBER.format(r.count).length));
  const from = [table.source, table.referenceDate && !table.source.includes(table.referenceDate) ? table.referenceDate : '', table.fileName ? `from ${table.fileName}` : ''].filter(Boolean).join(', ');
  const lines = [
    `${table.code} ${table.title !== table.code ? table.title : ''}`.trimEnd(),
    `  ${counted(table.geographyCount, level)} × ${counted(rows.length, ['category', 'categories'])}${from ? `; ${from}` : ''}; imported ${table.importedAt.slice(0, 10)}`,
    `  All ${counted(table.geographyCount, level)} together (${NUMBER.format(total)} in all):`,
    ...rows.map((r) => `    ${r.label.padEnd(labelWidth)}  ${NUMBER.format(r.count).padStart(countWidth)}  ${percent(r.count, total).padStart(6)}`),
  ];
  return `${lines.join('\n')}\n`;
}

/** One figure as JSON.stringify(figures, null, 2) prints it inside the array, written directly: a national table has millions. */
export function figureJson(f: CensusFigure): string {
  const text = JSON.stringify;
  return `  {\n    "table": ${text(f.table)},\n    "geographyCode": ${text(f.geographyCode)},\n    "geographyName": ${text(f.geographyName)},\n    "category": ${text(f.category)},\n    "count": ${text(f.count)},\n    "proportion": ${text(f.proportion)}\n  }`;
}

/** Figures read per call: a page of a table, so memory stays flat however many it has. */
const FIGURE_PAGE = 2_000;

/** Every figure of a table, a page at a time, through the core's boundary. */
async function* tableFigures(context: CliContext, handle: string, table: CensusTable): AsyncGenerator<CensusFigure> {
  const positionOf = new Map(table.categories.map((c) => [c.name, c.position]));
  let after: { geographyCode: string; position: number } | undefined;
  for (;;) {
    const page = await context.call('listCensusFigures', { handle, tableId: table.id, limit: FIGURE_PAGE, ...(after ? { after } : {}) });
    yield* page;
    if (page.length < FIGURE_PAGE) return;
    const last = page.at(-1)!;
    after = { geographyCode: last.geographyCode, position: positionOf.get(last.category) ?? -1 };
  }
}

/** Writes to stdout in pieces of about 64 KB rather than a line at a time. */
function bufferedOut(context: CliContext): { write(text: string): void; flush(): void } {
  let parts: string[] = [];
  let size = 0;
  const flush = () => {
    if (parts.length > 0) context.io.out(parts.join(''));
    parts = [];
    size = 0;
  };
  return {
    write(text) {
      parts.push(text);
      size += text.length;
      if (size > 65_536) flush();
    },
    flush,
  };
}

export function registerCensusCommands(program: Command, context: CliContext): void {
  const importCommand = program
    .command('import')
    .description('bring data from another file into a workbook (see "ewb import census", "ewb import crime", "ewb import partners", "ewb import assets")')
    .argument('[what]', 'what to import: census, crime, partners or assets')
    .allowExcessArguments()
    .action((what?: string) => {
      const opening = what === undefined ? 'say what to import' : `there is no "ewb import ${what}"; ewb can import census tables, crime, partners and assets`;
      importCommand.error(`error: ${opening}, e.g. "ewb import census FILE.ewb TABLE.csv".`, { exitCode: 2, code: 'commander.usage' });
    });
  importCommand
    .command('census')
    .description('import an ONS Census 2021 bulk CSV (nomis layout); the same table at the same geography level replaces the earlier import')
    .argument('<file>', 'the .ewb file')
    .argument('<csv>', 'the census table CSV, e.g. census2021-ts021-lsoa.csv')
    .option('--table <code>', 'the table code, when the file name does not carry one (e.g. TS021)')
    .allowExcessArguments(false)
    .action(async (file: string, csv: string, options: { table?: string }) => {
      const { info, notices } = await context.call('openWorkbook', { path: file, readOnly: false });
      for (const notice of notices) context.io.err(`note: ${notice}\n`);
      let result: ImportCensusResult;
      try {
        result = await context.call('importCensus', { handle: info.handle, source: csv, ...(options.table !== undefined ? { tableCode: options.table } : {}) });
      } finally {
        await context.call('closeWorkbook', { handle: info.handle });
      }
      context.io.out(importedLine(result));
    });

  registerContactImportCommands(importCommand, context);

  program
    .command('census')
    .description("show a workbook's census figures, per table (read-only; takes no lock)")
    .argument('<file>', 'the .ewb file')
    .option('--table <code>', 'only this table (e.g. TS021)')
    .option('--json', 'print a JSON array of { table, geographyCode, geographyName, category, count, proportion }')
    .action(async (file: string, options: { table?: string; json?: boolean }) => {
      const { info } = await context.call('openWorkbook', { path: file, readOnly: true });
      // Figures are written as they are read, a page at a time: a national table never sits in memory whole.
      const out = bufferedOut(context);
      try {
        let tables = await context.call('listCensusTables', { handle: info.handle });
        if (options.table !== undefined) {
          const wanted = options.table.trim().toUpperCase();
          const chosen = tables.filter((t) => t.code.toUpperCase() === wanted);
          if (chosen.length === 0) {
            const held = tables.map((t) => t.code);
            context.refuse(`there is no census table ${wanted} in this workbook; ${held.length ? `it has ${[...new Set(held)].join(', ')}` : 'it has none yet (add one with "ewb import census")'}.`);
          }
          tables = chosen;
        }
        if (options.json) {
          // Exactly what JSON.stringify(figures, null, 2) would print, without building it.
          let first = true;
          out.write('[');
          for (const table of tables) {
            for await (const figure of tableFigures(context, info.handle, table)) {
              out.write(`${first ? '\n' : ',\n'}${figureJson(figure)}`);
              first = false;
            }
          }
          out.write(first ? ']\n' : '\n]\n');
        } else if (tables.length === 0) {
          out.write('No census tables in this workbook. Add one with "ewb import census FILE.ewb TABLE.csv".\n');
        } else {
          for (const [index, table] of tables.entries()) {
            const tally = new CensusTally();
            for await (const figure of tableFigures(context, info.handle, table)) tally.add(figure);
            out.write(`${index > 0 ? '\n' : ''}${formatTable(table, tally)}`);
          }
        }
        out.flush();
      } finally {
        await context.call('closeWorkbook', { handle: info.handle });
      }
    });
}
