/**
 * `s3://bucket/prefix` locations. The prefix is normalised to end with `/`
 * (or be empty), so keys below it can be made relative by slicing.
 */

/** A bucket and a key prefix inside it. */
export interface S3Location {
  bucket: string;
  /** `''` or a prefix ending with `/`. */
  prefix: string;
}

/** Result of {@link parseS3Url}. */
export type S3LocationResult = { ok: true; location: S3Location } | { ok: false; problem: string };

// S3's own rule for new buckets, loosened to allow the dots and capitals older buckets may have.
const BUCKET_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{1,61}[A-Za-z0-9]$/;

/** Parses `s3://bucket[/prefix]`; says what is wrong with anything else. */
export function parseS3Url(url: string): S3LocationResult {
  const match = /^s3:\/\/([^/]*)(?:\/(.*))?$/i.exec(url.trim());
  if (match === null) return { ok: false, problem: `"${url}" is not an s3://bucket/prefix URL` };
  const bucket = match[1] ?? '';
  if (!BUCKET_PATTERN.test(bucket)) return { ok: false, problem: `"${bucket}" in "${url}" is not a valid S3 bucket name` };
  const rawPrefix = (match[2] ?? '').replace(/^\/+/, '');
  if (rawPrefix.split('/').some((segment, i, all) => segment === '' && i < all.length - 1)) {
    return { ok: false, problem: `the prefix in "${url}" has an empty folder (//)` };
  }
  const prefix = rawPrefix === '' || rawPrefix.endsWith('/') ? rawPrefix : `${rawPrefix}/`;
  return { ok: true, location: { bucket, prefix } };
}

/** `s3://bucket/prefix` for messages and the manifest's `source`. */
export function formatS3Url(location: S3Location): string {
  return `s3://${location.bucket}/${location.prefix}`;
}
