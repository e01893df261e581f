/**
 * The S3 places the browser may fetch from (CSP `connect-src`): exactly the
 * configured buckets, never a whole endpoint. A regional endpoint such as
 * `https://s3.eu-west-1.amazonaws.com` would let a script read (or post
 * stolen data to) any bucket in the region, so each bucket is listed in both
 * addressing styles:
 * - virtual-host, `https://<bucket>.s3.<region>.amazonaws.com` (and the
 *   global `https://<bucket>.s3.amazonaws.com` in us-east-1), for buckets
 *   whose name is a DNS label (no dots or capitals: the SDK signs the others
 *   path style);
 * - path style, `https://s3.<region>.amazonaws.com/<bucket>/`: a CSP source
 *   ending in `/` matches every path below it, so only that bucket's keys.
 * With a custom endpoint (`AWS_ENDPOINT_URL_S3`, else `AWS_ENDPOINT_URL`:
 * radosgw, MinIO) the same two styles are built on its origin.
 * Buckets come from `CLUSTERSCOPE_SOURCES` when set, else `CLUSTERSCOPE_SOURCE`,
 * parsed as the catalog parses them.
 */
import { parseS3Url } from '../s3/location';
import { parseSources, SOURCES_ENV } from '../s3/sources';

type Env = Readonly<Record<string, string | undefined>>;

function origin(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.origin : null;
  } catch {
    return null;
  }
}

/** The configured buckets, in order, without duplicates; none when the configuration is invalid. */
function configuredBuckets(env: Env): string[] {
  const several = env[SOURCES_ENV]?.trim();
  if (several) {
    const parsed = parseSources(several);
    return parsed.ok ? [...new Set(parsed.sources.map((source) => source.location.bucket))] : [];
  }
  const single = env.CLUSTERSCOPE_SOURCE?.trim() ?? '';
  if (!/^s3:\/\//i.test(single)) return [];
  const parsed = parseS3Url(single);
  return parsed.ok ? [parsed.location.bucket] : [];
}

/** A bucket name that can be a host label (the SDK addresses the others path style). */
function isDnsLabel(bucket: string): boolean {
  return /^[a-z0-9][a-z0-9-]*[a-z0-9]$/.test(bucket);
}

function endpointSources(endpoint: string, buckets: readonly string[]): string[] {
  const { protocol, host } = new URL(endpoint);
  return buckets.flatMap((bucket) => [`${endpoint}/${bucket}/`, ...(isDnsLabel(bucket) ? [`${protocol}//${bucket}.${host}`] : [])]);
}

function awsSources(region: string, buckets: readonly string[]): string[] {
  const hosts = region === 'us-east-1' ? ['s3.us-east-1.amazonaws.com', 's3.amazonaws.com'] : [`s3.${region}.amazonaws.com`];
  return hosts.flatMap((host) => buckets.flatMap((bucket) => [...(isDnsLabel(bucket) ? [`https://${bucket}.${host}`] : []), `https://${host}/${bucket}/`]));
}

/** Sources for `connect-src`, without duplicates; empty when no S3 bucket is configured. */
export function s3ConnectSources(env: Env = process.env): string[] {
  const buckets = configuredBuckets(env);
  if (buckets.length === 0) return [];
  const configuredEndpoint = env.AWS_ENDPOINT_URL_S3?.trim() || env.AWS_ENDPOINT_URL?.trim();
  if (configuredEndpoint) {
    const endpoint = origin(configuredEndpoint);
    return endpoint === null ? [] : [...new Set(endpointSources(endpoint, buckets))];
  }
  const region = env.AWS_REGION?.trim() || env.AWS_DEFAULT_REGION?.trim() || 'us-east-1';
  return /^[a-z0-9-]+$/.test(region) ? [...new Set(awsSources(region, buckets))] : [];
}
