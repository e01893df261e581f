import { describe, expect, it } from 'vitest';
import { newTab, type QueryTab } from '../console/tabs';
import { shareStateFromTab, tabFromShareState } from './tab-state';

const now = new Date('2026-11-28T15:00:00Z');

function tab(): QueryTab {
  return {
    ...newTab('select {{n}} as n', 'Numbers', { n: '5', gone: undefined, big: 10n }, [{ name: 'n', type: 'number', default: 1 }]),
    view: 'chart',
    chart: { type: 'kpi', measures: ['n'], aggregation: 'none', format: 'auto', stacked: false, horizontal: false, donut: false, maxPoints: 5000 },
    saved: { id: 'saved-1', version: 3 },
  };
}

describe('tab and shared state', () => {
  it('copies only SQL, parameters, chart, view and title, and drops values a link cannot carry', () => {
    const result = shareStateFromTab(tab(), now);
    expect(result).toEqual({
      ok: true,
      state: {
        v: 1,
        title: 'Numbers',
        sql: 'select {{n}} as n',
        params: { n: '5' },
        paramDefs: [{ name: 'n', type: 'number', default: 1 }],
        chart: tab().chart,
        view: 'chart',
        sharedAt: '2026-11-28T15:00:00.000Z',
      },
    });
  });

  it('refuses an empty editor', () => {
    expect(shareStateFromTab({ ...tab(), sql: '  ' }, now)).toEqual({ ok: false, message: 'Nothing to share: the editor is empty.' });
  });

  it('opens a state as a new, independent tab', () => {
    const result = shareStateFromTab(tab(), now);
    if (!result.ok) throw new Error(result.message);
    const opened = tabFromShareState(result.state);
    expect(opened).toMatchObject({ title: 'Numbers', sql: 'select {{n}} as n', params: { n: '5' }, view: 'chart', chart: { type: 'kpi' } });
    expect(opened.saved).toBeUndefined();
    opened.params.n = '7';
    expect(result.state.params.n).toBe('5');
    expect(tabFromShareState({ ...result.state, title: ' ' }).title).toBe('Shared query');
  });
});
