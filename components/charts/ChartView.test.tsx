import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { chartConfigSchema, type ChartConfigInput } from '@/lib/charts/config';
import heat from '@/lib/charts/fixtures/daily-heat.json';
import { resultFromJson, resultFromRows, type JsonFixture } from '@/lib/charts/testing/json-result';
import { ChartView } from './ChartView';

const render = (input: ChartConfigInput, fixture = heat as JsonFixture): string =>
  renderToStaticMarkup(<ChartView config={chartConfigSchema.parse(input)} result={resultFromJson(fixture)} />);

describe('ChartView', () => {
  it('shows a message, not an exception, for a column the result lacks', () => {
    const html = render({ type: 'bar', x: 'cluster', measures: ['queries'] });
    expect(html).toContain('role="status"');
    expect(html).toContain('Cannot draw this chart: The chart uses the column &quot;cluster&quot;');
  });

  it('names the drawing by title and type', () => {
    const html = render({ type: 'heatmap', title: 'Load', x: 'hour', y: 'day', measures: ['queries'] });
    expect(html).toContain('aria-label="Load (Heatmap)"');
    expect(html).toContain('role="img"');
    expect(html).toContain('<title>2026-11-15 · 10: 10</title>');
  });

  it('writes a KPI with its change against the previous period', () => {
    const html = render({ type: 'kpi', x: 'day', measures: ['queries'] });
    expect(html).toContain('aria-label="KPI: 1"');
    expect(html).toContain('▼ -97.5% vs 2026-11-15 (40)');
  });

  it('says when it capped the points', () => {
    const columns = [{ name: 'n', type: 'INTEGER', kind: 'integer' as const }];
    const result = resultFromRows(
      columns,
      Array.from({ length: 30 }, (_, i) => [i]),
    );
    const html = renderToStaticMarkup(<ChartView config={chartConfigSchema.parse({ type: 'table', maxPoints: 10 })} result={result} />);
    expect(html).toContain('Showing first 10 of 30 points');
  });
});
