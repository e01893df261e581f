/**
 * deflate-raw through the platform's CompressionStream, in the browser and in
 * Node 20 alike, so links made in one open in the other.
 */

/** Thrown when inflated data would exceed the caller's limit (a "zip bomb" link). */
export class InflateLimitError extends Error {
  override readonly name = 'InflateLimitError';
}

/** Passes bytes through until `maxBytes` have gone by, then fails the stream instead of buffering more. */
function byteLimit(maxBytes: number): TransformStream<Uint8Array, Uint8Array> {
  let total = 0;
  return new TransformStream({
    transform(chunk, controller) {
      total += chunk.byteLength;
      if (total > maxBytes) controller.error(new InflateLimitError(`more than ${maxBytes} bytes`));
      else controller.enqueue(chunk);
    },
  });
}

function source(bytes: Uint8Array): ReadableStream<Uint8Array<ArrayBuffer>> {
  // A fresh copy, so the buffer is a plain ArrayBuffer whatever the caller passed.
  return new Blob([bytes.slice()]).stream();
}

async function collect(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** Compresses bytes with raw deflate. */
export function deflateRaw(bytes: Uint8Array): Promise<Uint8Array> {
  return collect(source(bytes).pipeThrough(new CompressionStream('deflate-raw')));
}

/**
 * Inflates raw deflate, producing at most `maxBytes`. Throws
 * {@link InflateLimitError} above it, and the platform's error on broken data.
 */
export async function inflateRaw(bytes: Uint8Array, maxBytes: number): Promise<Uint8Array> {
  const limit = byteLimit(maxBytes);
  try {
    const inflated: ReadableStream<Uint8Array> = source(bytes).pipeThrough(new DecompressionStream('deflate-raw'));
    return await collect(inflated.pipeThrough(limit));
  } catch (error) {
    // Response may wrap the stream's error; the limit is what the caller must tell apart.
    if (error instanceof InflateLimitError || (error instanceof Error && error.cause instanceof InflateLimitError)) {
      throw new InflateLimitError(`more than ${maxBytes} bytes`);
    }
    throw error;
  }
}
