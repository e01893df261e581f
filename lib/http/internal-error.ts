/**
 * Unexpected failures: the details (message, stack, server paths) go to the
 * server log under a short error id, and the user gets a plain message with
 * that id, so support can find the log line without anything internal leaking.
 */
import { randomBytes } from 'node:crypto';

/** A fresh error id: 8 hex characters, enough to find one line in a day's log. */
export function newErrorId(): string {
  return randomBytes(4).toString('hex');
}

/**
 * Logs `error` with what was being done and returns the user-facing message:
 * `<userMessage> (error id <id>; details are in the server log)`.
 */
export function logInternalError(doing: string, error: unknown, userMessage: string): { errorId: string; message: string } {
  const errorId = newErrorId();
  console.error(`[error ${errorId}] ${doing}:`, error);
  return { errorId, message: `${userMessage} (error id ${errorId}; details are in the server log)` };
}

/** A JSON 500 (or `status`) for an unexpected failure, logged with an error id (see {@link logInternalError}). */
export function internalErrorResponse(doing: string, error: unknown, userMessage: string, status = 500): Response {
  const { errorId, message } = logInternalError(doing, error, userMessage);
  return Response.json({ error: message, errorId }, { status, headers: { 'Cache-Control': 'no-store' } });
}
