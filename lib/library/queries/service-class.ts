/** Names for WLM service class numbers, which every cluster version reports. */

/**
 * A SQL CASE naming the kind of queue a service class number is. Used instead
 * of stl_wlm_query.service_class_name, which only newer Redshift versions
 * export: a query naming it fails on a fleet where no cluster has it.
 */
export function serviceClassKind(column: string): string {
  return `CASE WHEN ${column} BETWEEN 1 AND 4 THEN 'system'
            WHEN ${column} = 5 THEN 'superuser'
            WHEN ${column} BETWEEN 6 AND 13 THEN 'manual WLM queue'
            WHEN ${column} = 14 THEN 'short query acceleration'
            WHEN ${column} = 15 THEN 'maintenance'
            WHEN ${column} BETWEEN 100 AND 107 THEN 'automatic WLM queue'
            ELSE 'other' END`;
}
