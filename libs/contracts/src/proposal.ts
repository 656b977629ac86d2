/**
 * The proposal workflow between the coordinator and the creditor nodes (issue 6). The coordinator
 * delivers to each node only what that node needs to check its own share (a proposal token it signs,
 * aud = that node, sub = the node's pseudonym for the resident); the node answers with an answer token
 * signed by its own key. Both are JWTs with their own `typ`, so neither is ever taken for another.
 */
import type { CreditorShareDisclosure } from '#arrangement';

export const PROPOSAL_TOKEN_TYPE = 'plan-proposal+jwt';
export const PROPOSAL_ANSWER_TOKEN_TYPE = 'proposal-answer+jwt';

/** Signed afresh at every delivery attempt, so a short life costs nothing. */
export const MAX_PROPOSAL_TOKEN_LIFETIME_SECONDS = 300;
/** Signed afresh at every delivery attempt too; the answer id (jti) stays the same. */
export const MAX_PROPOSAL_ANSWER_TOKEN_LIFETIME_SECONDS = 300;

/** The node's endpoint for proposals, relative to its origin. */
export const NODE_PROPOSALS_PATH = '/proposals/v1';
/**
 * The node's endpoint for several proposals at once (`{ "proposals": [<token>, …] }`, answered with one
 * receipt each, in order): the coordinator's worker sends what queued up for a node in one request.
 */
export const NODE_PROPOSAL_BATCH_PATH = '/proposals/v1/batch';
export const MAX_PROPOSALS_PER_BATCH = 50;
/** The coordinator's endpoint for the nodes' answers, relative to its origin. */
export const COORDINATOR_PROPOSAL_ANSWERS_PATH = '/proposals/v1/answers';

export const ProposalDecision = {
  ACCEPT: 'accept',
  REJECT: 'reject',
  /** The creditor would agree on other terms; the counsellor (or resident) can answer it. */
  COUNTER: 'counter',
} as const;
export type ProposalDecision = (typeof ProposalDecision)[keyof typeof ProposalDecision];
export const PROPOSAL_DECISIONS: readonly ProposalDecision[] = Object.values(ProposalDecision);

/** Why a creditor rejects, as a stable code; the text beside it is the creditor's own words. */
export const RejectionReason = {
  /** The node's own check found its share is not what the plan gives it. */
  SHARE_MISMATCH: 'SHARE_MISMATCH',
  /** The proposal names a claim the node does not hold (any more) for this resident. */
  CLAIM_UNKNOWN: 'CLAIM_UNKNOWN',
  /** The monthly amount is too low for this creditor's policy. */
  AMOUNT_TOO_LOW: 'AMOUNT_TOO_LOW',
  /** The plan runs longer than this creditor's policy allows. */
  TERM_TOO_LONG: 'TERM_TOO_LONG',
  /** The creditor doubts the budget (income or costs) the plan rests on. */
  BUDGET_DOUBTED: 'BUDGET_DOUBTED',
  /** The creditor's own policy or law prevents it (e.g. a claim from a fraud decision). */
  POLICY: 'POLICY',
  OTHER: 'OTHER',
} as const;
export type RejectionReason = (typeof RejectionReason)[keyof typeof RejectionReason];
export const REJECTION_REASONS: readonly RejectionReason[] = Object.values(RejectionReason);

/** What one node receives: the proposal as far as it concerns this creditor. */
export interface NodeProposal {
  readonly proposalId: string;
  /** The node's pseudonym for the resident: also the token's subject. */
  readonly pseudonym: string;
  /** RFC 3339. After it, silence is recorded as "no answer" and the counsellor decides what next. */
  readonly answerBy: string;
  /** The earlier proposal this one replaces (a re-plan, an amended plan), if any. */
  readonly replaces?: string;
  /** The plan-wide figures and this creditor's own entries with their proofs: enough to check its share. */
  readonly share: CreditorShareDisclosure;
  /**
   * An amended plan (a change of income or household) over what is still owed under a running plan:
   * that plan, and what it passed on to each of this creditor's claims so far. The node records those
   * amounts first and checks the new share against what is left.
   */
  readonly amends?: PlanAmendment;
}

/** What an amended proposal says about the running plan it amends. */
export interface PlanAmendment {
  readonly proposalId: string;
  readonly paid: readonly ClaimPaidToDate[];
}

/** What a plan passed on to one claim so far, in cents: cumulative, so a repeat or a late report is harmless. */
export interface ClaimPaidToDate {
  /** The global claim id (`<creditorId>:<reference>`). */
  readonly claimId: string;
  readonly paidCents: number;
}

/** What a creditor offers instead (a counter-proposal). */
export interface CounterOffer {
  /** The monthly amount for this creditor's claims it would accept, in cents. */
  readonly monthlyCents: number;
  /** The longest term it would accept, in months. */
  readonly termMonths?: number;
}

/** A node's answer to one proposal. */
export interface ProposalAnswer {
  readonly proposalId: string;
  readonly decision: ProposalDecision;
  /** Required for a rejection. */
  readonly reasonCode?: RejectionReason;
  /** The creditor's explanation in its own words, at most 1,000 characters. */
  readonly reasonText?: string;
  /** Required for a counter-proposal. */
  readonly counter?: CounterOffer;
  /** Who decided: 'policy' for an automatic decision, else the staff member's id at the node. */
  readonly decidedBy: string;
}

/** JWT `typ` of what the coordinator tells a node about a proposal after the answers (it started, or it was withdrawn). */
export const PLAN_EVENT_TOKEN_TYPE = 'plan-event+jwt';
/** The node's endpoint for those events, relative to its origin. */
export const NODE_PLAN_EVENTS_PATH = '/proposals/v1/events';

export const PlanEventKind = {
  /** Every creditor accepted: the plan runs, the claims are in it. */
  STARTED: 'started',
  /** The proposal will not start (a re-plan without this creditor, a forced settlement): collection may resume. */
  WITHDRAWN: 'withdrawn',
  /** The plan passed money on to this creditor's claims: what each received so far (cumulative). */
  PAYMENTS: 'payments',
  /** The resident (or counsellor) declined this creditor's counter-proposal: it may decide again. */
  COUNTER_DECLINED: 'counter_declined',
} as const;
export type PlanEventKind = (typeof PlanEventKind)[keyof typeof PlanEventKind];

export interface NodePlanEvent {
  readonly proposalId: string;
  readonly pseudonym: string;
  readonly kind: PlanEventKind;
  /** STARTED: the first due date (YYYY-MM-DD), the day after the resident's first pay day after acceptance. */
  readonly firstDueDate?: string;
  /** PAYMENTS: how many instalments were paid in full and passed on, and what each claim received so far. */
  readonly paid?: {
    readonly instalments: number;
    /** The plan's last instalment is paid: what is left of a claim after it is forgiven (settlement). */
    readonly final: boolean;
    readonly claims: readonly ClaimPaidToDate[];
  };
  /** COUNTER_DECLINED: why, in the resident's or counsellor's words (at most 1,000 characters). */
  readonly note?: string;
}

/** JWT `typ` of a payment a node reports it received directly from the resident, for a running plan. */
export const PAYMENT_REPORT_TOKEN_TYPE = 'payment-report+jwt';
/** The coordinator's endpoint for those reports, relative to its origin. */
export const COORDINATOR_PAYMENT_REPORTS_PATH = '/proposals/v1/payments';

/** A payment a creditor received for the plan outside the plan's account (the resident paid it directly). */
export interface NodePaymentReport {
  readonly proposalId: string;
  /** The creditor's own reference for the payment: the same reference twice is one payment. */
  readonly reference: string;
  readonly amountCents: number;
  /** YYYY-MM-DD */
  readonly receivedOn: string;
}
