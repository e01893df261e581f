/**
 * Where the data lives, from the `CLUSTERSCOPE_SOURCE` environment variable:
 * a local folder, or `s3://bucket/prefix`; or several named S3 sources from
 * `CLUSTERSCOPE_SOURCES` (which wins when set).
 */
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseS3Url, type S3Location } from '../s3/location';
import { parseSources, SOURCES_ENV, type NamedSource } from '../s3/sources';

/** Environment variable that names the data source. */
export const SOURCE_ENV = 'CLUSTERSCOPE_SOURCE';

/** Source used when the variable is unset: the bundled sample, relative to the working directory. */
export const DEFAULT_SOURCE = 'data/sample';

/** A resolved source: a local folder, or one we cannot read yet with the reason. */
export type ResolvedSource =
  | {
      kind: 'local';
      /** The absolute folder path; also what the manifest reports as its `source`. */
      source: string;
      /** Absolute root folder. */
      root: string;
    }
  | {
      kind: 's3';
      /** The s3:// URL as configured. */
      source: string;
      location: S3Location;
    }
  | {
      kind: 's3-multi';
      /** `CLUSTERSCOPE_SOURCES` as configured. */
      source: string;
      sources: NamedSource[];
    }
  | {
      kind: 'unsupported';
      /** The value as configured. */
      source: string;
      /** What is wrong and what to set instead; becomes the manifest's `problem`. */
      problem: string;
    };

const LOCAL_HINT = `Set ${SOURCE_ENV} to a local folder (default: ${DEFAULT_SOURCE}).`;
const S3_HINT = `Set ${SOURCE_ENV} to s3://<bucket>/<prefix>, for example s3://my-bucket/extract_redshift_query_logs/data.`;

/**
 * Resolves the configured source. A relative folder resolves against `cwd`, `~/`
 * against the home folder, and a `file://` URL to its path. Never throws and never
 * touches the disk: whether the folder exists is the scanner's question.
 */
export function resolveSource(env: Readonly<Record<string, string | undefined>> = process.env, cwd: string = process.cwd()): ResolvedSource {
  const several = env[SOURCES_ENV]?.trim();
  if (several) {
    const parsed = parseSources(several);
    return parsed.ok ? { kind: 's3-multi', source: several, sources: parsed.sources } : { kind: 'unsupported', source: several, problem: parsed.problem };
  }
  const configured = env[SOURCE_ENV]?.trim() || DEFAULT_SOURCE;
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(configured)?.[1]?.toLowerCase();

  if (scheme === 's3') {
    const parsed = parseS3Url(configured);
    if (parsed.ok) return { kind: 's3', source: configured, location: parsed.location };
    return { kind: 'unsupported', source: configured, problem: `${parsed.problem}. ${S3_HINT}` };
  }
  if (scheme !== undefined && scheme !== 'file') {
    return {
      kind: 'unsupported',
      source: configured,
      problem: `Unrecognised source "${configured}": use a local folder or s3://bucket/prefix. ${LOCAL_HINT}`,
    };
  }

  let folder: string;
  if (scheme === 'file') {
    try {
      folder = fileURLToPath(configured);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return { kind: 'unsupported', source: configured, problem: `Invalid file URL "${configured}": ${reason}. ${LOCAL_HINT}` };
    }
  } else if (configured === '~' || configured.startsWith('~/')) {
    folder = path.join(os.homedir(), configured.slice(1));
  } else {
    folder = configured;
  }
  const root = path.resolve(cwd, folder);
  return { kind: 'local', source: root, root };
}
