import { describe, expect, it } from '@jest/globals';
import { HOUSEHOLDS } from '../bvv/bvv-input.js';
import type { ParameterSet } from './parameter-set.js';
import { ALLOWANCE_YEARS, PARAMETER_SETS } from './parameter-sets.js';
import { selectParameterSet } from './select-parameter-set.js';

const adultNorm = (set: ParameterSet, household: (typeof HOUSEHOLDS)[number]): number =>
  household === 'single' || household === 'single_parent' ? set.norms.single['21-aow'] : set.norms.couple.bothAdult;

const valuesOf = (record: object): number[] => Object.values(record as Record<string, number>);

function amounts(set: ParameterSet): number[] {
  const { norms, maximumBvv } = set;
  return [norms.single, norms.singleParent, norms.couple, norms.coupleWithChildren, maximumBvv].flatMap(valuesOf);
}

describe('the reviewed parameter sets (one data file per period)', () => {
  it('cover every half year from 2021-01 without gaps, oldest first', () => {
    const periods = PARAMETER_SETS.map((s) => s.period);
    expect(periods[0]).toBe('2021-01');
    periods.forEach((period, i) => {
      if (i === 0) return;
      const previous = periods[i - 1] ?? '';
      const year = Number(previous.slice(0, 4));
      expect(period).toBe(previous.endsWith('-01') ? `${year}-07` : `${year + 1}-01`);
    });
  });

  it.each(PARAMETER_SETS.map((s) => [s.period, s] as const))('%s: whole positive cents, each with a source', (_, set) => {
    for (const amount of amounts(set)) {
      expect(Number.isSafeInteger(amount)).toBe(true);
      expect(amount).toBeGreaterThan(0);
    }
    expect(set.sources.length).toBeGreaterThan(0);
    for (const source of set.sources) expect(source.url).toMatch(/^https?:\/\//);
  });

  it.each(PARAMETER_SETS.map((s) => [s.period, s] as const))('%s: norms and maxima are ordered as the law orders them', (_, set) => {
    const { norms, maximumBvv } = set;
    expect(norms.single['18-20']).toBeLessThan(norms.single['21-aow']);
    expect(norms.single['21-aow']).toBeLessThan(norms.single.aow);
    expect(norms.couple.bothYoung).toBeLessThan(norms.couple.oneYoung);
    expect(norms.couple.oneYoung).toBeLessThan(norms.couple.bothAdult);
    expect(norms.couple.bothAdult).toBeLessThan(norms.couple.aow);
    expect(norms.coupleWithChildren.bothYoung).toBeGreaterThan(norms.couple.bothYoung);
    expect(maximumBvv.single).toBeLessThan(maximumBvv.single_parent);
    expect(maximumBvv.couple).toBeLessThan(maximumBvv.couple_with_children);
    for (const household of HOUSEHOLDS) expect(maximumBvv[household]).toBeGreaterThan(adultNorm(set, household));
  });

  it.each(PARAMETER_SETS.filter((s) => s.period.endsWith('-07')).map((s) => [s.period, s] as const))(
    '%s: max BVV − 95% × norm is the same as in January of that year (within 2 cents of rounding)',
    (period, july) => {
      const january = PARAMETER_SETS.find((s) => s.period === `${period.slice(0, 4)}-01`);
      expect(january).toBeDefined();
      if (january === undefined) return;
      for (const household of HOUSEHOLDS) {
        const kop = (set: ParameterSet): number => set.maximumBvv[household] * 100 - 95 * adultNorm(set, household);
        expect(Math.abs(kop(july) - kop(january))).toBeLessThanOrEqual(200);
      }
    },
  );

  it('2025: the verified kop per household (RULES.md §1)', () => {
    for (const period of ['2025-01', '2025-07']) {
      const set = PARAMETER_SETS.find((s) => s.period === period) as ParameterSet;
      const kop = (household: (typeof HOUSEHOLDS)[number]): number => Math.round((set.maximumBvv[household] * 100 - 95 * adultNorm(set, household)) / 100);
      expect([kop('single'), kop('single_parent'), kop('couple'), kop('couple_with_children')]).toEqual([79_306, 96_406, 91_306, 102_999]);
    }
  });

  it('allowance phase-out parameters: one file per year with sources and rates as fractions', () => {
    for (const year of ALLOWANCE_YEARS) {
      expect(year.healthcareRateAboveThreshold).toBeGreaterThan(0.1);
      expect(year.healthcareRateAboveThreshold).toBeLessThan(0.2);
      expect(year.childBudgetPhaseOutRate).toBeGreaterThan(0.05);
      expect(year.childBudgetPhaseOutRate).toBeLessThan(0.1);
      expect(year.sources.length).toBeGreaterThan(0);
    }
  });

  it('selection: the newest period starting on or before the date; past the newest half year it is flagged', () => {
    expect(selectParameterSet('2021-06-30').parameters.period).toBe('2021-01');
    expect(selectParameterSet('2021-07-01').parameters.period).toBe('2021-07');
    const newest = PARAMETER_SETS[PARAMETER_SETS.length - 1] as ParameterSet;
    expect(selectParameterSet(`${newest.period}-20`)).toMatchObject({ outdated: false });
    expect(selectParameterSet('2099-01-01')).toMatchObject({ outdated: true, parameters: newest });
  });
});
