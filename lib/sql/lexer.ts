/**
 * The one SQL lexer: DuckDB 0.9's lexical rules (Postgres-derived), which
 * every part of the app that reads SQL text goes through, so they all agree
 * on where strings, quoted identifiers and comments start and end.
 *
 * Checked against DuckDB-WASM 1.28 (DuckDB 0.9.1): block comments nest,
 * `E'…'` strings take backslash escapes, `$$…$$` and `$tag$…$tag$` are
 * strings, and an identifier may contain `$` (`a$b`). An unterminated string,
 * identifier or comment runs to the end of the text and is flagged, which is
 * also where DuckDB's own parser gives up.
 */

export type TokenKind =
  | 'space'
  | 'line-comment'
  | 'block-comment'
  /** `'…'`, `E'…'`, `$$…$$` or `$tag$…$tag$`; see `stringValue`. */
  | 'string'
  /** `"…"`; see `identifierValue`. */
  | 'quoted-identifier'
  | 'number'
  /** A keyword or an unquoted identifier. */
  | 'word'
  /** A run of operator characters (`>=`, `::`, `*`, `||`). */
  | 'operator'
  /** One of `( ) [ ] { } , . ;` and anything else on its own. */
  | 'punctuation';

export interface Token {
  kind: TokenKind;
  /** Offset of the first character. */
  start: number;
  /** Offset just past the last character. */
  end: number;
  text: string;
  /** A string, quoted identifier or block comment that reaches the end of the text unclosed. */
  unterminated?: true;
}

const WORD_START = /[A-Za-z_\u0080-\uffff]/;
const WORD_CHAR = /[A-Za-z0-9_$\u0080-\uffff]/;
const DOLLAR_TAG = /^\$(?:[A-Za-z_\u0080-\uffff][A-Za-z0-9_\u0080-\uffff]*)?\$/;
const NUMBER = /^(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/;
const OPERATOR_CHAR = /[+\-*/<>=~!@#%^&|`?:]/;
/** An operator ending in + or - keeps it only when it holds one of these (Postgres's rule), so `=-1` is `=` then `-1`. */
const OPERATOR_KEEPS_SIGN = /[~!@#%^&|`?]/;

/** End (exclusive) of a quoted run opened at `start`, where a doubled quote escapes it; -1 when unclosed. */
function quotedEnd(sql: string, start: number, quote: string, backslashEscapes: boolean): number {
  let i = start + 1;
  while (i < sql.length) {
    const ch = sql[i];
    if (backslashEscapes && ch === '\\') i += 2;
    else if (ch !== quote) i += 1;
    else if (sql[i + 1] === quote) i += 2;
    else return i + 1;
  }
  return -1;
}

/** End (exclusive) of the nesting block comment at `start`; -1 when unclosed. */
function blockCommentEnd(sql: string, start: number): number {
  let depth = 0;
  let i = start;
  while (i < sql.length) {
    if (sql.startsWith('/*', i)) {
      depth += 1;
      i += 2;
    } else if (sql.startsWith('*/', i)) {
      depth -= 1;
      i += 2;
      if (depth === 0) return i;
    } else {
      i += 1;
    }
  }
  return -1;
}

function operatorEnd(sql: string, start: number): number {
  let i = start;
  while (i < sql.length && OPERATOR_CHAR.test(sql[i] ?? '')) {
    // A comment may follow an operator with no space between: `a>=--x`.
    if (i > start && (sql.startsWith('--', i) || sql.startsWith('/*', i))) break;
    i += 1;
  }
  const run = sql.slice(start, i);
  if (run.length > 1 && !OPERATOR_KEEPS_SIGN.test(run)) {
    let keep = run.length;
    while (keep > 1 && (run[keep - 1] === '+' || run[keep - 1] === '-')) keep -= 1;
    return start + keep;
  }
  return i;
}

/** The kind and end of the token starting at `i` (never empty). */
function scan(sql: string, i: number): { kind: TokenKind; end: number } {
  const ch = sql[i] ?? '';
  const next = sql[i + 1] ?? '';
  if (/\s/.test(ch)) {
    let end = i + 1;
    while (end < sql.length && /\s/.test(sql[end] ?? '')) end += 1;
    return { kind: 'space', end };
  }
  if (ch === '-' && next === '-') {
    const newline = sql.indexOf('\n', i);
    return { kind: 'line-comment', end: newline === -1 ? sql.length : newline };
  }
  if (ch === '/' && next === '*') return { kind: 'block-comment', end: blockCommentEnd(sql, i) };
  if (ch === "'") return { kind: 'string', end: quotedEnd(sql, i, "'", false) };
  if ((ch === 'E' || ch === 'e') && next === "'") return { kind: 'string', end: quotedEnd(sql, i + 1, "'", true) };
  if (ch === '"') return { kind: 'quoted-identifier', end: quotedEnd(sql, i, '"', false) };
  if (ch === '$') {
    const tag = DOLLAR_TAG.exec(sql.slice(i, i + 130))?.[0];
    if (tag) {
      const close = sql.indexOf(tag, i + tag.length);
      return { kind: 'string', end: close === -1 ? -1 : close + tag.length };
    }
  }
  if (WORD_START.test(ch)) {
    let end = i + 1;
    while (end < sql.length && WORD_CHAR.test(sql[end] ?? '')) end += 1;
    return { kind: 'word', end };
  }
  const number = NUMBER.exec(sql.slice(i, i + 400))?.[0];
  if (number) return { kind: 'number', end: i + number.length };
  if (OPERATOR_CHAR.test(ch)) return { kind: 'operator', end: operatorEnd(sql, i) };
  return { kind: 'punctuation', end: i + 1 };
}

/** Every token of `sql`, in order; together they cover the text exactly. */
export function tokenize(sql: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < sql.length) {
    const { kind, end } = scan(sql, i);
    const stop = end === -1 ? sql.length : end;
    const token: Token = { kind, start: i, end: stop, text: sql.slice(i, stop) };
    if (end === -1) token.unterminated = true;
    tokens.push(token);
    i = stop;
  }
  return tokens;
}

/** Whitespace and comments: tokens that never change what a statement means. */
export function isTrivia(token: Token): boolean {
  return token.kind === 'space' || token.kind === 'line-comment' || token.kind === 'block-comment';
}

/** The tokens of `sql` without whitespace and comments. */
export function codeTokens(sql: string): Token[] {
  return tokenize(sql).filter((token) => !isTrivia(token));
}

const E_ESCAPES: Readonly<Record<string, string>> = { b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

/** The value of a string token: quotes removed, `''` and (in `E'…'`) backslash escapes resolved. */
export function stringValue(token: Token): string {
  const { text } = token;
  if (text.startsWith('$')) {
    const tag = DOLLAR_TAG.exec(text)?.[0] ?? '$$';
    return text.slice(tag.length, token.unterminated ? undefined : -tag.length);
  }
  const escaped = text[0] !== "'";
  const body = text.slice(escaped ? 2 : 1, token.unterminated ? undefined : -1).replaceAll("''", "'");
  if (!escaped) return body;
  return body.replace(/\\(.)/gs, (_match, ch: string) => E_ESCAPES[ch] ?? ch);
}

/** The name a quoted identifier token stands for: `"a""b"` is `a"b`. */
export function identifierValue(token: Token): string {
  return token.text.slice(1, token.unterminated ? undefined : -1).replaceAll('""', '"');
}

/** The lower-cased name a word or quoted identifier token refers to; undefined for other tokens. */
export function nameOf(token: Token): string | undefined {
  if (token.kind === 'word') return token.text.toLowerCase();
  if (token.kind === 'quoted-identifier') return identifierValue(token).toLowerCase();
  return undefined;
}
