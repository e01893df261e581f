'use client';

import Link from 'next/link';
import { useCallback, useMemo, useState, type ReactNode } from 'react';
import type { ChartSelection } from '@/components/charts/ChartView';
import { useSession } from '@/components/auth/SessionProvider';
import { useEngine } from '@/components/console/useEngine';
import { downloadParts } from '@/components/results/download';
import { ThemeToggle } from '@/components/theme/ThemeToggle';
import { catalogFacts, type CatalogFacts } from '@/lib/dashboards/catalog-facts';
import { CLUSTER_COLUMN, effectiveFilterValues } from '@/lib/dashboards/filter-binding';
import { TileRunner } from '@/lib/dashboards/tile-runner';
import { exportDashboardFile, exportFileName } from '@/lib/dashboards/transfer';
import { hasRole } from '@/lib/auth/roles';
import type { QueryResult } from '@/lib/engine/client';
import { todayUtc } from '@/lib/params/dates';
import { mayWrite, ownerLabel } from '@/lib/store/ownership';
import { ConflictNotice } from './ConflictNotice';
import { DashboardGrid } from './DashboardGrid';
import styles from './dashboards.module.css';
import { DuplicateDashboardButton } from './DuplicateDashboardButton';
import { FilterBar } from './FilterBar';
import { FilterChips } from './FilterChips';
import { TileProgress } from './TileProgress';
import { useAutoRefresh } from './useAutoRefresh';
import { useDashboardDocument } from './useDashboardDocument';
import { useDashboardUrlState } from './useDashboardUrlState';

/** How many tile queries run at once through the page's one engine. */
const TILE_CONCURRENCY = 3;
const NO_FACTS: CatalogFacts = { clusters: [], days: [], version: 'none' };

/** A dashboard: filters, active-filter chips and the tile grid, with save, export and auto-refresh. */
export function DashboardView({ id }: { id: string }): ReactNode {
  const engineState = useEngine();
  const { user } = useSession();
  const doc = useDashboardDocument(id);
  const url = useDashboardUrlState();
  const manifest = 'manifest' in engineState ? engineState.manifest : null;
  const facts = useMemo(() => (manifest ? catalogFacts(manifest) : NO_FACTS), [manifest]);
  const engine = engineState.phase === 'ready' ? engineState.engine : null;
  // Not passing the signal to the engine: a superseded tile run finishes and stays cached.
  const runner = useMemo(
    () => (engine ? new TileRunner<QueryResult>((sql, _signal, hints) => engine.query(sql, hints), { concurrency: TILE_CONCURRENCY }) : null),
    [engine],
  );
  const refresh = useAutoRefresh(url.state.refresh, facts.version);
  const [statuses, setStatuses] = useState<Record<string, string>>({});
  const dashboard = doc.dashboard;
  const filters = dashboard?.filters;
  const values = useMemo(() => (filters ? effectiveFilterValues(filters, facts, url.state, todayUtc()) : null), [filters, facts, url.state]);
  const context = useMemo(
    () => (filters && values ? { runner, catalogVersion: facts.version, filters, values, crossFilters: url.state.crossFilters } : null),
    [runner, facts.version, filters, values, url.state.crossFilters],
  );
  const { update } = url;
  const onSelect = useCallback(
    (selection: ChartSelection) => {
      if (selection.column === CLUSTER_COLUMN && selection.value !== null) {
        update((state) => ({ ...state, clusters: [String(selection.value)] }));
        return;
      }
      update((state) => ({ ...state, crossFilters: [...state.crossFilters.filter((filter) => filter.column !== selection.column), selection] }));
    },
    [update],
  );
  const onStatus = useCallback(
    (tileId: string, status: string) => setStatuses((current) => (current[tileId] === status ? current : { ...current, [tileId]: status })),
    [],
  );

  if (doc.loadError) {
    return (
      <div role="alert" className={styles.error}>
        {`This dashboard could not be opened: ${doc.loadError}`} <Link href="/dashboards">All dashboards</Link>
      </div>
    );
  }
  if (!dashboard || !context || !values) return <p role="status">Loading the dashboard…</p>;
  // The server enforces the same rule; hiding the controls keeps users from edits that would be refused.
  const editable = mayWrite(dashboard, user);
  const exportFile = (): void => downloadParts([new TextEncoder().encode(exportDashboardFile(dashboard))], exportFileName(dashboard), 'application/json');

  return (
    <div className={styles.page}>
      <header className={styles.bar}>
        <h2>{dashboard.name}</h2>
        <span className="muted">{dashboard.description}</span>
        <span className="muted">{`Owner: ${ownerLabel(dashboard)}`}</span>
        {editable ? (
          <button type="button" className="primary" disabled={!doc.dirty || doc.saving} onClick={() => void doc.save()}>
            {doc.saving ? 'Saving…' : doc.dirty ? 'Save layout' : 'Saved'}
          </button>
        ) : null}
        {user !== null && hasRole(user.role, 'analyst') ? <DuplicateDashboardButton dashboard={dashboard} /> : null}
        <button type="button" onClick={exportFile}>
          Export JSON
        </button>
        <button type="button" onClick={refresh.refreshNow} disabled={refresh.refreshing}>
          Refresh now
        </button>
        <TileProgress tiles={dashboard.tiles} statuses={statuses} engine={engineState} />
        <Link href="/dashboards">All dashboards</Link>
        <Link href="/">Console</Link>
        <ThemeToggle />
      </header>
      {doc.conflict ? <ConflictNotice mine={dashboard} theirs={doc.conflict} onOverwrite={() => void doc.save(true)} onDiscard={doc.discard} /> : null}
      {doc.saveError ? (
        <div role="alert" className={styles.error}>
          {`Not saved: ${doc.saveError}`}
        </div>
      ) : null}
      {refresh.error ? (
        <div role="alert" className={styles.error}>
          {`The catalog could not be refreshed: ${refresh.error}`}
        </div>
      ) : null}
      {url.problems.length > 0 ? (
        <p role="note" className={styles.notice}>
          {`Parts of this address were ignored: ${url.problems.join('; ')}`}
        </p>
      ) : null}
      <FilterBar
        facts={facts}
        filters={dashboard.filters}
        values={values}
        refresh={url.state.refresh}
        onClusters={(clusters) => update((state) => ({ ...state, clusters }))}
        onDays={(days) => update((state) => ({ ...state, days }))}
        onParam={(name, text) => update((state) => ({ ...state, params: { ...state.params, [name]: text } }))}
        onRefresh={(minutes) => update((state) => ({ ...state, refresh: minutes }))}
      />
      <FilterChips state={url.state} onChange={update} />
      <DashboardGrid tiles={dashboard.tiles} context={context} onTilesChange={doc.setTiles} onSelect={onSelect} onStatus={onStatus} editable={editable} />
    </div>
  );
}
