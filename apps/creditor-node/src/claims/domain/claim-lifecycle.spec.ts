import { describe, expect, it } from '@jest/globals';
import {
  CLAIM_EVENTS,
  CLAIM_TRANSITIONS,
  ClaimEvent,
  areAmountsEditable,
  isCollectionPaused,
  nextClaimStatus,
} from './claim-lifecycle.js';
import { CLAIM_STATUSES, ClaimStatus } from './claim-status.js';

describe('claim lifecycle', () => {
  it.each([
    [ClaimStatus.OPEN, ClaimEvent.PROPOSAL_RECEIVED, ClaimStatus.PROPOSED],
    [ClaimStatus.PROPOSED, ClaimEvent.PLAN_STARTED, ClaimStatus.IN_PLAN],
    [ClaimStatus.PROPOSED, ClaimEvent.PROPOSAL_REJECTED, ClaimStatus.OPEN],
    [ClaimStatus.IN_PLAN, ClaimEvent.PAID_IN_FULL, ClaimStatus.PAID],
    [ClaimStatus.IN_PLAN, ClaimEvent.SETTLEMENT_COMPLETED, ClaimStatus.SETTLED],
    [ClaimStatus.OPEN, ClaimEvent.DISPUTE_RAISED, ClaimStatus.DISPUTED],
    [ClaimStatus.DISPUTED, ClaimEvent.DISPUTE_RESOLVED, ClaimStatus.OPEN],
  ])('moves %s on %s to %s', (from, event, to) => {
    expect(nextClaimStatus(from, event)).toEqual({ ok: true, to });
  });

  it.each([
    [ClaimStatus.OPEN, ClaimEvent.PLAN_STARTED],
    [ClaimStatus.OPEN, ClaimEvent.SETTLEMENT_COMPLETED],
    [ClaimStatus.IN_PLAN, ClaimEvent.PROPOSAL_RECEIVED],
    [ClaimStatus.DISPUTED, ClaimEvent.PLAN_STARTED],
  ])('refuses %s on %s', (from, event) => {
    expect(nextClaimStatus(from, event)).toEqual({ ok: false, from, event });
  });

  it('keeps paid and settled final: no event leads out of them', () => {
    for (const event of CLAIM_EVENTS) {
      expect(nextClaimStatus(ClaimStatus.PAID, event).ok).toBe(false);
      expect(nextClaimStatus(ClaimStatus.SETTLED, event).ok).toBe(false);
    }
  });

  it('can reach every status from open', () => {
    const reached = new Set<ClaimStatus>([ClaimStatus.OPEN]);
    let grew = true;
    while (grew) {
      grew = false;
      for (const from of [...reached]) {
        for (const to of Object.values(CLAIM_TRANSITIONS[from])) {
          if (!reached.has(to)) {
            reached.add(to);
            grew = true;
          }
        }
      }
    }
    expect([...reached].sort()).toEqual([...CLAIM_STATUSES].sort());
  });

  it('pauses collection exactly while a claim is proposed, in a plan or disputed', () => {
    const paused = CLAIM_STATUSES.filter(isCollectionPaused).sort();
    expect(paused).toEqual([ClaimStatus.DISPUTED, ClaimStatus.IN_PLAN, ClaimStatus.PROPOSED].sort());
  });

  it('lets an import change amounts only before a plan is proposed', () => {
    expect(CLAIM_STATUSES.filter(areAmountsEditable).sort()).toEqual([ClaimStatus.DISPUTED, ClaimStatus.OPEN]);
  });
});
