/**
 * What a counsellor should look at first, per client: unread messages that call for action, and an
 * open proposal whose answer date is near. Pure, so the rules are easy to see and to test.
 */
export type Signal = 'missed' | 'rejected' | 'countered' | 'silent' | 'failed' | 'deadline';

const SIGNAL_OF_KIND: ReadonlyMap<string, Signal> = new Map(Object.entries({
  instalment_missed: 'missed',
  grace_ended: 'missed',
  creditor_rejected: 'rejected',
  creditor_countered: 'countered',
  creditor_silent: 'silent',
  delivery_failed: 'failed',
} satisfies Record<string, Signal>));

/** Days before the answer date at which an open proposal becomes a signal. */
export const DEADLINE_NEAR_DAYS = 3;

export interface ClientFacts {
  readonly notifications: readonly { readonly kind: string; readonly read: boolean }[];
  readonly openProposal: { readonly answerBy: string; readonly outcome: string } | undefined;
}

export function signalsOf(facts: ClientFacts, now: Date): Signal[] {
  const signals = new Set<Signal>();
  for (const n of facts.notifications) {
    const signal = SIGNAL_OF_KIND.get(n.kind);
    if (!n.read && signal !== undefined) signals.add(signal);
  }
  const open = facts.openProposal;
  if (open !== undefined && open.outcome === 'WAITING') {
    const daysLeft = (Date.parse(open.answerBy) - now.getTime()) / 86_400_000;
    if (daysLeft <= DEADLINE_NEAR_DAYS) signals.add('deadline');
  }
  return [...signals];
}
