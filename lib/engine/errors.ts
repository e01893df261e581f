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

/** The structured error a failed `EngineClient` call carries, or a plain message for anything else thrown. */
export function errorInfo(error: unknown): EngineErrorInfo {
  // Duck-typed as well: an error that crossed a realm (a worker's) is no EngineError instance.
  if (error instanceof EngineError) return error.info;
  if (typeof error === 'object' && error !== null && 'info' in error) return (error as { info: EngineErrorInfo }).info;
  return { message: error instanceof Error ? error.message : String(error) };
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

/** wasm traps and aborts: the engine's state can no longer be trusted, so it is replaced. */
const CRASH_PATTERN = /RuntimeError|memory access out of bounds|unreachable|Aborted\(|worker (?:crashed|terminated)/i;
const OUT_OF_MEMORY_PATTERN = /Out of Memory Error/i;

/** True when the error means the worker's engine crashed rather than the query failing. */
export function isEngineCrash(message: string): boolean {
  return CRASH_PATTERN.test(message);
}

/**
 * Adds what the user can do to DuckDB's terse out-of-memory message. The
 * engine itself is fine afterwards: DuckDB frees the query's memory.
 */
export function explainOutOfMemory(info: EngineErrorInfo): EngineErrorInfo {
  if (!OUT_OF_MEMORY_PATTERN.test(info.message)) return info;
  return {
    ...info,
    message:
      `${info.message}\n\nThe query needed more memory than the engine may use in this tab (the browser caps it near 4 GB). ` +
      'Filter on clusterid and startdate so fewer partitions are read, aggregate before joining, or add a LIMIT. ' +
      'The engine has freed the memory and is ready for the next query.',
  };
}
