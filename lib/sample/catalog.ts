/**
 * The user tables each simulated cluster holds. Statements, scans, plans and
 * DDL all draw from this one catalog so names and ids agree across tables.
 */

import type { ClusterProfile } from './types';
import { createRng } from './random';

/** Redshift distribution style of a table. */
export type DistStyle = 'KEY' | 'ALL' | 'EVEN';

/** A table as the generator knows it. */
export interface UserTable {
  schema: string;
  name: string;
  /** Redshift table id (stl_scan.tbl). */
  id: number;
  /** Approximate row count on this cluster. */
  rows: number;
  /** Average scanned bytes per row. */
  width: number;
  dist: DistStyle;
  /** Primary key column. */
  key: string;
  /** Sort key timestamp column. */
  ts: string;
  /** A numeric column worth summing. */
  measure: string;
  /** Low-cardinality columns for filters and group-bys, with sample values. */
  dims: ReadonlyArray<{ column: string; values: readonly string[] }>;
  /** A column holding personal data, if any. */
  pii: { column: string; kind: 'email' | 'card_last4' } | null;
  /** Foreign keys: column in this table -> referenced table name (same column name there). */
  refs: Readonly<Record<string, string>>;
  /** Spectrum external table on S3. */
  external: boolean;
  /** Share of rows deleted but not vacuumed (ghost rows); 0 for a clean table. */
  ghostShare: number;
}

type TableDef = Omit<UserTable, 'id' | 'ghostShare'>;

const STATUS = ['pending', 'shipped', 'delivered', 'returned', 'cancelled'] as const;
const CHANNEL = ['web', 'mobile', 'store', 'partner'] as const;
const REGION = ['NA', 'EMEA', 'APAC', 'LATAM'] as const;
const SEGMENT = ['consumer', 'smb', 'enterprise'] as const;

const DEFS: readonly TableDef[] = [
  {
    schema: 'sales',
    name: 'orders',
    rows: 480e6,
    width: 96,
    dist: 'KEY',
    key: 'order_id',
    ts: 'order_ts',
    measure: 'total_amount',
    dims: [
      { column: 'status', values: STATUS },
      { column: 'channel', values: CHANNEL },
      { column: 'region', values: REGION },
    ],
    pii: null,
    refs: { customer_id: 'customers' },
    external: false,
  },
  {
    schema: 'sales',
    name: 'order_items',
    rows: 1.9e9,
    width: 56,
    dist: 'KEY',
    key: 'order_item_id',
    ts: 'created_at',
    measure: 'unit_price',
    dims: [{ column: 'discount_code', values: ['NONE', 'SPRING10', 'VIP20', 'FREESHIP'] }],
    pii: null,
    refs: { order_id: 'orders', product_id: 'products' },
    external: false,
  },
  {
    schema: 'sales',
    name: 'customers',
    rows: 22e6,
    width: 180,
    dist: 'KEY',
    key: 'customer_id',
    ts: 'signup_ts',
    measure: 'lifetime_value',
    dims: [
      { column: 'segment', values: SEGMENT },
      { column: 'region', values: REGION },
      { column: 'country', values: ['US', 'DE', 'GB', 'FR', 'JP', 'BR', 'IN'] },
    ],
    pii: { column: 'email', kind: 'email' },
    refs: {},
    external: false,
  },
  {
    schema: 'sales',
    name: 'products',
    rows: 180e3,
    width: 120,
    dist: 'ALL',
    key: 'product_id',
    ts: 'created_at',
    measure: 'list_price',
    dims: [
      { column: 'category', values: ['apparel', 'electronics', 'home', 'outdoor', 'beauty'] },
      { column: 'brand', values: ['acme', 'globex', 'initech', 'umbrella'] },
    ],
    pii: null,
    refs: {},
    external: false,
  },
  {
    schema: 'web',
    name: 'sessions',
    rows: 2.7e9,
    width: 120,
    dist: 'KEY',
    key: 'session_id',
    ts: 'started_at',
    measure: 'duration_s',
    dims: [
      { column: 'device', values: ['desktop', 'ios', 'android', 'tablet'] },
      { column: 'utm_source', values: ['google', 'newsletter', 'facebook', 'direct'] },
    ],
    pii: null,
    refs: { customer_id: 'customers' },
    external: false,
  },
  {
    schema: 'web',
    name: 'pageviews',
    rows: 9.8e9,
    width: 140,
    dist: 'KEY',
    key: 'pageview_id',
    ts: 'viewed_at',
    measure: 'time_on_page_ms',
    dims: [{ column: 'url_path', values: ['/', '/cart', '/checkout', '/search', '/product'] }],
    pii: null,
    refs: { session_id: 'sessions' },
    external: false,
  },
  {
    schema: 'marketing',
    name: 'campaigns',
    rows: 6e3,
    width: 200,
    dist: 'ALL',
    key: 'campaign_id',
    ts: 'start_date',
    measure: 'budget',
    dims: [
      { column: 'channel', values: ['search', 'social', 'email', 'display'] },
      { column: 'objective', values: ['awareness', 'conversion', 'retention'] },
    ],
    pii: null,
    refs: {},
    external: false,
  },
  {
    schema: 'marketing',
    name: 'ad_spend',
    rows: 45e6,
    width: 72,
    dist: 'EVEN',
    key: 'spend_id',
    ts: 'spend_date',
    measure: 'amount',
    dims: [{ column: 'network', values: ['google_ads', 'meta', 'linkedin', 'tiktok'] }],
    pii: null,
    refs: { campaign_id: 'campaigns' },
    external: false,
  },
  {
    schema: 'finance',
    name: 'invoices',
    rows: 150e6,
    width: 110,
    dist: 'KEY',
    key: 'invoice_id',
    ts: 'issued_at',
    measure: 'amount',
    dims: [
      { column: 'currency', values: ['USD', 'EUR', 'GBP', 'JPY'] },
      { column: 'status', values: ['open', 'paid', 'overdue', 'void'] },
    ],
    pii: null,
    refs: { customer_id: 'customers' },
    external: false,
  },
  {
    schema: 'finance',
    name: 'payments',
    rows: 140e6,
    width: 90,
    dist: 'KEY',
    key: 'payment_id',
    ts: 'paid_at',
    measure: 'amount',
    dims: [{ column: 'method', values: ['card', 'ach', 'paypal', 'wire'] }],
    pii: { column: 'card_last4', kind: 'card_last4' },
    refs: { invoice_id: 'invoices' },
    external: false,
  },
  {
    schema: 'support',
    name: 'tickets',
    rows: 8e6,
    width: 400,
    dist: 'EVEN',
    key: 'ticket_id',
    ts: 'opened_at',
    measure: 'resolution_minutes',
    dims: [
      { column: 'priority', values: ['low', 'normal', 'high', 'urgent'] },
      { column: 'category', values: ['billing', 'shipping', 'returns', 'account'] },
    ],
    pii: { column: 'requester_email', kind: 'email' },
    refs: { customer_id: 'customers' },
    external: false,
  },
  {
    schema: 'spectrum',
    name: 'clickstream_raw',
    rows: 60e9,
    width: 160,
    dist: 'EVEN',
    key: 'event_id',
    ts: 'event_ts',
    measure: 'load_ms',
    dims: [{ column: 'event_type', values: ['view', 'click', 'add_to_cart', 'purchase'] }],
    pii: null,
    refs: {},
    external: true,
  },
  {
    schema: 'reporting',
    name: 'daily_revenue',
    rows: 55e3,
    width: 64,
    dist: 'ALL',
    key: 'report_date',
    ts: 'report_date',
    measure: 'revenue',
    dims: [
      { column: 'region', values: REGION },
      { column: 'channel', values: CHANNEL },
    ],
    pii: null,
    refs: {},
    external: false,
  },
  {
    schema: 'reporting',
    name: 'customer_ltv',
    rows: 22e6,
    width: 48,
    dist: 'KEY',
    key: 'customer_id',
    ts: 'computed_at',
    measure: 'ltv',
    dims: [
      { column: 'segment', values: SEGMENT },
      { column: 'cohort_month', values: ['2024-01', '2024-06', '2025-01', '2025-06'] },
    ],
    pii: null,
    refs: { customer_id: 'customers' },
    external: false,
  },
  {
    schema: 'reporting',
    name: 'funnel_daily',
    rows: 300e3,
    width: 60,
    dist: 'ALL',
    key: 'funnel_day',
    ts: 'funnel_day',
    measure: 'conversions',
    dims: [
      { column: 'step_name', values: ['visit', 'product_view', 'cart', 'checkout', 'purchase'] },
      { column: 'device', values: ['desktop', 'ios', 'android'] },
    ],
    pii: null,
    refs: {},
    external: false,
  },
  {
    schema: 'staging',
    name: 'stg_orders',
    rows: 3e6,
    width: 110,
    dist: 'EVEN',
    key: 'order_id',
    ts: 'loaded_at',
    measure: 'total_amount',
    dims: [
      { column: 'status', values: STATUS },
      { column: 'source_system', values: ['shopify', 'pos', 'partner_api'] },
    ],
    pii: null,
    refs: { customer_id: 'customers' },
    external: false,
  },
  {
    schema: 'staging',
    name: 'stg_customers',
    rows: 400e3,
    width: 210,
    dist: 'EVEN',
    key: 'customer_id',
    ts: 'loaded_at',
    measure: 'lifetime_value',
    dims: [{ column: 'segment', values: SEGMENT }],
    pii: { column: 'email', kind: 'email' },
    refs: {},
    external: false,
  },
  {
    schema: 'dw',
    name: 'fact_orders',
    rows: 620e6,
    width: 88,
    dist: 'KEY',
    key: 'order_id',
    ts: 'order_ts',
    measure: 'total_amount',
    dims: [
      { column: 'order_status', values: STATUS },
      { column: 'channel', values: CHANNEL },
    ],
    pii: null,
    refs: { customer_id: 'dim_customer' },
    external: false,
  },
  {
    schema: 'dw',
    name: 'dim_customer',
    rows: 25e6,
    width: 230,
    dist: 'KEY',
    key: 'customer_id',
    ts: 'valid_from',
    measure: 'lifetime_value',
    dims: [
      { column: 'segment', values: SEGMENT },
      { column: 'region', values: REGION },
    ],
    pii: { column: 'email', kind: 'email' },
    refs: {},
    external: false,
  },
  {
    schema: 'dw',
    name: 'dim_product',
    rows: 200e3,
    width: 140,
    dist: 'ALL',
    key: 'product_id',
    ts: 'valid_from',
    measure: 'list_price',
    dims: [{ column: 'category', values: ['apparel', 'electronics', 'home', 'outdoor', 'beauty'] }],
    pii: null,
    refs: {},
    external: false,
  },
  {
    schema: 'dw',
    name: 'fact_sessions',
    rows: 3.1e9,
    width: 76,
    dist: 'KEY',
    key: 'session_id',
    ts: 'session_start',
    measure: 'pageviews',
    dims: [{ column: 'device', values: ['desktop', 'ios', 'android', 'tablet'] }],
    pii: null,
    refs: { customer_id: 'dim_customer' },
    external: false,
  },
];

const TABLES_BY_KIND: Record<ClusterProfile['kind'], readonly string[]> = {
  analytics: [
    'sales.orders',
    'sales.order_items',
    'sales.customers',
    'sales.products',
    'web.sessions',
    'web.pageviews',
    'marketing.campaigns',
    'marketing.ad_spend',
    'finance.invoices',
    'spectrum.clickstream_raw',
    'staging.stg_orders',
    'staging.stg_customers',
  ],
  etl: [
    'staging.stg_orders',
    'staging.stg_customers',
    'dw.fact_orders',
    'dw.dim_customer',
    'dw.dim_product',
    'dw.fact_sessions',
    'sales.orders',
    'sales.customers',
    'spectrum.clickstream_raw',
  ],
  staging: ['sales.orders', 'sales.order_items', 'sales.customers', 'sales.products', 'web.sessions', 'marketing.campaigns', 'staging.stg_orders'],
  reporting: [
    'reporting.daily_revenue',
    'reporting.customer_ltv',
    'reporting.funnel_daily',
    'sales.orders',
    'sales.customers',
    'sales.products',
    'finance.invoices',
    'finance.payments',
    'support.tickets',
  ],
  sandbox: ['sales.orders', 'sales.customers', 'sales.products', 'web.sessions', 'support.tickets', 'finance.payments', 'staging.stg_orders'],
};

/** Non-production clusters hold a fraction of production's data. */
const SIZE_BY_KIND: Record<ClusterProfile['kind'], number> = {
  analytics: 1,
  etl: 1,
  staging: 0.05,
  reporting: 0.6,
  sandbox: 0.02,
};

/** ETL flows as (source, target) pairs, per cluster kind. */
const ETL_FLOWS: Record<ClusterProfile['kind'], ReadonlyArray<readonly [string, string]>> = {
  analytics: [
    ['staging.stg_orders', 'sales.orders'],
    ['staging.stg_customers', 'sales.customers'],
  ],
  etl: [
    ['staging.stg_orders', 'dw.fact_orders'],
    ['staging.stg_customers', 'dw.dim_customer'],
    ['sales.orders', 'dw.fact_orders'],
  ],
  staging: [['staging.stg_orders', 'sales.orders']],
  reporting: [
    ['sales.orders', 'reporting.daily_revenue'],
    ['sales.customers', 'reporting.customer_ltv'],
  ],
  sandbox: [['staging.stg_orders', 'sales.orders']],
};

/** The tables of one cluster, with lookups the statement builders need. */
export interface ClusterCatalog {
  tables: UserTable[];
  /** Lookup by bare table name (names are unique within a cluster). */
  byName: ReadonlyMap<string, UserTable>;
  /** ETL (source, target) pairs. */
  flows: ReadonlyArray<readonly [UserTable, UserTable]>;
}

/** Qualified name as SQL text uses it. */
export function qualified(table: UserTable): string {
  return `${table.schema}.${table.name}`;
}

/** Builds the catalog of a cluster; deterministic in (seed, cluster id). */
export function buildCatalog(cluster: ClusterProfile, seed: number): ClusterCatalog {
  const rng = createRng(seed, cluster.id, 'catalog');
  const size = SIZE_BY_KIND[cluster.kind];
  let nextId = 100_000 + rng.int(0, 80) * 100;
  const tables: UserTable[] = [];
  for (const qname of TABLES_BY_KIND[cluster.kind]) {
    const def = DEFS.find((d) => `${d.schema}.${d.name}` === qname);
    if (!def) throw new Error(`Unknown table ${qname}`);
    nextId += rng.int(1, 40);
    const upsertTarget = ETL_FLOWS[cluster.kind].some(([, target]) => target === qname);
    // Upsert targets accumulate deleted rows between VACUUMs; a few other tables do too.
    const ghostShare = def.external ? 0 : upsertTarget ? 0.15 + rng.next() * 0.25 : rng.chance(0.2) ? 0.02 + rng.next() * 0.1 : 0;
    tables.push({ ...def, id: nextId, rows: Math.max(1000, Math.round(def.rows * size * (0.7 + rng.next() * 0.6))), ghostShare });
  }
  const byName = new Map(tables.map((t) => [t.name, t] as const));
  const find = (qname: string): UserTable => {
    const t = tables.find((x) => qualified(x) === qname);
    if (!t) throw new Error(`ETL flow references missing table ${qname}`);
    return t;
  };
  const flows = ETL_FLOWS[cluster.kind].map(([s, t]) => [find(s), find(t)] as const);
  return { tables, byName, flows };
}
