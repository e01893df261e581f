/** An engine result as rule rows: the shared finding columns by name, whatever their order. */
import type { ResultSet } from '../engine/result-set';
import type { RuleRow } from './types';

const TEXT = ['clusterid', 'subject', 'first_seen', 'last_seen', 'trend', 'top_queries', 'evidence', 'detail'] as const;
const NUMBERS = ['impact_us', 'queries'] as const;

export function ruleRowsFrom(result: ResultSet): RuleRow[] {
  const index = new Map(result.columns.map((column, i) => [column.name, i]));
  const at = (name: string): number => {
    const i = index.get(name);
    if (i === undefined) throw new Error(`The rule's result has no ${name} column.`);
    return i;
  };
  const text = TEXT.map((name) => [name, at(name)] as const);
  const numbers = NUMBERS.map((name) => [name, at(name)] as const);
  const rows: RuleRow[] = [];
  for (let r = 0; r < result.rowCount; r++) {
    const row: Record<string, string | number> = {};
    for (const [name, i] of text) row[name] = String(result.cell(r, i) ?? '');
    for (const [name, i] of numbers) row[name] = Number(result.cell(r, i) ?? 0);
    rows.push(row as unknown as RuleRow);
  }
  return rows;
}
