/**
 * The bucket CORS rule the browser needs to read objects directly with
 * presigned URLs and HTTP range requests (README quotes the same rule).
 */
import type { CORSRule } from '@aws-sdk/client-s3';

/** The rule for a console served from `origin` (e.g. `https://clusterscope.example.com`). */
export function corsRule(origin: string): CORSRule {
  return {
    AllowedOrigins: [origin],
    AllowedMethods: ['GET', 'HEAD'],
    AllowedHeaders: ['range', 'if-match', 'if-none-match'],
    ExposeHeaders: ['Content-Range', 'Content-Length', 'ETag', 'Accept-Ranges'],
    MaxAgeSeconds: 3600,
  };
}

/** True when some rule lets `origin` (or any origin) GET with a Range header. */
export function corsAllowsRangeReads(rules: readonly CORSRule[], origin?: string): boolean {
  return rules.some(
    (rule) =>
      (rule.AllowedMethods ?? []).some((method) => method.toUpperCase() === 'GET') &&
      (rule.AllowedOrigins ?? []).some((allowed) => allowed === '*' || (origin !== undefined && allowed === origin)) &&
      (rule.AllowedHeaders ?? []).some((header) => header === '*' || header.toLowerCase() === 'range'),
  );
}
