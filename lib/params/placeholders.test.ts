import { describe, expect, it } from 'vitest';
import { findPlaceholders, parameterReferences } from './placeholders';

function names(sql: string): string[] {
  return findPlaceholders(sql).map((p) => (p.field ? `${p.name}.${p.field}` : p.name));
}

describe('findPlaceholders', () => {
  it('finds names, fields and offsets, with optional inner spaces', () => {
    const sql = 'SELECT * FROM t WHERE c IN {{clusters}} AND d BETWEEN {{ days.start }} AND {{days.end}}';
    const found = findPlaceholders(sql);
    expect(found.map((p) => [p.name, p.field])).toEqual([
      ['clusters', undefined],
      ['days', 'start'],
      ['days', 'end'],
    ]);
    for (const p of found) expect(sql.slice(p.start, p.end)).toMatch(/^\{\{.*\}\}$/);
  });

  it('ignores placeholders inside string literals of every kind', () => {
    expect(names("SELECT '{{a}}', 'it''s {{b}}', E'\\'{{c}}', $${{d}}$$, $tag${{e}}$tag$, {{real}}")).toEqual(['real']);
  });

  it('ignores placeholders inside comments, including nested block comments', () => {
    expect(names('SELECT 1 -- {{a}}\n, {{b}} /* {{c}} /* {{d}} */ {{e}} */ + {{f}}')).toEqual(['b', 'f']);
  });

  it('ignores placeholders inside quoted identifiers', () => {
    expect(names('SELECT "{{col}}" FROM t WHERE x = {{x}}')).toEqual(['x']);
  });

  it('treats an unterminated string or comment as running to the end', () => {
    expect(names("SELECT {{a}}, 'open {{b}}")).toEqual(['a']);
    expect(names('SELECT {{a}} /* open {{b}}')).toEqual(['a']);
  });

  it('leaves braces that are not identifier placeholders alone', () => {
    expect(names("SELECT {'k': 1}, '{{}}', {{ 1 }}, {{a-b}}, {{_ok1}}")).toEqual(['_ok1']);
  });

  it('does not take a $ inside a word for a dollar quote', () => {
    expect(names('SELECT a$b$ , {{x}}')).toEqual(['x']);
  });
});

describe('parameterReferences', () => {
  it('lists each parameter once with its fields, in order of first use', () => {
    expect(parameterReferences('{{b}} {{a.start}} {{b}} {{a.end}} {{a.start}}')).toEqual([
      { name: 'b', fields: [], bare: true },
      { name: 'a', fields: ['start', 'end'], bare: false },
    ]);
  });
});
