import { describe, expect, it } from 'vitest';
import { defaultValues, numberParameter, scopeParameters } from './parameters';
import { scope } from './scope';

describe('scopeParameters', () => {
  it('defaults to every catalog cluster and the last seven days up to today', () => {
    const defs = scopeParameters({ clusters: ['b', 'a', 'b'], today: '2026-11-01' });
    expect(defs).toEqual([
      { name: 'clusters', type: 'multi_select', label: 'Clusters', options: ['a', 'b'], default: ['a', 'b'] },
      { name: 'days', type: 'date_range', label: 'Days', default: { start: '2026-10-26', end: '2026-11-01' } },
    ]);
  });
});

describe('defaultValues', () => {
  it('maps each defined default by name and skips the rest', () => {
    expect(defaultValues([numberParameter('limit', 'Rows', 50), { name: 'x', type: 'text' }])).toEqual({ limit: 50 });
  });
});

describe('scope', () => {
  it('filters both partition keys with parameters, optionally through an alias', () => {
    expect(scope()).toBe('clusterid IN {{clusters}} AND startdate BETWEEN {{days.start}} AND {{days.end}}');
    expect(scope('q')).toBe('q.clusterid IN {{clusters}} AND q.startdate BETWEEN {{days.start}} AND {{days.end}}');
  });
});
