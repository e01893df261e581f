import { afterEach, describe, expect, it, vi } from 'vitest';
import { internalErrorResponse } from './internal-error';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('internalErrorResponse', () => {
  it('logs the details with an id and answers the id without them', async () => {
    const logged: unknown[][] = [];
    vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void logged.push(args));
    const failure = new Error("EACCES: permission denied, open '/srv/clusterscope/data/secret/part-0.parquet'");
    const response = internalErrorResponse('serving a catalog file', failure, 'The file could not be read.');
    expect(response.status).toBe(500);
    const body = (await response.json()) as { error: string; errorId: string };
    expect(body.errorId).toMatch(/^[0-9a-f]{8}$/);
    expect(body.error).toBe(`The file could not be read. (error id ${body.errorId}; details are in the server log)`);
    expect(JSON.stringify(body)).not.toContain('/srv/');
    expect(logged).toEqual([[`[error ${body.errorId}] serving a catalog file:`, failure]]);
  });
});
