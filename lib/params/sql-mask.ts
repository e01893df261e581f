/**
 * Hides the parts of a SQL text where `{{` is data, not a placeholder: string
 * literals, quoted identifiers and comments. The lexical rules are DuckDB's.
 */

const IDENT_CHAR = /[A-Za-z0-9_$]/;
const DOLLAR_TAG = /^\$([A-Za-z_][A-Za-z0-9_]*)?\$/;

function blank(text: string): string {
  // Keep line breaks so offsets and line numbers stay the same.
  return text.replace(/[^\n]/g, ' ');
}

/** End (exclusive) of a quoted run opened at `start` by `quote`, where a doubled quote escapes it. */
function quotedEnd(sql: string, start: number, quote: string, backslashEscapes: boolean): number {
  let i = start + 1;
  while (i < sql.length) {
    const ch = sql[i];
    if (backslashEscapes && ch === '\\') {
      i += 2;
      continue;
    }
    if (ch === quote) {
      if (sql[i + 1] === quote) {
        i += 2;
        continue;
      }
      return i + 1;
    }
    i++;
  }
  return sql.length;
}

/** End (exclusive) of a block comment at `start`; DuckDB lets block comments nest. */
function blockCommentEnd(sql: string, start: number): number {
  let depth = 0;
  let i = start;
  while (i < sql.length) {
    if (sql.startsWith('/*', i)) {
      depth++;
      i += 2;
    } else if (sql.startsWith('*/', i)) {
      depth--;
      i += 2;
      if (depth === 0) return i;
    } else {
      i++;
    }
  }
  return sql.length;
}

/** End (exclusive) of the construct that starts at `i`, or undefined when `i` starts ordinary code. */
function skippedEnd(sql: string, i: number): number | undefined {
  const ch = sql[i];
  const before = i > 0 ? (sql[i - 1] ?? '') : '';
  if (ch === '-' && sql[i + 1] === '-') {
    const newline = sql.indexOf('\n', i);
    return newline === -1 ? sql.length : newline;
  }
  if (ch === '/' && sql[i + 1] === '*') return blockCommentEnd(sql, i);
  if (ch === "'") {
    // E'...' strings take backslash escapes; the E must stand alone, not end a word.
    const prev2 = i > 1 ? (sql[i - 2] ?? '') : '';
    const escapeString = (before === 'E' || before === 'e') && !IDENT_CHAR.test(prev2);
    return quotedEnd(sql, i, "'", escapeString);
  }
  if (ch === '"') return quotedEnd(sql, i, '"', false);
  if (ch === '$' && !IDENT_CHAR.test(before)) {
    const tag = DOLLAR_TAG.exec(sql.slice(i, i + 130));
    if (tag) {
      const close = sql.indexOf(tag[0], i + tag[0].length);
      return close === -1 ? sql.length : close + tag[0].length;
    }
  }
  return undefined;
}

/**
 * Returns `sql` with every string literal (`'...'`, `E'...'`, `$$...$$`),
 * quoted identifier and comment replaced by spaces, so it has the same length
 * and offsets as `sql`. An unterminated one runs to the end, as DuckDB reads it.
 */
export function maskSqlLiterals(sql: string): string {
  let out = '';
  let i = 0;
  let codeStart = 0;
  while (i < sql.length) {
    const end = skippedEnd(sql, i);
    if (end === undefined) {
      i++;
      continue;
    }
    out += sql.slice(codeStart, i) + blank(sql.slice(i, end));
    i = end;
    codeStart = end;
  }
  return out + sql.slice(codeStart);
}
