import { describe, expect, it } from '@jest/globals';
import { computeCapacity, FloorBelowBvvError } from './compute-capacity.js';

describe('capacity above the beslagvrije voet', () => {
  it('is income minus the beslagvrije voet', () => {
    expect(computeCapacity({ netIncomeCents: 150_000, bvvCents: 127_818 }).capacityCents).toBe(22_182);
  });

  it('is never negative; zero says so', () => {
    const result = computeCapacity({ netIncomeCents: 100_000, bvvCents: 127_818 });
    expect(result.capacityCents).toBe(0);
    expect(result.steps.map((s) => s.code)).toContain('ZERO_CAPACITY');
  });

  it('a counsellor may set a higher floor', () => {
    const result = computeCapacity({ netIncomeCents: 150_000, bvvCents: 127_818, counsellorFloorCents: 140_000 });
    expect(result).toMatchObject({ capacityCents: 10_000, keptCents: 140_000 });
    expect(result.steps[0]).toEqual({ code: 'COUNSELLOR_FLOOR', amountCents: 140_000 });
  });

  it('never a lower one', () => {
    expect(() => computeCapacity({ netIncomeCents: 150_000, bvvCents: 127_818, counsellorFloorCents: 120_000 })).toThrow(FloorBelowBvvError);
  });
});
