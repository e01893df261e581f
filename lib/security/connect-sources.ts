/**
 * The S3 origins the browser may fetch from (CSP `connect-src`): the configured
 * endpoint (`AWS_ENDPOINT_URL_S3`, else `AWS_ENDPOINT_URL`), or, for an
 * `s3://bucket/prefix` source on AWS, the bucket's regional endpoints.
 */

type Env = Readonly<Record<string, string | undefined>>;

function origin(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.origin : null;
  } catch {
    return null;
  }
}

/** Buckets named by `CLUSTERSCOPE_SOURCE` (one source, or several separated by commas). */
function sourceBuckets(env: Env): string[] {
  const buckets: string[] = [];
  for (const source of (env.CLUSTERSCOPE_SOURCE ?? '').split(',')) {
    const match = /^s3:\/\/([a-z0-9][a-z0-9.-]{1,61}[a-z0-9])(?:\/|$)/i.exec(source.trim());
    if (match?.[1]) buckets.push(match[1].toLowerCase());
  }
  return buckets;
}

/** Origins for `connect-src`, without duplicates; empty when no S3 is configured. */
export function s3ConnectSources(env: Env = process.env): string[] {
  const buckets = sourceBuckets(env);
  const endpoint = origin(env.AWS_ENDPOINT_URL_S3?.trim() || env.AWS_ENDPOINT_URL?.trim() || '');
  const sources = new Set<string>();
  if (endpoint !== null) {
    sources.add(endpoint);
    // A client may address buckets virtual-host style on the same endpoint.
    const { protocol, host } = new URL(endpoint);
    for (const bucket of buckets) if (!bucket.includes('.')) sources.add(`${protocol}//${bucket}.${host}`);
  } else if (buckets.length > 0) {
    const region = env.AWS_REGION?.trim() || env.AWS_DEFAULT_REGION?.trim() || 'us-east-1';
    if (/^[a-z0-9-]+$/.test(region)) {
      for (const bucket of buckets) {
        sources.add(`https://${bucket}.s3.${region}.amazonaws.com`);
        sources.add(`https://s3.${region}.amazonaws.com`);
      }
    }
  }
  return [...sources];
}
