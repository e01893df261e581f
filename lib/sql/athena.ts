/**
 * The Athena (Presto) calls DuckDB 0.9 cannot take as they are, rewritten on
 * the lexer's tokens so strings, quoted identifiers and comments stay as typed.
 * The functions themselves are macros the engine creates (engine/athena.ts).
 *
 * Presto has a varbinary type where DuckDB has BLOB, and DuckDB 0.9 has no
 * `md5(BLOB)`, `sha256(BLOB)`, `hex(BLOB)` or `length(BLOB)`. Which calls
 * take varbinary is read from the text: an argument that is itself a call
 * returning varbinary (`to_utf8(…)`, `from_hex(…)`, `md5(<varbinary>)`…).
 * Those calls become DuckDB expressions over the BLOB, so they nest as in
 * Athena and a GROUP BY key still matches the same expression in SELECT.
 */
import { isTrivia, tokenize, type Token } from './lexer';

/** Calls whose result is varbinary whatever their argument. */
const VARBINARY_SOURCES = new Set(['to_utf8', 'encode', 'from_hex', 'unhex', 'from_base64']);
/** Digests: varbinary over varbinary in Presto, hex VARCHAR over VARCHAR in DuckDB. */
const DIGESTS = new Set(['md5', 'sha256']);
/** The macro (engine/athena.ts) that writes a BLOB's bytes as upper-case hex, as Presto's to_hex does. */
export const VARBINARY_HEX_MACRO = 'presto_to_hex';

const OPENERS: Readonly<Record<string, string>> = { '(': ')', '[': ']', '{': '}' };

/** For each opening bracket token, the index of its closing one (absent when unclosed). */
function matchBrackets(tokens: readonly Token[]): Map<number, number> {
  const closes = new Map<number, number>();
  const open: number[] = [];
  for (const [index, token] of tokens.entries()) {
    if (token.kind !== 'punctuation') continue;
    if (OPENERS[token.text] !== undefined) open.push(index);
    else if (Object.values(OPENERS).includes(token.text)) {
      const from = open.pop();
      if (from !== undefined && OPENERS[tokens[from]?.text ?? ''] === token.text) closes.set(from, index);
    }
  }
  return closes;
}

class Rewriter {
  private readonly closes: Map<number, number>;

  constructor(private readonly tokens: readonly Token[]) {
    this.closes = matchBrackets(tokens);
  }

  /** The next non-trivia token index from `index`, before `to`; -1 when none. */
  private nextCode(index: number, to: number): number {
    for (let i = index; i < to; i += 1) if (!isTrivia(this.tokens[i] as Token)) return i;
    return -1;
  }

  /** The call whose name is token `index`: its `(` and `)` indexes, when it is one and closes before `to`. */
  private callAt(index: number, to: number): { open: number; close: number } | undefined {
    if (this.tokens[index]?.kind !== 'word') return undefined;
    const open = this.nextCode(index + 1, to);
    if (open === -1 || this.tokens[open]?.text !== '(') return undefined;
    const close = this.closes.get(open);
    return close !== undefined && close < to ? { open, close } : undefined;
  }

  /** The argument ranges of a call, split at its top-level commas. */
  private args(open: number, close: number): [number, number][] {
    const ranges: [number, number][] = [];
    let start = open + 1;
    for (let i = open + 1; i < close; i += 1) {
      const skip = this.closes.get(i);
      if (skip !== undefined) i = skip;
      else if (this.tokens[i]?.text === ',') {
        ranges.push([start, i]);
        start = i + 1;
      }
    }
    ranges.push([start, close]);
    return ranges;
  }

  /** True when tokens [from, to) are exactly one call returning varbinary. */
  private isVarbinary(from: number, to: number): boolean {
    const first = this.nextCode(from, to);
    const call = first === -1 ? undefined : this.callAt(first, to);
    if (!call || this.nextCode(call.close + 1, to) !== -1) return false;
    const name = (this.tokens[first] as Token).text.toLowerCase();
    if (VARBINARY_SOURCES.has(name)) return true;
    const args = this.args(call.open, call.close);
    return DIGESTS.has(name) && args.length === 1 && this.isVarbinary(...(args[0] as [number, number]));
  }

  private text(from: number, to: number): string {
    return this.tokens
      .slice(from, to)
      .map((token) => token.text)
      .join('');
  }

  /** The rewritten text of tokens [from, to). */
  render(from: number, to: number): string {
    let out = '';
    for (let i = from; i < to; i += 1) {
      const call = this.callAt(i, to);
      if (call) {
        out += this.renderCall(i, call.open, call.close);
        i = call.close;
      } else {
        out += (this.tokens[i] as Token).text;
      }
    }
    return out;
  }

  private renderCall(index: number, open: number, close: number): string {
    const name = (this.tokens[index] as Token).text;
    const lower = name.toLowerCase();
    const inner = this.render(open + 1, close);
    const rest = `${this.text(index + 1, open)}(${inner})`;
    const args = this.args(open, close);
    const onlyArg = args.length === 1 ? (args[0] as [number, number]) : undefined;
    const overVarbinary = onlyArg !== undefined && this.isVarbinary(...onlyArg);
    // Same length as the name they replace, so error positions still point at the user's text.
    if (lower === 'approx_percentile') return `approx_quantile  ${rest}`;
    if (lower === 'date_add' && this.tokens[this.nextCode(open + 1, close)]?.kind === 'string') return `pdateadd${rest}`;
    if (!overVarbinary) return `${name}${rest}`;
    // DuckDB hashes text: the BLOB goes back to the VARCHAR whose UTF-8 bytes it holds.
    if (DIGESTS.has(lower)) return `unhex(${name}(decode(${inner})))`;
    if (lower === 'to_hex') return `${VARBINARY_HEX_MACRO}(${inner})`;
    if (lower === 'length') return `octet_length(${inner})`;
    return `${name}${rest}`;
  }
}

/**
 * Rewrites the Presto calls that cannot be macros in DuckDB 0.9: the quantile
 * of approx_percentile must be a constant where a macro is bound, DuckDB's own
 * 2-argument date_add cannot be replaced (Presto's `date_add('unit', n, ts)`
 * goes to `pdateadd`), and md5, sha256, to_hex and length over varbinary (see
 * the module comment). Comments and string literals are left alone.
 */
export function rewriteAthenaSql(sql: string): string {
  return rewriteAthenaTokens(tokenize(sql));
}

/** {@link rewriteAthenaSql} over every token of a statement (`tokenize`). */
export function rewriteAthenaTokens(tokens: readonly Token[]): string {
  return new Rewriter(tokens).render(0, tokens.length);
}
