/**
 * Entry of the engine's Web Worker. Bundled by `scripts/build/engine-assets.ts` into a
 * classic worker script beside DuckDB's own worker, which it then loads
 * unchanged. DuckDB-WASM reads files with synchronous XMLHttpRequests; this
 * wrapper sits in front of them to:
 * - answer DuckDB's per-file HEAD (size probe) from the size in the URL
 *   fragment, saving a round trip per file and working where HEAD cannot
 *   (presigned GET URLs, servers that drop Content-Length);
 * - report every real request on a BroadcastChannel, so the page can charge
 *   each query with its bytes and files;
 * - keep the byte ranges it read in a capped cache (warm queries fetch nothing)
 *   and fetch a file's footer with its tail read (see tail-reads.ts);
 * - before a query, fetch the footers of the files it will open, then the
 *   chunks of the columns it mentions, in batched requests when the page asks
 *   (see footer-prefetch.ts and chunk-prefetch.ts);
 * - in presigned mode (S3 sources), read each file straight from S3 through a
 *   presigned URL the server signs, re-signed when it expires (see presigned-urls.ts).
 *
 * The worker URL carries `target` (eh | mvp), `channel` (a name unique to
 * this engine, so tabs never see each other's reports) and `access`.
 */
import { CSRF_HEADER } from '../../auth/constants';
import { decodeRangeBatch, type RangeBatchPart, type RangeBatchResult } from '../../catalog/range-batch';
import type { FileMetaData } from 'hyparquet';
import { wholeParts, type PlannedPart } from './batches';
import { sendRetryingBusy } from './busy-retry';
import { prefetchChunks } from './chunk-prefetch';
import { prefetchFooters } from './footer-prefetch';
import { isIoMessage, type IoMessage, type IoPrefetchMessage } from './io-messages';
import { knownSize } from './known-size';
import { isPresignAnswer, PresignedUrls, type PresignAnswer } from './presigned-urls';
import { parseByteRange, RangeCache } from './range-cache';
import { ReadAhead } from './read-ahead';
import { TailReads } from './tail-reads';

const params = new URL(globalThis.location.href).searchParams;
const target = params.get('target') === 'mvp' ? 'mvp' : 'eh';
const channel = new BroadcastChannel(params.get('channel') ?? 'clusterscope-io');
function post(message: IoMessage): void {
  channel.postMessage(message);
}

/**
 * Bytes of file ranges kept in this worker. A fleet-wide 7-day query needs a few
 * hundred MB of column chunks; the cap keeps the worker well inside the tab's
 * memory next to DuckDB's own heap (wasm32, at most 4 GB).
 */
const RANGE_CACHE_BYTES = 384 * 1024 * 1024;
const rangeCache = new RangeCache(RANGE_CACHE_BYTES);
/** A quarter of the cache per window: what a window brings stays cached until DuckDB has read it. */
const readAhead = new ReadAhead(RANGE_CACHE_BYTES / 4);
/** The CSRF token of the latest prefetch, for the read-ahead's batches during the query. */
let prefetchCsrf = '';
const tailReads = new TailReads();

function withoutFragment(url: string): string {
  const hash = url.indexOf('#');
  return hash < 0 ? url : url.slice(0, hash);
}

const NativeXMLHttpRequest: typeof XMLHttpRequest = globalThis.XMLHttpRequest;

/** Asks the file route for a presigned URL, synchronously like DuckDB's own reads. */
function signSync(fileRouteUrl: string): PresignAnswer | null {
  const request = new NativeXMLHttpRequest();
  try {
    request.open('GET', `${fileRouteUrl}?presign=1`, false);
    request.send();
    if (request.status !== 200) return null;
    const answer: unknown = JSON.parse(String(request.responseText));
    return isPresignAnswer(answer) ? answer : null;
  } catch {
    return null;
  }
}

const presigned = params.get('access') === 'presigned' ? new PresignedUrls(signSync) : null;
const FILE_ROUTE = `${globalThis.location.origin}/api/files/`;
/** The range batch route (POST): many ranges of many files in one answer. */
const BATCH_ROUTE = `${globalThis.location.origin}/api/files`;

interface RangeRead {
  key: string;
  start: number;
  end: number;
  /** What goes on the wire: the part of [start, end] not cached, or a tail read widened back to the footer. */
  fetchStart: number;
  fetchEnd: number;
  size: number;
}

interface Synthetic {
  status: number;
  headers: Record<string, string>;
  body: ArrayBuffer | null;
}

class ObservedXMLHttpRequest extends NativeXMLHttpRequest {
  private method = 'GET';
  private url = '';
  private openArgs: [string, string | URL, boolean, string | null | undefined, string | null | undefined] | null = null;
  private readonly requestHeaders: [string, string][] = [];
  private synthetic: Synthetic | null = null;
  private reported = false;

  // Opening is deferred to send(), so a request answered here never opens a connection.
  override open(method: string, url: string | URL, async?: boolean, username?: string | null, password?: string | null): void {
    this.method = method.toUpperCase();
    this.url = String(url);
    this.synthetic = null;
    this.requestHeaders.length = 0;
    this.openArgs = [method, url, async ?? true, username, password];
  }

  override setRequestHeader(name: string, value: string): void {
    this.requestHeaders.push([name, value]);
  }

  override send(body?: Document | XMLHttpRequestBodyInit | null): void {
    this.synthetic = this.answerLocally();
    if (this.synthetic) return;
    const args = this.openArgs;
    if (!args) throw new DOMException('send() before open()', 'InvalidStateError');
    let read = args[2] ? null : this.rangeRead();
    if (read) {
      const planned = read;
      const cached =
        rangeCache.get(planned.key, planned.start, planned.end) ?? (readAheadFor(planned) ? rangeCache.get(planned.key, planned.start, planned.end) : null);
      if (cached) {
        this.synthetic = partial(cached, planned.start, planned.end, planned.size);
        return;
      }
      // A read-ahead window may have brought part of the read: fetch only what is still missing.
      read = this.rangeRead();
    }
    const fileRoute = withoutFragment(String(args[1]));
    // DuckDB reads synchronously; only those reads can be retried in place.
    const direct = presigned !== null && args[2] === false && this.method === 'GET' && fileRoute.startsWith(FILE_ROUTE);
    if (!direct) {
      this.addEventListener('loadend', () => this.report(), { once: true });
      this.dispatch(args[1], body, read);
      // Synchronous requests have finished by now; loadend may not fire for them.
      if (super.readyState === NativeXMLHttpRequest.DONE) {
        this.keep(read);
        this.report();
      }
      return;
    }
    let failure = this.dispatch(presigned.target(fileRoute), body, read);
    if (presigned.retryAfter(fileRoute, failure === null ? super.status : 0)) failure = this.dispatch(presigned.target(fileRoute), body, read);
    if (failure === null) this.keep(read);
    this.report();
    if (failure !== null) throw failure;
  }

  /**
   * Opens and sends to `url`, widening a tail read's range as planned; a synchronous
   * network failure (e.g. CORS) is returned, not thrown.
   */
  private dispatch(url: string | URL, body: Document | XMLHttpRequestBodyInit | null | undefined, read: RangeRead | null): unknown {
    const args = this.openArgs;
    if (!args) throw new DOMException('send() before open()', 'InvalidStateError');
    super.open(args[0], url, args[2], args[3], args[4]);
    for (const [name, value] of this.requestHeaders) {
      const widened = read && name.toLowerCase() === 'range' ? `bytes=${read.fetchStart}-${read.fetchEnd}` : value;
      super.setRequestHeader(name, widened);
    }
    try {
      // DuckDB only sends null bodies; the DOM typing also allows Document, which workers lack.
      super.send(body as XMLHttpRequestBodyInit | null | undefined);
      return null;
    } catch (error) {
      if (args[2] !== false) throw error;
      return error;
    }
  }

  /**
   * Keeps a finished range read in the cache and, when less or more than DuckDB
   * asked for went on the wire, answers with exactly its range from the cache.
   */
  private keep(read: RangeRead | null): void {
    const response: unknown = super.response;
    if (!read || super.status !== 206 || !(response instanceof ArrayBuffer) || response.byteLength !== read.fetchEnd - read.fetchStart + 1) return;
    rangeCache.put(read.key, read.fetchStart, response);
    if (read.fetchStart === read.start && read.fetchEnd === read.end) return;
    const whole = rangeCache.get(read.key, read.start, read.end);
    if (whole) {
      this.synthetic = partial(whole, read.start, read.end, read.size);
      return;
    }
    // The rest was evicted meanwhile (a full cache): read the whole range after all.
    this.dispatch(this.url, null, { ...read, fetchStart: read.start, fetchEnd: read.end });
  }

  /** A synchronous GET of a byte range of a file of known size: what the range cache and tail reads work on. */
  private rangeRead(): RangeRead | null {
    if (this.method !== 'GET') return null;
    const size = knownSize(this.url);
    const header = this.requestHeaders.find(([name]) => name.toLowerCase() === 'range');
    const range = parseByteRange(header ? header[1] : null);
    if (size === null || !range || range.end >= size) return null;
    const key = withoutFragment(this.url);
    const tail = tailReads.plan(key, range.start, range.end, size);
    if (tail.start < range.start) return { key, ...range, fetchStart: tail.start, fetchEnd: range.end, size };
    // A read that runs past a prefetched chunk (DuckDB-WASM reads ahead) fetches only the bytes not cached.
    const missing = rangeCache.missingSpan(key, range.start, range.end) ?? range;
    return { key, ...range, fetchStart: missing.start, fetchEnd: missing.end, size };
  }

  override get status(): number {
    return this.synthetic ? this.synthetic.status : super.status;
  }

  override get readyState(): number {
    return this.synthetic ? NativeXMLHttpRequest.DONE : super.readyState;
  }

  override get response(): unknown {
    return this.synthetic ? this.synthetic.body : super.response;
  }

  override getResponseHeader(name: string): string | null {
    if (!this.synthetic) return super.getResponseHeader(name);
    return this.synthetic.headers[name.toLowerCase()] ?? null;
  }

  /** DuckDB's size probe (HEAD with `Range: bytes=0-`), answered from the size in the URL fragment. */
  private answerLocally(): Synthetic | null {
    const size = this.method === 'HEAD' ? knownSize(this.url) : null;
    if (size === null) return null;
    return {
      status: 206,
      body: null,
      headers: {
        'content-length': String(size),
        'content-range': size > 0 ? `bytes 0-${size - 1}/${size}` : 'bytes */0',
        'accept-ranges': 'bytes',
      },
    };
  }

  private report(): void {
    if (this.reported) return;
    this.reported = true;
    post({
      kind: 'request',
      method: this.method,
      url: withoutFragment(this.url),
      status: super.status,
      bytes: this.method === 'HEAD' ? 0 : bodyBytes(super.response),
    });
  }
}

/** A 206 answer made in the worker, for a range served from the cache. */
function partial(body: ArrayBuffer, start: number, end: number, size: number): Synthetic {
  return {
    status: 206,
    body,
    headers: { 'content-length': String(end - start + 1), 'content-range': `bytes ${start}-${end}/${size}`, 'accept-ranges': 'bytes' },
  };
}

function bodyBytes(body: unknown): number {
  if (body instanceof ArrayBuffer) return body.byteLength;
  if (typeof body === 'string') return body.length;
  return 0;
}

globalThis.XMLHttpRequest = ObservedXMLHttpRequest;

/** One range batch through the file route's POST. */
async function fetchBatch(parts: RangeBatchPart[], csrf: string): Promise<RangeBatchResult[]> {
  const body = JSON.stringify({ parts });
  const response = await sendRetryingBusy(() =>
    fetch(BATCH_ROUTE, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', [CSRF_HEADER]: csrf },
      body,
      credentials: 'same-origin',
    }),
  );
  if (!response.ok) throw new Error(`range batch answered ${response.status}`);
  return decodeRangeBatch(await response.arrayBuffer(), parts.length);
}

const footerMetadata = new Map<string, FileMetaData>();

/** Charges a batch to the running query: its bytes, and the files they belong to. */
function reportBatch(files: string[], bytes: number): void {
  post({ kind: 'request', method: 'POST', url: BATCH_ROUTE, status: 200, bytes, files });
}

/** One range batch with a synchronous request: the read-ahead runs while DuckDB waits in a synchronous read. */
function fetchBatchSync(parts: RangeBatchPart[]): RangeBatchResult[] {
  const request = new NativeXMLHttpRequest();
  request.open('POST', BATCH_ROUTE, false);
  request.responseType = 'arraybuffer';
  request.setRequestHeader('Content-Type', 'application/json');
  request.setRequestHeader(CSRF_HEADER, prefetchCsrf);
  request.send(JSON.stringify({ parts }));
  const body: unknown = request.response;
  if (request.status !== 200 || !(body instanceof ArrayBuffer)) throw new Error(`range batch answered ${request.status}`);
  return decodeRangeBatch(body, parts.length);
}

/** On a cache miss inside the prefetch plan: fetches the plan's next window from there. True when it fetched something. */
function readAheadFor(read: RangeRead): boolean {
  const window: PlannedPart[] = readAhead.takeFor(read.key, read.start);
  if (window.length === 0) return false;
  try {
    const whole = new Map<PlannedPart, Uint8Array>();
    const received = wholeParts(window, fetchBatchSync(window.map((item) => item.part)), whole);
    for (const [item, bytes] of whole) rangeCache.put(item.url, item.part.start, bytes);
    reportBatch(
      window.map((item) => item.url),
      received,
    );
    return received > 0;
  } catch {
    return false;
  }
}

async function prefetch(message: IoPrefetchMessage): Promise<void> {
  prefetchCsrf = message.csrf;
  try {
    const files = message.files.map((file) => ({ ...file, url: withoutFragment(file.url) }));
    const deps = {
      cache: rangeCache,
      metadata: footerMetadata,
      fetchBatch: (parts: RangeBatchPart[]) => fetchBatch(parts, message.csrf),
      report: reportBatch,
    };
    await prefetchFooters(files, deps);
    await prefetchChunks(files, deps, readAhead);
  } catch {
    // Only an optimisation: DuckDB reads what is missing and reports any real failure.
  } finally {
    post({ kind: 'prefetched', id: message.id });
  }
}

channel.addEventListener('message', (event: MessageEvent<unknown>) => {
  const message = event.data;
  if (!isIoMessage(message)) return;
  if (message.kind === 'flush') post({ kind: 'flushed', id: message.id });
  else if (message.kind === 'prefetch' && presigned === null) void prefetch(message);
  else if (message.kind === 'prefetch') post({ kind: 'prefetched', id: message.id });
});

// The wasm heap only grows, so its size is the engine's peak memory. `npm run bench`
// reads it with `__clusterscopeWasmBytes()` (the export's name is minified, so look by type).
let wasmMemory: WebAssembly.Memory | null = null;
function rememberMemory(instance: WebAssembly.Instance): void {
  for (const value of Object.values(instance.exports)) if (value instanceof WebAssembly.Memory) wasmMemory = value;
}
const nativeInstantiateStreaming = WebAssembly.instantiateStreaming.bind(WebAssembly);
WebAssembly.instantiateStreaming = async (source, imports) => {
  const result = await nativeInstantiateStreaming(source, imports);
  rememberMemory(result.instance);
  return result;
};
const nativeInstantiate = WebAssembly.instantiate.bind(WebAssembly) as (
  source: BufferSource | WebAssembly.Module,
  imports?: WebAssembly.Imports,
) => Promise<WebAssembly.WebAssemblyInstantiatedSource | WebAssembly.Instance>;
WebAssembly.instantiate = (async (source: BufferSource | WebAssembly.Module, imports?: WebAssembly.Imports) => {
  const result = await nativeInstantiate(source, imports);
  rememberMemory(result instanceof WebAssembly.Instance ? result : result.instance);
  return result;
}) as typeof WebAssembly.instantiate;
Object.assign(globalThis, {
  __clusterscopeWasmBytes: (): number => wasmMemory?.buffer.byteLength ?? 0,
  __clusterscopeRangeCacheBytes: (): number => rangeCache.size,
});

importScripts(new URL(`./duckdb-browser-${target}.worker.js`, globalThis.location.href).href);
