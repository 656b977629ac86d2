/**
 * The arrangement engine (issue 4): the median time of one complete plan for 14 claims, and a
 * national recompute (730,000 households × 14 claims: beslagvrije voet, capacity and the monthly
 * split), each next to a baseline measured in the same run.
 */
import { buildSchedule, computeBvv, computePlan, firstMonthSplit, HOUSEHOLDS, type BvvInput, type PlanClaim, type PlanInput } from '#arrangement';
import { result, type BenchResult, type Benchmark, benchLog } from './benchmark.js';

const CLAIMS_PER_HOUSEHOLD = 14;
const HOUSEHOLDS_NATIONWIDE = 730_000;
const PLAN_SAMPLES = 20_000;
const TARGET_PLAN_MICROSECONDS = 200;
const TARGET_NATIONAL_SECONDS = 60;
const TARGET_NATIONAL_MEMORY_MB = 1024;

const log = benchLog('arrangement');

/** A small deterministic PRNG (mulberry32): the same households in every run. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function household(next: () => number, index: number): { bvv: BvvInput; claims: PlanClaim[] } {
  const netIncomeCents = 100_000 + Math.floor(next() * 300_000);
  const claims = Array.from({ length: CLAIMS_PER_HOUSEHOLD }, (_, c): PlanClaim => ({
    id: `h${index}-c${c}`,
    creditorId: `creditor-${c}`,
    amountCents: 5_000 + Math.floor(next() * 500_000),
    preferential: c < 2,
  }));
  return {
    bvv: {
      date: '2025-09-01',
      household: HOUSEHOLDS[Math.floor(next() * HOUSEHOLDS.length)] ?? 'single',
      ageBand: '21-aow',
      netIncomeCents,
      taxableAnnualIncomeCents: netIncomeCents * 15,
    },
    claims,
  };
}

function median(sorted: readonly number[]): number {
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

function timePerCall(samples: number, call: () => unknown): number {
  const times: number[] = [];
  for (let i = 0; i < samples; i += 1) {
    const start = process.hrtime.bigint();
    call();
    times.push(Number(process.hrtime.bigint() - start) / 1000);
  }
  return median(times.sort((a, b) => a - b));
}

function completePlanMicroseconds(): { plan: number; baseline: number; months: number } {
  const { claims } = household(random(7), 0);
  const input: PlanInput = { mode: 'repayment', capacityCents: 45_000, minimumInstalmentCents: 500, claims };
  const complete = (): unknown => buildSchedule({ plan: computePlan(input), payDay: 25, startsAfter: '2026-01-26' });
  const months = computePlan(input).months.length;
  // Warm up the JIT on both before measuring.
  for (let i = 0; i < 2_000; i += 1) complete();
  // Baseline: what any plan costs at least, putting the same claims in their canonical order and summing them.
  const baseline = timePerCall(PLAN_SAMPLES, () => [...claims].sort((a, b) => (a.id < b.id ? -1 : 1)).reduce((s, c) => s + c.amountCents, 0));
  const plan = timePerCall(PLAN_SAMPLES, complete);
  return { plan, baseline, months };
}

function nationalRecompute(): { seconds: number; baselineSeconds: number; peakMb: number; checksum: number } {
  let peak = process.memoryUsage().rss;
  const sample = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 50);
  try {
    // Baseline: generating the same households without computing anything.
    let next = random(42);
    const baselineStart = performance.now();
    let sink = 0;
    for (let i = 0; i < HOUSEHOLDS_NATIONWIDE; i += 1) sink += household(next, i).claims.length;
    const baselineSeconds = (performance.now() - baselineStart) / 1000;

    next = random(42);
    const start = performance.now();
    let checksum = 0;
    for (let i = 0; i < HOUSEHOLDS_NATIONWIDE; i += 1) {
      const { bvv, claims } = household(next, i);
      const { capacityCents } = computeBvv(bvv);
      for (const payment of firstMonthSplit({ mode: 'repayment', capacityCents, claims })) checksum += payment.amountCents;
      if (i % 50_000 === 0) peak = Math.max(peak, process.memoryUsage().rss);
    }
    const seconds = (performance.now() - start) / 1000;
    return { seconds, baselineSeconds, peakMb: Math.max(peak, process.memoryUsage().rss) / (1024 * 1024), checksum: checksum + sink * 0 };
  } finally {
    clearInterval(sample);
  }
}

async function runArrangementBenchmark(): Promise<BenchResult[]> {
  const complete = completePlanMicroseconds();
  log(`complete plan for ${CLAIMS_PER_HOUSEHOLD} claims (${complete.months} months): median ${complete.plan.toFixed(1)} µs (baseline ${complete.baseline.toFixed(2)} µs)`);
  await new Promise((resolve) => setImmediate(resolve));
  const national = nationalRecompute();
  log(`national recompute: ${national.seconds.toFixed(1)} s, peak ${national.peakMb.toFixed(0)} MB (baseline ${national.baselineSeconds.toFixed(1)} s)`);
  return [
    result({
      name: `arrangement: complete plan with schedule for ${CLAIMS_PER_HOUSEHOLD} claims, median`,
      value: complete.plan,
      unit: 'µs',
      baseline: complete.baseline,
      target: { op: '<=', limit: TARGET_PLAN_MICROSECONDS },
      note: `Repayment, minimum instalment €5, ${complete.months} months of payments per claim with their due dates, explanation steps included; ${PLAN_SAMPLES} runs after warm-up. Baseline: sorting and summing the same claims.`,
    }),
    result({
      name: `arrangement: national recompute, ${HOUSEHOLDS_NATIONWIDE} households × ${CLAIMS_PER_HOUSEHOLD} claims`,
      value: national.seconds,
      unit: 's',
      baseline: national.baselineSeconds,
      target: { op: '<=', limit: TARGET_NATIONAL_SECONDS },
      note: 'Beslagvrije voet, capacity and the first month\'s split per household, one process, one core. Baseline: generating the same households.',
    }),
    result({
      name: 'arrangement: national recompute, peak memory',
      value: national.peakMb,
      unit: 'MB',
      target: { op: '<=', limit: TARGET_NATIONAL_MEMORY_MB },
      note: 'Resident set size of the benchmark process, sampled every 50 ms.',
    }),
  ];
}

export const benchmark: Benchmark = {
  name: 'arrangement',
  maxSeconds: 300,
  run: runArrangementBenchmark,
};
