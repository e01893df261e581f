/**
 * The Fleet Advisor: rules that turn the exported system tables into ranked,
 * evidence-backed recommendations. A rule is SQL over the views (run by the
 * browser's engine like a library query, pruned by its cluster and day scope)
 * plus the pure code that turns its rows into findings.
 */

/** The kinds of recommendation, in the order the README lists them. */
export const FINDING_KINDS = [
  'missing-statistics',
  'ghost-rows',
  'sort-key',
  'redistribution',
  'nested-loop',
  'wlm-queue',
  'regression',
  'aborted-spike',
  'restart',
] as const;

export type FindingKind = (typeof FINDING_KINDS)[number];

/** A documented, configurable threshold of a rule. */
export interface Threshold {
  value: number;
  /** What it means, with its unit. */
  description: string;
}

/** What a finding's evidence says about how sure the rule is. */
export interface Confidence {
  level: 'high' | 'medium' | 'low';
  /** Why, and what would raise it. */
  note: string;
}

/**
 * The columns every rule's SQL returns, one row per (cluster, subject). The
 * per-day and top-query lists come as `key=value;…` text, which both DuckDB
 * 0.9 and the Arrow bridge carry without list types.
 */
export interface RuleRow {
  clusterid: string;
  /** The table, service class or statement the finding is about. */
  subject: string;
  /** Microseconds that the fix could save: the affected queries' time (execution or queueing, per rule). */
  impact_us: number;
  queries: number;
  first_seen: string;
  last_seen: string;
  /** `YYYY-MM-DD=us;…` per day. */
  trend: string;
  /** `query=us;…`, the five slowest affected queries. */
  top_queries: string;
  /** The alert events or plan lines that triggered it (a sample). */
  evidence: string;
  /** Rule-specific facts for the statement, e.g. the filter columns. */
  detail: string;
}

export interface AdvisorRule {
  kind: FindingKind;
  title: string;
  /** What it finds, how impact is computed, and what to do. */
  description: string;
  /** Tables it reads; a missing one makes this rule (only) report why. */
  tables: readonly string[];
  thresholds: Readonly<Record<string, Threshold>>;
  /** DuckDB 0.9 SQL with `{{clusters}}`, `{{days.start}}` and `{{days.end}}`, returning {@link RuleRow} columns. */
  sql: (thresholds: Readonly<Record<string, number>>) => string;
  /** The statement to run on the cluster (or the advice, for WLM), from the row. */
  action: (row: RuleRow) => Action;
  confidence: (row: RuleRow) => Confidence;
}

/** What to do: a Redshift statement ready to copy, or advice where no statement fits. */
export type Action = { kind: 'sql'; statement: string } | { kind: 'advice'; text: string };

export interface DayValue {
  day: string;
  us: number;
}

export interface Finding {
  /** Stable across runs: kind, cluster and subject. */
  id: string;
  kind: FindingKind;
  clusterid: string;
  subject: string;
  impactUs: number;
  queries: number;
  firstSeen: string;
  lastSeen: string;
  trend: DayValue[];
  topQueries: { query: number; us: number }[];
  evidence: string;
  action: Action;
  confidence: Confidence;
}
