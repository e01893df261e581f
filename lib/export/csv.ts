/**
 * The one writer of delimited text (CSV, TSV) for every export: result and
 * tile CSV, copy-as-TSV, the decrypted-plaintext export and the audit log.
 *
 * Spreadsheets run a cell that starts with `=`, `+`, `-` or `@` (and some with
 * a leading tab or carriage return) as a formula, so a value planted in a
 * system table can call out or run commands when an export is opened.
 * Following OWASP, such a cell gets a leading single quote, which spreadsheets
 * show as text. The decision is by the cell's origin, not its look: text
 * (strings, names, decrypted values) is defused, while a value of a typed
 * column (a number, date, timestamp or boolean) is written as is, so `-5` from
 * a numeric column stays `-5`, while the string `-5+cmd` becomes `'-5+cmd`.
 * A string column holding `-5` also becomes `'-5`: its type says it is text.
 */

export type DelimitedFormat = 'csv' | 'tsv';

/** The first characters that make a spreadsheet read a cell as a formula (OWASP's list). */
export const FORMULA_TRIGGERS: readonly string[] = ['=', '+', '-', '@', '\t', '\r'];

/**
 * Where a cell's text came from: `text` is free text and is defused,
 * `value` is the rendering of a typed value (number, date, boolean) and is not.
 */
export type CellOrigin = 'text' | 'value';

export interface Cell {
  text: string;
  origin: CellOrigin;
}

/** A free-text cell (defused if it starts like a formula). */
export function textCell(text: string): Cell {
  return { text, origin: 'text' };
}

/** A typed value's text, written as is. */
export function valueCell(text: string): Cell {
  return { text, origin: 'value' };
}

/** `text` with a leading quote when a spreadsheet would read it as a formula. */
export function defuseFormula(text: string): string {
  return FORMULA_TRIGGERS.includes(text.charAt(0)) ? `'${text}` : text;
}

const NEEDS_QUOTES: Readonly<Record<DelimitedFormat, RegExp>> = {
  // RFC 4180: quote a field with the separator, a quote or a line break.
  csv: /[,\n\r"]/,
  // What spreadsheets paste: Excel-style quoting for a tab, line break or quote.
  tsv: /[\t\n\r"]/,
};

const SEPARATOR: Readonly<Record<DelimitedFormat, string>> = { csv: ',', tsv: '\t' };

/** One field: defused if it is text, then quoted (quotes doubled) only when needed. */
export function delimitedField(cell: Cell, format: DelimitedFormat): string {
  const text = cell.origin === 'text' ? defuseFormula(cell.text) : cell.text;
  return NEEDS_QUOTES[format].test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One line of fields, without a line break at the end. */
export function delimitedLine(cells: readonly Cell[], format: DelimitedFormat): string {
  return cells.map((cell) => delimitedField(cell, format)).join(SEPARATOR[format]);
}

/** A whole document: every line ended by CRLF, as RFC 4180 has it. */
export function delimitedDocument(lines: Iterable<readonly Cell[]>, format: DelimitedFormat): string {
  let out = '';
  for (const cells of lines) out += `${delimitedLine(cells, format)}\r\n`;
  return out;
}
