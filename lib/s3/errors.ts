/**
 * Turns S3 SDK and network errors into short messages that say what to check.
 */

interface SdkErrorShape {
  name?: string;
  code?: string;
  message?: string;
  $metadata?: { httpStatusCode?: number };
  cause?: unknown;
}

function shape(error: unknown): SdkErrorShape {
  return typeof error === 'object' && error !== null ? (error as SdkErrorShape) : { message: String(error) };
}

/** The error's S3 code or network code (`AccessDenied`, `NoSuchKey`, `ECONNREFUSED`…), when it has one. */
export function s3ErrorCode(error: unknown): string | undefined {
  const e = shape(error);
  const cause = shape(e.cause);
  return e.code ?? cause.code ?? (e.name && e.name !== 'Error' ? e.name : undefined);
}

/** HTTP status of an S3 answer, when the request got one. */
export function s3ErrorStatus(error: unknown): number | undefined {
  return shape(error).$metadata?.httpStatusCode;
}

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EHOSTUNREACH', 'TimeoutError', 'RequestTimeout']);

/** True when the store could not be reached at all (as opposed to answering with an error). */
export function isUnreachable(error: unknown): boolean {
  const code = s3ErrorCode(error);
  return (
    (code !== undefined && NETWORK_CODES.has(code)) ||
    (s3ErrorStatus(error) === undefined && /connect|socket|timeout|network/i.test(shape(error).message ?? ''))
  );
}

const HINTS: Record<string, string> = {
  InvalidAccessKeyId: 'the access key is not known to this S3 endpoint; check AWS_ACCESS_KEY_ID or the profile',
  SignatureDoesNotMatch: 'the secret key does not match the access key; check AWS_SECRET_ACCESS_KEY or the profile',
  AccessDenied: 'access denied; the credentials lack s3:ListBucket or s3:GetObject here',
  NoSuchBucket: 'the bucket does not exist at this endpoint and region',
  NoSuchKey: 'the object no longer exists',
  CredentialsProviderError: 'no AWS credentials found (environment, shared profile, container or instance role)',
};

/** A one-line description, e.g. `AccessDenied (403): access denied; …`. */
export function describeS3Error(error: unknown): string {
  const e = shape(error);
  const code = s3ErrorCode(error);
  const status = s3ErrorStatus(error);
  if (isUnreachable(error)) return `unreachable (${code ?? e.message ?? 'network error'})`;
  const hint = code !== undefined ? HINTS[code] : undefined;
  const label = [code, status !== undefined ? `(${status})` : undefined].filter(Boolean).join(' ');
  return `${label || 'error'}: ${hint ?? e.message ?? 'unknown error'}`;
}
