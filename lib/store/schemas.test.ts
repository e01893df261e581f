import { describe, expect, it } from 'vitest';
import { InvalidInputError } from './errors';
import { MAX_SQL_BYTES, parseSavedQueryInput, parseSavedQueryUpdate } from './schemas';

function issuesOf(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    if (error instanceof InvalidInputError) return error.issues.map((issue) => `${issue.path}: ${issue.message}`);
    throw error;
  }
  throw new Error('expected InvalidInputError');
}

describe('parseSavedQueryInput', () => {
  it('trims, de-duplicates tags and fills defaults', () => {
    expect(parseSavedQueryInput({ name: '  Top  ', sql: 'select 1', tags: [' a ', 'a', 'b'] })).toEqual({
      name: 'Top',
      description: '',
      tags: ['a', 'b'],
      sql: 'select 1',
      parameters: {},
      chart: null,
    });
  });

  it('lists every problem with its field', () => {
    expect(issuesOf(() => parseSavedQueryInput({ name: '   ', parameters: 'x', tags: [1], extra: true }))).toEqual([
      'name: must not be empty',
      'tags.0: must be a string',
      'sql: is required',
      'parameters: must be a JSON object or array',
      ': Unrecognized key: "extra"',
    ]);
    expect(issuesOf(() => parseSavedQueryInput([]))).toEqual([': must be a JSON object']);
    expect(issuesOf(() => parseSavedQueryInput({ name: 'x'.repeat(201), sql: 'select 1' }))).toEqual(['name: must be at most 200 characters']);
  });

  it('limits SQL to 200 KB of UTF-8', () => {
    expect(parseSavedQueryInput({ name: 'n', sql: 'x'.repeat(MAX_SQL_BYTES) }).sql).toHaveLength(MAX_SQL_BYTES);
    // 'é' is two bytes, so half as many characters reach the limit.
    expect(issuesOf(() => parseSavedQueryInput({ name: 'n', sql: 'é'.repeat(MAX_SQL_BYTES / 2 + 1) }))).toEqual(['sql: must be at most 200 KB']);
  });

  it('refuses parameters and charts that are not plain bounded JSON', () => {
    const deep: unknown = JSON.parse('['.repeat(100) + ']'.repeat(100));
    expect(issuesOf(() => parseSavedQueryInput({ name: 'n', sql: 's', parameters: deep }))).toEqual([
      'parameters: not plain JSON: nested deeper than 32 levels',
    ]);
    expect(issuesOf(() => parseSavedQueryInput({ name: 'n', sql: 's', chart: { big: 'x'.repeat(70_000) } }))).toEqual(['chart: must be at most 64 KB as JSON']);
    expect(parseSavedQueryInput({ name: 'n', sql: 's', parameters: [{ name: 'cluster' }], chart: 'line' }).chart).toBe('line');
  });
});

describe('parseSavedQueryUpdate', () => {
  it('needs the edited version and tolerates the read-only fields of a record', () => {
    expect(issuesOf(() => parseSavedQueryUpdate({ name: 'n', sql: 's' }))).toEqual(['version: is required']);
    const parsed = parseSavedQueryUpdate({ name: 'n', sql: 's', version: 3, id: 'abc', createdAt: 'x', updatedAt: 'y', createdBy: 'z' });
    expect(parsed).toMatchObject({ name: 'n', version: 3, id: 'abc' });
    expect(issuesOf(() => parseSavedQueryUpdate({ name: 'n', sql: 's', version: 0 }))).toEqual(['version: must be at least 1']);
    expect(issuesOf(() => parseSavedQueryUpdate({ name: 'n', sql: 's', version: 1.5 }))).toEqual(['version: must be an integer']);
  });
});
