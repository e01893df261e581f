/**
 * The file route for an S3 source. Only objects listed in the manifest are
 * reachable, addressed by their manifest path:
 * - `?presign=1` answers `{ url, expiresInMs }`: a short-lived presigned GET URL
 *   the browser reads directly from S3 (credentials stay on the server), only in
 *   presigned mode and only while the requester's session is live;
 * - otherwise the object is streamed through the server with Range (proxy mode,
 *   for buckets without CORS or private endpoints).
 * A listed object that is gone makes the catalog list everything again.
 */
import { GetObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { checkRequestPath, findCatalogFile } from '../catalog/file-lookup';
import { contentRange, parseRange } from '../catalog/range';
import { PARQUET_CONTENT_TYPE } from '../catalog/serve-file';
import type { CatalogManifest } from '../catalog/types';
import { describeS3Error, s3ErrorCode, s3ErrorStatus } from './errors';

/** Environment variable: lifetime of presigned URLs in seconds (default 900). */
export const PRESIGN_ENV = 'CLUSTERSCOPE_PRESIGN_SECONDS';
const DEFAULT_PRESIGN_SECONDS = 900;

/** Longest lifetime handed out: a leaked URL must not outlive a working day's session by much. */
export const MAX_PRESIGN_SECONDS = 3_600;

let clampLogged = false;

/** Presigned URL lifetime from {@link PRESIGN_ENV}, at most {@link MAX_PRESIGN_SECONDS} (a larger setting is clamped, and logged once). */
export function presignSeconds(env: Readonly<Record<string, string | undefined>> = process.env): number {
  const value = Number(env[PRESIGN_ENV]);
  if (!Number.isInteger(value) || value < 1) return DEFAULT_PRESIGN_SECONDS;
  if (value > MAX_PRESIGN_SECONDS && !clampLogged) {
    clampLogged = true;
    console.warn(`${PRESIGN_ENV}=${value} is longer than the ${MAX_PRESIGN_SECONDS} s maximum; presigned URLs last ${MAX_PRESIGN_SECONDS} s`);
  }
  return Math.min(value, MAX_PRESIGN_SECONDS);
}

/** What {@link serveS3File} needs; the route passes the shared catalog's. */
export interface ServeS3Deps {
  client: S3Client;
  bucket: string;
  manifest: () => Promise<CatalogManifest>;
  keyOf: (manifestPath: string) => string;
  /** Called when a listed object is gone: the catalog lists everything again. */
  objectGone: () => void;
  expiresInSeconds: number;
  /** Whether the requester's session is still live, checked in the store right before signing. */
  stillSignedIn: () => Promise<boolean>;
}

function jsonError(status: number, error: string): Response {
  return Response.json({ error }, { status, headers: { 'Cache-Control': 'no-store' } });
}

/** Answers GET/HEAD (proxy) and `?presign=1` for the S3 object at `segments`. */
export async function serveS3File(request: Request, segments: readonly string[], deps: ServeS3Deps): Promise<Response> {
  const requested = segments.join('/');
  const check = checkRequestPath(requested);
  if (!check.ok) return jsonError(400, `invalid file path (${check.reason}): ${requested}`);
  const manifest = await deps.manifest();
  const file = findCatalogFile(manifest, requested);
  if (file === null) return jsonError(404, `not in the catalog: ${requested}`);
  const key = deps.keyOf(file.path);

  if (new URL(request.url).searchParams.has('presign')) {
    // Proxy mode (configured, or a bucket without CORS) keeps S3 URLs away from browsers altogether.
    if (manifest.access !== 'presigned') return jsonError(403, 'presigned URLs are off on this server: files are read through the app server (proxy mode)');
    // The manifest lookup may have waited on S3; a session that ended meanwhile gets nothing signed.
    if (!(await deps.stillSignedIn())) return jsonError(401, 'sign in required: your session is missing or has expired');
    const url = await getSignedUrl(deps.client, new GetObjectCommand({ Bucket: deps.bucket, Key: key }), {
      expiresIn: deps.expiresInSeconds,
    });
    return Response.json({ url, expiresInMs: deps.expiresInSeconds * 1000 }, { headers: { 'Cache-Control': 'no-store' } });
  }

  const range = parseRange(request.headers.get('range'), file.size);
  const headers = new Headers({ 'Accept-Ranges': 'bytes', 'Content-Type': PARQUET_CONTENT_TYPE, 'Cache-Control': 'no-cache' });
  if (range.kind === 'unsatisfiable') {
    headers.set('Content-Range', `bytes */${file.size}`);
    return new Response(null, { status: 416, headers });
  }
  const start = range.kind === 'partial' ? range.start : 0;
  const end = range.kind === 'partial' ? range.end : file.size - 1;
  const status = range.kind === 'partial' ? 206 : 200;
  headers.set('Content-Length', String(end - start + 1));
  const rangeValue = contentRange(range, file.size);
  if (rangeValue !== undefined) headers.set('Content-Range', rangeValue);
  if (request.method === 'HEAD' || file.size === 0) return new Response(null, { status, headers });
  try {
    const object = await deps.client.send(new GetObjectCommand({ Bucket: deps.bucket, Key: key, Range: `bytes=${start}-${end}` }), {
      abortSignal: request.signal,
    });
    if (object.ETag) headers.set('ETag', object.ETag);
    const body = object.Body?.transformToWebStream();
    return new Response(body ?? null, { status, headers });
  } catch (error) {
    const code = s3ErrorCode(error);
    if (code === 'NoSuchKey' || s3ErrorStatus(error) === 404) {
      deps.objectGone();
      return jsonError(
        404,
        `${requested} was listed in the catalog but is gone from S3 (s3://${deps.bucket}/${key}). The catalog is being refreshed; run the query again.`,
      );
    }
    const status403 = s3ErrorStatus(error) === 403;
    return jsonError(status403 ? 403 : 502, `cannot read s3://${deps.bucket}/${key}: ${describeS3Error(error)}`);
  }
}
