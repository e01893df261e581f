'use client';

import { useState, type ReactNode } from 'react';
import { deepLinkPath } from '@/lib/console/deep-link';
import { formatDuration } from '@/lib/console/units';
import { evidenceSql, querySql } from '@/lib/advisor/evidence-sql';
import type { Finding } from '@/lib/advisor/types';
import { KIND_TITLES } from './kind-titles';
import { Sparkline } from './Sparkline';
import styles from './advisor.module.css';

export interface FindingCardProps {
  finding: Finding;
  rank: number;
  days: { start: string; end: string };
  /** Dismissed before, back because its impact grew. */
  worsened?: boolean;
  /** The dismiss and snooze controls, where the user may decide. */
  decide?: ReactNode;
}

/** One recommendation: what, where, how much it costs, the evidence, and the statement to run. */
export function FindingCard({ finding, rank, days, worsened = false, decide }: FindingCardProps): ReactNode {
  const [copied, setCopied] = useState(false);
  const evidence = evidenceSql(finding);
  const name = `${rank}. ${KIND_TITLES[finding.kind]} on ${finding.clusterid}: ${finding.subject}`;
  const action = finding.action;
  return (
    <article className={styles.finding} aria-label={name}>
      <header className={styles.findingHead}>
        <h3>{name}</h3>
        <span className={styles.impact} aria-label="Impact">
          {formatDuration(finding.impactUs / 1000)}
        </span>
        <Sparkline trend={finding.trend} days={days} label={`Impact per day of ${finding.subject} on ${finding.clusterid}`} />
      </header>
      {worsened ? <p className={styles.worsened}>Back after a dismissal: its impact has grown since.</p> : null}
      <p className="muted">
        {finding.queries > 0 ? `${finding.queries.toLocaleString('en-US')} queries · ` : ''}first seen {finding.firstSeen} · last seen {finding.lastSeen} ·{' '}
        <span aria-label="Confidence">confidence {finding.confidence.level}</span>
      </p>
      {action.kind === 'sql' ? (
        <div className={styles.statement}>
          <code aria-label="Statement to run">{action.statement}</code>
          <button
            type="button"
            onClick={() => {
              void navigator.clipboard
                .writeText(action.statement)
                .then(() => setCopied(true))
                .catch(() => setCopied(false));
            }}
          >
            {copied ? 'Copied' : 'Copy statement'}
          </button>
        </div>
      ) : (
        <p aria-label="Advice">{action.text}</p>
      )}
      <details>
        <summary>Evidence</summary>
        <p>{finding.evidence}</p>
        <p className="muted">{finding.confidence.note}</p>
        {finding.topQueries.length > 0 ? (
          <>
            <p>Slowest affected queries {evidence ? <a href={deepLinkPath(evidence)}>(open all in the console)</a> : null}:</p>
            <ol>
              {finding.topQueries.map((query) => (
                <li key={query.query}>
                  <a href={deepLinkPath(querySql(finding, query.query))}>Query {query.query}</a> · {formatDuration(query.us / 1000)}
                </li>
              ))}
            </ol>
          </>
        ) : null}
      </details>
      {decide}
    </article>
  );
}
