/**
 * The radosgw the tests use: its port comes from `CLUSTERSCOPE_TEST_S3_PORT`
 * (set by scripts/s3/for-tests.sh, default 7490). Credentials are the local-only
 * ones `scripts/s3/radosgw.sh` creates.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import type { S3Client } from '@aws-sdk/client-s3';
import { getS3Client } from '../client';

const ROOT = path.resolve(__dirname, '..', '..', '..');

/** Port of the test radosgw. */
export function testS3Port(): number {
  return Number(process.env.CLUSTERSCOPE_TEST_S3_PORT ?? 7490);
}

/** Environment (AWS_* variables) that reaches the test radosgw; `overrides` replace entries. */
export function testS3Env(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    AWS_ENDPOINT_URL_S3: `http://127.0.0.1:${testS3Port()}`,
    AWS_ACCESS_KEY_ID: 'clusterscope',
    AWS_SECRET_ACCESS_KEY: 'clusterscope-local-secret',
    AWS_REGION: 'us-east-1',
    ...overrides,
  };
}

/** A client for the test radosgw. */
export function testS3Client(overrides: Record<string, string> = {}): S3Client {
  return getS3Client(testS3Env(overrides));
}

/** Runs `scripts/s3/radosgw.sh <command>` for the test port (or `port`); `start` also seeds the sample bucket. */
export function radosgw(command: 'start' | 'stop' | 'start-empty' | 'stop-gateway' | 'start-gateway', port: number = testS3Port()): void {
  execFileSync('bash', [path.join(ROOT, 'scripts', 's3', 'radosgw.sh'), command], {
    cwd: ROOT,
    env: { ...process.env, S3_PORT: String(port) },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

/** True when the test radosgw answers. */
export async function testS3Answers(): Promise<boolean> {
  try {
    await fetch(`http://127.0.0.1:${testS3Port()}/`, { signal: AbortSignal.timeout(2_000) });
    return true;
  } catch {
    return false;
  }
}
