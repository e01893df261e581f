/**
 * Query tabs as plain data and a reducer, so the state machine is tested
 * without React and the whole state can be persisted as it is.
 */
import type { ChartConfig } from '../charts/config';
import { parseChartConfig } from '../charts/parse';
import { PARAM_TYPES, type ParamDefinition } from '../params/types';

/** What a tab shows under the editor. */
export type TabView = 'table' | 'chart';

export interface QueryTab {
  id: string;
  title: string;
  sql: string;
  /** Parameter values by name, as the form holds them. */
  params: Record<string, unknown>;
  /** Parameter definitions (types, options, defaults) for the SQL's placeholders. */
  paramDefs: ParamDefinition[];
  view: TabView;
  /** The chart drawn in the chart view; saved with the query. */
  chart?: ChartConfig;
  /** The saved query this tab edits, at the version it was loaded or last saved. */
  saved?: { id: string; version: number };
}

export interface TabsState {
  tabs: QueryTab[];
  activeId: string;
}

export type TabsAction =
  | { type: 'load'; state: TabsState }
  | { type: 'open'; tab: QueryTab }
  | { type: 'close'; id: string; fallback: QueryTab }
  | { type: 'activate'; id: string }
  | { type: 'edit'; id: string; sql: string }
  | { type: 'rename'; id: string; title: string }
  | { type: 'params'; id: string; params: Record<string, unknown>; paramDefs?: ParamDefinition[] }
  | { type: 'view'; id: string; view: TabView }
  | { type: 'chart'; id: string; chart: ChartConfig }
  | { type: 'saved'; id: string; saved: { id: string; version: number } | undefined; title?: string };

/** Most tabs kept; opening one more closes the oldest. */
export const MAX_TABS = 30;

/** A new tab with a fresh id. */
export function newTab(sql: string, title = 'Query', params: Record<string, unknown> = {}, paramDefs: ParamDefinition[] = []): QueryTab {
  return { id: crypto.randomUUID(), title, sql, params, paramDefs, view: 'table' };
}

/** The first state: one tab. */
export function initialTabs(sql: string): TabsState {
  const tab = newTab(sql);
  return { tabs: [tab], activeId: tab.id };
}

function update(state: TabsState, id: string, change: (tab: QueryTab) => QueryTab): TabsState {
  return { ...state, tabs: state.tabs.map((tab) => (tab.id === id ? change(tab) : tab)) };
}

export function tabsReducer(state: TabsState, action: TabsAction): TabsState {
  switch (action.type) {
    case 'load':
      return action.state;
    case 'open': {
      const tabs = [...state.tabs, action.tab];
      return { tabs: tabs.slice(Math.max(0, tabs.length - MAX_TABS)), activeId: action.tab.id };
    }
    case 'close': {
      const index = state.tabs.findIndex((tab) => tab.id === action.id);
      if (index < 0) return state;
      const tabs = state.tabs.filter((tab) => tab.id !== action.id);
      // The last tab is never closed away: an empty editor takes its place.
      if (tabs.length === 0) return { tabs: [action.fallback], activeId: action.fallback.id };
      const activeId = state.activeId === action.id ? (tabs[Math.min(index, tabs.length - 1)]?.id ?? tabs[0]!.id) : state.activeId;
      return { tabs, activeId };
    }
    case 'activate':
      return state.tabs.some((tab) => tab.id === action.id) ? { ...state, activeId: action.id } : state;
    case 'edit':
      return update(state, action.id, (tab) => ({ ...tab, sql: action.sql }));
    case 'rename':
      return update(state, action.id, (tab) => ({ ...tab, title: action.title.trim() || tab.title }));
    case 'params':
      return update(state, action.id, (tab) => ({ ...tab, params: action.params, paramDefs: action.paramDefs ?? tab.paramDefs }));
    case 'view':
      return update(state, action.id, (tab) => ({ ...tab, view: action.view }));
    case 'chart':
      return update(state, action.id, (tab) => ({ ...tab, chart: action.chart }));
    case 'saved':
      return update(state, action.id, (tab) => ({ ...tab, saved: action.saved, title: action.title ?? tab.title }));
  }
}

/** The active tab (the state always has one). */
export function activeTab(state: TabsState): QueryTab {
  return state.tabs.find((tab) => tab.id === state.activeId) ?? state.tabs[0]!;
}

/** Checks persisted tabs (outside input: another version may have written them). */
export function parseTabsState(value: unknown): TabsState | null {
  if (typeof value !== 'object' || value === null) return null;
  const candidate = value as { tabs?: unknown; activeId?: unknown };
  if (!Array.isArray(candidate.tabs) || typeof candidate.activeId !== 'string') return null;
  const tabs: QueryTab[] = [];
  for (const raw of candidate.tabs) {
    if (typeof raw !== 'object' || raw === null) continue;
    const tab = raw as Partial<QueryTab>;
    if (typeof tab.id !== 'string' || typeof tab.sql !== 'string') continue;
    const chart = parseChartConfig(tab.chart);
    tabs.push({
      id: tab.id,
      sql: tab.sql,
      title: typeof tab.title === 'string' && tab.title.trim() !== '' ? tab.title : 'Query',
      params: typeof tab.params === 'object' && tab.params !== null && !Array.isArray(tab.params) ? tab.params : {},
      paramDefs: Array.isArray(tab.paramDefs) ? tab.paramDefs.filter(isParamDefinition) : [],
      view: tab.view === 'chart' ? 'chart' : 'table',
      ...(chart ? { chart } : {}),
      ...(isSavedRef(tab.saved) ? { saved: tab.saved } : {}),
    });
  }
  if (tabs.length === 0) return null;
  const activeId = tabs.some((tab) => tab.id === candidate.activeId) ? candidate.activeId : tabs[0]!.id;
  return { tabs: tabs.slice(-MAX_TABS), activeId };
}

function isParamDefinition(value: unknown): value is ParamDefinition {
  if (typeof value !== 'object' || value === null) return false;
  const def = value as Partial<ParamDefinition>;
  return (
    typeof def.name === 'string' &&
    PARAM_TYPES.includes(def.type as ParamDefinition['type']) &&
    (def.options === undefined || (Array.isArray(def.options) && def.options.every((option) => typeof option === 'string')))
  );
}

function isSavedRef(value: unknown): value is { id: string; version: number } {
  if (typeof value !== 'object' || value === null) return false;
  const ref = value as { id?: unknown; version?: unknown };
  return typeof ref.id === 'string' && typeof ref.version === 'number' && Number.isInteger(ref.version) && ref.version > 0;
}
