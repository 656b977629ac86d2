import { SignJWT, errors, jwtVerify, type CryptoKey, type JWTPayload, type JWTVerifyGetKey, type KeyObject } from 'jose';
import {
  MAX_PROPOSAL_ANSWER_TOKEN_LIFETIME_SECONDS,
  MAX_PROPOSAL_TOKEN_LIFETIME_SECONDS,
  PROPOSAL_ANSWER_TOKEN_TYPE,
  PROPOSAL_DECISIONS,
  PROPOSAL_TOKEN_TYPE,
  PAYMENT_REPORT_TOKEN_TYPE,
  PLAN_EVENT_TOKEN_TYPE,
  PlanEventKind,
  ProposalDecision,
  ProposalErrorCode,
  REJECTION_REASONS,
  type ClaimPaidToDate,
  type NodePaymentReport,
  type NodePlanEvent,
  type NodeProposal,
  type ProposalAnswer,
} from '#contracts';
import { signCoordinatorJwt } from './coordinator-jwt.js';

type SigningKey = CryptoKey | KeyObject | Uint8Array;
const ALGORITHMS = ['EdDSA', 'Ed25519'];
const MAX_REASON_TEXT = 1_000;

/** The coordinator signs a proposal for one node: aud = that node, sub = its pseudonym for the resident. */
export function issueProposalToken(params: {
  readonly issuer: string;
  readonly audience: string;
  readonly proposal: NodeProposal;
  readonly tokenId: string;
  readonly issuedAt: Date;
  readonly lifetimeSeconds: number;
  readonly privateKey: SigningKey;
  readonly keyId: string;
}): Promise<string> {
  if (params.lifetimeSeconds <= 0 || params.lifetimeSeconds > MAX_PROPOSAL_TOKEN_LIFETIME_SECONDS) {
    throw new RangeError(`Proposal token lifetime must be 1..${MAX_PROPOSAL_TOKEN_LIFETIME_SECONDS} s`);
  }
  const { proposal, ...common } = params;
  return signCoordinatorJwt({ ...common, type: PROPOSAL_TOKEN_TYPE, subject: proposal.pseudonym, claims: { proposal: { ...proposal } } });
}

export type TokenCheck<T> = { readonly ok: true; readonly value: T; readonly tokenId: string } | { readonly ok: false; readonly code: ProposalErrorCode; readonly reason: string };

async function verified(params: {
  readonly token: string | undefined;
  readonly keys: JWTVerifyGetKey;
  readonly type: string;
  readonly issuer: string;
  readonly audience: string;
  readonly maxLifetimeSeconds: number;
  readonly now: Date;
  readonly invalid: ProposalErrorCode;
}): Promise<{ readonly ok: true; readonly payload: JWTPayload } | { readonly ok: false; readonly code: ProposalErrorCode; readonly reason: string }> {
  if (params.token === undefined || params.token === '') return { ok: false, code: params.invalid, reason: 'No token was sent.' };
  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(params.token, params.keys, {
      issuer: params.issuer,
      audience: params.audience,
      algorithms: ALGORITHMS,
      typ: params.type,
      requiredClaims: ['sub', 'jti', 'iat', 'exp'],
      currentDate: params.now,
      clockTolerance: 5,
    }));
  } catch (error) {
    if (error instanceof errors.JOSEError && !(error instanceof errors.JWKSTimeout)) {
      return { ok: false, code: params.invalid, reason: `The token is not valid (${error.code}).` };
    }
    return { ok: false, code: ProposalErrorCode.PROPOSAL_KEYS_UNAVAILABLE, reason: 'The signing keys could not be read.' };
  }
  const { aud, iat, exp } = payload;
  if (aud !== params.audience) return { ok: false, code: params.invalid, reason: 'The token is meant for more than one party.' };
  if (typeof iat !== 'number' || typeof exp !== 'number' || exp - iat > params.maxLifetimeSeconds) {
    return { ok: false, code: params.invalid, reason: 'The token lives longer than allowed.' };
  }
  return { ok: true, payload };
}

/**
 * A node's check of a proposal token: the coordinator's key, this node as the only audience, minutes
 * of life, and a subject equal to the proposal's pseudonym. The proposal's content (the share) is checked
 * by the node itself afterwards. Never throws for a bad token.
 */
export async function verifyProposalToken(params: {
  readonly token: string | undefined;
  readonly issuer: string;
  readonly audience: string;
  readonly keys: JWTVerifyGetKey;
  readonly now: Date;
}): Promise<TokenCheck<NodeProposal>> {
  const result = await verified({ ...params, type: PROPOSAL_TOKEN_TYPE, maxLifetimeSeconds: MAX_PROPOSAL_TOKEN_LIFETIME_SECONDS, invalid: ProposalErrorCode.PROPOSAL_TOKEN_INVALID });
  if (!result.ok) return result;
  const proposal = (result.payload as { proposal?: unknown }).proposal as Partial<NodeProposal> | undefined;
  const bad = (reason: string): TokenCheck<NodeProposal> => ({ ok: false, code: ProposalErrorCode.PROPOSAL_TOKEN_INVALID, reason });
  if (typeof proposal !== 'object' || proposal === null) return bad('The token carries no proposal.');
  if (typeof proposal.proposalId !== 'string' || !UUID.test(proposal.proposalId)) return bad('The proposal has no valid id.');
  if (proposal.pseudonym !== result.payload.sub) return bad("The proposal's pseudonym is not the token's subject.");
  if (typeof proposal.answerBy !== 'string' || Number.isNaN(Date.parse(proposal.answerBy))) return bad('The proposal has no valid answer date.');
  if (proposal.replaces !== undefined && (typeof proposal.replaces !== 'string' || !UUID.test(proposal.replaces))) return bad('The replaced proposal id is not valid.');
  if (proposal.amends !== undefined) {
    const amends = proposal.amends as Partial<NodeProposal['amends']> | null;
    if (typeof amends !== 'object' || amends === null || typeof amends.proposalId !== 'string' || !UUID.test(amends.proposalId)) return bad('The amended plan is not named.');
    if (!paidToDateList(amends.paid)) return bad('What the amended plan passed on is not a list of claims with whole cents.');
  }
  if (typeof proposal.share !== 'object' || proposal.share === null) return bad('The proposal carries no share.');
  if (proposal.share.creditorId !== params.audience) return bad('The share is for another creditor.');
  return { ok: true, value: proposal as NodeProposal, tokenId: String(result.payload.jti) };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function paidToDateList(value: unknown): value is readonly ClaimPaidToDate[] {
  return (
    Array.isArray(value) &&
    value.length <= 1_000 &&
    value.every((entry: Partial<ClaimPaidToDate> | null) => typeof entry === 'object' && entry !== null && typeof entry.claimId === 'string' && Number.isSafeInteger(entry.paidCents) && (entry.paidCents ?? -1) >= 0)
  );
}

/** Checks an answer as data (it crosses the network): a decision, and what that decision requires. */
export function readProposalAnswer(value: unknown): { readonly ok: true; readonly answer: ProposalAnswer } | { readonly ok: false; readonly reason: string } {
  const answer = value as Partial<ProposalAnswer> | null;
  if (typeof answer !== 'object' || answer === null) return { ok: false, reason: 'The answer is not an object.' };
  if (typeof answer.proposalId !== 'string' || !UUID.test(answer.proposalId)) return { ok: false, reason: 'The answer names no valid proposal id.' };
  if (!(PROPOSAL_DECISIONS as readonly unknown[]).includes(answer.decision)) return { ok: false, reason: `The decision must be one of ${PROPOSAL_DECISIONS.join(', ')}.` };
  if (typeof answer.decidedBy !== 'string' || answer.decidedBy.length === 0 || answer.decidedBy.length > 200) return { ok: false, reason: 'The answer does not say who decided.' };
  if (answer.reasonText !== undefined && (typeof answer.reasonText !== 'string' || answer.reasonText.length > MAX_REASON_TEXT)) {
    return { ok: false, reason: `The reason text must be text of at most ${MAX_REASON_TEXT} characters.` };
  }
  if (answer.reasonCode !== undefined && !(REJECTION_REASONS as readonly unknown[]).includes(answer.reasonCode)) {
    return { ok: false, reason: `The reason code must be one of ${REJECTION_REASONS.join(', ')}.` };
  }
  if (answer.decision === ProposalDecision.REJECT && answer.reasonCode === undefined) return { ok: false, reason: 'A rejection needs a reason code.' };
  if (answer.decision === ProposalDecision.COUNTER) {
    const counter = answer.counter;
    if (typeof counter !== 'object' || counter === null || !Number.isSafeInteger(counter.monthlyCents) || counter.monthlyCents < 0) {
      return { ok: false, reason: 'A counter-proposal needs the monthly amount in whole cents.' };
    }
    if (counter.termMonths !== undefined && (!Number.isSafeInteger(counter.termMonths) || counter.termMonths < 1 || counter.termMonths > 600)) {
      return { ok: false, reason: 'The term of a counter-proposal must be 1..600 months.' };
    }
  } else if (answer.counter !== undefined) {
    return { ok: false, reason: 'Only a counter-proposal carries a counter offer.' };
  }
  return { ok: true, answer: answer as ProposalAnswer };
}

/** A node signs its answer with its own key: iss = its creditor id, aud = the coordinator, jti = the answer's id. */
export function signProposalAnswer(params: {
  readonly creditorId: string;
  readonly audience: string;
  readonly pseudonym: string;
  readonly answer: ProposalAnswer;
  readonly answerId: string;
  readonly issuedAt: Date;
  readonly privateKey: SigningKey;
  readonly keyId: string;
}): Promise<string> {
  return signNodeJwt({ ...params, type: PROPOSAL_ANSWER_TOKEN_TYPE, tokenId: params.answerId, claims: { answer: { ...params.answer } } });
}

/** What a node signs with its own key: iss = its creditor id, aud = the coordinator, sub = its pseudonym for the resident. */
function signNodeJwt(params: {
  readonly type: string;
  readonly claims: Record<string, unknown>;
  readonly creditorId: string;
  readonly audience: string;
  readonly pseudonym: string;
  readonly tokenId: string;
  readonly issuedAt: Date;
  readonly privateKey: SigningKey;
  readonly keyId: string;
}): Promise<string> {
  const iat = Math.floor(params.issuedAt.getTime() / 1000);
  return new SignJWT(params.claims)
    .setProtectedHeader({ alg: 'EdDSA', typ: params.type, kid: params.keyId })
    .setIssuer(params.creditorId)
    .setAudience(params.audience)
    .setSubject(params.pseudonym)
    .setJti(params.tokenId)
    .setIssuedAt(iat)
    .setExpirationTime(iat + MAX_PROPOSAL_ANSWER_TOKEN_LIFETIME_SECONDS)
    .sign(params.privateKey);
}

/** The coordinator's check of an answer against the keys registered for the creditor it claims to be from. */
export async function verifyProposalAnswer(params: {
  readonly token: string | undefined;
  readonly creditorId: string;
  readonly audience: string;
  readonly keys: JWTVerifyGetKey;
  readonly now: Date;
}): Promise<TokenCheck<ProposalAnswer & { readonly pseudonym: string }>> {
  const result = await verified({
    token: params.token,
    keys: params.keys,
    type: PROPOSAL_ANSWER_TOKEN_TYPE,
    issuer: params.creditorId,
    audience: params.audience,
    maxLifetimeSeconds: MAX_PROPOSAL_ANSWER_TOKEN_LIFETIME_SECONDS,
    now: params.now,
    invalid: ProposalErrorCode.ANSWER_SIGNATURE_INVALID,
  });
  if (!result.ok) return result;
  const read = readProposalAnswer((result.payload as { answer?: unknown }).answer);
  if (!read.ok) return { ok: false, code: ProposalErrorCode.ANSWER_INVALID, reason: read.reason };
  return { ok: true, value: { ...read.answer, pseudonym: String(result.payload.sub) }, tokenId: String(result.payload.jti) };
}

/** The coordinator tells one node what became of a proposal (started, withdrawn). */
export function issuePlanEventToken(params: {
  readonly issuer: string;
  readonly audience: string;
  readonly event: NodePlanEvent;
  readonly tokenId: string;
  readonly issuedAt: Date;
  readonly privateKey: SigningKey;
  readonly keyId: string;
}): Promise<string> {
  const { event, ...common } = params;
  return signCoordinatorJwt({ ...common, type: PLAN_EVENT_TOKEN_TYPE, subject: event.pseudonym, lifetimeSeconds: MAX_PROPOSAL_TOKEN_LIFETIME_SECONDS, claims: { event: { ...event } } });
}

export async function verifyPlanEventToken(params: {
  readonly token: string | undefined;
  readonly issuer: string;
  readonly audience: string;
  readonly keys: JWTVerifyGetKey;
  readonly now: Date;
}): Promise<TokenCheck<NodePlanEvent>> {
  const result = await verified({ ...params, type: PLAN_EVENT_TOKEN_TYPE, maxLifetimeSeconds: MAX_PROPOSAL_TOKEN_LIFETIME_SECONDS, invalid: ProposalErrorCode.PROPOSAL_TOKEN_INVALID });
  if (!result.ok) return result;
  const event = (result.payload as { event?: unknown }).event as Partial<NodePlanEvent> | undefined;
  const bad = (reason: string): TokenCheck<NodePlanEvent> => ({ ok: false, code: ProposalErrorCode.PROPOSAL_TOKEN_INVALID, reason });
  if (typeof event !== 'object' || event === null) return bad('The token carries no event.');
  if (typeof event.proposalId !== 'string' || !UUID.test(event.proposalId)) return bad('The event names no valid proposal.');
  if (event.pseudonym !== result.payload.sub) return bad("The event's pseudonym is not the token's subject.");
  if (!(Object.values(PlanEventKind) as unknown[]).includes(event.kind)) return bad('The event kind is unknown.');
  if (event.firstDueDate !== undefined && (typeof event.firstDueDate !== 'string' || !DATE.test(event.firstDueDate))) return bad('The first due date is not YYYY-MM-DD.');
  if (event.kind === PlanEventKind.PAYMENTS) {
    const paid = event.paid as Partial<NonNullable<NodePlanEvent['paid']>> | undefined;
    if (typeof paid !== 'object' || paid === null || !Number.isSafeInteger(paid.instalments) || typeof paid.final !== 'boolean' || !paidToDateList(paid.claims)) {
      return bad('A payments event needs the instalments passed on and each claim with its whole cents.');
    }
  }
  if (event.note !== undefined && (typeof event.note !== 'string' || event.note.length > MAX_REASON_TEXT)) return bad(`The note must be text of at most ${MAX_REASON_TEXT} characters.`);
  return { ok: true, value: event as NodePlanEvent, tokenId: String(result.payload.jti) };
}

/** A node signs a payment it received directly for a plan: iss = its creditor id, aud = the coordinator, sub = its pseudonym. */
export function signPaymentReport(params: {
  readonly creditorId: string;
  readonly audience: string;
  readonly pseudonym: string;
  readonly report: NodePaymentReport;
  readonly tokenId: string;
  readonly issuedAt: Date;
  readonly privateKey: SigningKey;
  readonly keyId: string;
}): Promise<string> {
  return signNodeJwt({ ...params, type: PAYMENT_REPORT_TOKEN_TYPE, claims: { report: { ...params.report } } });
}

/** The coordinator's check of a payment report against the keys registered for the creditor it claims to be from. */
export async function verifyPaymentReport(params: {
  readonly token: string | undefined;
  readonly creditorId: string;
  readonly audience: string;
  readonly keys: JWTVerifyGetKey;
  readonly now: Date;
}): Promise<TokenCheck<NodePaymentReport & { readonly pseudonym: string }>> {
  const result = await verified({
    token: params.token,
    keys: params.keys,
    type: PAYMENT_REPORT_TOKEN_TYPE,
    issuer: params.creditorId,
    audience: params.audience,
    maxLifetimeSeconds: MAX_PROPOSAL_ANSWER_TOKEN_LIFETIME_SECONDS,
    now: params.now,
    invalid: ProposalErrorCode.PAYMENT_REPORT_SIGNATURE_INVALID,
  });
  if (!result.ok) return result;
  const report = (result.payload as { report?: unknown }).report as Partial<NodePaymentReport> | null | undefined;
  const bad = (reason: string): TokenCheck<NodePaymentReport & { readonly pseudonym: string }> => ({ ok: false, code: ProposalErrorCode.PAYMENT_INVALID, reason });
  if (typeof report !== 'object' || report === null) return bad('The token carries no payment.');
  if (typeof report.proposalId !== 'string' || !UUID.test(report.proposalId)) return bad('The payment names no valid plan.');
  if (typeof report.reference !== 'string' || report.reference.trim().length === 0 || report.reference.length > 64) return bad("The payment needs the creditor's own reference (1 to 64 characters).");
  if (!Number.isSafeInteger(report.amountCents) || (report.amountCents ?? 0) <= 0) return bad('The amount must be more than zero, in whole cents.');
  if (typeof report.receivedOn !== 'string' || !DATE.test(report.receivedOn)) return bad('The date received must be YYYY-MM-DD.');
  return { ok: true, value: { ...(report as NodePaymentReport), pseudonym: String(result.payload.sub) }, tokenId: String(result.payload.jti) };
}
