import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { computePlan } from '../plan/compute-plan.js';
import { addMonths } from './calendar-month.js';
import { DEFAULT_PAUSE_POLICY, applyPause, checkPause, type Pause, type PauseCheck } from './payment-pause.js';
import { buildSchedule, scheduleTotal, type Schedule } from './payment-schedule.js';
import { ScheduleInputError } from './schedule-input-error.js';

/** 20 instalments of € 100,00, due on the 26th from January 2026 to August 2027. */
function twentyMonths(payDay = 25): Schedule {
  const plan = computePlan({
    mode: 'repayment',
    capacityCents: 10_000,
    claims: [
      { id: 'a', creditorId: 'gemeente', amountCents: 150_000, preferential: false },
      { id: 'b', creditorId: 'waterschap', amountCents: 50_000, preferential: false },
    ],
  });
  return buildSchedule({ plan, payDay, startsAfter: '2026-01-05' });
}

function refusal(check: PauseCheck): string {
  return check.allowed ? 'allowed' : check.code;
}

describe('checkPause', () => {
  const schedule = twentyMonths();
  const today = '2026-02-10';

  it('allows up to 2 months in 12 by default', () => {
    const check = checkPause({ schedule, existingPauses: [], request: { fromMonth: '2026-03', months: 2 }, today });
    expect(check).toEqual({
      allowed: true,
      pause: { fromMonth: '2026-03', months: 2 },
      limitMonths: 2,
      step: { code: 'PAUSE_GRANTED', months: 2, detail: '2026-03' },
    });
  });

  it('refuses a longer pause and says how long one may be', () => {
    const check = checkPause({ schedule, existingPauses: [], request: { fromMonth: '2026-03', months: 3 }, today });
    expect(check).toMatchObject({ allowed: false, code: 'PAUSE_TOO_LONG', maxMonths: 2, limitMonths: 2, step: { code: 'PAUSE_TOO_LONG', months: 2 } });
  });

  it('allows up to 6 months after an income drop of 50% or more', () => {
    const request = { fromMonth: '2026-03', months: 6 };
    expect(refusal(checkPause({ schedule, existingPauses: [], request, today, incomeDropPercent: 50 }))).toBe('allowed');
    expect(refusal(checkPause({ schedule, existingPauses: [], request, today, incomeDropPercent: 49.9 }))).toBe('PAUSE_TOO_LONG');
    expect(checkPause({ schedule, existingPauses: [], request: { fromMonth: '2026-03', months: 7 }, today, incomeDropPercent: 80 })).toMatchObject({
      code: 'PAUSE_TOO_LONG',
      maxMonths: 6,
      limitMonths: 6,
    });
  });

  it('counts earlier pauses within any 12 consecutive months', () => {
    const earlier: Pause = { fromMonth: '2026-03', months: 2 };
    const existingPauses = [earlier];
    const paused = applyPause({ schedule, pause: earlier });
    expect(checkPause({ schedule: paused, existingPauses, request: { fromMonth: '2026-07', months: 1 }, today })).toMatchObject({
      code: 'PAUSE_TOO_LONG',
      maxMonths: 0,
      step: { code: 'PAUSE_TOO_LONG', months: 0 },
    });
    // March 2027 shares 12 months with April 2026 only: 2 paused months, within the limit.
    expect(refusal(checkPause({ schedule: paused, existingPauses, request: { fromMonth: '2027-03', months: 1 }, today }))).toBe('allowed');
    expect(refusal(checkPause({ schedule: paused, existingPauses, request: { fromMonth: '2027-02', months: 1 }, today }))).toBe('PAUSE_TOO_LONG');
  });

  it('refuses a pause that overlaps an earlier one', () => {
    const existingPauses: Pause[] = [{ fromMonth: '2026-03', months: 2 }];
    const paused = applyPause({ schedule, pause: { fromMonth: '2026-03', months: 2 } });
    const policy = { ...DEFAULT_PAUSE_POLICY, maxPauseMonthsPer12: 6 };
    expect(checkPause({ schedule: paused, existingPauses, request: { fromMonth: '2026-04', months: 1 }, today, policy })).toEqual({
      allowed: false,
      code: 'PAUSE_OVERLAPS',
      step: { code: 'PAUSE_OVERLAPS', detail: '2026-04' },
    });
    expect(refusal(checkPause({ schedule: paused, existingPauses, request: { fromMonth: '2026-02', months: 2 }, today, policy }))).toBe('PAUSE_OVERLAPS');
    expect(refusal(checkPause({ schedule: paused, existingPauses, request: { fromMonth: '2026-05', months: 1 }, today, policy }))).toBe('allowed');
  });

  it('refuses a pause in the past, but grants one on the due date itself', () => {
    expect(refusal(checkPause({ schedule, existingPauses: [], request: { fromMonth: '2026-01', months: 1 }, today }))).toBe('PAUSE_IN_PAST');
    expect(refusal(checkPause({ schedule, existingPauses: [], request: { fromMonth: '2026-02', months: 1 }, today: '2026-02-27' }))).toBe('PAUSE_IN_PAST');
    expect(refusal(checkPause({ schedule, existingPauses: [], request: { fromMonth: '2026-02', months: 1 }, today: '2026-02-26' }))).toBe('allowed');
  });

  it('refuses a pause for a month without an instalment', () => {
    expect(checkPause({ schedule, existingPauses: [], request: { fromMonth: '2028-01', months: 1 }, today })).toEqual({
      allowed: false,
      code: 'PAUSE_NO_INSTALMENT',
      step: { code: 'PAUSE_NO_INSTALMENT', detail: '2028-01' },
    });
    expect(refusal(checkPause({ schedule, existingPauses: [], request: { fromMonth: '2025-12', months: 1 }, today: '2025-12-01' }))).toBe('PAUSE_NO_INSTALMENT');
  });

  it('takes a configured policy', () => {
    const policy = { maxPauseMonthsPer12: 3, maxPauseMonthsAfterIncomeDrop: 9, incomeDropThresholdPercent: 30 };
    expect(refusal(checkPause({ schedule, existingPauses: [], request: { fromMonth: '2026-03', months: 3 }, today, policy }))).toBe('allowed');
    expect(refusal(checkPause({ schedule, existingPauses: [], request: { fromMonth: '2026-03', months: 9 }, today, policy, incomeDropPercent: 30 }))).toBe('allowed');
    expect(refusal(checkPause({ schedule, existingPauses: [], request: { fromMonth: '2026-03', months: 1 }, today, policy: { ...policy, maxPauseMonthsPer12: 0 } }))).toBe(
      'PAUSE_TOO_LONG',
    );
  });

  it('refuses malformed requests with typed errors, not refusals', () => {
    const codeOf = (run: () => unknown): string => {
      try {
        run();
      } catch (error) {
        return error instanceof ScheduleInputError ? `${error.code} ${error.path}` : 'other';
      }
      return 'none';
    };
    expect(codeOf(() => checkPause({ schedule, existingPauses: [], request: { fromMonth: '2026-03', months: 0 }, today }))).toBe('INVALID_COUNT request.months');
    expect(codeOf(() => checkPause({ schedule, existingPauses: [], request: { fromMonth: '2026-13', months: 1 }, today }))).toBe('INVALID_MONTH request.fromMonth');
    expect(codeOf(() => checkPause({ schedule, existingPauses: [], request: { fromMonth: '2026-03', months: 1 }, today: '2026-02-30' }))).toBe('INVALID_DATE today');
    expect(codeOf(() => checkPause({ schedule, existingPauses: [], request: { fromMonth: '2026-03', months: 1 }, today, incomeDropPercent: 120 }))).toBe(
      'INVALID_PERCENT incomeDropPercent',
    );
    expect(
      codeOf(() => checkPause({ schedule, existingPauses: [], request: { fromMonth: '2026-03', months: 1 }, today, policy: { ...DEFAULT_PAUSE_POLICY, maxPauseMonthsPer12: -1 } })),
    ).toBe('INVALID_POLICY policy');
  });
});

describe('applyPause', () => {
  it('moves the rest of the schedule and nothing else', () => {
    const schedule = twentyMonths();
    const paused = applyPause({ schedule, pause: { fromMonth: '2026-03', months: 2 } });
    expect(paused.instalments.slice(0, 4).map((instalment) => [instalment.number, instalment.month, instalment.dueDate])).toEqual([
      [1, '2026-01', '2026-01-26'],
      [2, '2026-02', '2026-02-26'],
      [3, '2026-05', '2026-05-26'],
      [4, '2026-06', '2026-06-26'],
    ]);
    expect(paused.instalments.at(-1)?.month).toBe('2027-10');
    expect(paused.instalments.map((instalment) => [instalment.amountCents, instalment.payments])).toEqual(
      schedule.instalments.map((instalment) => [instalment.amountCents, instalment.payments]),
    );
    expect(paused.totalCents).toBe(schedule.totalCents);
    expect(scheduleTotal(paused)).toBe(scheduleTotal(schedule));
  });

  it('recomputes due dates with the pay day rule in the new months', () => {
    const schedule = twentyMonths(31);
    expect(schedule.instalments[0]?.dueDate).toBe('2026-02-01');
    const paused = applyPause({ schedule, pause: { fromMonth: '2026-01', months: 1 } });
    expect(paused.instalments.slice(0, 2).map((instalment) => instalment.dueDate)).toEqual(['2026-03-01', '2026-04-01']);
    expect(paused.instalments[0]?.month).toBe('2026-02');
  });

  it('does not change the schedule it is given', () => {
    const schedule = twentyMonths();
    const before = JSON.stringify(schedule);
    applyPause({ schedule, pause: { fromMonth: '2026-03', months: 2 } });
    expect(JSON.stringify(schedule)).toBe(before);
  });

  it('refuses to pause a month without an instalment', () => {
    expect(() => applyPause({ schedule: twentyMonths(), pause: { fromMonth: '2030-01', months: 1 } })).toThrow(ScheduleInputError);
  });

  it('keeps the total and the order for any granted pauses', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ offset: fc.integer({ min: 0, max: 19 }), months: fc.integer({ min: 1, max: 6 }) }), { maxLength: 5 }), (requests) => {
        const original = twentyMonths();
        let schedule = original;
        const pauses: Pause[] = [];
        for (const { offset, months } of requests) {
          const fromMonth = schedule.instalments[offset]?.month ?? addMonths({ month: '2026-01', months: offset });
          const check = checkPause({ schedule, existingPauses: pauses, request: { fromMonth, months }, today: '2026-01-01', incomeDropPercent: 60 });
          if (!check.allowed) continue;
          schedule = applyPause({ schedule, pause: check.pause });
          pauses.push(check.pause);
        }
        expect(scheduleTotal(schedule)).toBe(scheduleTotal(original));
        expect(schedule.instalments.map((instalment) => instalment.number)).toEqual(original.instalments.map((instalment) => instalment.number));
        schedule.instalments.forEach((instalment, index) => {
          const previous = schedule.instalments[index - 1];
          if (previous !== undefined) expect(previous.dueDate < instalment.dueDate).toBe(true);
        });
        const pausedMonths = pauses.reduce((sum, pause) => sum + pause.months, 0);
        expect(schedule.instalments.at(-1)?.month).toBe(addMonths({ month: original.instalments.at(-1)?.month ?? '', months: pausedMonths }));
      }),
      { numRuns: 100 },
    );
  });
});
