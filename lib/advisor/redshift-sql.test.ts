import { describe, expect, it } from 'vitest';
import {
  alterDistKeyStatement,
  alterDistStyleAllStatement,
  alterSortKeyStatement,
  analyzeStatement,
  isProposedStatement,
  quoteIdentifier,
  vacuumDeleteOnlyStatement,
} from './redshift-sql';

describe('Redshift statements', () => {
  it('builds each form, and each parses', () => {
    const statements = [
      analyzeStatement('orders'),
      analyzeStatement('sales.orders'),
      vacuumDeleteOnlyStatement('order_items'),
      alterSortKeyStatement('orders', ['region', 'order_ts']),
      alterDistKeyStatement('orders', 'customer_id'),
      alterDistStyleAllStatement('dim_region'),
    ];
    expect(statements).toEqual([
      'ANALYZE orders;',
      'ANALYZE sales.orders;',
      'VACUUM DELETE ONLY order_items;',
      'ALTER TABLE orders ALTER SORTKEY (region, order_ts);',
      'ALTER TABLE orders ALTER DISTKEY customer_id;',
      'ALTER TABLE dim_region ALTER DISTSTYLE ALL;',
    ]);
    for (const statement of statements) expect(isProposedStatement(statement), statement).toBe(true);
  });

  it('quotes names that are not plain, so a hostile table name stays one identifier', () => {
    expect(quoteIdentifier('Orders')).toBe('"Orders"');
    expect(quoteIdentifier('order')).toBe('"order"');
    const hostile = 'x; DROP TABLE users; --';
    const statement = analyzeStatement(hostile);
    expect(statement).toBe('ANALYZE "x; DROP TABLE users; --";');
    expect(isProposedStatement(statement)).toBe(true);
    expect(analyzeStatement('a"b')).toBe('ANALYZE "a""b";');
    expect(isProposedStatement(analyzeStatement('a"b'))).toBe(true);
  });

  it('refuses anything outside the forms', () => {
    for (const bad of [
      'ANALYZE orders',
      'ANALYZE orders; DROP TABLE x;',
      'VACUUM orders;',
      'ALTER TABLE orders ALTER SORTKEY ();',
      'ANALYZE "a"b";',
      'DROP TABLE orders;',
    ]) {
      expect(isProposedStatement(bad), bad).toBe(false);
    }
  });
});
