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
 * A cell's text that no spreadsheet will evaluate: text beginning with =, +, -, @, tab, CR or LF
 * is prefixed with an apostrophe (shown as text in Excel and LibreOffice), control characters
 * Word-style removed too.
 */
export function forSpreadsheet(text: string): string {
  const clean = forWord(text);
  return FORMULA_START.test(clean) ? `'${clean}` : clean;
}
