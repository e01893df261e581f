/**
 * Runs every Advisor rule on one scope, one after another on the caller's
 * engine. A rule that cannot run (a table missing from the export, a column
 * that drifted, a timeout, memory) reports why and the others go on.
 */
import { bindParameters, describeParamErrors } from '../params/bind';
import type { ParamDefinition } from '../params/types';
import { toFinding } from './findings';
import { ADVISOR_RULES } from './rules';
import type { AdvisorRule, Finding, FindingKind, RuleRow } from './types';

export interface AdvisorScope {
  clusters: readonly string[];
  days: { start: string; end: string };
}

export interface RuleOutcome {
  kind: FindingKind;
  title: string;
  findings: Finding[];
  /** Why the rule gave no answer; its findings are then empty. */
  error?: string;
  ms: number;
}

export interface AdvisorRun {
  scope: AdvisorScope;
  /** Tables the catalog has; a rule needing another one is skipped with a message. */
  available: ReadonlySet<string>;
  /** Runs one statement and returns its rows. */
  query: (sql: string, signal: AbortSignal) => Promise<RuleRow[]>;
  /** Threshold overrides per kind. */
  thresholds?: Partial<Record<FindingKind, Readonly<Record<string, number>>>>;
  /** Longest one rule may run. */
  ruleTimeoutMs?: number;
  signal?: AbortSignal;
  rules?: readonly AdvisorRule[];
  /** Called as each rule finishes, for progress. */
  onRule?: (outcome: RuleOutcome) => void;
}

/** Two minutes: the heaviest rule over a week of a large fleet, with room. */
export const DEFAULT_RULE_TIMEOUT_MS = 120_000;

/** The rule's thresholds with the overrides applied. */
export function ruleThresholds(rule: AdvisorRule, overrides: Readonly<Record<string, number>> = {}): Record<string, number> {
  return Object.fromEntries(Object.entries(rule.thresholds).map(([name, threshold]) => [name, overrides[name] ?? threshold.value]));
}

/** The rule's SQL with the scope bound as literals (constant partition filters, so only the scope's files are read). */
export function boundRuleSql(rule: AdvisorRule, scope: AdvisorScope, overrides?: Readonly<Record<string, number>>): string {
  const definitions: ParamDefinition[] = [
    { name: 'clusters', type: 'multi_select', label: 'Clusters', options: [...scope.clusters] },
    { name: 'days', type: 'date_range', label: 'Days' },
  ];
  const bound = bindParameters(rule.sql(ruleThresholds(rule, overrides)), definitions, { clusters: [...scope.clusters], days: scope.days });
  if (!bound.ok) throw new Error(describeParamErrors(bound.errors));
  return bound.sql;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

async function runRule(rule: AdvisorRule, input: AdvisorRun): Promise<RuleOutcome> {
  const started = performance.now();
  const done = (findings: Finding[], error?: string): RuleOutcome => ({
    kind: rule.kind,
    title: rule.title,
    findings,
    ...(error ? { error } : {}),
    ms: performance.now() - started,
  });
  const missing = rule.tables.filter((table) => !input.available.has(table));
  if (missing.length > 0) return done([], `Needs ${missing.join(', ')}, which the export does not have.`);
  if (input.scope.clusters.length === 0) return done([], 'No cluster is selected.');
  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(), input.ruleTimeoutMs ?? DEFAULT_RULE_TIMEOUT_MS);
  const stop = (): void => timeout.abort();
  input.signal?.addEventListener('abort', stop);
  try {
    const rows = await input.query(boundRuleSql(rule, input.scope, input.thresholds?.[rule.kind]), timeout.signal);
    return done(rows.map((row) => toFinding(rule, row)));
  } catch (error) {
    if (timeout.signal.aborted && !input.signal?.aborted) {
      return done([], `Stopped after ${Math.round((input.ruleTimeoutMs ?? DEFAULT_RULE_TIMEOUT_MS) / 1000)} s; choose fewer clusters or days.`);
    }
    return done([], messageOf(error));
  } finally {
    clearTimeout(timer);
    input.signal?.removeEventListener('abort', stop);
  }
}

/** Every rule's outcome, in rule order. */
export async function runAdvisor(input: AdvisorRun): Promise<RuleOutcome[]> {
  const outcomes: RuleOutcome[] = [];
  for (const rule of input.rules ?? ADVISOR_RULES) {
    if (input.signal?.aborted) break;
    const outcome = await runRule(rule, input);
    outcomes.push(outcome);
    input.onRule?.(outcome);
  }
  return outcomes;
}
