/**
 * The page's side of the worker's BroadcastChannel: keeps the requests DuckDB
 * made so each query can be charged with the bytes and files it fetched.
 */
import { isIoMessage, type IoFlushMessage, type IoPrefetchMessage, type IoRequestMessage } from './worker/io-messages';

/** What one query fetched. */
export interface IoSummary {
  requests: number;
  bytes: number;
  /** Distinct file URLs that had at least one GET. */
  files: string[];
}

const FLUSH_TIMEOUT_MS = 2_000;
/** Footers of a fleet week arrive in well under this; past it the query starts and reads the rest itself. */
const PREFETCH_TIMEOUT_MS = 30_000;

export class WorkerChannel {
  private readonly channel: BroadcastChannel;
  private readonly log: IoRequestMessage[] = [];
  private readonly waiting = new Map<number, () => void>();
  private nextId = 1;

  constructor(channelName: string) {
    this.channel = new BroadcastChannel(channelName);
    this.channel.addEventListener('message', (event: MessageEvent<unknown>) => {
      const message = event.data;
      if (!isIoMessage(message)) return;
      if (message.kind === 'request') this.log.push(message);
      else if (message.kind === 'flushed' || message.kind === 'prefetched') this.waiting.get(message.id)?.();
    });
  }

  /** A position in the log; pass it to `since` after the query. */
  mark(): number {
    return this.log.length;
  }

  /**
   * Everything fetched since `mark`. First waits until the worker has posted
   * all of its reports, because they travel on a different channel from the
   * query's result.
   */
  async since(mark: number): Promise<IoSummary> {
    await this.flush();
    return summarize(this.log.slice(mark));
  }

  /**
   * Has the worker fetch these files' footers and chunks in batches; resolves
   * when they are cached, or after a timeout (the query then reads what is
   * missing itself).
   */
  prefetch(files: IoPrefetchMessage['files'], csrf: string): Promise<void> {
    if (files.length === 0) return Promise.resolve();
    return this.ask((id) => ({ kind: 'prefetch', id, csrf, files }), PREFETCH_TIMEOUT_MS);
  }

  close(): void {
    this.channel.close();
    for (const resolve of this.waiting.values()) resolve();
    this.waiting.clear();
  }

  private flush(): Promise<void> {
    return this.ask((id) => ({ kind: 'flush', id }), FLUSH_TIMEOUT_MS);
  }

  /** Posts a message and waits for the worker's answer with the same id. */
  private ask(message: (id: number) => IoFlushMessage | IoPrefetchMessage, timeoutMs: number): Promise<void> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.waiting.delete(id);
        resolve();
      };
      // A busy or dead worker must not hold the query back.
      const timer = setTimeout(done, timeoutMs);
      this.waiting.set(id, done);
      this.channel.postMessage(message(id));
    });
  }
}

/** Sums a list of request reports. */
export function summarize(entries: readonly IoRequestMessage[]): IoSummary {
  const files = new Set<string>();
  let bytes = 0;
  for (const entry of entries) {
    bytes += entry.bytes;
    if (entry.method === 'GET') files.add(entry.url);
    for (const file of entry.files ?? []) files.add(file);
  }
  return { requests: entries.length, bytes, files: [...files] };
}
