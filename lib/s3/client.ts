/**
 * The S3 client the server uses. It takes the standard AWS settings: the SDK's
 * default credential chain (environment, shared profile, container or instance
 * role), `AWS_REGION`, and `AWS_ENDPOINT_URL_S3` / `AWS_ENDPOINT_URL` for
 * S3-compatible stores, which get path-style addressing.
 */
import { S3Client } from '@aws-sdk/client-s3';

/** Region used when neither `AWS_REGION` nor `AWS_DEFAULT_REGION` is set. */
export const DEFAULT_REGION = 'us-east-1';

/** Client settings derived from the environment; exported for tests. */
export interface S3Settings {
  region: string;
  endpoint?: string;
  forcePathStyle: boolean;
}

/** Reads the S3 settings from the environment (the credential chain is left to the SDK). */
export function s3Settings(env: Readonly<Record<string, string | undefined>> = process.env): S3Settings {
  const region = env.AWS_REGION?.trim() || env.AWS_DEFAULT_REGION?.trim() || DEFAULT_REGION;
  const endpoint = env.AWS_ENDPOINT_URL_S3?.trim() || env.AWS_ENDPOINT_URL?.trim() || undefined;
  // Custom endpoints (radosgw, MinIO, private gateways) rarely have wildcard DNS for virtual-hosted buckets.
  return { region, endpoint, forcePathStyle: endpoint !== undefined };
}

const clients = new Map<string, S3Client>();

/**
 * A client for the current settings, shared per settings. Timeouts are short and
 * retries few, so an unreachable store is reported in seconds rather than minutes.
 */
export function getS3Client(env: Readonly<Record<string, string | undefined>> = process.env): S3Client {
  const settings = s3Settings(env);
  // The environment is the chain's first link; reading it here also serves callers
  // that pass an environment other than process.env (tests, the benchmark).
  const accessKeyId = env.AWS_ACCESS_KEY_ID?.trim();
  const secretAccessKey = env.AWS_SECRET_ACCESS_KEY?.trim();
  const sessionToken = env.AWS_SESSION_TOKEN?.trim() || undefined;
  const credentials = accessKeyId && secretAccessKey ? { accessKeyId, secretAccessKey, sessionToken } : undefined;
  const key = JSON.stringify([settings, credentials]);
  let client = clients.get(key);
  if (client === undefined) {
    client = new S3Client({
      credentials,
      region: settings.region,
      endpoint: settings.endpoint,
      forcePathStyle: settings.forcePathStyle,
      maxAttempts: 2,
      requestHandler: { connectionTimeout: 3_000, requestTimeout: 20_000 },
    });
    clients.set(key, client);
  }
  return client;
}
