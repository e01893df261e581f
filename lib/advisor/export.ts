/** The findings as Markdown for a ticket, and as CSV. */
import { formatDuration } from '../console/units';
import { deepLinkPath } from '../console/deep-link';
import { delimitedDocument, textCell, valueCell, type Cell } from '../export/csv';
import { evidenceSql } from './evidence-sql';
import type { Finding } from './types';

function actionText(finding: Finding): string {
  return finding.action.kind === 'sql' ? finding.action.statement : finding.action.text;
}

/** Markdown with one section per finding; links are absolute under `origin` so they work from the ticket. */
export function findingsMarkdown(findings: readonly Finding[], origin: string, scope: string): string {
  const lines = [
    `# ClusterScope Advisor: ${findings.length} recommendations`,
    '',
    `Scope: ${scope}. Impact is the time of the affected queries in the scope.`,
    '',
  ];
  for (const [index, f] of findings.entries()) {
    const evidence = evidenceSql(f);
    lines.push(
      `## ${index + 1}. ${f.kind} on ${f.clusterid}: ${f.subject}`,
      '',
      `- Impact: ${formatDuration(f.impactUs / 1000)} over ${f.queries} queries (first seen ${f.firstSeen}, last seen ${f.lastSeen})`,
      `- Confidence: ${f.confidence.level}. ${f.confidence.note}`,
      `- Evidence: ${f.evidence}`,
      ...(evidence ? [`- Affected queries: ${origin}${deepLinkPath(evidence)}`] : []),
      '',
      f.action.kind === 'sql' ? '```sql' : '',
      actionText(f),
      f.action.kind === 'sql' ? '```' : '',
      '',
    );
  }
  return lines.filter((line, i, all) => !(line === '' && all[i - 1] === '')).join('\n');
}

export function findingsCsv(findings: readonly Finding[], origin: string): string {
  const header = ['kind', 'cluster', 'subject', 'impact_seconds', 'queries', 'first_seen', 'last_seen', 'confidence', 'action', 'evidence', 'evidence_link'];
  const rows = findings.map((f): Cell[] => {
    const evidence = evidenceSql(f);
    return [
      textCell(f.kind),
      // Cluster and table names come from the logs: text, defused like any other.
      textCell(f.clusterid),
      textCell(f.subject),
      valueCell(String(Math.round(f.impactUs / 1000) / 1000)),
      valueCell(String(f.queries)),
      valueCell(f.firstSeen),
      valueCell(f.lastSeen),
      textCell(f.confidence.level),
      textCell(actionText(f)),
      textCell(f.evidence),
      textCell(evidence ? `${origin}${deepLinkPath(evidence, false)}` : ''),
    ];
  });
  return delimitedDocument([header.map(textCell), ...rows], 'csv');
}
