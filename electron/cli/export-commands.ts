// `ewb export`: the Word strategy document and/or the Excel workbook from the command line
// (read-only: takes no lock).
import type { Command } from 'commander';
import { EXPORT_SECTIONS, EXPORT_SECTION_IDS } from '../../shared/api/export.ts';
import type { CliContext } from './cli-context.ts';

export function registerExportCommands(program: Command, context: CliContext): void {
  const sectionList = EXPORT_SECTIONS.map((s) => `${s.id} (${s.title})`).join(', ');
  program
    .command('export')
    .description('write the Word strategy document and/or the Excel workbook (read-only; takes no lock)')
    .argument('<file>', 'the .ewb file')
    .option('--word <out.docx>', 'write the Word strategy document here')
    .option('--excel <out.xlsx>', 'write the Excel workbook here')
    .option('--sections <ids>', `comma-separated sections to include (default: all): ${sectionList}`)
    .option('--personal', "include personal data (people's names and contact details); off by default")
    .addHelpText('after', `\nSections: ${sectionList}.`)
    .action(async (file: string, options: { word?: string; excel?: string; sections?: string; personal?: boolean }) => {
      if (!options.word && !options.excel) context.refuse('say what to write: --word OUT.docx, --excel OUT.xlsx, or both.');
      const sections = options.sections ? options.sections.split(',').map((s) => s.trim()).filter(Boolean) : [...EXPORT_SECTION_IDS];
      const unknown = sections.filter((s) => !(EXPORT_SECTION_IDS as readonly string[]).includes(s));
      if (unknown.length > 0) context.refuse(`unknown section${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')}. The sections are: ${EXPORT_SECTION_IDS.join(', ')}.`);
      const { info } = await context.call('openWorkbook', { path: file, readOnly: true });
      try {
        const result = await context.call('exportWorkbook', { handle: info.handle, word: options.word ?? null, excel: options.excel ?? null, sections, personal: Boolean(options.personal) });
        for (const written of result.files) {
          context.io.out(`Wrote ${written.path} (${written.kind === 'word' ? 'Word strategy document' : 'Excel workbook'}, ${Math.max(1, Math.round(written.bytes / 1024))} KB${options.personal ? ', personal data included' : ''}).\n`);
        }
      } finally {
        await context.call('closeWorkbook', { handle: info.handle });
      }
    });
}
