/** `npm run sample`: generates the bundled sample dataset and reports what it wrote. */

import { parseCliArgs, USAGE } from './args';
import { generateSample } from './generate-sample';
import type { SampleProgress } from './generate-sample';
import { TABLE_NAMES } from './types';

function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${(n / 1024 / 1024).toFixed(1)} MiB`;
}

function onProgress(p: SampleProgress): void {
  const fle = p.encryptedTexts > 0 ? `, ${p.encryptedTexts} distinct texts encrypted` : '';
  process.stdout.write(`  [${p.clusterIndex + 1}/${p.clusters}] ${p.clusterId} ${p.day}: ${p.rows} rows, ${p.files} files${fle}\n`);
}

async function main(): Promise<number> {
  let command;
  try {
    command = parseCliArgs(process.argv.slice(2));
  } catch (err) {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n\n${USAGE}\n`);
    return 2;
  }
  if (command.kind === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const summary = await generateSample({ ...command.options, onProgress });
  const m = summary.marker;
  if (summary.skipped) {
    process.stdout.write(`Sample already complete at ${summary.out} (end date ${m.options.endDate}); nothing to do.\n`);
    return 0;
  }
  process.stdout.write(`\nWrote ${summary.out}\n`);
  process.stdout.write(
    `  ${m.options.clusters} clusters x ${m.options.days} days (${m.startDate} .. ${m.options.endDate}), ~${m.options.queriesPerDay} queries/day, seed ${m.options.seed}, ${m.encrypted ? 'FLE-encrypted' : 'plaintext'}\n`,
  );
  for (const t of TABLE_NAMES) process.stdout.write(`  ${t.padEnd(20)} ${String(m.counts[t]).padStart(10)} rows\n`);
  process.stdout.write(`  ${m.files} files, ${formatBytes(m.bytes)}, ${(summary.millis / 1000).toFixed(1)} s\n`);
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`Sample generation failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exitCode = 1;
  },
);
