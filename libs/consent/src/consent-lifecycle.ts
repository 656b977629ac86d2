import { nextState, type Transition, type TransitionTable } from '#contracts';

/** The life of a consent or a mandate, as data: from each state, which event leads where. */
export const ConsentState = {
  GIVEN: 'given',
  WITHDRAWN: 'withdrawn',
  EXPIRED: 'expired',
} as const;
export type ConsentState = (typeof ConsentState)[keyof typeof ConsentState];
export const CONSENT_STATES: readonly ConsentState[] = Object.values(ConsentState);

export const ConsentEvent = {
  /** The resident (or, for a consent, their mandated counsellor) takes it back. */
  WITHDRAW: 'withdraw',
  /** Its validity ran out. */
  EXPIRE: 'expire',
} as const;
export type ConsentEvent = (typeof ConsentEvent)[keyof typeof ConsentEvent];
export const CONSENT_EVENTS: readonly ConsentEvent[] = Object.values(ConsentEvent);

/** Withdrawn and expired are final: a new consent is a new record, so the history stays readable. */
export const CONSENT_TRANSITIONS: TransitionTable<ConsentState, ConsentEvent> = {
  [ConsentState.GIVEN]: {
    [ConsentEvent.WITHDRAW]: ConsentState.WITHDRAWN,
    [ConsentEvent.EXPIRE]: ConsentState.EXPIRED,
  },
  [ConsentState.WITHDRAWN]: {},
  [ConsentState.EXPIRED]: {},
};

export function nextConsentState(from: ConsentState, event: ConsentEvent): Transition<ConsentState, ConsentEvent> {
  return nextState(CONSENT_TRANSITIONS, from, event);
}
