import { describe, expect, it } from 'vitest';
import { dashboardInputSchema } from './schema';
import { withNewTile } from './add-tile';

describe('withNewTile', () => {
  it('appends the tile below the others and turns the query parameters into dashboard parameters', () => {
    const dashboard = { name: 'D', tiles: [{ id: 'a', title: 'A', layout: { x: 0, y: 0, w: 12, h: 5 }, source: { kind: 'sql' as const, sql: 'select 1' } }] };
    const next = withNewTile(dashboard, {
      title: 'Slow',
      source: { kind: 'saved', savedQueryId: 'q1', sql: 'select * from t where clusterid in {{clusters}} limit {{limit}}' },
      chart: null,
      definitions: [
        { name: 'clusters', type: 'multi_select' },
        { name: 'limit', type: 'number', default: 5 },
        { name: 'owner', type: 'text' },
      ],
      values: { limit: '25', owner: 'etl' },
    });
    expect(next.tiles?.[1]).toMatchObject({ title: 'Slow', layout: { x: 0, y: 5, w: 6, h: 8 }, source: { kind: 'saved', savedQueryId: 'q1' } });
    expect(next.filters?.parameters).toEqual([
      { name: 'limit', type: 'number', label: undefined, default: 25 },
      { name: 'owner', type: 'text', label: undefined, default: 'etl' },
    ]);
    expect(dashboardInputSchema.safeParse(next).success).toBe(true);
  });
});
