import { describe, expect, it } from 'vitest';
import { mentionedColumns } from './mentioned-columns';

const COLUMNS = ['userid', 'query', 'starttime', 'endtime', 'aborted', 'querytxt'];

describe('mentionedColumns', () => {
  it('keeps the columns named as whole words, case-insensitively', () => {
    expect(mentionedColumns("SELECT QUERY, date_diff('ms', starttime, endtime) FROM stl_query WHERE aborted = 1", COLUMNS)).toEqual([
      'query',
      'starttime',
      'endtime',
      'aborted',
    ]);
  });

  it('ignores names inside string literals and comments, and count(*)', () => {
    expect(mentionedColumns("SELECT count(*) FROM stl_query WHERE 'userid' <> 'x' -- querytxt\n/* endtime */", COLUMNS)).toEqual([]);
  });

  it('reads quoted identifiers', () => {
    expect(mentionedColumns('SELECT "querytxt" FROM stl_query', COLUMNS)).toEqual(['querytxt']);
  });

  it('answers null (every column) for a star select or COLUMNS()', () => {
    for (const sql of [
      'SELECT * FROM stl_query',
      'SELECT DISTINCT * FROM t',
      'SELECT q.* FROM stl_query q',
      'SELECT a, * EXCLUDE (b) FROM t',
      "SELECT COLUMNS('.*time') FROM t",
    ]) {
      expect(mentionedColumns(sql, COLUMNS), sql).toBeNull();
    }
    expect(mentionedColumns('SELECT 2 * aborted FROM stl_query', COLUMNS)).toEqual(['aborted']);
  });
});

describe('mentionedColumns with the lexer', () => {
  it('ignores a star or a column inside a dollar-quoted string or nested comment', () => {
    expect(mentionedColumns('SELECT aborted, $$, * querytxt$$ /* x /* y */ , * endtime */ FROM stl_query', COLUMNS)).toEqual(['aborted']);
  });
});
