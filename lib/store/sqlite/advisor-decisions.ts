/** The Advisor's dismiss and snooze decisions in the SQLite store: one row per finding, the latest decision wins. */
import type Database from 'better-sqlite3';
import { decisionInputSchema, decisionSchema, type AdvisorDecision } from '@/lib/advisor/decisions';
import { MalformedRecordError, NotFoundError } from '../errors';
import type { AdvisorDecisionCollection } from '../metadata-store';
import { parseInput, toIssues } from '../schemas';

const KIND = 'advisor decision';

function decode(row: Record<string, unknown>): AdvisorDecision {
  const record = decisionSchema.safeParse({
    findingId: row.finding_id,
    action: row.action,
    reason: row.reason,
    until: row.until,
    impactUs: row.impact_us,
    decidedBy: row.decided_by,
    decidedAt: row.decided_at,
  });
  if (!record.success) throw new MalformedRecordError(KIND, String(row.finding_id), toIssues(record.error));
  return record.data;
}

export function createSqliteAdvisorDecisions(db: Database.Database, now: () => Date): AdvisorDecisionCollection {
  const all = db.prepare('SELECT * FROM advisor_decisions ORDER BY decided_at DESC, finding_id');
  const upsert = db.prepare(
    `INSERT INTO advisor_decisions (finding_id, action, reason, until, impact_us, decided_by, decided_at)
     VALUES (@findingId, @action, @reason, @until, @impactUs, @decidedBy, @decidedAt)
     ON CONFLICT (finding_id) DO UPDATE SET action = excluded.action, reason = excluded.reason, until = excluded.until,
       impact_us = excluded.impact_us, decided_by = excluded.decided_by, decided_at = excluded.decided_at`,
  );
  const remove = db.prepare('DELETE FROM advisor_decisions WHERE finding_id = ?');
  return {
    async list() {
      // A malformed row is skipped rather than hiding every decision behind one bad record.
      return (all.all() as Record<string, unknown>[]).flatMap((row) => {
        try {
          return [decode(row)];
        } catch {
          return [];
        }
      });
    },
    async put(input, context) {
      const parsed = parseInput(decisionInputSchema, input, KIND);
      const decision: AdvisorDecision = { ...parsed, decidedBy: context.actor, decidedAt: now().toISOString() };
      upsert.run(decision);
      return decision;
    },
    async remove(findingId) {
      if (remove.run(findingId).changes === 0) throw new NotFoundError(KIND, findingId);
    },
  };
}
