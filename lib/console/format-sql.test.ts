import { describe, expect, it } from 'vitest';
import { formatSql } from './format-sql';

describe('formatSql', () => {
  it('formats keywords and layout', () => {
    expect(formatSql("select clusterid, count(*) from stl_query where startdate >= date '2026-11-01' group by 1")).toBe(
      "SELECT\n  clusterid,\n  count(*)\nFROM\n  stl_query\nWHERE\n  startdate >= DATE '2026-11-01'\nGROUP BY\n  1",
    );
  });

  it('keeps parameter placeholders and Unicode intact', () => {
    const formatted = formatSql("select 'déjà' as x from t where clusterid in {{clusters}} and startdate between {{days.start}} and {{days.end}}");
    expect(formatted).toContain('{{clusters}}');
    expect(formatted).toContain('{{days.start}}');
    expect(formatted).toContain("'déjà'");
  });

  it('returns SQL it cannot parse unchanged', () => {
    const broken = "select 'unterminated from t";
    expect(formatSql(broken)).toBe(broken);
  });
});
