import { ProposalDecision, RejectionReason, type ProposalAnswer } from '#contracts';
import type { ShareVerification } from '#arrangement';

/** How a creditor decides on proposals whose share checks out (ACCEPTANCE_POLICY). */
export const ACCEPTANCE_POLICIES = ['automatic', 'staff'] as const;
export type AcceptancePolicy = (typeof ACCEPTANCE_POLICIES)[number];

/** What the node does with a proposal it received: answer at once, or wait for staff. */
export type PolicyOutcome =
  | { readonly kind: 'answer'; readonly answer: Omit<ProposalAnswer, 'proposalId'> }
  | { readonly kind: 'await_staff' };

/** The actor recorded for a decision no person made. */
export const POLICY_ACTOR = 'policy';

/**
 * The creditor's acceptance policy as a pure function. A proposal whose share does not check out,
 * or that names a claim this node cannot put in a plan, is rejected whatever the policy says: no
 * creditor should have to accept a share it cannot verify. Otherwise 'automatic' accepts (the engine
 * made the plan by the rules, and the node just checked its own part of it) and 'staff' waits.
 */
export function applyAcceptancePolicy(params: {
  readonly policy: AcceptancePolicy;
  readonly shareCheck: ShareVerification;
  /** References in the proposal the node does not hold for this resident, or not as open claims. */
  readonly unusableClaims: readonly string[];
}): PolicyOutcome {
  if (params.unusableClaims.length > 0) {
    return {
      kind: 'answer',
      answer: {
        decision: ProposalDecision.REJECT,
        reasonCode: RejectionReason.CLAIM_UNKNOWN,
        reasonText: `Not open for a plan here: ${params.unusableClaims.join(', ')}.`,
        decidedBy: POLICY_ACTOR,
      },
    };
  }
  if (!params.shareCheck.ok) {
    const reasons = params.shareCheck.problems.map((p) => `${p.code}: ${p.message}`).join(' ');
    return {
      kind: 'answer',
      answer: { decision: ProposalDecision.REJECT, reasonCode: RejectionReason.SHARE_MISMATCH, reasonText: reasons.slice(0, 1000), decidedBy: POLICY_ACTOR },
    };
  }
  if (params.policy === 'automatic') return { kind: 'answer', answer: { decision: ProposalDecision.ACCEPT, decidedBy: POLICY_ACTOR } };
  return { kind: 'await_staff' };
}
