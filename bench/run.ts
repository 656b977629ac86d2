/**
 * `npm run bench`: runs every benchmark module in bench/ (`*.bench.ts`, compiled to dist/bench), writes
 * bench/results.json and prints a summary. It is a report: a missed target is printed as MISS and the
 * exit code stays 0; only a benchmark that could not run at all makes it exit 1.
 */
import { readdir, writeFile } from 'node:fs/promises';
import { availableParallelism, cpus } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BenchResult, Benchmark } from './benchmark.js';

const here = dirname(fileURLToPath(import.meta.url)); // dist/bench
const RESULTS_FILE = resolve(here, '../../bench/results.json');

/** `npm run bench -- <name> …` runs only the benchmarks whose names contain one of the words. */
async function discover(only: readonly string[]): Promise<Benchmark[]> {
  const files = (await readdir(here)).filter((f) => f.endsWith('.bench.js')).sort();
  const benchmarks: Benchmark[] = [];
  for (const file of files) {
    const module = (await import(pathToFileURL(join(here, file)).href)) as { benchmark?: Benchmark };
    if (module.benchmark === undefined) throw new Error(`${file} exports no \`benchmark\``);
    if (only.length === 0 || only.some((word) => module.benchmark?.name.includes(word))) benchmarks.push(module.benchmark);
  }
  return benchmarks;
}

async function runOne(benchmark: Benchmark): Promise<BenchResult[]> {
  let timer: NodeJS.Timeout | undefined;
  const overdue = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`did not finish within ${benchmark.maxSeconds} s`)), benchmark.maxSeconds * 1000);
  });
  try {
    return await Promise.race([benchmark.run(), overdue]);
  } finally {
    clearTimeout(timer);
  }
}

function formatNumber(value: number | null): string {
  if (value === null) return '';
  return Math.abs(value) >= 100 ? value.toFixed(0) : String(value);
}

function printSummary(results: readonly BenchResult[]): void {
  const rows = results.map((r) => [
    r.name,
    `${formatNumber(r.value)} ${r.unit}`,
    r.baseline === null ? '' : `${formatNumber(r.baseline)} ${r.unit}`,
    r.ratio === null ? '' : `${r.ratio}x`,
    r.target ?? '',
    (r.pass === null ? 'info' : r.pass ? 'PASS' : 'MISS') + (r.disturbed === true ? ' (disturbed)' : ''),
  ]);
  const header = ['benchmark', 'value', 'baseline', 'ratio', 'target', 'result'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]?.length ?? 0)));
  const line = (cells: readonly string[]): string =>
    cells.map((cell, i) => (i === 0 || i === 4 || i === 5 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join('  ').trimEnd();
  console.log(`\n${line(header)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}`);
  for (const row of rows) console.log(line(row));
  const scored = results.filter((r) => r.pass !== null);
  const missed = scored.filter((r) => r.pass === false);
  console.log(
    `\n${scored.length - missed.length}/${scored.length} targets met` +
      (missed.length > 0 ? `; MISSED: ${missed.map((r) => r.name).join('; ')}` : '') +
      `\nMachine: ${availableParallelism()} cores (${cpus()[0]?.model ?? 'unknown CPU'}), Node ${process.version}. Results: ${RESULTS_FILE}`,
  );
  if (results.some((r) => r.disturbed === true)) {
    console.log('(disturbed) = other processes used the CPU during that measurement, even after a retry: run again on a quiet machine.');
  }
  const notes = results.filter((r) => r.note !== undefined);
  if (notes.length > 0) {
    console.log('\nNotes:');
    for (const r of notes) console.log(`  ${r.name}: ${r.note}`);
  }
}

async function main(): Promise<number> {
  const benchmarks = await discover(process.argv.slice(2));
  const results: BenchResult[] = [];
  let crashed = false;
  for (const benchmark of benchmarks) {
    const started = performance.now();
    process.stderr.write(`== ${benchmark.name}\n`);
    try {
      results.push(...(await runOne(benchmark)));
    } catch (error) {
      crashed = true;
      const message = error instanceof Error ? error.message : String(error);
      process.stderr.write(`${benchmark.name} FAILED: ${error instanceof Error ? (error.stack ?? message) : message}\n`);
      results.push({ name: `${benchmark.name}: run`, value: 0, unit: 'error', baseline: null, ratio: null, target: 'completes', pass: false, note: message });
    }
    process.stderr.write(`== ${benchmark.name} took ${((performance.now() - started) / 1000).toFixed(0)} s\n`);
  }
  await writeFile(RESULTS_FILE, `${JSON.stringify(results, null, 2)}\n`);
  printSummary(results);
  return crashed ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`bench could not run: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
