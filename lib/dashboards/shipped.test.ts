import { describe, expect, it } from 'vitest';
import { scopeCounts } from '../library/scope-check';
import { SHIPPED_DASHBOARDS, isShippedTileSql } from './shipped';

const tiles = [...SHIPPED_DASHBOARDS.entries()].flatMap(([id, dashboard]) =>
  (dashboard.tiles ?? []).map((tile) => ({ id: `${id}/${tile.id}`, sql: tile.source.sql })),
);

describe('shipped dashboards', () => {
  // isShippedTileSql lets the engine read only the files these filters select, so this must hold for every tile.
  it.each(tiles)('$id: filters every table it reads on the dashboard clusters and days', ({ sql }) => {
    const counts = scopeCounts(sql);
    expect(counts.reads).toBeGreaterThan(0);
    expect(counts).toEqual({ reads: counts.reads, clusterFilters: counts.reads, dayFilters: counts.reads });
  });

  it('recognises a shipped tile SQL as shipped, and nothing edited', () => {
    const first = tiles[0]?.sql ?? '';
    expect(isShippedTileSql(first)).toBe(true);
    expect(isShippedTileSql(`\n  ${first};\n`)).toBe(true);
    expect(isShippedTileSql(`${first}\nLIMIT 5`)).toBe(false);
    expect(isShippedTileSql(first.replace('{{clusters}}', "('prod')"))).toBe(false);
    expect(isShippedTileSql('SELECT count(*) FROM stl_query')).toBe(false);
  });
});
