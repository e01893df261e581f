import { describe, expect, it } from 'vitest';
import { matchesSearch, searchTerms } from './search';

const record = { name: 'Slow queries by Cluster', description: 'Größte Abfragen pro Tag', tags: ['wlm', 'ÉTÉ'] };

describe('searchTerms', () => {
  it('folds, splits and de-duplicates', () => {
    expect(searchTerms('  Slow  slow\tWLM ')).toEqual(['slow', 'wlm']);
    expect(searchTerms('')).toEqual([]);
    expect(searchTerms(undefined)).toEqual([]);
  });
});

describe('matchesSearch', () => {
  it('needs every term, in any field, case-insensitively for all scripts', () => {
    expect(matchesSearch(record, searchTerms('cluster wlm'))).toBe(true);
    expect(matchesSearch(record, searchTerms('GRÖSSTE été'))).toBe(true);
    expect(matchesSearch(record, searchTerms('slow missing'))).toBe(false);
    expect(matchesSearch(record, [])).toBe(true);
  });

  it('does not match across field boundaries', () => {
    expect(matchesSearch({ name: 'ab', description: 'cd', tags: [] }, searchTerms('bc'))).toBe(false);
  });
});
