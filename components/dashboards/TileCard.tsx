'use client';

import { useEffect, useState, type ReactNode } from 'react';
import { ChartView, type ChartSelection } from '@/components/charts/ChartView';
import { downloadParts } from '@/components/results/download';
import { chartConfigSchema, type ChartConfig } from '@/lib/charts/config';
import { deepLinkPath } from '@/lib/console/deep-link';
import type { DashboardTile } from '@/lib/dashboards/schema';
import { resultCsv } from '@/lib/dashboards/tile-csv';
import { exportFileName } from '@/lib/dashboards/transfer';
import styles from './dashboards.module.css';
import { TileDialog } from './TileDialog';
import { TileMenu } from './TileMenu';
import { useTileResult, type TileContext, type TileState } from './useTileResult';

export interface TileCardProps {
  tile: DashboardTile;
  context: TileContext;
  /** Pixel height of the tile's body, for the chart. */
  bodyHeight: number;
  onSelect: (selection: ChartSelection) => void;
  onStatus: (tileId: string, status: string) => void;
  /** Absent when the user may not change the dashboard. */
  onRemove?: () => void;
  /** Turns a tile whose saved query was deleted into a tile with its SQL embedded; absent when the user may not change the dashboard. */
  onKeepSnapshot?: () => void;
}

const TABLE_CONFIG: ChartConfig = chartConfigSchema.parse({ type: 'table' });
const TIME = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', hour: '2-digit', minute: '2-digit', second: '2-digit' });

function footer(state: TileState): string {
  switch (state.status) {
    case 'done': {
      const rows = `${state.result.rows.rowCount.toLocaleString('en-US')} rows`;
      return `${rows} · as of ${TIME.format(state.asOf)} UTC${state.cached ? ' (cached)' : ''}`;
    }
    case 'error':
      return 'Failed';
    default:
      return 'Running…';
  }
}

/** One tile: its own loading and error state, its chart, its menu. A failure here never reaches other tiles. */
export function TileCard({ tile, context, bodyHeight, onSelect, onStatus, onRemove, onKeepSnapshot }: TileCardProps): ReactNode {
  const { state, source } = useTileResult(tile, context);
  const [dialog, setDialog] = useState<'sql' | 'full' | null>(null);
  useEffect(() => onStatus(tile.id, state.status), [onStatus, tile.id, state.status]);
  const config = tile.chart ?? TABLE_CONFIG;
  const boundSql = state.status === 'done' || state.status === 'error' ? (state.sql ?? null) : null;
  const chart = (height: number): ReactNode =>
    state.status === 'done' ? <ChartView config={config} result={state.result.rows} onSelect={onSelect} height={height} /> : null;
  const download = (): void => {
    if (state.status !== 'done') return;
    downloadParts(
      [new TextEncoder().encode(resultCsv(state.result.rows))],
      exportFileName({ name: tile.title }).replace('.dashboard.json', '.csv'),
      'text/csv',
    );
  };

  return (
    <section className={styles.tile} aria-label={tile.title} aria-busy={state.status === 'loading'}>
      <header className={`${styles.tileHead} tile-drag-handle`}>
        <h3 title={tile.title}>{tile.title}</h3>
        <TileMenu
          title={tile.title}
          consoleHref={boundSql ? deepLinkPath(boundSql) : null}
          canDownload={state.status === 'done'}
          onViewSql={() => setDialog('sql')}
          onDownload={download}
          onFullScreen={() => setDialog('full')}
          onRemove={onRemove}
        />
      </header>
      <div className={styles.tileBody} onMouseDown={(event) => event.stopPropagation()}>
        {source?.kind === 'missing' ? (
          <div role="note" className={styles.notice}>
            The saved query this tile used ({source.savedQueryId}) was deleted. It shows the SQL the tile kept when it was added.{' '}
            {onKeepSnapshot ? (
              <button type="button" onClick={onKeepSnapshot}>
                Keep this SQL in the tile
              </button>
            ) : null}
          </div>
        ) : null}
        {state.status === 'error' ? (
          <div role="alert" className={styles.error}>
            {`This tile failed: ${state.message}`}
          </div>
        ) : state.status === 'done' ? (
          chart(bodyHeight)
        ) : (
          <p role="status" className="muted">
            {state.status === 'waiting' ? state.message : 'Running…'}
          </p>
        )}
      </div>
      <footer className={styles.tileFoot} aria-label={`Status of ${tile.title}`}>
        {footer(state)}
        {state.status === 'done' && state.crossFiltered.length > 0
          ? ` · cross-filtered by ${state.crossFiltered.map((filter) => filter.column).join(', ')}`
          : ''}
      </footer>
      {dialog === 'sql' ? (
        <TileDialog title={`SQL of ${tile.title}`} onClose={() => setDialog(null)}>
          <h3>As run, with the dashboard filters bound</h3>
          <pre aria-label="Bound SQL">{boundSql ?? 'Not run yet.'}</pre>
          <h3>As stored in the tile</h3>
          <pre aria-label="Tile SQL">{source?.sql ?? tile.source.sql}</pre>
        </TileDialog>
      ) : null}
      {dialog === 'full' ? (
        <TileDialog title={tile.title} onClose={() => setDialog(null)}>
          {chart(Math.round(window.innerHeight * 0.65))}
        </TileDialog>
      ) : null}
    </section>
  );
}
