import { describe, expect, it, vi } from 'vitest';
import { ConflictError, InvalidInputError, MalformedRecordError, NotFoundError } from './errors';
import { errorResponse, HttpError, readJsonBody } from './http';
import { httpFailure as failure } from './testing';

function post(body: BodyInit, headers: Record<string, string> = { 'content-type': 'application/json' }): Request {
  return new Request('http://localhost/api/x', { method: 'POST', body, headers });
}

describe('readJsonBody', () => {
  it('parses a JSON body', async () => {
    expect(await readJsonBody(post('{"a":[1,"é"]}'))).toEqual({ a: [1, 'é'] });
    expect(await readJsonBody(post('[]', { 'content-type': 'application/merge-patch+json; charset=utf-8' }))).toEqual([]);
  });

  it('refuses bodies that are not declared JSON (415), so cross-site forms cannot write', async () => {
    expect((await failure(readJsonBody(post('{}', { 'content-type': 'text/plain' })))).status).toBe(415);
    expect((await failure(readJsonBody(new Request('http://localhost/', { method: 'POST', body: '{}' })))).status).toBe(415);
  });

  it('refuses oversized bodies (413), declared or not', async () => {
    expect((await failure(readJsonBody(post('[1,2,3]'), 4))).status).toBe(413);
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        controller.enqueue(new Uint8Array(1024).fill(0x20));
      },
    });
    const chunked = new Request('http://localhost/', {
      method: 'POST',
      body: stream,
      headers: { 'content-type': 'application/json' },
      duplex: 'half',
    } as RequestInit);
    const error = await failure(readJsonBody(chunked, 10_000));
    expect(error.status).toBe(413);
    expect(error.message).toBe('the request body is larger than 10 KB');
  });

  it('refuses empty, non-UTF-8 and non-JSON bodies (400)', async () => {
    expect(await failure(readJsonBody(post('')))).toMatchObject({ status: 400, message: 'the request body is empty' });
    expect(await failure(readJsonBody(post(new Uint8Array([0x22, 0xff, 0x22]))))).toMatchObject({
      status: 400,
      message: 'the request body is not valid UTF-8',
    });
    const notJson = await failure(readJsonBody(post('{name:')));
    expect(notJson.status).toBe(400);
    expect(notJson.message).toMatch(/^the request body is not valid JSON: /);
  });
});

describe('errorResponse', () => {
  const record = { id: 'a', version: 2 };

  it('maps store errors to statuses with JSON bodies', async () => {
    const cases: [unknown, number, Record<string, unknown>][] = [
      [new HttpError(413, 'too big'), 413, { error: 'too big' }],
      [
        new InvalidInputError('saved query', [{ path: 'name', message: 'must not be empty' }]),
        400,
        { error: 'invalid saved query: name: must not be empty', issues: [{ path: 'name', message: 'must not be empty' }] },
      ],
      [new NotFoundError('saved query', 'a'), 404, { error: 'saved query "a" does not exist' }],
      [
        new ConflictError('saved query', 1, record),
        409,
        { error: 'saved query "a" was changed by someone else: you edited version 1, it is now at version 2', current: record },
      ],
      [
        new MalformedRecordError('saved query', 'a', [{ path: 'tags', message: 'bad' }]),
        500,
        { error: 'saved query "a" is malformed in the store: tags: bad' },
      ],
    ];
    for (const [error, status, body] of cases) {
      const response = errorResponse(error);
      expect(response.status).toBe(status);
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(await response.json()).toEqual(body);
    }
  });

  it('maps a store error thrown by another bundled copy of the errors module (the store is shared through globalThis)', async () => {
    vi.resetModules();
    // A query string makes Vite load a second, separate instance of the module.
    const specifier: string = './errors?copy';
    const otherCopy = (await import(/* @vite-ignore */ specifier)) as typeof import('./errors');
    const foreign = new otherCopy.ConflictError('saved query', 1, record);
    expect(foreign instanceof ConflictError).toBe(false);
    const response = errorResponse(foreign);
    expect(response.status).toBe(409);
    expect(((await response.json()) as { current: unknown }).current).toEqual(record);
    const lookalike = Object.assign(new Error('x'), { name: 'ConflictError', current: record });
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      expect(errorResponse(lookalike).status).toBe(500);
    } finally {
      log.mockRestore();
    }
  });

  it('answers 500 to anything else, and logs it on the server', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const response = errorResponse(new Error('disk I/O error'));
      expect(response.status).toBe(500);
      const body = (await response.json()) as { error: string; errorId: string };
      expect(body.error).toBe(`The server could not complete this request. (error id ${body.errorId}; details are in the server log)`);
      expect(log).toHaveBeenCalledOnce();
      expect(String(log.mock.calls[0]?.[0])).toContain(body.errorId);
    } finally {
      log.mockRestore();
    }
  });
});
