import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { computePlan } from '../plan/compute-plan.js';
import { instalmentStates, reminderDates, type FollowUpAction, type ReceivedPayment } from './missed-payments.js';
import { buildSchedule, type Schedule } from './payment-schedule.js';
import { ScheduleInputError } from './schedule-input-error.js';

/** Three instalments of € 100,00, due 26 January, 26 February and 26 March 2026. */
function threeMonths(startsAfter = '2026-01-05', payDay = 25): Schedule {
  const plan = computePlan({ mode: 'repayment', capacityCents: 10_000, claims: [{ id: 'a', creditorId: 'gemeente', amountCents: 30_000, preferential: false }] });
  return buildSchedule({ plan, payDay, startsAfter });
}

function statuses(payments: readonly ReceivedPayment[], today: string): string[] {
  return instalmentStates({ schedule: threeMonths(), payments, today }).instalments.map((state) => state.status);
}

describe('instalmentStates', () => {
  it('tells upcoming, due and missed apart', () => {
    expect(statuses([], '2026-01-20')).toEqual(['upcoming', 'upcoming', 'upcoming']);
    expect(statuses([], '2026-01-26')).toEqual(['due', 'upcoming', 'upcoming']);
    expect(statuses([], '2026-01-27')).toEqual(['missed', 'upcoming', 'upcoming']);
  });

  it('follows a missed instalment with a free reminder, contact and 30 days grace, never cancellation', () => {
    const state = instalmentStates({ schedule: threeMonths(), payments: [], today: '2026-01-27' }).instalments[0];
    expect(state?.actions).toEqual([{ kind: 'reminder', free: true }, { kind: 'contact' }, { kind: 'grace_period', days: 30, endsOn: '2026-02-25' }]);
    expect(state?.steps).toEqual([
      { code: 'INSTALMENT_MISSED', amountCents: 10_000, detail: '2026-01-26' },
      { code: 'GRACE_PERIOD', detail: '2026-02-25' },
    ]);
  });

  it('takes a configured grace period', () => {
    const state = instalmentStates({ schedule: threeMonths(), payments: [], today: '2026-01-27', graceDays: 14 }).instalments[0];
    expect(state?.actions.at(-1)).toEqual({ kind: 'grace_period', days: 14, endsOn: '2026-02-09' });
  });

  it('counts payments towards the oldest instalment first', () => {
    const result = instalmentStates({
      schedule: threeMonths(),
      payments: [
        { date: '2026-01-26', amountCents: 10_000 },
        { date: '2026-02-27', amountCents: 15_000 },
      ],
      today: '2026-02-27',
    });
    expect(result.instalments.map((state) => [state.status, state.paidCents, state.outstandingCents])).toEqual([
      ['paid', 10_000, 0],
      ['paid', 10_000, 0],
      ['partly_paid', 5_000, 5_000],
    ]);
    // Paid in part ahead of its due date: nothing to follow up yet.
    expect(result.instalments[2]?.actions).toEqual([]);
    expect(result.receivedCents).toBe(25_000);
    expect(result.creditCents).toBe(0);
  });

  it('follows up a partly paid instalment once its due date has passed', () => {
    const state = instalmentStates({ schedule: threeMonths(), payments: [{ date: '2026-01-26', amountCents: 4_000 }], today: '2026-02-01' }).instalments[0];
    expect(state).toMatchObject({ status: 'partly_paid', outstandingCents: 6_000 });
    expect(state?.actions.map((action) => action.kind)).toEqual(['reminder', 'contact', 'grace_period']);
    expect(state?.steps[0]).toEqual({ code: 'INSTALMENT_MISSED', amountCents: 6_000, detail: '2026-01-26' });
  });

  it('counts a late payment, and none dated after today', () => {
    expect(statuses([{ date: '2026-02-10', amountCents: 10_000 }], '2026-02-11')).toEqual(['paid', 'upcoming', 'upcoming']);
    expect(statuses([{ date: '2026-02-10', amountCents: 10_000 }], '2026-02-09')).toEqual(['missed', 'upcoming', 'upcoming']);
  });

  it('reports what was paid beyond the schedule', () => {
    const result = instalmentStates({ schedule: threeMonths(), payments: [{ date: '2026-01-10', amountCents: 35_000 }], today: '2026-01-10' });
    expect(result.instalments.every((state) => state.status === 'paid')).toBe(true);
    expect(result.creditCents).toBe(5_000);
  });

  it('never leads to anything but a reminder, contact or grace period', () => {
    const allowed: readonly FollowUpAction['kind'][] = ['reminder', 'contact', 'grace_period'];
    const payment = fc.record({ day: fc.integer({ min: 0, max: 120 }), amountCents: fc.integer({ min: 1, max: 12_000 }) });
    fc.assert(
      fc.property(fc.array(payment, { maxLength: 6 }), fc.integer({ min: 0, max: 150 }), (raw, todayOffset) => {
        const dayAfterStart = (days: number): string => new Date(Date.UTC(2026, 0, 5 + days)).toISOString().slice(0, 10);
        const payments = raw.map(({ day, amountCents }) => ({ date: dayAfterStart(day), amountCents }));
        const result = instalmentStates({ schedule: threeMonths(), payments, today: dayAfterStart(todayOffset) });
        for (const state of result.instalments) {
          expect(state.actions.every((action) => allowed.includes(action.kind))).toBe(true);
          expect(state.paidCents + state.outstandingCents).toBe(state.amountCents);
        }
        const counted = result.instalments.reduce((sum, state) => sum + state.paidCents, 0);
        expect(counted + result.creditCents).toBe(result.receivedCents);
      }),
    );
  });

  it('refuses malformed payments with typed errors', () => {
    for (const amountCents of [0, -100, 12.5]) {
      expect(() => instalmentStates({ schedule: threeMonths(), payments: [{ date: '2026-01-26', amountCents }], today: '2026-02-01' })).toThrow(ScheduleInputError);
    }
    expect(() => instalmentStates({ schedule: threeMonths(), payments: [{ date: '2026-02-30', amountCents: 1 }], today: '2026-03-01' })).toThrow(
      expect.objectContaining({ code: 'INVALID_DATE', path: 'payments[0].date' }),
    );
    expect(() => instalmentStates({ schedule: threeMonths(), payments: [], today: '2026-02-01', graceDays: -1 })).toThrow(ScheduleInputError);
  });
});

describe('reminderDates', () => {
  it('sends a free reminder 5 days before each due date', () => {
    const reminders = reminderDates({ schedule: threeMonths() });
    expect(reminders.map((reminder) => reminder.date)).toEqual(['2026-01-21', '2026-02-21', '2026-03-21']);
    expect(reminders[0]?.step).toEqual({ code: 'INSTALMENT_REMINDER', amountCents: 10_000, detail: '2026-01-26' });
  });

  it('takes another number of days, across month ends', () => {
    const schedule = threeMonths('2026-01-05', 28);
    expect(reminderDates({ schedule, daysBefore: 3 }).map((reminder) => [reminder.dueDate, reminder.date])).toEqual([
      ['2026-01-29', '2026-01-26'],
      ['2026-03-01', '2026-02-26'],
      ['2026-03-29', '2026-03-26'],
    ]);
  });

  it('never reminds before the creditors accepted', () => {
    const reminders = reminderDates({ schedule: threeMonths('2026-01-24') });
    expect(reminders[0]).toMatchObject({ dueDate: '2026-01-26', date: '2026-01-24' });
  });
});
