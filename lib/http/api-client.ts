/**
 * The browser's typed call to the app's JSON API: one error type with the
 * server's message, and the answer checked against a schema, because a stale
 * server or a proxy can answer with anything. Adds the CSRF token (apiFetch).
 */
import { apiFetch } from '@/lib/auth/browser-fetch';
import type { z } from '@/lib/validation/zod';

/** A failed API call: the server's own message where it sent one, and the status (0 when unreachable). */
export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

/** Calls `path` and returns its JSON answer parsed by `schema`; `null` for 204. Throws {@link ApiError}. */
export async function callApi<T>(path: string, init: RequestInit, schema: z.ZodType<T, unknown>): Promise<T>;
export async function callApi(path: string, init: RequestInit): Promise<null>;
export async function callApi<T>(path: string, init: RequestInit, schema?: z.ZodType<T, unknown>): Promise<T | null> {
  let response: Response;
  try {
    response = await apiFetch(path, { ...init, headers: { 'Content-Type': 'application/json', ...init.headers }, cache: 'no-store' });
  } catch {
    throw new ApiError('Cannot reach the ClusterScope server.', 0);
  }
  const body: unknown = response.status === 204 ? null : await response.json().catch(() => null);
  if (!response.ok) {
    const message = (body as { error?: unknown } | null)?.error;
    throw new ApiError(typeof message === 'string' ? message : `The server answered ${response.status}.`, response.status);
  }
  if (!schema) return null;
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new ApiError(`The server's answer to ${path} is not what this page expects.`, response.status);
  return parsed.data;
}
