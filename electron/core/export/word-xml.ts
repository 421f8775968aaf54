// The XML of one block of the Word document, written as the docx package would write it inside the
// whole document, so the document body can be written a block at a time instead of docx holding
// the whole body (as objects, then as one object tree, then as one string) in memory at once.
// docx prepares each element as a plain object (`prepForXml`); this turns that object into text
// with the same bytes as docx's own writer, which tests/core/export/word-xml.test.ts checks
// against docx on every kind of block the document uses.
import type { FileChild, IContext, IXmlableObject } from 'docx';

const ENTITIES: Record<string, string> = { '&': '&amp;', '"': '&quot;', "'": '&apos;', '<': '&lt;', '>': '&gt;' };

/** Escaped as docx escapes attribute values and text alike; control characters XML cannot hold are dropped. */
function escaped(value: unknown): string {
  if (typeof value !== 'string') return String(value);
  return value.replace(/[&"'<>\x00-\x08\x0B\x0C\x0E-\x1F]/g, (char) => ENTITIES[char] ?? '');
}

function attributes(values: Record<string, unknown>): string {
  let text = '';
  for (const [key, value] of Object.entries(values)) text += ` ${key}="${escaped(value)}"`;
  return text;
}

/**
 * One prepared element as XML. The object form: `{ tag: value }`, where the value is an array of
 * children (objects, `{ _attr }` for attributes, strings for text), an object with `_attr` (and
 * perhaps `_cdata`), or a scalar for text. An array is always written with an end tag, even empty;
 * an object without content closes itself — as docx writes them.
 */
export function elementXml(element: IXmlableObject): string {
  const name = Object.keys(element)[0];
  if (name === undefined) return '';
  const value: unknown = element[name];
  if (value === null) return `<${name}/>`;
  if (typeof value !== 'object') return `<${name}>${value === undefined ? '' : escaped(value)}</${name}>`;
  const own = value as { _attr?: Record<string, unknown>; _cdata?: string };
  let attrs = own._attr ? attributes(own._attr) : '';
  let content = own._cdata === undefined ? '' : `<![CDATA[${own._cdata.replace(/\]\]>/g, ']]]]><![CDATA[>')}]]>`;
  if (Array.isArray(value)) {
    for (const child of value as unknown[]) {
      if (typeof child !== 'object' || child === null) content += escaped(child);
      else if (Object.keys(child)[0] === '_attr') attrs += attributes((child as { _attr: Record<string, unknown> })._attr);
      else content += elementXml(child as IXmlableObject);
    }
    return `<${name}${attrs}>${content}</${name}>`;
  }
  return content === '' ? `<${name}${attrs}/>` : `<${name}${attrs}>${content}</${name}>`;
}

/** A block of the body (a paragraph, a docx table, the table of contents) as docx writes it in `context`. */
export function blockXml(block: FileChild, context: IContext): string {
  const prepared = block.prepForXml(context);
  return prepared === undefined ? '' : elementXml(prepared);
}
