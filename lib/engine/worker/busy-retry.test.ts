import { describe, expect, it } from 'vitest';
import { sendRetryingBusy } from './busy-retry';

function busy(retryAfter: string | null): Response {
  return new Response('{"error":"busy"}', { status: 429, headers: retryAfter === null ? {} : { 'Retry-After': retryAfter } });
}

describe('sendRetryingBusy', () => {
  it('waits as long as a 429 asks, then sends again', async () => {
    const answers = [busy('2'), new Response('ok', { status: 200 })];
    const waits: number[] = [];
    const response = await sendRetryingBusy(
      async () => answers.shift() ?? new Response(null, { status: 500 }),
      async (ms) => void waits.push(ms),
    );
    expect(response.status).toBe(200);
    expect(waits).toEqual([2000]);
  });

  it('gives up after two retries and caps the wait, so the caller can fall back to single reads', async () => {
    let sent = 0;
    const waits: number[] = [];
    const response = await sendRetryingBusy(
      async () => {
        sent += 1;
        return busy(sent === 1 ? '3600' : null);
      },
      async (ms) => void waits.push(ms),
    );
    expect(response.status).toBe(429);
    expect(sent).toBe(3);
    expect(waits).toEqual([5000, 1000]);
  });

  it('does not retry other answers', async () => {
    let sent = 0;
    const response = await sendRetryingBusy(async () => {
      sent += 1;
      return new Response(null, { status: 413 });
    });
    expect(response.status).toBe(413);
    expect(sent).toBe(1);
  });
});
