// How wide a word prints in the document's font (Arial, whose advance widths Liberation Sans and
// Helvetica share), so a table column can be made wide enough that no word in its heading breaks
// mid-word ("Neighbourh/ood"). Widths are in thousandths of an em for the printable ASCII letters;
// anything else counts as a wide letter, so a guess errs towards a wider column.

const REGULAR: Record<string, number> = {};
const BOLD: Record<string, number> = {};

function define(table: Record<string, number>, letters: string, widths: readonly number[]): void {
  [...letters].forEach((letter, i) => (table[letter] = widths[i]!));
}

define(REGULAR, 'abcdefghijklmnopqrstuvwxyz', [556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500]);
define(REGULAR, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', [667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611]);
define(REGULAR, '0123456789', new Array<number>(10).fill(556));
define(REGULAR, ' ,.:;-()/’\'&', [278, 278, 278, 278, 278, 333, 333, 333, 278, 222, 191, 667]);
define(BOLD, 'abcdefghijklmnopqrstuvwxyz', [556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611, 611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500]);
define(BOLD, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', [722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611]);
define(BOLD, '0123456789', new Array<number>(10).fill(556));
define(BOLD, ' ,.:;-()/’\'&', [278, 278, 278, 333, 333, 333, 333, 333, 278, 278, 238, 722]);

/** A letter not in the tables (an accented or symbol one) is taken as wide as an M. */
const UNKNOWN = 889;

/** The width of `text` in points at `size` points, bold or not. */
export function textWidth(text: string, size: number, bold = false): number {
  const table = bold ? BOLD : REGULAR;
  let em = 0;
  for (const letter of text) em += table[letter] ?? UNKNOWN;
  return (em / 1000) * size;
}

/** The width in points of the widest word of `text` (split at spaces and hyphens, where a line may break). */
export function widestWord(text: string, size: number, bold = false): number {
  let widest = 0;
  for (const word of text.split(/[\s]+|(?<=-)/)) widest = Math.max(widest, textWidth(word, size, bold));
  return widest;
}
