/** Partition counts for the catalog tree: per key, each value with its file count. */
import type { CatalogTable, PartitionKeyType } from './types';

export interface PartitionKeySummary {
  name: string;
  type: PartitionKeyType;
  values: { value: string; files: number }[];
}

/** Counts a table's files per partition key value, values sorted ascending. */
export function summarizePartitions(table: CatalogTable): PartitionKeySummary[] {
  return table.partitionKeys.map((key) => {
    const counts = new Map<string, number>();
    for (const file of table.files) {
      const value = file.partition[key.name];
      if (value !== undefined) counts.set(value, (counts.get(value) ?? 0) + 1);
    }
    const values = [...counts.entries()]
      .map(([value, files]) => ({ value, files }))
      .sort((a, b) => (key.type === 'BIGINT' ? Number(a.value) - Number(b.value) : a.value.localeCompare(b.value)));
    return { name: key.name, type: key.type, values };
  });
}

/** Every value a partition key takes across all tables, sorted; for filling pickers. */
export function distinctPartitionValues(tables: readonly CatalogTable[], keyName: string): string[] {
  const values = new Set<string>();
  for (const table of tables) {
    for (const file of table.files) {
      const value = file.partition[keyName];
      if (value !== undefined) values.add(value);
    }
  }
  return [...values].sort();
}

/** The first partition key of a given type across the tables, e.g. the DATE key (`startdate`). */
export function partitionKeyOfType(tables: readonly CatalogTable[], type: PartitionKeyType): string | undefined {
  for (const table of tables) {
    const key = table.partitionKeys.find((candidate) => candidate.type === type);
    if (key) return key.name;
  }
  return undefined;
}

/** The cluster and day values among the partitions, sorted: what pickers and defaults offer. */
export function clusterAndDayValues(tables: readonly CatalogTable[]): { clusters: string[]; days: string[] } {
  const clusterKey = tables.flatMap((table) => table.partitionKeys).find((key) => /cluster/i.test(key.name))?.name;
  const dayKey = partitionKeyOfType(tables, 'DATE');
  return {
    clusters: clusterKey ? distinctPartitionValues(tables, clusterKey) : [],
    days: dayKey ? distinctPartitionValues(tables, dayKey) : [],
  };
}
