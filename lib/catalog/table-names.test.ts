import { describe, expect, it } from 'vitest';
import { assignTableNames } from './table-names';

describe('assignTableNames', () => {
  it('keeps folder names when they are unique', () => {
    const { names, warnings } = assignTableNames(['data/stl_query', 'data/stl_scan']);
    expect([...names]).toEqual([
      ['data/stl_query', 'stl_query'],
      ['data/stl_scan', 'stl_scan'],
    ]);
    expect(warnings).toEqual([]);
  });

  it('suffixes clashing names with the distinguishing folder, whatever the input order', () => {
    const folders = ['prod/extract/data/stl_query', 'dev/extract/data/stl_query', 'prod/extract/data/stl_scan'];
    const forward = assignTableNames(folders);
    const backward = assignTableNames([...folders].reverse());
    expect(forward.names.get('prod/extract/data/stl_query')).toBe('stl_query_prod');
    expect(forward.names.get('dev/extract/data/stl_query')).toBe('stl_query_dev');
    expect(forward.names.get('prod/extract/data/stl_scan')).toBe('stl_scan');
    expect([...backward.names].sort()).toEqual([...forward.names].sort());
    expect(forward.warnings).toHaveLength(2);
    expect(forward.warnings[0]?.message).toContain('stl_query_dev');
  });

  it('treats names differing only in case as a clash', () => {
    const { names } = assignTableNames(['a/STL_QUERY', 'b/stl_query']);
    expect(names.get('a/STL_QUERY')).toBe('STL_QUERY_a');
    expect(names.get('b/stl_query')).toBe('stl_query_b');
  });

  it('handles a table at the top level and a nested one with the same name', () => {
    const { names } = assignTableNames(['t', 'x/t']);
    expect(names.get('t')).toBe('t_root');
    expect(names.get('x/t')).toBe('t_x');
  });

  it('numbers names that still clash after sanitising', () => {
    const { names } = assignTableNames(['a-b/t', 'a_b/t']);
    expect(new Set(names.values()).size).toBe(2);
    expect([...names.values()].sort()).toEqual(['t_a_b', 't_a_b_2']);
  });
});
