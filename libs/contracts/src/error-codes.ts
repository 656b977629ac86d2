/**
 * Stable error codes that cross process boundaries (GraphQL `extensions.code`, HTTP error bodies).
 * Clients may rely on them; never rename one, only add.
 */
export const ConsentErrorCode = {
  /** No consent token came with a request that discloses data. */
  CONSENT_REQUIRED: 'CONSENT_REQUIRED',
  /** A token came, but it is malformed, badly signed, for another node or another resident. */
  CONSENT_INVALID: 'CONSENT_INVALID',
  /** A well-formed token whose lifetime is over. */
  CONSENT_EXPIRED: 'CONSENT_EXPIRED',
  /** A valid token whose purpose or data categories do not cover what was asked. */
  CONSENT_SCOPE: 'CONSENT_SCOPE',
  /** The coordinator's key set could not be fetched to verify a token. */
  CONSENT_KEYS_UNAVAILABLE: 'CONSENT_KEYS_UNAVAILABLE',
} as const;
export type ConsentErrorCode = (typeof ConsentErrorCode)[keyof typeof ConsentErrorCode];

export const AuthErrorCode = {
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
} as const;
export type AuthErrorCode = (typeof AuthErrorCode)[keyof typeof AuthErrorCode];

export const ClaimErrorCode = {
  CLAIM_NOT_FOUND: 'CLAIM_NOT_FOUND',
  CLAIM_TRANSITION_NOT_ALLOWED: 'CLAIM_TRANSITION_NOT_ALLOWED',
  IMPORT_INVALID: 'IMPORT_INVALID',
  IMPORT_TOO_LARGE: 'IMPORT_TOO_LARGE',
} as const;
export type ClaimErrorCode = (typeof ClaimErrorCode)[keyof typeof ClaimErrorCode];

export const GeneralErrorCode = {
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  INTERNAL: 'INTERNAL',
} as const;
export type GeneralErrorCode = (typeof GeneralErrorCode)[keyof typeof GeneralErrorCode];

export type ErrorCode = ConsentErrorCode | AuthErrorCode | ClaimErrorCode | GeneralErrorCode | LedgerErrorCode | CoordinatorErrorCode | LinkErrorCode | ProposalErrorCode;

/** A node's link endpoint (HTTP error bodies). */
export const LinkErrorCode = {
  /** No link token, or one that is malformed, badly signed, for another node, expired or for another action. */
  LINK_TOKEN_INVALID: 'LINK_TOKEN_INVALID',
  /** The coordinator's key set could not be read to verify the token (try again). */
  LINK_KEYS_UNAVAILABLE: 'LINK_KEYS_UNAVAILABLE',
  /** Too many failed attempts for this pseudonym: try again later. */
  LINK_RATE_LIMITED: 'LINK_RATE_LIMITED',
  /** The check is malformed (not whether it matches: that answer is uniform). */
  LINK_BAD_REQUEST: 'LINK_BAD_REQUEST',
} as const;
export type LinkErrorCode = (typeof LinkErrorCode)[keyof typeof LinkErrorCode];

/** The ledger HTTP API (LEDGER.md): 400 answers carry one of these in `error.code`. */
export const LedgerErrorCode = {
  /** A parameter is missing, not a non-negative integer, or otherwise malformed. */
  LEDGER_BAD_PARAMETER: 'LEDGER_BAD_PARAMETER',
  /** An index or range lies outside the tree (or end ≤ start, or more than 1000 entries). */
  LEDGER_OUT_OF_RANGE: 'LEDGER_OUT_OF_RANGE',
  /** A tree size larger than the ledger is now. */
  LEDGER_SIZE_BEYOND_TREE: 'LEDGER_SIZE_BEYOND_TREE',
  /** No entry the caller may see at that index (or no such entry). */
  LEDGER_ENTRY_NOT_FOUND: 'LEDGER_ENTRY_NOT_FOUND',
} as const;
export type LedgerErrorCode = (typeof LedgerErrorCode)[keyof typeof LedgerErrorCode];

/** The coordinator's GraphQL API: directory, consents, mandates, consent tokens. */
export const CoordinatorErrorCode = {
  CREDITOR_ALREADY_REGISTERED: 'CREDITOR_ALREADY_REGISTERED',
  CREDITOR_REGISTRATION_INVALID: 'CREDITOR_REGISTRATION_INVALID',
  CONSENT_NOT_FOUND: 'CONSENT_NOT_FOUND',
  CONSENT_ALREADY_WITHDRAWN: 'CONSENT_ALREADY_WITHDRAWN',
  CONSENT_ALREADY_EXPIRED: 'CONSENT_ALREADY_EXPIRED',
  CONSENT_UNKNOWN_TEXT_VERSION: 'CONSENT_UNKNOWN_TEXT_VERSION',
  /** No given, unexpired consent covers what a consent token was asked for. */
  CONSENT_NOT_GIVEN: 'CONSENT_NOT_GIVEN',
  MANDATE_NOT_FOUND: 'MANDATE_NOT_FOUND',
  MANDATE_ALREADY_WITHDRAWN: 'MANDATE_ALREADY_WITHDRAWN',
  MANDATE_ALREADY_EXPIRED: 'MANDATE_ALREADY_EXPIRED',
  MANDATE_UNKNOWN_COUNSELLOR: 'MANDATE_UNKNOWN_COUNSELLOR',
  /** A mandate invitation code that is not (or no longer) valid: unknown, used, or expired; which of them is not said. */
  MANDATE_INVITATION_INVALID: 'MANDATE_INVITATION_INVALID',
  /** The counsellor's name for an invitation is empty or not a name. */
  MANDATE_INVITATION_NAME_INVALID: 'MANDATE_INVITATION_NAME_INVALID',
  /** A counsellor has as many open invitations as allowed: wait until some are used or expire. */
  MANDATE_INVITATION_LIMIT: 'MANDATE_INVITATION_LIMIT',
  /** A mandate names its counsellor in exactly one way: counsellorId or invitationCode. */
  MANDATE_COUNSELLOR_REQUIRED: 'MANDATE_COUNSELLOR_REQUIRED',
  /** A counsellor acted for a resident without a mandate from them. */
  MANDATE_REQUIRED: 'MANDATE_REQUIRED',
  /** Linking an account at a creditor that is not in the directory. */
  LINK_UNKNOWN_CREDITOR: 'LINK_UNKNOWN_CREDITOR',
  /** Too many link attempts for this resident or this creditor: try again later. */
  LINK_RATE_LIMITED: 'LINK_RATE_LIMITED',
  /** Unlinking a creditor the resident is not linked to. */
  LINK_NOT_FOUND: 'LINK_NOT_FOUND',
  /** A creditor node did not answer (in time). */
  CREDITOR_UNAVAILABLE: 'CREDITOR_UNAVAILABLE',
} as const;
export type CoordinatorErrorCode = (typeof CoordinatorErrorCode)[keyof typeof CoordinatorErrorCode];

/** The proposal workflow: budgets, plans, deliveries to nodes and the nodes' answers (issue 6). */
export const ProposalErrorCode = {
  /** The budget is not possible (a negative income, an unknown household, a pay day outside 1..31, …); `path` names the field. */
  BUDGET_INVALID: 'BUDGET_INVALID',
  /** No budget was entered yet: the plan needs the capacity it gives. */
  BUDGET_REQUIRED: 'BUDGET_REQUIRED',
  /** A plan needs at least one claim: none of the consented creditors holds one, and none was added by hand. */
  PLAN_NO_CLAIMS: 'PLAN_NO_CLAIMS',
  /** The plan input is not possible (a hand-added claim without an amount, a term out of range, …). */
  PLAN_INVALID: 'PLAN_INVALID',
  /** No proposal with this id for this caller. */
  PROPOSAL_NOT_FOUND: 'PROPOSAL_NOT_FOUND',
  /** The proposal is decided, replaced or withdrawn: nothing more can be decided on it. */
  PROPOSAL_CLOSED: 'PROPOSAL_CLOSED',
  /** This creditor answered this proposal already, differently. */
  PROPOSAL_ALREADY_ANSWERED: 'PROPOSAL_ALREADY_ANSWERED',
  /** A re-plan among the creditors that accepted needs at least one that did. */
  REPLAN_NOT_POSSIBLE: 'REPLAN_NOT_POSSIBLE',
  /** A node's answer is not signed by that node's registered key, or it is not meant for this coordinator. */
  ANSWER_SIGNATURE_INVALID: 'ANSWER_SIGNATURE_INVALID',
  /** A node's answer is malformed (unknown decision, a rejection without reason, …). */
  ANSWER_INVALID: 'ANSWER_INVALID',
  /** The node's own check of its share failed: the share in the proposal is not what the plan gives it. */
  SHARE_MISMATCH: 'SHARE_MISMATCH',
  /** A proposal token that is not valid for this node. */
  PROPOSAL_TOKEN_INVALID: 'PROPOSAL_TOKEN_INVALID',
  /** A payment pause asks for more months than the policy allows in 12 months (the answer says how many would be). */
  PAUSE_TOO_LONG: 'PAUSE_TOO_LONG',
  /** A payment pause that starts in a month already past. */
  PAUSE_IN_PAST: 'PAUSE_IN_PAST',
  /** A payment pause over months already paused. */
  PAUSE_OVERLAPS: 'PAUSE_OVERLAPS',
  /** A payment pause in a month without an instalment. */
  PAUSE_NO_INSTALMENT: 'PAUSE_NO_INSTALMENT',
  /** Only a plan that runs (all creditors accepted) can be paused. */
  PLAN_NOT_RUNNING: 'PLAN_NOT_RUNNING',
  /** A plan runs already: a change is an amended plan (proposeAmendedPlan), not a second plan over the same claims. */
  PLAN_ALREADY_RUNNING: 'PLAN_ALREADY_RUNNING',
  /** The coordinator's key set could not be read, so a proposal could not be checked: retry. */
  PROPOSAL_KEYS_UNAVAILABLE: 'PROPOSAL_KEYS_UNAVAILABLE',
  /** A payment callback whose signature (or timestamp) does not check out with the payment provider's secret. */
  PAYMENT_SIGNATURE_INVALID: 'PAYMENT_SIGNATURE_INVALID',
  /** A payment that is not possible (no amount, a date that does not exist or lies ahead, an unknown payment reference, …). */
  PAYMENT_INVALID: 'PAYMENT_INVALID',
  /** The same payment reference arrived before with another amount or date: the first one stands. */
  PAYMENT_CONFLICT: 'PAYMENT_CONFLICT',
  /** A payment report from a node is not signed by that node's registered key. */
  PAYMENT_REPORT_SIGNATURE_INVALID: 'PAYMENT_REPORT_SIGNATURE_INVALID',
  /** An amended plan needs a budget entered after the plan started (the change it is about). */
  AMENDMENT_NO_CHANGE: 'AMENDMENT_NO_CHANGE',
  /** Only a counter-proposal can be answered as one, and only once. */
  COUNTER_NOT_OPEN: 'COUNTER_NOT_OPEN',
  /** A node could not reach the coordinator to report a payment: nothing was recorded, try again. */
  COORDINATOR_UNAVAILABLE: 'COORDINATOR_UNAVAILABLE',
  /** Meeting the counter-proposal would leave the resident less than the beslagvrije voet, or still not meet its term. */
  COUNTER_NOT_AFFORDABLE: 'COUNTER_NOT_AFFORDABLE',
} as const;
export type ProposalErrorCode = (typeof ProposalErrorCode)[keyof typeof ProposalErrorCode];
