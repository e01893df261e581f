import { describe, expect, it } from 'vitest';
import { applyDecisions, decisionInputSchema, type AdvisorDecision } from './decisions';
import type { Finding } from './types';

function finding(id: string, impactUs: number): Finding {
  const [kind = 'ghost-rows', clusterid = 'c1', subject = 't'] = id.split('|');
  return {
    id,
    kind: kind as Finding['kind'],
    clusterid,
    subject,
    impactUs,
    queries: 1,
    firstSeen: '',
    lastSeen: '',
    trend: [],
    topQueries: [],
    evidence: '',
    action: { kind: 'advice', text: '' },
    confidence: { level: 'low', note: '' },
  };
}

function decision(findingId: string, action: AdvisorDecision['action'], impactUs: number, until: string | null = null): AdvisorDecision {
  return { findingId, action, reason: 'known', until, impactUs, decidedBy: 'ana', decidedAt: '2026-12-01T00:00:00Z' };
}

describe('applyDecisions', () => {
  const a = finding('ghost-rows|c1|orders', 100);
  const b = finding('sort-key|c1|orders', 100);
  const c = finding('nested-loop|c2|items', 100);

  it('hides dismissed and snoozed findings and shows the rest', () => {
    const result = applyDecisions([a, b, c], [decision(a.id, 'dismissed', 100), decision(b.id, 'snoozed', 100, '2026-12-05')], '2026-12-02');
    expect(result.shown.map((f) => f.id)).toEqual([c.id]);
    expect(result.hidden.map((h) => [h.finding.id, h.decision.action])).toEqual([
      [a.id, 'dismissed'],
      [b.id, 'snoozed'],
    ]);
  });

  it('a snooze ends after its day', () => {
    expect(applyDecisions([b], [decision(b.id, 'snoozed', 100, '2026-12-05')], '2026-12-05').shown).toEqual([]);
    expect(applyDecisions([b], [decision(b.id, 'snoozed', 100, '2026-12-05')], '2026-12-06').shown).toEqual([b]);
  });

  it('a dismissed finding that worsens past the factor comes back, marked', () => {
    const worse = finding(a.id, 250);
    const result = applyDecisions([worse], [decision(a.id, 'dismissed', 100)], '2026-12-02');
    expect(result.shown).toEqual([worse]);
    expect(result.worsened.has(a.id)).toBe(true);
    expect(applyDecisions([finding(a.id, 199)], [decision(a.id, 'dismissed', 100)], '2026-12-02').shown).toEqual([]);
  });
});

describe('decision input', () => {
  it('needs a reason to dismiss and a day to snooze, and a real finding id', () => {
    const base = { findingId: 'ghost-rows|c1|orders', impactUs: 5 };
    expect(decisionInputSchema.safeParse({ ...base, action: 'dismissed', reason: 'planned', until: null }).success).toBe(true);
    expect(decisionInputSchema.safeParse({ ...base, action: 'dismissed', reason: ' ', until: null }).success).toBe(false);
    expect(decisionInputSchema.safeParse({ ...base, action: 'snoozed', reason: '', until: null }).success).toBe(false);
    expect(decisionInputSchema.safeParse({ ...base, action: 'snoozed', reason: '', until: '2026-12-09' }).success).toBe(true);
    expect(decisionInputSchema.safeParse({ ...base, findingId: 'drop-table|x|y', action: 'dismissed', reason: 'r', until: null }).success).toBe(false);
    expect(decisionInputSchema.safeParse({ ...base, action: 'dismissed', reason: 'r', until: null, extra: 1 }).success).toBe(false);
  });
});
