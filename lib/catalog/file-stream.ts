/**
 * A web `ReadableStream` over part of an open file, for Response bodies.
 */
import type { FileHandle } from 'node:fs/promises';

/**
 * Streams bytes `start..end` (inclusive) of an open file, reading a chunk only when
 * the consumer asks for one, so a slow client never makes the server buffer the file.
 * The handle is closed when the stream ends, fails, or is cancelled (client gone).
 *
 * Built on `fs.createReadStream` with a pull-driven adapter rather than
 * `Readable.toWeb`, whose queueing has ignored backpressure in some Node releases.
 */
export function fileRangeStream(handle: FileHandle, start: number, end: number): ReadableStream<Uint8Array> {
  const source = handle.createReadStream({ start, end, autoClose: true });
  const chunks = source[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const next = await chunks.next();
        if (next.done) {
          controller.close();
          return;
        }
        const chunk = next.value;
        controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
      } catch (error) {
        source.destroy();
        controller.error(error);
      }
    },
    cancel() {
      source.destroy();
    },
  });
}
