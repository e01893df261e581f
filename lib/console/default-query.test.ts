import { describe, expect, it } from 'vitest';
import { defaultSql } from './default-query';

describe('defaultSql', () => {
  it('filters on a literal date six days back, so partitions are pruned', () => {
    expect(defaultSql(new Date('2026-03-02T23:59:00Z'))).toContain("WHERE startdate >= DATE '2026-02-24'");
    expect(defaultSql(new Date('2026-03-02T23:59:00Z'))).not.toContain('current_date');
  });
});
