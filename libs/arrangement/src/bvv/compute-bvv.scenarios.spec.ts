import { describe, expect, it } from '@jest/globals';
import { computeBvv } from './compute-bvv.js';

/** RULES.md §1's worked examples, each a named scenario. */
describe('beslagvrije voet: worked examples of RULES.md', () => {
  it('2021-01, single on bijstand €1,075.44 → BVV €1,021.67, capacity €53.77', () => {
    const result = computeBvv({ date: '2021-01-15', household: 'single', ageBand: '21-aow', netIncomeCents: 107_544 });
    expect(result).toMatchObject({ bvvCents: 102_167, capacityCents: 5_377, incomeGroup: 'low', parameterSet: '2021-01', approximation: false });
  });

  it('2021-01, couple on bijstand €1,536.34 → capacity €76.82', () => {
    const result = computeBvv({ date: '2021-01-01', household: 'couple', ageBand: '21-aow', netIncomeCents: 153_634 });
    expect(result.capacityCents).toBe(7_682);
    expect(result.incomeGroup).toBe('low');
  });

  it('2025-01, single on bijstand €1,345.45 → BVV €1,278.18, capacity €67.27', () => {
    const result = computeBvv({ date: '2025-01-31', household: 'single', ageBand: '21-aow', netIncomeCents: 134_545 });
    expect(result).toMatchObject({ bvvCents: 127_818, capacityCents: 6_727, normCents: 134_545 });
  });

  it('2025-07, single with a high income €3,200.00 → the maximum €2,093.67, capacity €1,106.33', () => {
    const result = computeBvv({ date: '2025-08-01', household: 'single', ageBand: '21-aow', netIncomeCents: 320_000, taxableAnnualIncomeCents: 5_200_000 });
    expect(result).toMatchObject({ bvvCents: 209_367, capacityCents: 110_633, incomeGroup: 'high', parameterSet: '2025-07', approximation: false });
  });

  it('no fixed address (2021-01): 47.5% of the couple norm, €729.76', () => {
    const result = computeBvv({ date: '2021-03-01', household: 'single', ageBand: '21-aow', netIncomeCents: 150_000, noFixedAddress: true });
    expect(result).toMatchObject({ bvvCents: 72_976, capacityCents: 77_024, incomeGroup: 'no_fixed_address' });
  });

  it('no fixed address with an art. 475e request: the normal rules apply', () => {
    const result = computeBvv({ date: '2021-03-01', household: 'single', ageBand: '21-aow', netIncomeCents: 107_544, noFixedAddress: true, art475eRequest: true });
    expect(result.incomeGroup).toBe('low');
    expect(result.bvvCents).toBe(102_167);
  });

  it('the amount on an official notice overrides the computation', () => {
    const result = computeBvv({ date: '2025-03-01', household: 'couple', ageBand: '21-aow', netIncomeCents: 250_000, officialBvvCents: 231_000 });
    expect(result).toMatchObject({ bvvCents: 231_000, capacityCents: 19_000, incomeGroup: 'official', approximation: false });
  });

  it('a housing increase never leaves the creditors less than 5% of income', () => {
    const result = computeBvv({ date: '2025-03-01', household: 'single', ageBand: '21-aow', netIncomeCents: 134_545, housingIncreaseCents: 30_000 });
    // 95% of income is the BVV already (low group): the increase cannot add anything.
    expect(result.capacityCents).toBe(6_727);
    expect(result.steps).toContainEqual({ code: 'HOUSING_INCREASE_LIMITED', amountCents: 0 });
    const middle = computeBvv({ date: '2025-03-01', household: 'single', ageBand: '21-aow', netIncomeCents: 180_000, taxableAnnualIncomeCents: 2_600_000, housingIncreaseCents: 30_000 });
    expect(middle.capacityCents).toBeGreaterThanOrEqual(9_000);
    expect(middle.steps.map((s) => s.code)).toContain('HOUSING_INCREASE_LIMITED');
  });

  it('a middle income is marked as an approximation and lies between 95% of the norm and the maximum', () => {
    const result = computeBvv({ date: '2025-03-01', household: 'couple_with_children', ageBand: '21-aow', netIncomeCents: 230_000, taxableAnnualIncomeCents: 3_300_000 });
    expect(result.incomeGroup).toBe('middle');
    expect(result.approximation).toBe(true);
    expect(result.bvvCents).toBeGreaterThanOrEqual(Math.round(192_207 * 0.95));
    expect(result.bvvCents).toBeLessThanOrEqual(285_596);
    expect(result.capacityCents).toBeGreaterThanOrEqual(Math.round(230_000 * 0.05));
  });

  it('a date past the newest parameter set uses it and says so', () => {
    const result = computeBvv({ date: '2027-02-01', household: 'single', ageBand: '21-aow', netIncomeCents: 100_000 });
    expect(result.parametersOutdated).toBe(true);
    expect(result.steps.map((s) => s.code)).toContain('PARAMETERS_OUTDATED');
  });

  it('age bands: an 18–20-year-old single has the young norm', () => {
    const result = computeBvv({ date: '2025-07-01', household: 'single', ageBand: '18-20', netIncomeCents: 30_000 });
    expect(result.normCents).toBe(33_798);
    expect(result.bvvCents).toBe(28_500);
  });
});
