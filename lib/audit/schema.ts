/** Validation of audit records the browser sends. Strict: unknown fields (a stray value) are refused. */
import { z } from '@/lib/validation/zod';
import { parseInput } from '@/lib/store/schemas';
import { AUDIT_ACTIONS, AUDIT_PHASES, type AuditInput } from './types';

const MAX_PLACE_CHARS = 300;

const place = z.string().trim().min(1).max(MAX_PLACE_CHARS).nullable().default(null);
const count = z.number().int().min(0).max(1e12).nullable().default(null);

export const auditInputSchema = z
  .object({
    action: z.enum(AUDIT_ACTIONS, { error: `must be one of ${AUDIT_ACTIONS.join(', ')}` }),
    phase: z.enum(AUDIT_PHASES, { error: `must be one of ${AUDIT_PHASES.join(', ')}` }),
    runId: z.string().regex(/^[A-Za-z0-9-]{8,64}$/, { error: 'must be 8–64 letters, digits or dashes' }),
    source: place,
    table: place,
    column: place,
    rowCount: count,
    succeeded: count,
    failed: count,
    // A fingerprint or a short note; too short to smuggle a ciphertext (~500 characters) through.
    note: z.string().max(120).nullable().default(null),
  })
  .strict();

/** Validates an audit record from the browser; throws `InvalidInputError`. */
export function parseAuditInput(value: unknown): AuditInput {
  return parseInput(auditInputSchema, value, 'audit record');
}
