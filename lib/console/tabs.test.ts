import { describe, expect, it } from 'vitest';
import { chartConfigSchema } from '../charts/config';
import { activeTab, initialTabs, MAX_TABS, newTab, parseTabsState, tabsReducer } from './tabs';

describe('tabsReducer', () => {
  it('opens, edits, renames and activates tabs', () => {
    let state = initialTabs('SELECT 1');
    const second = newTab('SELECT 2', 'Second');
    state = tabsReducer(state, { type: 'open', tab: second });
    expect(activeTab(state).sql).toBe('SELECT 2');
    state = tabsReducer(state, { type: 'edit', id: second.id, sql: 'SELECT 22' });
    state = tabsReducer(state, { type: 'rename', id: second.id, title: '  ' });
    expect(activeTab(state)).toMatchObject({ sql: 'SELECT 22', title: 'Second' });
    state = tabsReducer(state, { type: 'activate', id: state.tabs[0]!.id });
    expect(activeTab(state).sql).toBe('SELECT 1');
  });

  it('closing the active tab activates its neighbour, and the last tab is replaced', () => {
    let state = initialTabs('a');
    const b = newTab('b');
    const c = newTab('c');
    state = tabsReducer(tabsReducer(state, { type: 'open', tab: b }), { type: 'open', tab: c });
    state = tabsReducer(state, { type: 'activate', id: b.id });
    state = tabsReducer(state, { type: 'close', id: b.id, fallback: newTab('') });
    expect(activeTab(state).sql).toBe('c');
    const fallback = newTab('fresh');
    state = tabsReducer(tabsReducer(state, { type: 'close', id: c.id, fallback }), { type: 'close', id: state.tabs[0]!.id, fallback });
    expect(state.tabs).toEqual([fallback]);
  });

  it('keeps at most MAX_TABS', () => {
    let state = initialTabs('0');
    for (let index = 1; index <= MAX_TABS + 5; index += 1) state = tabsReducer(state, { type: 'open', tab: newTab(String(index)) });
    expect(state.tabs).toHaveLength(MAX_TABS);
    expect(activeTab(state).sql).toBe(String(MAX_TABS + 5));
  });
});

describe('parseTabsState', () => {
  it('accepts what the reducer produces and repairs what it can', () => {
    const state = initialTabs('SELECT 1');
    expect(parseTabsState(JSON.parse(JSON.stringify(state)))).toEqual(state);
    expect(parseTabsState({ activeId: 'gone', tabs: [{ id: 'x', sql: 'S', title: 7, params: [], view: 'bogus' }, 'junk'] })).toEqual({
      activeId: 'x',
      tabs: [{ id: 'x', sql: 'S', title: 'Query', params: {}, paramDefs: [], view: 'table' }],
    });
  });

  it('keeps valid parameter definitions and drops malformed ones', () => {
    const parsed = parseTabsState({
      activeId: 'x',
      tabs: [{ id: 'x', sql: 'S', paramDefs: [{ name: 'c', type: 'multi_select', options: ['a'] }, { name: 'd', type: 'nope' }, 5] }],
    });
    expect(parsed?.tabs[0]?.paramDefs).toEqual([{ name: 'c', type: 'multi_select', options: ['a'] }]);
  });

  it('keeps a valid chart and drops a malformed one, so a bad stored chart never breaks the console', () => {
    let state = initialTabs('SELECT 1');
    const chart = chartConfigSchema.parse({ type: 'bar', x: 'c', measures: ['n'], stacked: true });
    state = tabsReducer(state, { type: 'chart', id: state.activeId, chart });
    state = tabsReducer(state, { type: 'view', id: state.activeId, view: 'chart' });
    const restored = parseTabsState(JSON.parse(JSON.stringify(state)));
    expect(restored?.tabs[0]).toMatchObject({ view: 'chart', chart });
    for (const bad of [{ type: 'radar' }, { type: 'bar', measures: 'n' }, { type: 'bar', maxPoints: 1e9 }, 'bar', 7]) {
      const parsed = parseTabsState({ activeId: 'x', tabs: [{ id: 'x', sql: 'S', view: 'chart', chart: bad }] });
      expect(parsed?.tabs[0]).toEqual({ id: 'x', sql: 'S', title: 'Query', params: {}, paramDefs: [], view: 'chart' });
    }
  });

  it('rejects malformed input', () => {
    for (const value of [null, 'x', { tabs: [], activeId: 'a' }, { tabs: {}, activeId: 'a' }]) expect(parseTabsState(value)).toBeNull();
  });
});
