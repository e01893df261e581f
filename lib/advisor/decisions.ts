/**
 * What the team decided about a recommendation: dismissed (with a reason) or
 * snoozed until a day. Kept in the metadata store, visible to everyone. Types,
 * the input schema and the pure rule for what stays hidden; free of Node imports.
 */
import { z } from '@/lib/validation/zod';
import { FINDING_KINDS, type Finding } from './types';

export type DecisionAction = 'dismissed' | 'snoozed';

/** One decision, keyed by the finding's id (kind, cluster and subject). */
export interface AdvisorDecision {
  findingId: string;
  action: DecisionAction;
  reason: string;
  /** For a snooze: the last day (YYYY-MM-DD, UTC) it stays hidden. */
  until: string | null;
  /** The finding's impact when it was decided, so a dismissed finding that worsens comes back. */
  impactUs: number;
  decidedBy: string;
  /** ISO 8601 in UTC. */
  decidedAt: string;
}

/** What a client sends; who and when come from the server. */
export type DecisionInput = Pick<AdvisorDecision, 'findingId' | 'action' | 'reason' | 'until' | 'impactUs'>;

const FINDING_ID = new RegExp(`^(${FINDING_KINDS.join('|')})\\|[^|]{1,200}\\|.{1,400}$`, 's');
const DAY = /^\d{4}-\d{2}-\d{2}$/;

export const decisionInputSchema: z.ZodType<DecisionInput, unknown> = z
  .object({
    findingId: z.string().regex(FINDING_ID, { error: 'must be a finding id: <kind>|<cluster>|<subject>' }),
    action: z.enum(['dismissed', 'snoozed']),
    reason: z.string().trim().max(500, { error: 'must be at most 500 characters' }),
    until: z.string().regex(DAY, { error: 'must be a day, YYYY-MM-DD' }).nullable(),
    impactUs: z.number().finite().nonnegative(),
  })
  .strict()
  .superRefine((input, ctx) => {
    if (input.action === 'dismissed' && input.reason === '') ctx.addIssue({ code: 'custom', path: ['reason'], message: 'a dismissal needs a reason' });
    if (input.action === 'snoozed' && input.until === null) ctx.addIssue({ code: 'custom', path: ['until'], message: 'a snooze needs a day to end' });
  });

export const decisionSchema: z.ZodType<AdvisorDecision, unknown> = z.object({
  findingId: z.string().min(1),
  action: z.enum(['dismissed', 'snoozed']),
  reason: z.string(),
  until: z.string().regex(DAY).nullable(),
  impactUs: z.number().finite(),
  decidedBy: z.string().min(1),
  decidedAt: z.string().min(1),
});

/** A dismissed finding comes back when its impact grows past this factor of its impact when dismissed. */
export const DEFAULT_WORSEN_FACTOR = 2;

export interface DecidedFindings {
  /** Shown in the list: undecided, snoozes that ended, and dismissals that got worse. */
  shown: Finding[];
  /** Hidden, with the decision that hides it. */
  hidden: { finding: Finding; decision: AdvisorDecision }[];
  /** Dismissed findings back in the list because they worsened, by id. */
  worsened: ReadonlySet<string>;
}

/** Splits findings by the team's decisions as of `today` (YYYY-MM-DD). */
export function applyDecisions(
  findings: readonly Finding[],
  decisions: readonly AdvisorDecision[],
  today: string,
  worsenFactor = DEFAULT_WORSEN_FACTOR,
): DecidedFindings {
  const byId = new Map(decisions.map((decision) => [decision.findingId, decision]));
  const shown: Finding[] = [];
  const hidden: DecidedFindings['hidden'] = [];
  const worsened = new Set<string>();
  for (const finding of findings) {
    const decision = byId.get(finding.id);
    if (!decision) shown.push(finding);
    else if (decision.action === 'snoozed') {
      if (decision.until !== null && today <= decision.until) hidden.push({ finding, decision });
      else shown.push(finding);
    } else if (finding.impactUs > worsenFactor * decision.impactUs) {
      worsened.add(finding.id);
      shown.push(finding);
    } else hidden.push({ finding, decision });
  }
  return { shown, hidden, worsened };
}
