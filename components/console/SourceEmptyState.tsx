import type { ReactNode } from 'react';

export interface SourceEmptyStateProps {
  source: string;
  problem?: string;
}

/** Shown when the configured source has no tables: says what to configure. */
export function SourceEmptyState({ source, problem }: SourceEmptyStateProps): ReactNode {
  return (
    <section className="empty-state" aria-labelledby="empty-title">
      <h2 id="empty-title">No tables found</h2>
      <p>{problem ?? `No Parquet tables were found under ${source}.`}</p>
      <p>
        Set <code>CLUSTERSCOPE_SOURCE</code> to a folder that holds the exports, laid out as{' '}
        <code>&lt;table&gt;/&lt;key&gt;=&lt;value&gt;/…/part-*.parquet</code>, and restart. Run <code>npm run sample</code> to generate the bundled sample in{' '}
        <code>data/sample</code>.
      </p>
    </section>
  );
}
