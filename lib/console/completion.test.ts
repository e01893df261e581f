import { CompletionContext, type CompletionResult, type CompletionSource } from '@codemirror/autocomplete';
import { PostgreSQL } from '@codemirror/lang-sql';
import { EditorState } from '@codemirror/state';
import { describe, expect, it } from 'vitest';
import { completionSchema, sqlLanguage } from './completion';

const TABLES = [
  { name: 'stl_query', columns: [{ name: 'query' }, { name: 'querytxt' }, { name: 'clusterid' }, { name: 'startdate' }] },
  { name: 'stl_scan', columns: [{ name: 'query' }, { name: 'perm_table_name' }, { name: 'clusterid' }] },
];

async function complete(doc: string, at = doc.indexOf('|')): Promise<string[]> {
  const text = doc.replace('|', '');
  const schema = completionSchema(TABLES);
  const state = EditorState.create({ doc: text, extensions: [sqlLanguage(PostgreSQL, schema)] });
  const labels: string[] = [];
  // The sources the editor itself would ask at this position.
  for (const source of state.languageDataAt<CompletionSource>('autocomplete', at)) {
    const result = (await source(new CompletionContext(state, at, true))) as CompletionResult | null;
    for (const option of result?.options ?? []) labels.push(option.label);
  }
  return labels;
}

describe('editor completion', () => {
  it('suggests the columns of an aliased table after alias.', async () => {
    const labels = await complete('SELECT q.| FROM stl_query q JOIN stl_scan s ON s.query = q.query');
    expect(labels).toEqual(expect.arrayContaining(['querytxt', 'clusterid', 'startdate']));
    expect(labels).not.toContain('perm_table_name');
  });

  it('suggests tables (with Athena names), keywords and functions', async () => {
    const labels = await complete('SELECT | FROM stl_query');
    for (const label of ['stl_query', 'ext_stl_scan', 'SELECT', 'approx_quantile', 'date_add']) expect(labels, label).toContain(label);
  });

  it('works with a catalog of 50 tables of 20 columns', async () => {
    const wide = Array.from({ length: 50 }, (_, table) => ({
      name: `table_${table}`,
      columns: Array.from({ length: 20 }, (_unused, column) => ({ name: `column_${column}` })),
    }));
    const schema = completionSchema(wide);
    const state = EditorState.create({ doc: 'SELECT t.  FROM table_49 t', extensions: [sqlLanguage(PostgreSQL, schema)] });
    const labels: string[] = [];
    for (const source of state.languageDataAt<CompletionSource>('autocomplete', 9)) {
      const result = (await source(new CompletionContext(state, 9, true))) as CompletionResult | null;
      for (const option of result?.options ?? []) labels.push(option.label);
    }
    expect(labels).toContain('column_19');
  });
});
