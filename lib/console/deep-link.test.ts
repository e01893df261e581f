import { describe, expect, it } from 'vitest';
import { deepLinkForNavigation, deepLinkFromSearchParams, deepLinkPath, MAX_DEEP_LINK_SQL } from './deep-link';

describe('deep links', () => {
  it('round-trips SQL with Unicode, quotes and newlines', () => {
    const sql = "SELECT 'ünïcødé ✓', \"col\" -- note\nFROM stl_query WHERE x = '&run=0'";
    const query = new URLSearchParams(deepLinkPath(sql).slice(2));
    expect(deepLinkFromSearchParams(Object.fromEntries(query))).toEqual({ sql, run: true });
  });

  it('runs only when asked', () => {
    expect(deepLinkFromSearchParams({ sql: 'SELECT 1' })).toEqual({ sql: 'SELECT 1', run: false });
    expect(deepLinkFromSearchParams({ sql: 'SELECT 1', run: ['1', '0'] })).toEqual({ sql: 'SELECT 1', run: true });
  });

  it('ignores empty and oversized SQL', () => {
    expect(deepLinkFromSearchParams({ sql: '   ', run: '1' })).toEqual({ sql: undefined, run: false });
    expect(deepLinkFromSearchParams({ sql: 'x'.repeat(MAX_DEEP_LINK_SQL + 1), run: '1' })).toEqual({ sql: undefined, run: false });
  });

  it('holds a run asked for by another site, and runs typed, bookmarked and in-app links', () => {
    const link = deepLinkFromSearchParams({ sql: 'SELECT 1', run: '1' });
    expect(deepLinkForNavigation(link, 'cross-site')).toEqual({ sql: 'SELECT 1', run: false, held: true });
    for (const site of ['same-origin', 'same-site', 'none', null])
      expect(deepLinkForNavigation(link, site)).toEqual({ sql: 'SELECT 1', run: true, held: false });
    expect(deepLinkForNavigation(deepLinkFromSearchParams({ sql: 'SELECT 1' }), 'cross-site')).toEqual({ sql: 'SELECT 1', run: false, held: false });
  });
});
