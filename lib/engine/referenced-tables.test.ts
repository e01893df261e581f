import { describe, expect, it } from 'vitest';
import { referencedTables } from './referenced-tables';

const TABLES = ['stl_query', 'stl_scan', 'stl_wlm_query'];

describe('referencedTables', () => {
  it('finds tables used in FROM and JOIN, case-insensitively', () => {
    const sql = 'SELECT * FROM STL_QUERY q JOIN "stl_scan" s ON q.query = s.query';
    expect(referencedTables(sql, TABLES)).toEqual(['stl_query', 'stl_scan']);
  });

  it('ignores names inside comments and string literals', () => {
    const sql = "-- stl_scan\nSELECT 'stl_wlm_query' /* stl_scan */ FROM stl_query";
    expect(referencedTables(sql, TABLES)).toEqual(['stl_query']);
  });

  it('is not fooled by -- inside a string literal', () => {
    const sql = "SELECT * FROM stl_scan WHERE plannode LIKE '----- Tables missing%'\nJOIN stl_query q ON true";
    expect(referencedTables(sql, TABLES)).toEqual(['stl_query', 'stl_scan']);
  });

  it('counts Athena names as their table', () => {
    expect(referencedTables('SELECT * FROM redshift_query_logs_db.ext_stl_scan', TABLES)).toEqual(['stl_scan']);
  });

  it('does not match a longer identifier that contains a table name', () => {
    expect(referencedTables('SELECT * FROM stl_query_backup', TABLES)).toEqual([]);
  });
});

describe('referencedTables with the lexer', () => {
  it('ignores names inside dollar-quoted and E strings and nested comments', () => {
    const sql = "SELECT $$stl_scan$$, E'\\' stl_wlm_query' /* a /* b */ stl_scan */ FROM stl_query";
    expect(referencedTables(sql, TABLES)).toEqual(['stl_query']);
  });
});
