import { nextState, type Transition, type TransitionTable } from '#contracts';
import { ClaimStatus } from './claim-status.js';

/** Why a claim moves; recorded with every transition. */
export const ClaimEvent = {
  PROPOSAL_RECEIVED: 'proposal_received',
  PROPOSAL_WITHDRAWN: 'proposal_withdrawn',
  PROPOSAL_REJECTED: 'proposal_rejected',
  PLAN_STARTED: 'plan_started',
  PLAN_ENDED_EARLY: 'plan_ended_early',
  PAID_IN_FULL: 'paid_in_full',
  SETTLEMENT_COMPLETED: 'settlement_completed',
  DISPUTE_RAISED: 'dispute_raised',
  DISPUTE_RESOLVED: 'dispute_resolved',
} as const;
export type ClaimEvent = (typeof ClaimEvent)[keyof typeof ClaimEvent];
export const CLAIM_EVENTS: readonly ClaimEvent[] = Object.values(ClaimEvent);

/**
 * The claim lifecycle as data: from each status, which event leads where. Anything not listed is
 * refused. Paid and settled are final. A claim in a proposal or a plan has collection paused.
 */
export const CLAIM_TRANSITIONS: TransitionTable<ClaimStatus, ClaimEvent> = {
  [ClaimStatus.OPEN]: {
    [ClaimEvent.PROPOSAL_RECEIVED]: ClaimStatus.PROPOSED,
    [ClaimEvent.PAID_IN_FULL]: ClaimStatus.PAID,
    [ClaimEvent.DISPUTE_RAISED]: ClaimStatus.DISPUTED,
  },
  [ClaimStatus.PROPOSED]: {
    [ClaimEvent.PLAN_STARTED]: ClaimStatus.IN_PLAN,
    [ClaimEvent.PROPOSAL_WITHDRAWN]: ClaimStatus.OPEN,
    [ClaimEvent.PROPOSAL_REJECTED]: ClaimStatus.OPEN,
    [ClaimEvent.DISPUTE_RAISED]: ClaimStatus.DISPUTED,
  },
  [ClaimStatus.IN_PLAN]: {
    [ClaimEvent.PAID_IN_FULL]: ClaimStatus.PAID,
    [ClaimEvent.SETTLEMENT_COMPLETED]: ClaimStatus.SETTLED,
    [ClaimEvent.PLAN_ENDED_EARLY]: ClaimStatus.OPEN,
  },
  [ClaimStatus.DISPUTED]: {
    [ClaimEvent.DISPUTE_RESOLVED]: ClaimStatus.OPEN,
  },
  [ClaimStatus.PAID]: {},
  [ClaimStatus.SETTLED]: {},
};

/** The status a claim moves to on an event, or why it cannot. */
export function nextClaimStatus(from: ClaimStatus, event: ClaimEvent): Transition<ClaimStatus, ClaimEvent> {
  return nextState(CLAIM_TRANSITIONS, from, event);
}

/** Whether the creditor must hold off collection measures (reminders, costs, writs) on the claim. */
export function isCollectionPaused(status: ClaimStatus): boolean {
  switch (status) {
    case ClaimStatus.PROPOSED:
    case ClaimStatus.IN_PLAN:
    case ClaimStatus.DISPUTED:
      return true;
    case ClaimStatus.OPEN:
    case ClaimStatus.PAID:
    case ClaimStatus.SETTLED:
      return false;
  }
}

/** Whether an import may still change the claim's amounts: not once a plan was proposed on them. */
export function areAmountsEditable(status: ClaimStatus): boolean {
  return status === ClaimStatus.OPEN || status === ClaimStatus.DISPUTED;
}
