/**
 * Vitest global setup: when the run includes S3 tests and no radosgw answers on
 * the test port, start one (seeded) and stop it when the run ends. Under
 * scripts/test.sh the script has started it already and this does nothing.
 */
import { radosgw, testS3Answers } from './env';

function runIncludesS3Tests(): boolean {
  const filters = process.argv.slice(2).filter((arg) => !arg.startsWith('-') && arg !== 'run' && !/vitest/.test(arg));
  return filters.length === 0 || filters.some((filter) => /s3/i.test(filter));
}

/** Starts radosgw if needed; returns the teardown. */
export default async function setup(): Promise<() => void> {
  if (!runIncludesS3Tests()) return () => undefined;
  if (await testS3Answers()) {
    radosgw('start'); // seeds the sample bucket if it is missing
    return () => undefined;
  }
  radosgw('start');
  return () => radosgw('stop');
}
