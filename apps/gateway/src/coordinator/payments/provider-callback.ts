/** What the payment provider posts when a payment's status changes (the local simulated provider posts the same). */
export interface ProviderCallback {
  /** The provider's payment id: the same id twice is one payment. */
  readonly id: string;
  /** The plan's payment reference (betalingskenmerk) the resident paid with. */
  readonly reference: string;
  readonly amountCents: number;
  /** YYYY-MM-DD: the day the money arrived. */
  readonly receivedOn: string;
  readonly status: 'paid' | 'pending' | 'failed';
}

const STATUSES = ['paid', 'pending', 'failed'] as const;

/** Checks the callback as data (it crosses the network); never throws. */
export function readProviderCallback(rawBody: string): { readonly ok: true; readonly value: ProviderCallback } | { readonly ok: false; readonly reason: string } {
  let value: Partial<ProviderCallback> | null;
  try {
    value = JSON.parse(rawBody) as Partial<ProviderCallback> | null;
  } catch {
    return { ok: false, reason: 'The callback is not JSON.' };
  }
  if (typeof value !== 'object' || value === null) return { ok: false, reason: 'The callback is not an object.' };
  if (typeof value.id !== 'string' || value.id.length === 0 || value.id.length > 100) return { ok: false, reason: 'The callback has no payment id.' };
  if (typeof value.reference !== 'string' || value.reference.length === 0 || value.reference.length > 64) return { ok: false, reason: 'The callback has no payment reference.' };
  if (!Number.isSafeInteger(value.amountCents) || (value.amountCents ?? 0) <= 0) return { ok: false, reason: 'The amount must be more than zero, in whole cents.' };
  if (typeof value.receivedOn !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value.receivedOn)) return { ok: false, reason: 'The date received must be YYYY-MM-DD.' };
  if (!(STATUSES as readonly unknown[]).includes(value.status)) return { ok: false, reason: `The status must be one of ${STATUSES.join(', ')}.` };
  return { ok: true, value: value as ProviderCallback };
}
