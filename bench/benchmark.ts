import { availableParallelism } from 'node:os';
import autocannon from 'autocannon';
import { cpuSnapshot, cpuUse, quiesce, type CpuUse } from './cpu.js';

/** One measured figure, as written to bench/results.json. */
export interface BenchResult {
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  /** The same figure for the baseline measured in the same run, or null when there is none. */
  readonly baseline: number | null;
  /** value / baseline (rounded), or null without a baseline. */
  readonly ratio: number | null;
  /** What the figure must reach, e.g. ">= 1000" or "<= 25"; null for information only. */
  readonly target: string | null;
  /** Whether the target was met (and the measurement had no errors); null without a target. */
  readonly pass: boolean | null;
  /** Anything a reader needs to interpret the figure. */
  readonly note?: string;
  /** Set when other processes competed for the CPU during the measurement: the figure is unreliable. */
  readonly disturbed?: boolean;
}

/** A benchmark module: every `*.bench.js` in bench/ exports one as `benchmark`. */
export interface Benchmark {
  readonly name: string;
  /** Rough upper bound of its running time, so the runner can tell a hang from slowness. */
  readonly maxSeconds: number;
  run(): Promise<BenchResult[]>;
}

export type Target = { readonly op: '>=' | '<='; readonly limit: number };

export function result(params: {
  name: string;
  value: number;
  unit: string;
  baseline?: number | null;
  target?: Target | null;
  /** A measurement with errors never passes, however fast it was. */
  valid?: boolean;
  note?: string;
  disturbed?: boolean;
}): BenchResult {
  const baseline = params.baseline ?? null;
  const target = params.target ?? null;
  const meets = target === null ? null : target.op === '>=' ? params.value >= target.limit : params.value <= target.limit;
  return {
    name: params.name,
    value: round(params.value),
    unit: params.unit,
    baseline: baseline === null ? null : round(baseline),
    ratio: baseline === null || baseline === 0 ? null : round(params.value / baseline, 3),
    target: target === null ? null : `${target.op} ${target.limit}`,
    pass: meets === null ? null : meets && (params.valid ?? true),
    ...(params.note === undefined ? {} : { note: params.note }),
    ...(params.disturbed === true ? { disturbed: true } : {}),
  };
}

export function round(value: number, digits = 2): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/** The outcome of one autocannon run, reduced to what the reports need. */
export interface LoadResult {
  readonly requestsPerSecond: number;
  readonly p50Ms: number;
  readonly p90Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
  readonly completed: number;
  /** Connection errors and timeouts. */
  readonly errors: number;
  readonly non2xx: number;
  /** 2xx answers whose body failed the check (e.g. a GraphQL `errors` entry). */
  readonly badBodies: number;
  readonly durationSeconds: number;
  /** Where the machine's CPU went during the measured part. */
  readonly cpu: CpuUse;
  /** Cores busy on the machine just before the run (should be near 0: nothing else competing). */
  readonly busyBeforeCores: number | null;
  /** Other processes used more than DISTURBED_CORES during the run: its figures are not trustworthy. */
  readonly disturbed: boolean;
  readonly attempts: number;
}

/** CPU busy outside the measured processes (in cores) above which a run counts as disturbed. */
export const DISTURBED_CORES = 0.15;

export function failures(load: LoadResult): number {
  return load.errors + load.non2xx + load.badBodies;
}

export interface LoadParams {
  readonly url: string;
  readonly connections: number;
  readonly warmupSeconds: number;
  readonly seconds: number;
  /** Builds the next request (called for every request, on all connections). */
  readonly nextRequest: () => { body: string; headers: Record<string, string> };
  /** Whether a 2xx response body is a correct answer. */
  readonly checkBody: (body: string) => boolean;
  /** The server's process id, to account its CPU time. */
  readonly serverPid: number | undefined;
  /**
   * Requests sent before the timed warm-up, e.g. one pass over a pool of tokens so that the measured
   * run sees each of them cached.
   */
  readonly primeRequests?: number;
  /** How often to measure again when other processes competed for the CPU (default 1). */
  readonly retriesWhenDisturbed?: number;
}

/** Warms up, then measures: a fixed number of connections, each sending its next request as soon as the last one was answered. */
export async function load(params: LoadParams): Promise<LoadResult> {
  let badBodies = 0;
  const options = (seconds: number, amount?: number): autocannon.Options => ({
    url: params.url,
    connections: params.connections,
    duration: seconds,
    ...(amount === undefined ? {} : { amount }),
    timeout: 10,
    method: 'POST',
    requests: [
      {
        method: 'POST',
        setupRequest: (request) => {
          const next = params.nextRequest();
          return { ...request, method: 'POST', body: next.body, headers: next.headers };
        },
        onResponse: (status, body) => {
          // Non-2xx answers are counted by autocannon itself; here: 200s that carry no correct answer.
          if (status >= 200 && status < 300 && !params.checkBody(body)) badBodies += 1;
        },
      },
    ],
  });
  if (params.primeRequests !== undefined && params.primeRequests > 0) {
    await autocannon(options(params.seconds, params.primeRequests));
  }
  const attempt = async (): Promise<LoadResult> => {
    const busyBeforeCores = await quiesce();
    await autocannon(options(params.warmupSeconds));
    badBodies = 0;
    const before = await cpuSnapshot(params.serverPid);
    const measured = await autocannon(options(params.seconds));
    const after = await cpuSnapshot(params.serverPid);
    const cpu = cpuUse(before, after, availableParallelism());
    return {
      requestsPerSecond: measured.requests.total / measured.duration,
      p50Ms: measured.latency.p50,
      p90Ms: measured.latency.p90,
      p99Ms: measured.latency.p99,
      maxMs: measured.latency.max,
      completed: measured.requests.total,
      errors: measured.errors,
      non2xx: measured.non2xx,
      badBodies,
      durationSeconds: measured.duration,
      cpu,
      busyBeforeCores,
      disturbed: cpu.otherCores !== null && cpu.otherCores > DISTURBED_CORES,
      attempts: 1,
    };
  };
  // A run that shared the machine with something else (a build, a test run) measures that too: retry it.
  let run = await attempt();
  for (let attempts = 2; run.disturbed && attempts <= 1 + (params.retriesWhenDisturbed ?? 1); attempts++) {
    process.stderr.write(
      `  (run disturbed: ${run.cpu.otherCores?.toFixed(2)} cores busy outside the node, postgres and autocannon; measuring again)\n`,
    );
    run = { ...(await attempt()), attempts };
  }
  return run;
}

/** Rejects when `work` takes longer than `ms` (the work itself is not cancelled: callers clean up in finally). */
export async function within<T>(what: string, ms: number, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms / 1000} s`)), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** The p-th percentile of ascending-sorted samples (nearest rank, no interpolation); NaN when there are none. */
export function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

/** A benchmark's progress lines on stderr, prefixed with its name (stdout is the summary table's). */
export function benchLog(name: string): (line: string) => void {
  return (line) => process.stderr.write(`[${name}] ${line}\n`);
}
