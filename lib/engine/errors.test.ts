import { describe, expect, it } from 'vitest';
import { explainOutOfMemory, isEngineCrash, parseEngineError } from './errors';

describe('parseEngineError', () => {
  it('splits DuckDB position excerpts into line and column', () => {
    const raw = 'Parser Error: syntax error at or near "FORM"\nLINE 2: FORM stl_query\n        ^';
    const info = parseEngineError(new Error(raw), 'SELECT clusterid\nFORM stl_query');
    expect(info).toEqual({ message: 'Parser Error: syntax error at or near "FORM"', line: 2, column: 1 });
  });

  it('finds the column in the real line when DuckDB trimmed the excerpt', () => {
    const sql = `SELECT ${'a, '.repeat(40)}missing_col FROM t`;
    const from = sql.indexOf('missing_col') - 10;
    const excerpt = `...${sql.slice(from)}`;
    const caretAt = 'LINE 1: '.length + 3 + 10;
    const raw = `Binder Error: Referenced column "missing_col" not found\nLINE 1: ${excerpt}\n${' '.repeat(caretAt)}^`;
    const info = parseEngineError(raw, sql);
    expect(info.line).toBe(1);
    expect(info.column).toBe(sql.indexOf('missing_col') + 1);
  });

  it('keeps messages without a position whole and flags interruptions', () => {
    expect(parseEngineError('Catalog Error: Table with name x does not exist!')).toEqual({
      message: 'Catalog Error: Table with name x does not exist!',
    });
    expect(parseEngineError(new Error('INTERRUPT Error: Interrupted!')).cancelled).toBe(true);
  });
});

describe('engine failures', () => {
  it('tells a crash from an ordinary error', () => {
    expect(isEngineCrash('RuntimeError: memory access out of bounds')).toBe(true);
    expect(isEngineCrash('Aborted(OOM)')).toBe(true);
    expect(isEngineCrash('Binder Error: column x not found')).toBe(false);
  });

  it('explains running out of memory and leaves other errors alone', () => {
    const info = explainOutOfMemory({ message: 'Out of Memory Error: failed to allocate data of size 33.5MB (34.8MB/64.0MB used)' });
    expect(info.message).toContain('Filter on clusterid and startdate');
    expect(explainOutOfMemory({ message: 'Parser Error: x' })).toEqual({ message: 'Parser Error: x' });
  });
});
