// The Word body written a block at a time is the body docx writes whole: each kind of block the
// document uses is written by elementXml byte for byte as docx writes it in a whole document, and
// the table of contents' links reach the headings' bookmarks however many documents the process
// has written before (docx numbers bookmarks across the whole process).
import { AlignmentType, Document, Packer, PageBreak, PageNumber, Paragraph, Table, TableCell, TableRow, TextRun, type FileChild } from 'docx';
import { describe, expect, it } from 'vitest';
import { blockXml } from '../../../electron/core/export/word-xml.ts';
import { DOCUMENT_XML, readZipEntry } from '../../../electron/core/export/word-body.ts';
import { bullet, gapLine, heading, intro, para, prose } from '../../../electron/core/export/word-blocks.ts';
import { fullWorkbookJson, makeData } from '../../helpers/strategy-workbook.ts';
import { exportOf } from '../../helpers/word-document.ts';

/** Every kind of block the document's parts make, fresh each time (docx blocks are written once each). */
function blocks(): FileChild[] {
  return [
    heading('1 Purpose & “aims” <of> the strategy', 1),
    heading('Appendix B', 1, { pageBreakBefore: true }),
    heading('What we know about them', 3),
    para({ text: 'Aim 1: ', bold: true }, { text: 'Fewer burglaries', bold: true }, ' and some\tplain text with \u0001 a control character'),
    ...prose('First line\nSecond line, with an apostrophe’s \'quote\' and "double"', 'Label'),
    intro('A sentence before a table.'),
    gapLine('To be completed: the messages.'),
    bullet({ text: 'A bullet', italics: true }, ' and more'),
    new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: ['Page ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES], size: 18 })] }),
    new Paragraph({ children: [new PageBreak()] }),
    new Paragraph({ spacing: { before: 160 }, children: [new TextRun('Spaced')] }),
    new Paragraph({}),
    new Table({ rows: [new TableRow({ children: [new TableCell({ children: [para('In a cell')] })] })] }),
  ];
}

describe('writing the Word body a block at a time', () => {
  it('writes every kind of block as docx does in a whole document', async () => {
    const whole = await readZipEntry(await Packer.toBuffer(new Document({ sections: [{ children: blocks() }] })), DOCUMENT_XML);
    const body = whole.slice(whole.indexOf('<w:body>') + '<w:body>'.length, whole.lastIndexOf('<w:sectPr'));
    const document = new Document({ sections: [{ children: [] }] });
    const context = { file: document, viewWrapper: document.Document, stack: [] };
    const written = blocks().map((block) => blockXml(block, context));
    expect(written.join('')).toBe(body);
    // Each block on its own, so a difference would name the block.
    expect(written.every((xml) => body.includes(xml))).toBe(true);
    expect(written[0]).toContain('1 Purpose &amp; “aims” &lt;of&gt; the strategy');
  });

  it('links each entry of the table of contents to its heading, in a second document written by the same process too', async () => {
    const data = await makeData(fullWorkbookJson());
    for (let round = 0; round < 2; round += 1) {
      const { docx } = await exportOf(data);
      const xml = docx.document;
      const anchors = [...xml.matchAll(/<w:hyperlink [^>]*w:anchor="(_Toc\d+)"/g)].map((m) => m[1]);
      const bookmarks = [...xml.matchAll(/<w:bookmarkStart w:name="(_Toc\d+)" w:id="(\d+)"\/>/g)].map((m) => m[1]);
      expect(anchors.length).toBe(docx.headings.filter((h) => h.level <= 2).length);
      expect(anchors).toEqual(bookmarks);
      // The entries say what their headings say, in order.
      const entries = [...xml.matchAll(/<w:hyperlink [^>]*w:anchor="_Toc\d+"[^>]*><w:r><w:t xml:space="preserve">([^<]*)<\/w:t>/g)].map((m) => m[1]);
      expect(entries).toEqual(docx.headings.filter((h) => h.level <= 2).map((h) => h.text.replace(/&/g, '&amp;')));
      // A bookmark for each heading listed, closed inside its paragraph.
      for (const name of bookmarks) {
        const id = new RegExp(`w:name="${name}" w:id="(\\d+)"`).exec(xml)?.[1];
        expect(xml).toMatch(new RegExp(`w:id="${id}"/>[\\s\\S]*?<w:bookmarkEnd w:id="${id}"/></w:p>`));
      }
    }
  });
});
