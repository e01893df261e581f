/** Keeps a query's parameter definitions in step with the placeholders its SQL uses. */
import { parameterReferences } from './placeholders';
import type { ParamDefinition } from './types';

/**
 * The definitions `sql` needs, in order of first use: an existing definition
 * is kept as it is; a new name becomes a date range when the SQL uses
 * `.start`/`.end` on it, else text (the user can change the type in the form).
 * Definitions for names the SQL no longer uses are dropped.
 */
export function definitionsFor(sql: string, existing: readonly ParamDefinition[]): ParamDefinition[] {
  const byName = new Map(existing.map((def) => [def.name, def]));
  return parameterReferences(sql).map((ref) => {
    const kept = byName.get(ref.name);
    if (kept) return kept;
    const isRange = ref.fields.includes('start') || ref.fields.includes('end');
    return { name: ref.name, type: isRange ? 'date_range' : 'text' };
  });
}
