/** Rule rows to findings, and the list operations of the Advisor page: rank, filter, group. */
import type { AdvisorRule, DayValue, Finding, FindingKind, RuleRow } from './types';

function pairs(text: string): [string, number][] {
  if (!text) return [];
  return text.split(';').flatMap((pair) => {
    const at = pair.lastIndexOf('=');
    const value = Number(pair.slice(at + 1));
    return at > 0 && Number.isFinite(value) ? [[pair.slice(0, at), value] as [string, number]] : [];
  });
}

/** One rule row as a finding, with the rule's statement and confidence. */
export function toFinding(rule: AdvisorRule, row: RuleRow): Finding {
  const trend: DayValue[] = pairs(row.trend).map(([day, us]) => ({ day, us }));
  return {
    id: `${rule.kind}|${row.clusterid}|${row.subject}`,
    kind: rule.kind,
    clusterid: row.clusterid,
    subject: row.subject,
    impactUs: Number(row.impact_us),
    queries: Number(row.queries),
    firstSeen: row.first_seen,
    lastSeen: row.last_seen,
    trend,
    topQueries: pairs(row.top_queries).map(([query, us]) => ({ query: Number(query), us })),
    evidence: row.evidence,
    action: rule.action(row),
    confidence: rule.confidence(row),
  };
}

export interface FindingFilter {
  kinds?: ReadonlySet<FindingKind>;
  clusters?: ReadonlySet<string>;
  /** Case-insensitive part of the subject (a table name, a service class). */
  subject?: string;
}

/** Highest impact first; ties by cluster and subject so the order is stable. */
export function rankFindings(findings: readonly Finding[], filter: FindingFilter = {}): Finding[] {
  const subject = filter.subject?.trim().toLowerCase();
  return findings
    .filter((f) => !filter.kinds || filter.kinds.has(f.kind))
    .filter((f) => !filter.clusters || filter.clusters.has(f.clusterid))
    .filter((f) => !subject || f.subject.toLowerCase().includes(subject))
    .sort((a, b) => b.impactUs - a.impactUs || a.clusterid.localeCompare(b.clusterid) || a.subject.localeCompare(b.subject));
}

/** One kind's findings on the same subject across clusters (the same schema deployed on several clusters). */
export interface FindingGroup {
  key: string;
  kind: FindingKind;
  subject: string;
  impactUs: number;
  findings: Finding[];
}

export function groupAcrossClusters(findings: readonly Finding[]): FindingGroup[] {
  const groups = new Map<string, FindingGroup>();
  for (const finding of findings) {
    const key = `${finding.kind}|${finding.subject}`;
    const group = groups.get(key) ?? { key, kind: finding.kind, subject: finding.subject, impactUs: 0, findings: [] };
    group.impactUs += finding.impactUs;
    group.findings.push(finding);
    groups.set(key, group);
  }
  return [...groups.values()].sort((a, b) => b.impactUs - a.impactUs || a.key.localeCompare(b.key));
}
