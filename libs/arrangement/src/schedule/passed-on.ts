import type { PlanPayment } from '../plan/compute-plan.js';
import type { PaymentStatus } from './missed-payments.js';
import type { Schedule } from './payment-schedule.js';

/**
 * How many instalments, from the first, are paid in full. The plan passes money on to the creditors
 * an instalment at a time, once it is complete: a part payment stays in the plan's account until the
 * rest arrives, so every creditor always receives exactly its share of whole instalments.
 */
export function instalmentsPaidInFull(status: PaymentStatus): number {
  const firstOpen = status.instalments.findIndex((instalment) => instalment.outstandingCents > 0);
  return firstOpen === -1 ? status.instalments.length : firstOpen;
}

/**
 * What the plan passed on to each claim with its first `instalments` instalments (cumulative, in claim
 * id order). Cumulative amounts make a report idempotent: a creditor that hears the same total twice,
 * or an older total late, is not misled.
 */
export function passedOnPerClaim(params: { readonly schedule: Schedule; readonly instalments: number; readonly claimIds?: ReadonlySet<string> }): PlanPayment[] {
  const { schedule, instalments, claimIds } = params;
  if (!Number.isSafeInteger(instalments) || instalments < 0 || instalments > schedule.instalments.length) {
    throw new RangeError(`instalments must be 0..${schedule.instalments.length}: ${instalments}`);
  }
  const totals = new Map<string, number>();
  for (const instalment of schedule.instalments.slice(0, instalments)) {
    for (const payment of instalment.payments) {
      if (claimIds !== undefined && !claimIds.has(payment.claimId)) continue;
      totals.set(payment.claimId, (totals.get(payment.claimId) ?? 0) + payment.amountCents);
    }
  }
  return [...totals.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([claimId, amountCents]) => ({ claimId, amountCents }));
}

/** What the resident paid in for the first `instalments` instalments: what passing them on took from the plan's account. */
export function paidInForInstalments(params: { readonly schedule: Schedule; readonly instalments: number }): number {
  return params.schedule.instalments.slice(0, params.instalments).reduce((sum, instalment) => sum + instalment.amountCents, 0);
}
