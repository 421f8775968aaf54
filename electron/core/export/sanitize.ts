// Making text safe for the deliverables: Word refuses some control characters, and spreadsheets
// evaluate cells that start like a formula (OWASP "CSV injection").

// C0 controls except tab, LF and CR; U+FFFE/FFFF; and lone surrogates — characters Word rejects.
const WORD_REJECTS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text with the characters Word refuses taken out. */
export function forWord(text: string): string {
  return text.replace(WORD_REJECTS, '');
}

const FORMULA_START = /^[=+\-@\t\r\n]/;

/**
 * Whether a spreadsheet would take text beginning like this (=, +, -, @, tab, CR or LF) for a
 * formula (OWASP "CSV injection"): the Excel export holds such a cell as text, by its style.
 */
export function startsLikeFormula(text: string): boolean {
  return FORMULA_START.test(text);
}
