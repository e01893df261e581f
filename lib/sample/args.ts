/** Command-line flags of `npm run sample`. */

import { parseArgs } from 'node:util';
import type { GenerateSampleOptions } from './generate-sample';

/** Help text of the command. */
export const USAGE = `Usage: npm run sample -- [options]

  --clusters N          number of clusters (default 5)
  --days N              days ending on --end-date (default 14)
  --queries-per-day N   average stl_query rows per cluster and day (default 1200)
  --end-date YYYY-MM-DD last day, UTC (default today)
  --seed N              random seed (default 20240601)
  --out DIR             target folder (default data/sample)
  --no-encrypt          write text columns as plaintext (benchmark runs)
  --if-missing          do nothing if a complete sample already exists at --out
  --help                show this text`;

/** What the command line asks for. */
export type CliCommand = { kind: 'help' } | { kind: 'generate'; options: GenerateSampleOptions };

function toInt(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw new Error(`--${flag} expects a whole number, got "${value}"`);
  return Number(value);
}

/** Parses the flags; throws with a message fit for the user on bad input. */
export function parseCliArgs(argv: readonly string[]): CliCommand {
  const { values } = parseArgs({
    args: [...argv],
    strict: true,
    allowPositionals: false,
    options: {
      clusters: { type: 'string' },
      days: { type: 'string' },
      'queries-per-day': { type: 'string' },
      'end-date': { type: 'string' },
      seed: { type: 'string' },
      out: { type: 'string' },
      'no-encrypt': { type: 'boolean' },
      'if-missing': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return { kind: 'help' };
  const options: GenerateSampleOptions = {
    encrypt: !values['no-encrypt'],
    ifMissing: values['if-missing'] === true,
  };
  const clusters = toInt('clusters', values.clusters);
  const days = toInt('days', values.days);
  const queriesPerDay = toInt('queries-per-day', values['queries-per-day']);
  const seed = toInt('seed', values.seed);
  if (clusters !== undefined) options.clusters = clusters;
  if (days !== undefined) options.days = days;
  if (queriesPerDay !== undefined) options.queriesPerDay = queriesPerDay;
  if (seed !== undefined) options.seed = seed;
  if (values['end-date'] !== undefined) options.endDate = values['end-date'];
  if (values.out !== undefined) options.out = values.out;
  return { kind: 'generate', options };
}
