import { describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { runArrangementCommand } from '../../tools/arrangement-cli.js';

/** RULES.md §4: the command-line contract of `npm run -s arrangement -- bvv|plan`. */

const CLI = fileURLToPath(new URL('../../dist/tools/arrangement-cli.js', import.meta.url));

const claims = [
  { id: 'p', creditorId: 'belastingdienst', amountCents: 100_000, preferential: true },
  { id: 'a', creditorId: 'gemeente-utrecht', amountCents: 50_000, preferential: false },
  { id: 'b', creditorId: 'stroomwijzer-energie', amountCents: 200_000, preferential: false },
  { id: 'c', creditorId: 'zekerzorg', amountCents: 150_000, preferential: false },
];

function run(command: string, input: unknown): { exitCode: number; output: Record<string, unknown> } {
  const outcome = runArrangementCommand(command, typeof input === 'string' ? input : JSON.stringify(input));
  return { exitCode: outcome.exitCode, output: outcome.output as Record<string, unknown> };
}

function errorOf(command: string, input: unknown): { code: string; path: string; message: string } {
  const { exitCode, output } = run(command, input);
  expect(exitCode).toBe(2);
  return output.error as { code: string; path: string; message: string };
}

const goodBvv = { date: '2025-01-15', household: 'single', ageBand: '21-aow', netIncomeCents: 134_545 };

describe('arrangement bvv', () => {
  it('answers the contract fields', () => {
    const { exitCode, output } = run('bvv', goodBvv);
    expect(exitCode).toBe(0);
    expect(output).toMatchObject({ bvvCents: 127_818, capacityCents: 6_727, incomeGroup: 'low', normCents: 134_545, parameterSet: '2025-01', approximation: false, parametersOutdated: false });
    for (const step of output.steps as { code: string; amountCents?: number }[]) {
      expect(typeof step.code).toBe('string');
      if (step.amountCents !== undefined) expect(Number.isInteger(step.amountCents)).toBe(true);
    }
  });

  it.each([
    ['a missing field', { ...goodBvv, netIncomeCents: undefined }, 'MISSING_FIELD', 'netIncomeCents'],
    ['negative cents', { ...goodBvv, netIncomeCents: -1 }, 'INVALID_CENTS', 'netIncomeCents'],
    ['fractional cents', { ...goodBvv, netIncomeCents: 1345.45 }, 'INVALID_CENTS', 'netIncomeCents'],
    ['cents as a string', { ...goodBvv, netIncomeCents: '134545' }, 'INVALID_TYPE', 'netIncomeCents'],
    ['an unknown household', { ...goodBvv, household: 'family' }, 'UNKNOWN_VALUE', 'household'],
    ['an unknown age band', { ...goodBvv, ageBand: '21-67' }, 'UNKNOWN_VALUE', 'ageBand'],
    ['an impossible date', { ...goodBvv, date: '2025-02-30' }, 'INVALID_DATE', 'date'],
    ['a badly written date', { ...goodBvv, date: '15-01-2025' }, 'INVALID_DATE', 'date'],
    ['a date before the law', { ...goodBvv, date: '2020-12-31' }, 'DATE_BEFORE_2021', 'date'],
    ['an income of €10 million a month', { ...goodBvv, netIncomeCents: 1_000_000_000 }, 'OUT_OF_RANGE', 'netIncomeCents'],
    ['a misspelt field', { ...goodBvv, netIncome: 100 }, 'UNKNOWN_FIELD', 'netIncome'],
    ['a partner age for a single', { ...goodBvv, partnerAgeBand: 'aow' }, 'UNKNOWN_FIELD', 'partnerAgeBand'],
    ['not an object', [goodBvv], 'NOT_AN_OBJECT', ''],
    ["a counsellor's floor below the beslagvrije voet", { ...goodBvv, counsellorFloorCents: 100_000 }, 'FLOOR_BELOW_BVV', 'counsellorFloorCents'],
  ])('refuses %s with exit 2 and the field', (_, input, code, path) => {
    const error = errorOf('bvv', input);
    expect(error.code).toBe(code);
    expect(error.path).toBe(path);
    expect(error.message.length).toBeGreaterThan(10);
  });

  it("computes capacity above a counsellor's higher floor", () => {
    const without = run('bvv', { ...goodBvv, netIncomeCents: 150_000 }).output;
    const { output } = run('bvv', { ...goodBvv, netIncomeCents: 150_000, counsellorFloorCents: 140_000 });
    // The beslagvrije voet itself stays as the law computes it; only what is left for creditors changes.
    expect(output).toMatchObject({ bvvCents: without.bvvCents, capacityCents: 10_000 });
    expect((output.steps as { code: string }[]).map((s) => s.code)).toContain('COUNSELLOR_FLOOR');
  });

  it('refuses what is not JSON', () => {
    expect(errorOf('bvv', '{"date": ').code).toBe('INVALID_JSON');
  });
});

describe('arrangement plan', () => {
  it('the settlement example of RULES.md: 600.00, 150.00, 600.00, 450.00', () => {
    const { exitCode, output } = run('plan', { mode: 'settlement', capacityCents: 10_000, claims });
    expect(exitCode).toBe(0);
    const byId = Object.fromEntries((output.claims as { claimId: string; totalPaidCents: number }[]).map((c) => [c.claimId, c.totalPaidCents]));
    expect(byId).toEqual({ p: 60_000, a: 15_000, b: 60_000, c: 45_000 });
    expect(output.totalPaidCents).toBe(180_000);
    expect((output.months as unknown[]).length).toBe(18);
  });

  it.each([
    ['claims with the same id', { mode: 'repayment', capacityCents: 100, claims: [claims[0], { ...claims[1], id: 'p' }] }, 'DUPLICATE_CLAIM_ID', 'claims[1].id'],
    [
      'more than 500 claims',
      { mode: 'repayment', capacityCents: 100_000, claims: Array.from({ length: 501 }, (_, i) => ({ id: `c${i}`, creditorId: 'x', amountCents: 100, preferential: false })) },
      'TOO_MANY_CLAIMS',
      'claims',
    ],
    ['a negative claim', { mode: 'repayment', capacityCents: 100, claims: [{ ...claims[0], amountCents: -5 }] }, 'INVALID_CENTS', 'claims[0].amountCents'],
    ['a fractional capacity', { mode: 'repayment', capacityCents: 10.5, claims }, 'INVALID_CENTS', 'capacityCents'],
    ['an unknown mode', { mode: 'lottery', capacityCents: 100, claims }, 'UNKNOWN_VALUE', 'mode'],
    ['no claims', { mode: 'repayment', capacityCents: 100, claims: [] }, 'NO_CLAIMS', 'claims'],
    ['a claim without creditor', { mode: 'repayment', capacityCents: 100, claims: [{ id: 'x', amountCents: 5, preferential: false }] }, 'MISSING_FIELD', 'claims[0].creditorId'],
    ['an absurd weight', { mode: 'repayment', capacityCents: 100, preferentialWeight: 1e6, claims }, 'OUT_OF_RANGE', 'preferentialWeight'],
    ['a repayment of centuries', { mode: 'repayment', capacityCents: 1, claims }, 'PLAN_TOO_LONG', 'capacityCents'],
  ])('refuses %s with exit 2 and the field', (_, input, code, path) => {
    const error = errorOf('plan', input);
    expect(error.code).toBe(code);
    expect(error.path).toBe(path);
  });
});

describe('as a process (the built tool)', () => {
  it('reads stdin, writes one JSON object, exits 0 or 2', () => {
    expect(existsSync(CLI)).toBe(true);
    const ok = spawnSync(process.execPath, [CLI, 'bvv'], { input: JSON.stringify(goodBvv), encoding: 'utf8' });
    expect(ok.status).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ bvvCents: 127_818 });
    const bad = spawnSync(process.execPath, [CLI, 'plan'], { input: '{"mode":"repayment"}', encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(JSON.parse(bad.stdout)).toEqual({ error: { code: 'MISSING_FIELD', path: 'capacityCents', message: 'capacityCents is required' } });
  });
});
