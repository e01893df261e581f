import { describe, expect, it } from 'vitest';
import { bodyProblem, MAX_PUBLIC_REQUEST_BYTES, MAX_REQUEST_BYTES } from './body-limit';

function headers(values: Record<string, string>): Headers {
  return new Headers(values);
}

describe('bodyProblem', () => {
  it('lets bodies within the limit through', () => {
    expect(bodyProblem('POST', headers({ 'content-length': String(MAX_REQUEST_BYTES) }), false)).toBeNull();
    expect(bodyProblem('POST', headers({ 'content-length': '200' }), true)).toBeNull();
    expect(bodyProblem('GET', headers({}), false)).toBeNull();
  });

  it('refuses a declared length above the limit with 413, stricter on public paths', () => {
    expect(bodyProblem('POST', headers({ 'content-length': String(MAX_REQUEST_BYTES + 1) }), false)).toEqual({
      status: 413,
      message: 'the request body is larger than 2048 KB',
    });
    expect(bodyProblem('POST', headers({ 'content-length': String(MAX_PUBLIC_REQUEST_BYTES + 1) }), true)?.status).toBe(413);
  });

  it('refuses a nonsense length, and a chunked body without one', () => {
    expect(bodyProblem('POST', headers({ 'content-length': '-5' }), false)?.status).toBe(413);
    expect(bodyProblem('POST', headers({ 'content-length': '1e9' }), false)?.status).toBe(413);
    expect(bodyProblem('POST', headers({ 'transfer-encoding': 'chunked' }), true)).toEqual({
      status: 411,
      message: 'the request body must declare its length (Content-Length)',
    });
  });
});
