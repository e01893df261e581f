import { describe, expect, it } from 'vitest';
import { decodeDashboardUrlState, encodeDashboardUrlState, type DashboardUrlState } from './url-state';

describe('dashboard url state', () => {
  it('round-trips every part, including non-ASCII and quote characters', () => {
    const state: DashboardUrlState = {
      clusters: ['prod-eu', 'prod-us'],
      days: { start: '2026-01-01', end: '2026-01-07' },
      params: { owner: "Zoë's team", limit: '10' },
      crossFilters: [
        { column: 'category', value: "Nested Loop Join' OR 1=1" },
        { column: 'service_class', value: 6 },
        { column: 'label', value: null },
      ],
      refresh: 5,
    };
    const url = `?${encodeDashboardUrlState(state).toString()}`;
    expect(decodeDashboardUrlState(new URL(`http://x/d${url}`).searchParams)).toEqual({ state, problems: [] });
  });

  it('leaves defaults out of the URL', () => {
    expect(encodeDashboardUrlState({ params: {}, crossFilters: [], refresh: 0 }).toString()).toBe('v=1');
  });

  it('drops each bad part with a note and keeps the rest', () => {
    const search = new URLSearchParams('v=1&clusters=,,&from=2026-13&to=2026-01-02&refresh=7&p.1bad=x&x.col=weird&x.ok=s:yes&p.fine=1');
    const { state, problems } = decodeDashboardUrlState(search);
    expect(state).toEqual({ params: { fine: '1' }, crossFilters: [{ column: 'ok', value: 'yes' }], refresh: 0 });
    expect(problems).toEqual([
      'clusters: must name at least one cluster',
      'from: must be YYYY-MM-DD',
      expect.stringMatching(/^refresh: /),
      'p.1bad: must be a column or parameter name',
      'x.col: must be n:<number>, s:<text> or null',
    ]);
  });

  it('refuses a reversed range and an unknown version', () => {
    expect(decodeDashboardUrlState(new URLSearchParams('from=2026-02-01&to=2026-01-01')).problems).toEqual(['from: must not be after to']);
    const future = decodeDashboardUrlState(new URLSearchParams('v=9&clusters=a'));
    expect(future.state.clusters).toBeUndefined();
    expect(future.problems[0]).toMatch(/view version 9/);
  });
});
