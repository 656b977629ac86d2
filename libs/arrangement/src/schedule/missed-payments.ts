import type { ExplanationStep } from '../explain/explanation-step.js';
import { addDays, compareDates, parseDate } from './calendar-date.js';
import type { Schedule } from './payment-schedule.js';
import { ScheduleInputError } from './schedule-input-error.js';

/** A payment the resident made into the plan. */
export interface ReceivedPayment {
  /** 'YYYY-MM-DD': the day it was received. */
  readonly date: string;
  readonly amountCents: number;
}

export type InstalmentStatus = 'paid' | 'partly_paid' | 'missed' | 'due' | 'upcoming';

/**
 * What follows a missed instalment (RULES.md §3): a free reminder, personal contact and a grace
 * period. There is deliberately no cancel action: a missed instalment never ends the arrangement.
 */
export type FollowUpAction =
  | { readonly kind: 'reminder'; readonly free: true }
  | { readonly kind: 'contact' }
  | { readonly kind: 'grace_period'; readonly days: number; readonly endsOn: string };

export interface InstalmentState {
  readonly number: number;
  readonly dueDate: string;
  readonly amountCents: number;
  /** Received and counted towards this instalment (oldest instalment first). */
  readonly paidCents: number;
  readonly outstandingCents: number;
  readonly status: InstalmentStatus;
  /** Empty unless the due date has passed with something still outstanding. */
  readonly actions: readonly FollowUpAction[];
  readonly steps: readonly ExplanationStep[];
}

export interface PaymentStatus {
  readonly instalments: readonly InstalmentState[];
  readonly receivedCents: number;
  /** Received beyond every instalment; reported so it is refunded or counted, never silently kept. */
  readonly creditCents: number;
}

export const DEFAULT_GRACE_DAYS = 30;
export const DEFAULT_REMINDER_DAYS_BEFORE = 5;

function validateDays(days: number, path: string): void {
  if (!Number.isSafeInteger(days) || days < 0) throw new ScheduleInputError('INVALID_COUNT', `${path} must be a whole number ≥ 0: ${days}`, path);
}

function statusOf(params: { readonly paid: number; readonly amount: number; readonly dueDate: string; readonly today: string }): InstalmentStatus {
  const { paid, amount, dueDate, today } = params;
  if (paid >= amount) return 'paid';
  if (paid > 0) return 'partly_paid';
  const order = compareDates(today, dueDate);
  return order < 0 ? 'upcoming' : order === 0 ? 'due' : 'missed';
}

/**
 * The state of every instalment on `today`. Payments are not tied to a particular instalment: what
 * was received up to today pays the oldest instalments first, which is what a resident catching up
 * expects. A payment dated after today is not counted yet.
 */
export function instalmentStates(params: {
  readonly schedule: Schedule;
  readonly payments: readonly ReceivedPayment[];
  readonly today: string;
  readonly graceDays?: number;
}): PaymentStatus {
  const { schedule, payments, today } = params;
  const graceDays = params.graceDays ?? DEFAULT_GRACE_DAYS;
  validateDays(graceDays, 'graceDays');
  parseDate({ date: today, path: 'today' });
  payments.forEach((payment, index) => {
    parseDate({ date: payment.date, path: `payments[${index}].date` });
    if (!Number.isSafeInteger(payment.amountCents) || payment.amountCents <= 0) {
      throw new ScheduleInputError('INVALID_AMOUNT', `a payment is a whole number of cents > 0: ${payment.amountCents}`, `payments[${index}].amountCents`);
    }
  });

  const receivedCents = payments.filter((payment) => compareDates(payment.date, today) <= 0).reduce((sum, payment) => sum + payment.amountCents, 0);
  let unallocated = receivedCents;
  const instalments = schedule.instalments.map((instalment): InstalmentState => {
    const paidCents = Math.min(unallocated, instalment.amountCents);
    unallocated -= paidCents;
    const outstandingCents = instalment.amountCents - paidCents;
    const status = statusOf({ paid: paidCents, amount: instalment.amountCents, dueDate: instalment.dueDate, today });
    const overdue = outstandingCents > 0 && compareDates(today, instalment.dueDate) > 0;
    const endsOn = addDays({ date: instalment.dueDate, days: graceDays });
    return {
      number: instalment.number,
      dueDate: instalment.dueDate,
      amountCents: instalment.amountCents,
      paidCents,
      outstandingCents,
      status,
      // A partly paid instalment past its due date gets the same kind follow-up as a missed one.
      actions: overdue ? [{ kind: 'reminder', free: true }, { kind: 'contact' }, { kind: 'grace_period', days: graceDays, endsOn }] : [],
      steps: overdue
        ? [
            { code: 'INSTALMENT_MISSED', amountCents: outstandingCents, detail: instalment.dueDate },
            { code: 'GRACE_PERIOD', detail: endsOn },
          ]
        : [],
    };
  });
  return { instalments, receivedCents, creditCents: unallocated };
}

export interface ReminderDate {
  readonly number: number;
  /** 'YYYY-MM-DD': when to send the free reminder. */
  readonly date: string;
  readonly dueDate: string;
  readonly amountCents: number;
  readonly step: ExplanationStep;
}

/**
 * A free reminder (kosteloze herinnering) `daysBefore` days before each due date, so the resident can
 * make sure the money is there. Never before the day the creditors accepted: there was no plan yet.
 * Lists every instalment; the sender skips those instalmentStates reports as paid.
 */
export function reminderDates(params: { readonly schedule: Schedule; readonly daysBefore?: number }): ReminderDate[] {
  const { schedule } = params;
  const daysBefore = params.daysBefore ?? DEFAULT_REMINDER_DAYS_BEFORE;
  validateDays(daysBefore, 'daysBefore');
  return schedule.instalments.map((instalment) => {
    const early = addDays({ date: instalment.dueDate, days: -daysBefore });
    return {
      number: instalment.number,
      date: compareDates(early, schedule.startsAfter) < 0 ? schedule.startsAfter : early,
      dueDate: instalment.dueDate,
      amountCents: instalment.amountCents,
      step: { code: 'INSTALMENT_REMINDER', amountCents: instalment.amountCents, detail: instalment.dueDate },
    };
  });
}
