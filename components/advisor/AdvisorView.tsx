'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useSession } from '@/components/auth/SessionProvider';
import { useEngine } from '@/components/console/useEngine';
import { downloadParts } from '@/components/results/download';
import { listDecisions, putDecision, removeDecision } from '@/lib/advisor/api-client';
import { applyDecisions, type DecisionInput } from '@/lib/advisor/decisions';
import { hasRole } from '@/lib/auth/roles';
import { findingsCsv, findingsMarkdown } from '@/lib/advisor/export';
import { groupAcrossClusters, rankFindings } from '@/lib/advisor/findings';
import { ADVISOR_RULES } from '@/lib/advisor/rules';
import { FINDING_KINDS, type FindingKind } from '@/lib/advisor/types';
import { clusterAndDayValues } from '@/lib/catalog/partition-summary';
import { formatDuration } from '@/lib/console/units';
import { addDays, todayUtc } from '@/lib/params/dates';
import { DecisionControls } from './DecisionControls';
import { FindingCard } from './FindingCard';
import { KIND_TITLES } from './kind-titles';
import { useAdvisor } from './useAdvisor';
import styles from './advisor.module.css';

function download(name: string, type: string, text: string): void {
  downloadParts([new TextEncoder().encode(text)], name, type);
}

/** The Advisor: choose clusters and days, run every rule, then rank, filter, group and export the findings. */
export function AdvisorView(): ReactNode {
  const engineState = useEngine();
  const engine = engineState.phase === 'ready' ? engineState.engine : null;
  const tables = 'manifest' in engineState ? engineState.manifest.tables : null;
  const facts = useMemo(() => clusterAndDayValues(tables ?? []), [tables]);
  const available = useMemo(() => new Set((tables ?? []).map((table) => table.name)), [tables]);
  const advisor = useAdvisor(engine, available);
  const lastDay = facts.days.at(-1);
  const [chosen, setChosen] = useState<string[] | null>(null);
  const [range, setRange] = useState<{ start: string; end: string } | null>(null);
  const clusters = chosen ?? facts.clusters;
  const days = useMemo(() => range ?? (lastDay ? { start: addDays(lastDay, -6), end: lastDay } : null), [range, lastDay]);
  const [kind, setKind] = useState<FindingKind | ''>('');
  const [cluster, setCluster] = useState('');
  const [subject, setSubject] = useState('');
  const [grouped, setGrouped] = useState(false);
  const ranOnce = useRef(false);
  const { run } = advisor;
  const { user } = useSession();
  const canDecide = user !== null && hasRole(user.role, 'analyst');
  const queryClient = useQueryClient();
  const decisions = useQuery({ queryKey: ['advisor-decisions'], queryFn: listDecisions });
  const refresh = (): Promise<void> => queryClient.invalidateQueries({ queryKey: ['advisor-decisions'] });
  const decide = useMutation({ mutationFn: (input: DecisionInput) => putDecision(input), onSettled: refresh });
  const restore = useMutation({ mutationFn: (findingId: string) => removeDecision(findingId), onSettled: refresh });
  const today = todayUtc();

  useEffect(() => {
    // The default scope runs as soon as the engine is up: the page's answer is the point of opening it.
    if (engine && days && clusters.length > 0 && !ranOnce.current) {
      ranOnce.current = true;
      run({ clusters, days });
    }
  }, [engine, days, clusters, run]);

  const state = advisor.state;
  const outcomes = state.status === 'done' ? state.outcomes : state.status === 'running' ? state.done : [];
  const all = outcomes.flatMap((outcome) => outcome.findings);
  const ranked = rankFindings(all, {
    kinds: kind ? new Set([kind]) : undefined,
    clusters: cluster ? new Set([cluster]) : undefined,
    subject,
  });
  const decided = applyDecisions(ranked, decisions.data ?? [], today);
  const decisionError = decisions.error ?? decide.error ?? restore.error;
  const controls = (finding: (typeof ranked)[number]): ReactNode =>
    canDecide ? (
      <DecisionControls
        name={`${finding.subject} on ${finding.clusterid}`}
        snoozeUntil={addDays(today, 7)}
        busy={decide.isPending}
        onDecide={(action, reason, until) => decide.mutate({ findingId: finding.id, action, reason, until, impactUs: finding.impactUs })}
      />
    ) : null;
  const scopeText = state.status === 'idle' ? '' : `${state.scope.clusters.length} clusters, ${state.scope.days.start} to ${state.scope.days.end}`;
  const scopeDays = state.status === 'idle' ? (days ?? { start: '', end: '' }) : state.scope.days;
  const card = (finding: (typeof ranked)[number], index: number): ReactNode => (
    <FindingCard key={finding.id} finding={finding} rank={index + 1} days={scopeDays} worsened={decided.worsened.has(finding.id)} decide={controls(finding)} />
  );

  return (
    <main className={styles.page}>
      <header className={styles.bar}>
        <h1>Fleet Advisor</h1>
        <nav aria-label="Pages" className={styles.bar}>
          <Link href="/">Console</Link>
          <Link href="/dashboards">Dashboards</Link>
        </nav>
      </header>
      <p className="muted">
        Recommendations across the selected clusters, ranked by impact: the time of the queries each one affects in the chosen days (for WLM, the time they
        queued; for restarts, the time without queries). An estimate of what the fix could save, not a promise.
      </p>
      {engineState.phase === 'catalog-error' || engineState.phase === 'failed' ? (
        <p role="alert" className="error">
          {'message' in engineState ? engineState.message : ''}
        </p>
      ) : null}
      {engineState.phase === 'empty' ? <p role="alert">The source has no tables, so there is nothing to advise on.</p> : null}
      <form
        className={styles.scope}
        aria-label="Advisor scope"
        onSubmit={(event) => {
          event.preventDefault();
          if (days) run({ clusters, days });
        }}
      >
        <fieldset>
          <legend>Clusters</legend>
          {facts.clusters.map((id) => (
            <label key={id}>
              <input
                type="checkbox"
                checked={clusters.includes(id)}
                onChange={(event) => setChosen(event.target.checked ? [...clusters, id].sort() : clusters.filter((c) => c !== id))}
              />{' '}
              {id}
            </label>
          ))}
        </fieldset>
        <label>
          From <input type="date" value={days?.start ?? ''} onChange={(event) => days && setRange({ ...days, start: event.target.value })} />
        </label>
        <label>
          To <input type="date" value={days?.end ?? ''} onChange={(event) => days && setRange({ ...days, end: event.target.value })} />
        </label>
        <button type="submit" className="primary" disabled={!engine || state.status === 'running' || clusters.length === 0 || !days || days.start > days.end}>
          Run the Advisor
        </button>
        {state.status === 'running' ? (
          <button type="button" onClick={advisor.cancel}>
            Cancel
          </button>
        ) : null}
      </form>
      <p role="status" aria-label="Advisor progress">
        {engineState.phase !== 'ready'
          ? 'Starting the engine…'
          : state.status === 'running'
            ? `Running rule ${Math.min(state.done.length + 1, ADVISOR_RULES.length)} of ${ADVISOR_RULES.length}…`
            : state.status === 'done'
              ? `${all.length} recommendations from ${ADVISOR_RULES.length} rules in ${formatDuration(state.ms)}`
              : ''}
      </p>
      {outcomes.length > 0 ? (
        <ul className={styles.rules} aria-label="Rules">
          {outcomes.map((outcome) => (
            <li key={outcome.kind} className={outcome.error ? styles.ruleError : undefined}>
              {KIND_TITLES[outcome.kind]}: {outcome.error ? <span role="alert">{outcome.error}</span> : `${outcome.findings.length} found`}
            </li>
          ))}
        </ul>
      ) : null}
      <div className={styles.filters} role="group" aria-label="Filter recommendations">
        <label>
          Kind{' '}
          <select value={kind} onChange={(event) => setKind(event.target.value as FindingKind | '')}>
            <option value="">All kinds</option>
            {FINDING_KINDS.map((k) => (
              <option key={k} value={k}>
                {KIND_TITLES[k]}
              </option>
            ))}
          </select>
        </label>
        <label>
          Cluster{' '}
          <select value={cluster} onChange={(event) => setCluster(event.target.value)}>
            <option value="">All clusters</option>
            {facts.clusters.map((id) => (
              <option key={id}>{id}</option>
            ))}
          </select>
        </label>
        <label>
          Table or subject <input type="search" value={subject} onChange={(event) => setSubject(event.target.value)} />
        </label>
        <label>
          <input type="checkbox" checked={grouped} onChange={(event) => setGrouped(event.target.checked)} /> Group each table across clusters
        </label>
        <button
          type="button"
          disabled={ranked.length === 0}
          onClick={() => download('advisor.md', 'text/markdown', findingsMarkdown(ranked, window.location.origin, scopeText))}
        >
          Export Markdown
        </button>
        <button
          type="button"
          disabled={decided.shown.length === 0}
          onClick={() => download('advisor.csv', 'text/csv', findingsCsv(decided.shown, window.location.origin))}
        >
          Export CSV
        </button>
      </div>
      <section aria-label="Recommendations">
        {decisionError ? (
          <p role="alert" className="error">
            {decisionError.message}
          </p>
        ) : null}
        {state.status === 'done' && decided.shown.length === 0 ? <p>No recommendation for this scope and filter.</p> : null}
        {grouped
          ? groupAcrossClusters(decided.shown).map((group) => (
              <section
                key={group.key}
                className={styles.group}
                aria-label={`${KIND_TITLES[group.kind]}: ${group.subject} on ${group.findings.length} clusters`}
              >
                <h2>
                  {KIND_TITLES[group.kind]}: {group.subject} · {group.findings.length} clusters · {formatDuration(group.impactUs / 1000)}
                </h2>
                {group.findings.map(card)}
              </section>
            ))
          : decided.shown.map(card)}
      </section>
      {decided.hidden.length > 0 ? (
        <details>
          <summary>Dismissed and snoozed ({decided.hidden.length})</summary>
          <ul className={styles.hiddenList} aria-label="Dismissed and snoozed">
            {decided.hidden.map(({ finding, decision }) => (
              <li key={finding.id}>
                {KIND_TITLES[finding.kind]} on {finding.clusterid}: {finding.subject} ·{' '}
                {decision.action === 'snoozed' ? `snoozed until ${decision.until ?? ''}` : `dismissed: ${decision.reason}`} · by {decision.decidedBy} on{' '}
                {decision.decidedAt.slice(0, 10)}{' '}
                {canDecide ? (
                  <button type="button" disabled={restore.isPending} onClick={() => restore.mutate(finding.id)}>
                    Restore
                  </button>
                ) : null}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </main>
  );
}
