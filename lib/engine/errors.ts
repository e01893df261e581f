/**
 * Engine errors as the user should see them: DuckDB's message without the
 * wasm noise, and where known the line and column it points at.
 */

export interface EngineErrorInfo {
  /** DuckDB's message, first line first (e.g. `Parser Error: syntax error at or near "FORM"`). */
  message: string;
  /** 1-based line in the submitted SQL, when DuckDB gave a position. */
  line?: number;
  /** 1-based column, when DuckDB gave a position. */
  column?: number;
  /** True when the query was cancelled by the user. */
  cancelled?: boolean;
}

/** An error from the engine that carries the parsed details. */
export class EngineError extends Error {
  readonly info: EngineErrorInfo;

  constructor(info: EngineErrorInfo) {
    super(info.message);
    this.name = 'EngineError';
    this.info = info;
  }
}

const CANCEL_PATTERN = /interrupt|cancel/i;

/**
 * Parses DuckDB's error text. DuckDB marks positions as a `LINE n:` excerpt
 * followed by a caret line; the caret's offset inside the excerpt is the
 * column, after the `LINE n: ` prefix and any `...` DuckDB used to trim it.
 */
export function parseEngineError(raw: unknown, sql?: string): EngineErrorInfo {
  const text = (raw instanceof Error ? raw.message : String(raw)).replace(/\r\n/g, '\n').trim();
  const lines = text.split('\n');
  const info: EngineErrorInfo = { message: text };
  const lineIndex = lines.findIndex((line) => /^LINE \d+: /.test(line));
  if (lineIndex >= 0) {
    const excerptLine = lines[lineIndex] ?? '';
    const caretLine = lines[lineIndex + 1] ?? '';
    const match = /^LINE (\d+): /.exec(excerptLine);
    const caret = caretLine.indexOf('^');
    if (match && caret >= 0) {
      const prefixLength = match[0].length;
      const excerpt = excerptLine.slice(prefixLength);
      const lineNumber = Number(match[1]);
      info.line = lineNumber;
      info.column = caret - prefixLength + 1;
      const sourceLine = sql?.split('\n')[lineNumber - 1];
      if (sourceLine !== undefined) {
        // Locate the excerpt in the real line when DuckDB trimmed it with "...".
        const trimmed = excerpt.startsWith('...') ? excerpt.slice(3) : excerpt;
        const at = sourceLine.indexOf(trimmed.replace(/\.\.\.$/, '').slice(0, 40));
        const lead = excerpt.startsWith('...') ? 3 : 0;
        if (at >= 0) info.column = at + (caret - prefixLength - lead) + 1;
      }
    }
    info.message = lines.slice(0, lineIndex).join('\n').trim() || text;
  }
  if (CANCEL_PATTERN.test(lines[0] ?? '')) info.cancelled = true;
  return info;
}
