'use client';

import type { ReactNode } from 'react';
import type { CatalogManifest } from '@/lib/catalog/types';
import type { EngineTable } from '@/lib/engine/client';
import { summarizePartitions } from '@/lib/catalog/partition-summary';
import { warningsForTable } from '@/lib/catalog/table-warnings';
import { formatBytes } from '@/lib/console/units';

export interface CatalogTreeProps {
  manifest: CatalogManifest;
  /** Columns as the engine resolved them; absent while it starts. */
  tables?: EngineTable[];
  onInsert?: (text: string) => void;
}

/** Tables, then their columns with types, then partitions as counts per key value. */
export function CatalogTree({ manifest, tables, onInsert }: CatalogTreeProps): ReactNode {
  const engineTables = new Map((tables ?? []).map((table) => [table.name, table]));
  return (
    <nav className="catalog" aria-label="Catalog">
      <h2>Tables</h2>
      <ul role="tree" aria-label="Tables">
        {manifest.tables.map((table) => {
          const resolved = engineTables.get(table.name);
          const partitions = summarizePartitions(table);
          const problems = [
            ...warningsForTable(manifest, table),
            ...(resolved?.skipped ?? []).map((skipped) => ({ path: skipped.path, message: skipped.message })),
          ];
          return (
            <li key={table.name} role="treeitem" aria-selected={false} aria-label={table.name}>
              <details>
                <summary>
                  <span className="table-name">{table.name}</span>{' '}
                  <span className="muted">
                    {table.files.length} files · {formatBytes(table.bytes)}
                  </span>
                  {problems.length > 0 ? <span className="badge warn">{problems.length} skipped</span> : null}
                </summary>
                {resolved?.error ? <p className="warning">{resolved.error}</p> : null}
                {problems.length > 0 ? (
                  <ul className="warning" aria-label={`Skipped files of ${table.name}`}>
                    {problems.map((problem) => (
                      <li key={`${problem.path}:${problem.message}`}>
                        <code>{problem.path}</code>: {problem.message}
                      </li>
                    ))}
                  </ul>
                ) : null}
                <details open>
                  <summary>Columns</summary>
                  {resolved ? (
                    <ul aria-label={`Columns of ${table.name}`}>
                      {resolved.columns.map((column) => (
                        <li key={column.name}>
                          <button type="button" className="link" onClick={() => onInsert?.(column.name)}>
                            {column.name}
                          </button>{' '}
                          <span className="muted">{column.type}</span>
                          {table.partitionKeys.some((key) => key.name === column.name) ? <span className="badge">partition</span> : null}
                        </li>
                      ))}
                    </ul>
                  ) : (
                    <p className="muted">Loading columns…</p>
                  )}
                </details>
                <details>
                  <summary>Partitions</summary>
                  {partitions.map((key) => (
                    <div key={key.name} className="partition-key">
                      <strong>{key.name}</strong> <span className="muted">{key.type}</span>
                      <ul aria-label={`${table.name} partitions by ${key.name}`}>
                        {key.values.map((entry) => (
                          <li key={entry.value}>
                            {entry.value} <span className="muted">{entry.files} files</span>
                          </li>
                        ))}
                      </ul>
                    </div>
                  ))}
                </details>
              </details>
            </li>
          );
        })}
      </ul>
      {manifest.warnings.length > 0 ? (
        <details className="catalog-warnings">
          <summary>{manifest.warnings.length} catalog warnings</summary>
          <ul>
            {manifest.warnings.map((warning) => (
              <li key={`${warning.path}:${warning.message}`}>
                <code>{warning.path}</code>: {warning.message}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </nav>
  );
}
