import { describe, expect, it } from 'vitest';
import { findingsCsv, findingsMarkdown } from './export';
import type { Finding } from './types';

const finding: Finding = {
  id: 'ghost-rows|c1|=cmd|calc',
  kind: 'ghost-rows',
  clusterid: 'c1',
  subject: '=cmd|calc',
  impactUs: 65_000_000,
  queries: 3,
  firstSeen: '2026-11-30 01:00:00',
  lastSeen: '2026-12-01 02:00:00',
  trend: [
    { day: '2026-11-30', us: 40_000_000 },
    { day: '2026-12-01', us: 25_000_000 },
  ],
  topQueries: [{ query: 42, us: 30_000_000 }],
  evidence: '12% of the rows read were deleted rows',
  action: { kind: 'sql', statement: 'VACUUM DELETE ONLY "=cmd|calc";' },
  confidence: { level: 'high', note: 'Many scans.' },
};

describe('Advisor exports', () => {
  it('Markdown carries the statement, the evidence link and the impact', () => {
    const markdown = findingsMarkdown([finding], 'https://cs.example', 'c1, 2026-11-30 to 2026-12-01');
    expect(markdown).toContain('## 1. ghost-rows on c1: =cmd|calc');
    expect(markdown).toContain('- Impact: 1 min 5 s over 3 queries');
    expect(markdown).toContain('```sql\nVACUUM DELETE ONLY "=cmd|calc";\n```');
    expect(markdown).toMatch(/- Affected queries: https:\/\/cs\.example\/\?sql=SELECT\+query.*&run=1/);
  });

  it('CSV defuses a table name planted as a formula', () => {
    const [header, row] = findingsCsv([finding], 'https://cs.example').split('\r\n');
    expect(header).toBe('kind,cluster,subject,impact_seconds,queries,first_seen,last_seen,confidence,action,evidence,evidence_link');
    expect(row).toContain(",'=cmd|calc,65,3,");
  });
});
