import { describe, expect, it } from 'vitest';
import { chartConfigSchema } from './config';
import { chartToJson, parseChartConfig } from './parse';

describe('stored chart configurations', () => {
  it('round-trips through JSON with defaults filled in', () => {
    const config = chartConfigSchema.parse({ type: 'pie', x: 'category', measures: ['alerts'], donut: true, title: undefined });
    const json = chartToJson(config);
    expect(Object.keys(json)).not.toContain('title');
    expect(parseChartConfig(JSON.parse(JSON.stringify(json)))).toEqual(config);
    expect(parseChartConfig({ type: 'kpi' })).toMatchObject({ type: 'kpi', measures: [], maxPoints: 5000 });
  });

  it('drops anything that is not a valid configuration', () => {
    for (const bad of [
      null,
      undefined,
      'line',
      42,
      [],
      { type: 'radar' },
      { type: 'bar', extra: 1 },
      { type: 'bar', measures: Array(21).fill('m') },
      { type: 'bar', x: '' },
      { type: 'bar', maxPoints: 5 },
    ]) {
      expect(parseChartConfig(bad)).toBeNull();
    }
  });
});
