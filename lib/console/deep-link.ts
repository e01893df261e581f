/**
 * The plain-text deep link `/?sql=<url-encoded SQL>&run=1` that runbooks and
 * wiki pages use to open the console on a query.
 */

/** Longest SQL a deep link may carry; longer links are ignored with the default query shown. */
export const MAX_DEEP_LINK_SQL = 100_000;

export interface DeepLink {
  /** SQL from the link, or undefined to use the default query. */
  sql?: string;
  /** True when the link asks to run the SQL on open. */
  run: boolean;
}

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** Reads the deep link from Next's already-decoded search params. */
export function deepLinkFromSearchParams(params: Record<string, string | string[] | undefined>): DeepLink {
  const sql = first(params.sql);
  const run = first(params.run);
  const usable = sql !== undefined && sql.trim() !== '' && sql.length <= MAX_DEEP_LINK_SQL;
  return {
    sql: usable ? sql : undefined,
    run: usable && (run === '1' || run === 'true'),
  };
}

/**
 * Whether a navigation may run a deep link's SQL on its own, from the browser's
 * `Sec-Fetch-Site` header: not when another site sent the user here, so a page
 * elsewhere cannot make a signed-in user's browser run a query of its choosing.
 * Typed, bookmarked (`none`), in-app (`same-origin`) and sibling-host
 * (`same-site`, e.g. an identity provider on the same domain) links run; so do
 * links without the header (older browsers), as before.
 */
export function mayAutoRun(secFetchSite: string | null | undefined): boolean {
  return secFetchSite !== 'cross-site';
}

/** The link as this navigation may use it: `held` when it asked to run but came from another site. */
export function deepLinkForNavigation(link: DeepLink, secFetchSite: string | null | undefined): DeepLink & { held: boolean } {
  const allowed = mayAutoRun(secFetchSite);
  return { ...link, run: link.run && allowed, held: link.run && !allowed };
}

/** Builds a deep link path for SQL. */
export function deepLinkPath(sql: string, run = true): string {
  const params = new URLSearchParams({ sql });
  if (run) params.set('run', '1');
  return `/?${params.toString()}`;
}
