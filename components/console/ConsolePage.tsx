'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { CatalogStatus } from '@/components/catalog/CatalogStatus';
import { CatalogTree } from '@/components/catalog/CatalogTree';
import { SqlEditor, type EditorSnapshot } from '@/components/editor/SqlEditor';
import { AddToDashboardDialog } from '@/components/dashboards/AddToDashboardDialog';
import { ConsoleDashboardLinks } from '@/components/dashboards/ConsoleDashboardLinks';
import { LibraryPanel } from '@/components/library/LibraryPanel';
import { UserMenu } from '@/components/auth/UserMenu';
import { ThemeToggle } from '@/components/theme/ThemeToggle';
import { useSession } from '@/components/auth/SessionProvider';
import { hasRole } from '@/lib/auth/roles';
import { SavedQueriesPanel } from '@/components/saved/SavedQueriesPanel';
import { SaveQueryDialog } from '@/components/saved/SaveQueryDialog';
import { ShareDialog } from '@/components/share/ShareDialog';
import { SharedTabNote } from '@/components/share/SharedTabNote';
import { ShareLinkProblem } from '@/components/share/ShareLinkProblem';
import { useOpenSharedLink, type ShortLinkLookup } from '@/components/share/useOpenSharedLink';
import { ParameterForm } from '@/components/params/ParameterForm';
import { clusterAndDayValues } from '@/lib/catalog/partition-summary';
import { defaultSql } from '@/lib/console/default-query';
import { formatSql } from '@/lib/console/format-sql';
import type { HistoryEntry } from '@/lib/console/history';
import { statementToRun } from '@/lib/console/statements';
import { splitStatements } from '@/lib/sql/statements';
import { activeTab, newTab, type QueryTab } from '@/lib/console/tabs';
import { isUnchangedLibraryQuery } from '@/lib/library/catalog';
import { defaultValues } from '@/lib/library/parameters';
import type { LibraryQuery } from '@/lib/library/types';
import { bindStatements } from '@/lib/params/bind';
import { todayUtc } from '@/lib/params/dates';
import { definitionsFor } from '@/lib/params/definitions';
import { chartToJson, parseChartConfig } from '@/lib/charts/parse';
import { createSavedQuery, updateSavedQuery, type SavedQuery, type SavedQueryInput } from '@/lib/saved-queries/api-client';
import { restoredParameters, savedParameters } from '@/lib/saved-queries/parameters';
import { HistoryPanel } from './HistoryPanel';
import { Providers } from './Providers';
import { QueryTabs } from './QueryTabs';
import { ResultsArea } from './ResultsArea';
import { ShortcutsHelp } from './ShortcutsHelp';
import { SourceEmptyState } from './SourceEmptyState';
import { useConsoleTabs } from './useConsoleTabs';
import { useBenchHook } from './useBenchHook';
import { EngineStatusLine } from './EngineStatusLine';
import { useEngine } from './useEngine';
import { useTabRuns } from './useTabRuns';
import { FleAdminPanel } from '@/components/fle/FleAdminPanel';
import { FleProvider } from '@/components/fle/FleProvider';
import { useCanDecrypt } from '@/components/fle/useCanDecrypt';

export interface ConsolePageProps {
  initialSql?: string;
  autoRun: boolean;
  /** The link asked to run, but came from another site: its SQL is shown, not run. */
  heldRun?: boolean;
  /** On `/s/<id>`: the short link the server looked up. */
  shortLink?: ShortLinkLookup;
  /** Exposes the engine to `npm run bench` (server flag CLUSTERSCOPE_BENCH_HOOK=1 only). */
  benchHook?: boolean;
}

/** The console: catalog on the left, editor and results on the right. */
export function ConsolePage(props: ConsolePageProps): ReactNode {
  return (
    <Providers>
      <FleProvider>
        <Console {...props} />
      </FleProvider>
    </Providers>
  );
}

type SidePanel = 'catalog' | 'library' | 'saved' | 'history';

function Console({ initialSql, autoRun, heldRun = false, shortLink, benchHook = false }: ConsolePageProps): ReactNode {
  const engineState = useEngine();
  useBenchHook(benchHook, engineState);
  const queryClient = useQueryClient();
  const engine = engineState.phase === 'ready' ? engineState.engine : null;
  const fallbackSql = useCallback(() => defaultSql(new Date()), []);
  const tabs = useConsoleTabs(initialSql, fallbackSql);
  const runs = useTabRuns(engine, tabs.record);
  const tab = activeTab(tabs.state);
  const run = runs.stateOf(tab.id);
  const { user } = useSession();
  const [panel, setPanel] = useState<SidePanel>('catalog');
  const [help, setHelp] = useState(false);
  const [fleOpen, setFleOpen] = useState(false);
  const canDecrypt = useCanDecrypt();
  const [saving, setSaving] = useState(false);
  const [sharing, setSharing] = useState<QueryTab | null>(null);
  const [addingTile, setAddingTile] = useState(false);
  const selection = useRef<EditorSnapshot | null>(null);
  const [paramError, setParamError] = useState<string | null>(null);
  const tabRef = useRef(tab);
  useEffect(() => {
    tabRef.current = tab;
  }, [tab]);
  const manifestTables = 'manifest' in engineState ? engineState.manifest.tables : null;
  const facts = useMemo(() => {
    const { clusters, days } = clusterAndDayValues(manifestTables ?? []);
    return { clusters, days: { min: days[0], max: days.at(-1) } };
  }, [manifestTables]);
  const autoRan = useRef(false);
  const { runScript } = runs;
  const { dispatch } = tabs;

  useEffect(() => {
    // The deep link runs its SQL once, as soon as the engine is ready.
    if (engine && autoRun && !autoRan.current && initialSql && tabs.loaded) {
      autoRan.current = true;
      runScript(tabRef.current.id, [initialSql]);
    }
  }, [engine, autoRun, initialSql, runScript, tabs.loaded]);

  const { flush } = tabs;
  const execute = useCallback(
    (statements: string[]) => {
      flush();
      const bound = bindStatements(statements, definitionsFor(tabRef.current.sql, tabRef.current.paramDefs), tabRef.current.params);
      if ('error' in bound) {
        setParamError(bound.error);
        return;
      }
      setParamError(null);
      runScript(tabRef.current.id, bound.sql, { trustedPartitionFilters: statements.length === 1 && isUnchangedLibraryQuery(statements[0] ?? '') });
    },
    [runScript, flush],
  );
  const onRun = useCallback((snapshot: EditorSnapshot) => execute([statementToRun(snapshot)]), [execute]);
  const runActiveTab = useCallback(() => execute(splitStatements(tabRef.current.sql).map((statement) => statement.text)), [execute]);
  const link = useOpenSharedLink({ shortLink, loaded: tabs.loaded, dispatch, engineReady: engine !== null, activeTabId: tab.id, runActiveTab });
  const onRunScript = useCallback((snapshot: EditorSnapshot) => execute(splitStatements(snapshot.doc).map((statement) => statement.text)), [execute]);
  const openLibrary = useCallback(
    (query: LibraryQuery) => {
      const today = todayUtc();
      const last = facts.days.max;
      // On an old export, "the last 7 days" means the last 7 days that have data.
      const definitions = query.parameters({ clusters: facts.clusters, today: last !== undefined && last < today ? last : today });
      dispatch({ type: 'open', tab: newTab(query.sql, query.title, { ...defaultValues(definitions) }, definitions) });
    },
    [dispatch, facts],
  );
  const activeId = tab.id;
  const onFormat = useCallback((snapshot: EditorSnapshot) => dispatch({ type: 'edit', id: activeId, sql: formatSql(snapshot.doc) }), [dispatch, activeId]);
  const onNewTab = useCallback(() => dispatch({ type: 'open', tab: newTab('') }), [dispatch]);
  const onSelection = useCallback((snapshot: EditorSnapshot) => {
    selection.current = snapshot;
  }, []);
  const openSaved = useCallback(
    (saved: SavedQuery) => {
      const { definitions, values } = restoredParameters(saved.parameters);
      const opened = newTab(saved.sql, saved.name, values, definitions);
      // A saved chart comes back with its query, shown as soon as the query runs.
      const chart = parseChartConfig(saved.chart);
      const withChart = chart ? { ...opened, chart, view: 'chart' as const } : opened;
      dispatch({ type: 'open', tab: { ...withChart, saved: { id: saved.id, version: saved.version } } });
    },
    [dispatch],
  );
  const saveTab = useCallback(
    async (details: Omit<SavedQueryInput, 'sql' | 'parameters'>, overwrite?: number) => {
      const current = tabRef.current;
      const input: SavedQueryInput = {
        ...details,
        sql: current.sql,
        parameters: savedParameters(current.paramDefs, current.params),
        chart: current.chart ? chartToJson(current.chart) : null,
      };
      const saved = current.saved ? await updateSavedQuery(current.saved.id, overwrite ?? current.saved.version, input) : await createSavedQuery(input);
      dispatch({ type: 'saved', id: current.id, saved: { id: saved.id, version: saved.version }, title: saved.name });
      await queryClient.invalidateQueries({ queryKey: ['saved-queries'] });
    },
    [dispatch, queryClient],
  );
  const openFromHistory = useCallback((entry: HistoryEntry) => dispatch({ type: 'open', tab: newTab(entry.sql, 'From history') }), [dispatch]);
  // The editor of another tab may have left its selection behind.
  const current = (): EditorSnapshot => (selection.current && selection.current.doc === tab.sql ? selection.current : { doc: tab.sql, from: 0, to: 0 });

  const running = run.status === 'running';
  // The server refuses a viewer's save anyway; the button is hidden so nobody is offered it.
  const canSave = user !== null && hasRole(user.role, 'analyst');

  return (
    <div className="console">
      <header className="topbar">
        <h1>ClusterScope</h1>
        <EngineStatusLine state={engineState} />
        <ConsoleDashboardLinks />
        {canDecrypt ? (
          <button type="button" className="topbar-button" aria-pressed={fleOpen} onClick={() => setFleOpen((open) => !open)}>
            Field-level encryption
          </button>
        ) : null}
        <button type="button" className="topbar-button" onClick={() => setHelp(true)}>
          Keyboard shortcuts
        </button>
        <ThemeToggle />
        <UserMenu />
      </header>
      <aside className="sidebar">
        <div className="panel-switch" role="group" aria-label="Side panel">
          <button type="button" aria-pressed={panel === 'catalog'} onClick={() => setPanel('catalog')}>
            Catalog
          </button>
          <button type="button" aria-pressed={panel === 'library'} onClick={() => setPanel('library')}>
            Library
          </button>
          <button type="button" aria-pressed={panel === 'saved'} onClick={() => setPanel('saved')}>
            Saved
          </button>
          <button type="button" aria-pressed={panel === 'history'} onClick={() => setPanel('history')}>
            History
          </button>
        </div>
        {panel === 'history' ? (
          <HistoryPanel history={tabs.history} onOpen={openFromHistory} />
        ) : panel === 'saved' ? (
          <SavedQueriesPanel onOpen={openSaved} />
        ) : panel === 'library' ? (
          <LibraryPanel onOpen={openLibrary} />
        ) : 'manifest' in engineState ? (
          <>
            <CatalogStatus />
            <CatalogTree
              manifest={engineState.manifest}
              tables={engine?.tables}
              onInsert={(text) => dispatch({ type: 'edit', id: activeId, sql: `${tab.sql}${tab.sql.endsWith(' ') ? '' : ' '}${text}` })}
            />
          </>
        ) : null}
      </aside>
      <main className="workspace">
        {link.problem ? <ShareLinkProblem message={link.problem} onDismiss={link.dismissProblem} /> : null}
        {fleOpen ? <FleAdminPanel /> : null}
        {heldRun ? (
          <p role="status" className="notice" data-testid="deep-link-held">
            This link came from another site, so its query was not run. Check the SQL, then press Run.
          </p>
        ) : null}
        {tabs.warning ? (
          <p role="alert" className="notice">
            {tabs.warning}
          </p>
        ) : null}
        {engineState.phase === 'empty' ? (
          <SourceEmptyState source={engineState.manifest.source} problem={engineState.manifest.problem} />
        ) : engineState.phase === 'catalog-error' ? (
          <div role="alert" className="error">
            {engineState.message}
          </div>
        ) : tabs.loaded ? (
          <>
            <QueryTabs
              state={tabs.state}
              running={runs.running}
              onActivate={(id) => dispatch({ type: 'activate', id })}
              onClose={(id) => {
                runs.forget(id);
                dispatch({ type: 'close', id, fallback: newTab('') });
              }}
              onNew={onNewTab}
            />
            {link.shared?.tabId === tab.id ? <SharedTabNote key={tab.id} info={link.shared} /> : null}
            <SqlEditor
              key={tab.id}
              value={tab.sql}
              onChange={(sql) => dispatch({ type: 'edit', id: activeId, sql })}
              onRun={onRun}
              onRunScript={onRunScript}
              onFormat={onFormat}
              onNewTab={onNewTab}
              onSelection={onSelection}
              tables={engine?.tables}
            />
            <div className="toolbar">
              <button type="button" className="primary" onClick={() => onRun(current())} disabled={!engine || running}>
                Run
              </button>
              <button type="button" onClick={() => onRunScript(current())} disabled={!engine || running}>
                Run all
              </button>
              <button type="button" onClick={() => runs.cancel(activeId)} disabled={!running}>
                Cancel
              </button>
              <button type="button" onClick={() => onFormat(current())}>
                Format
              </button>
              {canSave ? (
                <button type="button" onClick={() => setSaving(true)}>
                  {tab.saved ? 'Save changes' : 'Save'}
                </button>
              ) : null}
              <button type="button" onClick={() => setSharing(tabRef.current)}>
                Share
              </button>
              {canSave ? (
                <button type="button" onClick={() => setAddingTile(true)} disabled={run.status !== 'done'}>
                  Add to dashboard
                </button>
              ) : null}
              <span className="muted">Ctrl/Cmd+Enter runs the statement under the cursor</span>
            </div>
            <ParameterForm
              definitions={definitionsFor(tab.sql, tab.paramDefs)}
              values={tab.params}
              onChange={(params, paramDefs) => dispatch({ type: 'params', id: activeId, params, paramDefs })}
              clusters={facts.clusters}
              days={facts.days}
            />
            <section className="results" aria-label="Query results">
              {paramError ? (
                <div role="alert" className="error">
                  <strong>Parameters need attention</strong>
                  <pre>{paramError}</pre>
                </div>
              ) : (
                <ResultsArea
                  key={tab.id}
                  state={run}
                  engine={engine}
                  view={tab.view}
                  chart={tab.chart}
                  onViewChange={(view) => dispatch({ type: 'view', id: activeId, view })}
                  onChartChange={(chart) => dispatch({ type: 'chart', id: activeId, chart })}
                />
              )}
            </section>
          </>
        ) : null}
      </main>
      <ShortcutsHelp open={help} onClose={() => setHelp(false)} />
      {sharing ? <ShareDialog tab={sharing} onClose={() => setSharing(null)} /> : null}
      {addingTile && run.status === 'done' ? (
        <AddToDashboardDialog
          tile={{
            title: tab.title,
            // The tab's SQL keeps its {{parameters}} for the dashboard's filters; a script adds the statement that ran.
            source:
              splitStatements(tab.sql).length === 1
                ? tab.saved
                  ? { kind: 'saved', savedQueryId: tab.saved.id, sql: tab.sql }
                  : { kind: 'sql', sql: tab.sql }
                : { kind: 'sql', sql: run.sql },
            definitions: definitionsFor(tab.sql, tab.paramDefs),
            values: tab.params,
          }}
          result={run.result.rows}
          initialChart={tab.chart}
          onClose={() => setAddingTile(false)}
        />
      ) : null}
      {saving ? (
        <SaveQueryDialog
          open={saving}
          initialName={tab.title}
          updating={tab.saved !== undefined}
          onSave={saveTab}
          onOpenTheirs={openSaved}
          onClose={() => setSaving(false)}
        />
      ) : null}
    </div>
  );
}
