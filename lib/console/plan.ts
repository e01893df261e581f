/** EXPLAIN and EXPLAIN ANALYZE results, recognised so they can be shown as plan text rather than a grid. */
import type { ResultSet } from '../engine/result-set';

export interface PlanSection {
  /** DuckDB's key, e.g. `physical_plan` or `analyzed_plan`. */
  title: string;
  text: string;
}

/** The plan sections when the result is DuckDB's EXPLAIN output, else null. */
export function planSections(rows: ResultSet): PlanSection[] | null {
  const names = rows.columns.map((column) => column.name);
  if (names.length !== 2 || names[0] !== 'explain_key' || names[1] !== 'explain_value') return null;
  const sections: PlanSection[] = [];
  for (let row = 0; row < rows.rowCount; row += 1) {
    const title = rows.cell(row, 0);
    const text = rows.cell(row, 1);
    sections.push({ title: typeof title === 'string' ? title.replaceAll('_', ' ') : 'plan', text: typeof text === 'string' ? text : '' });
  }
  return sections;
}
