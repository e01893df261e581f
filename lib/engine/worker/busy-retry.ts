/**
 * The server answers 429 with `Retry-After` when too many range batches are in
 * flight (lib/catalog/batch-budget.ts). A prefetch is only an optimisation, so it
 * waits a little and tries again, and after that gives up: DuckDB then reads
 * the ranges itself, one request each.
 */

/** Retries after a 429, and the longest wait taken for one. */
const MAX_RETRIES = 2;
const MAX_WAIT_MS = 5_000;

function waitOf(response: Response): number {
  const seconds = Number(response.headers.get('retry-after'));
  return Number.isFinite(seconds) && seconds > 0 ? Math.min(seconds * 1000, MAX_WAIT_MS) : 1000;
}

/** `send()`'s answer, sent again (up to twice) after the delay a 429 asks for; the last answer otherwise. */
export async function sendRetryingBusy(
  send: () => Promise<Response>,
  sleep: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
): Promise<Response> {
  let response = await send();
  for (let retry = 0; retry < MAX_RETRIES && response.status === 429; retry++) {
    await response.body?.cancel().catch(() => undefined);
    await sleep(waitOf(response));
    response = await send();
  }
  return response;
}
