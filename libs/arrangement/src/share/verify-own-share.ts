import { checkInclusion, fromBase64 } from '#ledger-core';
import type { WeightedAmount } from '../plan/entitlement-path.js';
import { planMonths } from '../plan/plan-months.js';
import { isValidPreferentialWeight, weightFactors, type WeightFactors } from '../plan/preferential-weight.js';
import type { CreditorShareDisclosure, OwnShareEntry } from './creditor-share-disclosure.js';
import { ownEntitlementPath, type OwnEntitlementPath } from './own-entitlement-path.js';
import { isShareNonce, shareLeafHash } from './share-commitment.js';

/**
 * Why a creditor refuses its share. Stable codes, so a node can store and report them as they are:
 * - SHARE_MALFORMED: a field is missing or not what it must be (not an integer, not base64, …);
 * - SHARE_PROOF_INVALID: an own entry's inclusion proof does not lead to the disclosed root;
 * - SHARE_TOTALS_INCONSISTENT: the disclosed figures contradict each other (W ≠ f_pref·ΣA_pref +
 *   f_ord·ΣA_ord, own claims above their class total, a term that does not follow from capacity and
 *   total, a claim's months that do not add up to its total);
 * - SHARE_MISMATCH: a claim's cumulative payment after some month is not what the plan's formulas
 *   give from the disclosed figures;
 * - SHARE_CLAIM_DIFFERS: an entry does not match the node's own record of the claim (only checked
 *   when the node passes its records).
 */
export type ShareProblemCode = 'SHARE_MALFORMED' | 'SHARE_PROOF_INVALID' | 'SHARE_TOTALS_INCONSISTENT' | 'SHARE_MISMATCH' | 'SHARE_CLAIM_DIFFERS';

export interface ShareProblem {
  readonly code: ShareProblemCode;
  readonly claimId?: string;
  readonly month?: number;
  readonly message: string;
}

export type ShareVerification = { readonly ok: true } | { readonly ok: false; readonly problems: readonly ShareProblem[] };

/** A claim as the creditor node itself holds it: what it submitted to the proposal. */
export interface KnownShareClaim {
  readonly claimId: string;
  readonly amountCents: number;
  readonly preferential: boolean;
}

const isCount = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0;
const isText = (value: unknown): value is string => typeof value === 'string' && value.length > 0;
// A plain boolean on purpose: Array.isArray would narrow a typed list to any[].
const isList = (value: unknown): boolean => Array.isArray(value);

function problem(code: ShareProblemCode, message: string, where: { readonly claimId?: string; readonly month?: number } = {}): ShareProblem {
  return { code, ...where, message };
}

/** Field by field: the disclosure comes over the network and is checked as data, never trusted as typed. */
function checkEntryShape(entry: OwnShareEntry, termMonths: number): ShareProblem[] {
  const claimId = isText(entry.claimId) ? entry.claimId : undefined;
  const malformed = (message: string, month?: number): ShareProblem =>
    problem('SHARE_MALFORMED', message, { ...(claimId === undefined ? {} : { claimId }), ...(month === undefined ? {} : { month }) });
  const problems: ShareProblem[] = [];
  if (claimId === undefined) problems.push(malformed('an own entry has no claim id'));
  if (!isCount(entry.index)) problems.push(malformed('the entry index is not a non-negative integer'));
  if (!isCount(entry.amountCents)) problems.push(malformed('the claim amount is not a whole number of cents'));
  if (!isCount(entry.weightFactor) || entry.weightFactor === 0) problems.push(malformed('the weight factor is not a positive integer'));
  if (!isShareNonce(entry.nonce)) problems.push(malformed('the nonce is not 32 bytes of standard base64'));
  if (!isList(entry.inclusionProof) || !entry.inclusionProof.every((hash) => typeof hash === 'string')) problems.push(malformed('the inclusion proof is not a list of base64 hashes'));
  if (!isCount(entry.totalPaidCents)) problems.push(malformed('the total paid is not a whole number of cents'));
  if (!isList(entry.monthly)) return [...problems, malformed('the monthly amounts are not a list')];
  let previousMonth = 0;
  for (const row of entry.monthly) {
    const month: unknown = (row as { month?: unknown } | null)?.month;
    const amount: unknown = (row as { amountCents?: unknown } | null)?.amountCents;
    if (!isCount(month) || month <= previousMonth || month > termMonths) {
      problems.push(malformed(`month ${String(month)} is not a month of the plan after month ${previousMonth}`));
      break;
    }
    if (!isCount(amount) || amount === 0) problems.push(malformed(`the amount of month ${month} is not a positive whole number of cents`, month));
    previousMonth = month;
  }
  return problems;
}

function checkShape(disclosure: CreditorShareDisclosure): ShareProblem[] {
  const d = disclosure;
  const problems: ShareProblem[] = [];
  const malformed = (message: string): void => {
    problems.push(problem('SHARE_MALFORMED', message));
  };
  if (!isText(d.creditorId)) malformed('the creditor id is missing');
  if (d.mode !== 'repayment' && d.mode !== 'settlement') malformed(`the mode ${String(d.mode)} is neither repayment nor settlement`);
  for (const [name, value] of Object.entries({
    capacityCents: d.capacityCents,
    termMonths: d.termMonths,
    minimumInstalmentCents: d.minimumInstalmentCents,
    weightedTotal: d.weightedTotal,
    treeSize: d.treeSize,
  })) {
    if (!isCount(value)) malformed(`${name} is not a non-negative integer`);
  }
  if (d.mode === 'settlement' && !isCount(d.settlementTermMonths)) malformed('a settlement needs its term in months');
  if (!isValidPreferentialWeight(d.preferentialWeight)) malformed(`the preferential weight ${String(d.preferentialWeight)} is not valid`);
  else if (weightFactors(d.preferentialWeight).preferential !== weightFactors(d.preferentialWeight).ordinary) {
    // Phase 2 cannot be recomputed without the class totals (see CreditorShareDisclosure).
    if (!isCount(d.preferentialTotalCents) || !isCount(d.ordinaryTotalCents)) malformed('unequal weight factors need the preferential and ordinary totals');
  }
  for (const [name, value] of Object.entries({ preferentialTotalCents: d.preferentialTotalCents, ordinaryTotalCents: d.ordinaryTotalCents })) {
    if (value !== undefined && !isCount(value)) malformed(`${name} is not a non-negative integer`);
  }
  if (typeof d.rootHash !== 'string') malformed('the root hash is missing');
  if (!isList(d.ownEntries) || d.ownEntries.length === 0) {
    malformed('the disclosure has no own entries');
    return problems;
  }
  const termMonths = isCount(d.termMonths) ? d.termMonths : 0;
  for (const entry of d.ownEntries) problems.push(...checkEntryShape(entry, termMonths));
  if (new Set(d.ownEntries.map((entry) => entry.claimId)).size !== d.ownEntries.length) malformed('a claim id occurs more than once');
  if (new Set(d.ownEntries.map((entry) => entry.index)).size !== d.ownEntries.length) malformed('an entry index occurs more than once');
  return problems;
}

function decodeHash(text: string): Uint8Array | undefined {
  try {
    return fromBase64(text);
  } catch {
    return undefined;
  }
}

/** Every own entry must be a leaf of the tree with the disclosed root (RFC 9162 §2.1.3.2). */
function checkProofs(d: CreditorShareDisclosure): ShareProblem[] {
  const root = decodeHash(d.rootHash);
  if (root === undefined) return [problem('SHARE_PROOF_INVALID', 'the root hash is not standard padded base64')];
  const problems: ShareProblem[] = [];
  for (const entry of d.ownEntries) {
    const proof = entry.inclusionProof.map(decodeHash);
    const hashes = proof.filter((hash): hash is Uint8Array => hash !== undefined);
    if (hashes.length !== proof.length) {
      problems.push(problem('SHARE_PROOF_INVALID', 'a proof hash is not standard padded base64', { claimId: entry.claimId }));
      continue;
    }
    const leaf = { claimId: entry.claimId, creditorId: d.creditorId, amountCents: entry.amountCents, weightFactor: entry.weightFactor, nonce: entry.nonce };
    const check = checkInclusion({ index: entry.index, treeSize: d.treeSize, leafHash: shareLeafHash({ leaf }), proof: hashes, rootHash: root });
    if (!check.ok) problems.push(problem('SHARE_PROOF_INVALID', `the entry is not in the committed tree: ${check.reason} (${check.detail})`, { claimId: entry.claimId }));
  }
  return problems;
}

/** The disclosed entries against the node's own records, when it passes them. */
function checkKnownClaims(d: CreditorShareDisclosure, known: readonly KnownShareClaim[], factors: WeightFactors): ShareProblem[] {
  const problems: ShareProblem[] = [];
  const byId = new Map(known.map((claim) => [claim.claimId, claim]));
  for (const entry of d.ownEntries) {
    const claim = byId.get(entry.claimId);
    const differs = (message: string): void => {
      problems.push(problem('SHARE_CLAIM_DIFFERS', message, { claimId: entry.claimId }));
    };
    if (claim === undefined) differs('the plan has a claim this creditor does not know');
    else if (claim.amountCents !== entry.amountCents) differs(`the plan has ${entry.amountCents} cents, the creditor's record ${claim.amountCents}`);
    // With equal factors the class changes nothing, and the entry does not say it.
    else if (factors.preferential !== factors.ordinary && entry.weightFactor !== (claim.preferential ? factors.preferential : factors.ordinary)) {
      differs(`the plan weighs the claim as ${claim.preferential ? 'ordinary' : 'preferential'}`);
    }
  }
  const disclosed = new Set(d.ownEntries.map((entry) => entry.claimId));
  for (const claim of known) {
    if (!disclosed.has(claim.claimId)) problems.push(problem('SHARE_CLAIM_DIFFERS', 'a claim of this creditor is missing from the plan', { claimId: claim.claimId }));
  }
  return problems;
}

/**
 * The plan-wide figures against each other, and the own entitlement path rebuilt from them (only
 * when they are consistent: from inconsistent figures any recomputation would be noise).
 */
function checkTotals(d: CreditorShareDisclosure, factors: WeightFactors): { readonly problems: ShareProblem[]; readonly own?: OwnEntitlementPath } {
  const problems: ShareProblem[] = [];
  const inconsistent = (message: string, claimId?: string): void => {
    problems.push(problem('SHARE_TOTALS_INCONSISTENT', message, claimId === undefined ? {} : { claimId }));
  };
  if (d.weightFactors.preferential !== factors.preferential || d.weightFactors.ordinary !== factors.ordinary) {
    inconsistent(`the weight factors ${d.weightFactors.preferential}:${d.weightFactors.ordinary} are not those of weight ${d.preferentialWeight}`);
  }
  const ownClaims: WeightedAmount[] = [];
  for (const entry of d.ownEntries) {
    if (entry.weightFactor !== factors.preferential && entry.weightFactor !== factors.ordinary) inconsistent(`weight factor ${entry.weightFactor} is neither class's`, entry.claimId);
    // With equal factors every claim counts as ordinary: the class then changes nothing.
    ownClaims.push({ amountCents: entry.amountCents, preferential: factors.preferential !== factors.ordinary && entry.weightFactor === factors.preferential });
    const monthsSum = entry.monthly.reduce((sum, row) => sum + row.amountCents, 0);
    if (monthsSum !== entry.totalPaidCents) inconsistent(`the months add up to ${monthsSum} cents, the total says ${entry.totalPaidCents}`, entry.claimId);
  }
  if (d.ownEntries.length > d.treeSize) inconsistent(`${d.ownEntries.length} own entries in a tree of ${d.treeSize}`);
  // Equal factors are 1 : 1 (the ratio is reduced), so W is then everything owed.
  const equal = factors.preferential === factors.ordinary;
  const preferentialTotalCents = d.preferentialTotalCents ?? 0;
  const ordinaryTotalCents = d.ordinaryTotalCents ?? (equal ? Math.floor(d.weightedTotal / factors.ordinary) : 0);
  const own = ownEntitlementPath({
    mode: d.mode,
    factors,
    ownClaims,
    preferentialTotalCents,
    ordinaryTotalCents,
    capacityCents: d.capacityCents,
    settlementTermMonths: d.settlementTermMonths ?? 0,
  });
  if (own === undefined) {
    inconsistent('the own claims add up to more than their class total');
    return { problems };
  }
  if (own.weightedTotal !== d.weightedTotal) {
    inconsistent(`the weighted total ${d.weightedTotal} is not ${factors.preferential} × ${preferentialTotalCents} + ${factors.ordinary} × ${ordinaryTotalCents}`);
  }
  const months = planMonths(own.path.total, d.capacityCents);
  if (months !== d.termMonths) inconsistent(`${own.path.total} cents at ${d.capacityCents} a month take ${months} months, not ${d.termMonths}`);
  return problems.length === 0 ? { problems, own } : { problems };
}

/**
 * Each own claim's cumulative payment after every month against its exact entitlement e(T) at what
 * has been paid into the plan by then, T = min(month × capacity, total). The plan guarantees
 * floor(e) ≤ paid ≤ ceil(e) (never a cent or more off). With a minimum instalment a claim's share
 * may be held until it reaches the minimum, so then paid ≤ ceil(e) and e − paid < minimum: what is
 * held is less than the minimum, and what was apportioned is within a cent below e. In the last
 * month everything is paid out, so the plain bound holds again. All in integers: with e = q + r/d
 * (0 ≤ r < d), e − paid < k is q − paid ≤ k − 1 for whole k and paid.
 */
function checkPayments(d: CreditorShareDisclosure, own: OwnEntitlementPath): ShareProblem[] {
  const problems: ShareProblem[] = [];
  const total = own.path.total;
  d.ownEntries.forEach((entry, index) => {
    const byMonth = new Map(entry.monthly.map((row) => [row.month, row.amountCents]));
    let paid = 0;
    for (let month = 1; month <= d.termMonths; month += 1) {
      paid += byMonth.get(month) ?? 0;
      const exact = own.path.entitlementAt(index, Math.min(month * d.capacityCents, total));
      const ceil = exact.remainder === 0 ? exact.quotient : exact.quotient + 1;
      const slack = d.minimumInstalmentCents > 0 && month < d.termMonths ? d.minimumInstalmentCents : 1;
      if (paid > ceil || exact.quotient - paid > slack - 1) {
        const entitled = exact.remainder === 0 ? `${exact.quotient}` : `${exact.quotient}+ (between ${exact.quotient} and ${ceil})`;
        problems.push(problem('SHARE_MISMATCH', `after month ${month} the claim has ${paid} cents, its entitlement is ${entitled}`, { claimId: entry.claimId, month }));
        // The first month off says it; the months after it would repeat it.
        return;
      }
    }
  });
  return problems;
}

function result(problems: readonly ShareProblem[]): ShareVerification {
  return problems.length === 0 ? { ok: true } : { ok: false, problems };
}

/**
 * What a creditor node checks on receiving its disclosure (RULES.md §2 invariant 7): that each own
 * entry is in the committed tree, that the disclosed figures agree with each other, and that every
 * month's cumulative payment per own claim is what the plan's formulas give from those figures. With
 * `knownClaims` (the node's own records of the claims it put in) it also checks that the committed
 * entries are its claims, with their amounts and class.
 *
 * What it cannot check alone: that the other entries behind the root are real and add up to the
 * disclosed totals. That rests on every creditor receiving the same root and the same plan-wide
 * figures (W, ΣA_pref, ΣA_ord, capacity, term), e.g. from one public record of the proposal.
 *
 * Never throws: a disclosure is data from the network, and a bad one is a list of problems.
 */
export function verifyOwnShare(params: { readonly disclosure: CreditorShareDisclosure; readonly knownClaims?: readonly KnownShareClaim[] }): ShareVerification {
  const { disclosure, knownClaims } = params;
  try {
    const shape = checkShape(disclosure);
    if (shape.length > 0) return result(shape);
    const factors = weightFactors(disclosure.preferentialWeight);
    const problems = [...checkProofs(disclosure), ...(knownClaims === undefined ? [] : checkKnownClaims(disclosure, knownClaims, factors))];
    const totals = checkTotals(disclosure, factors);
    problems.push(...totals.problems);
    if (totals.own !== undefined) problems.push(...checkPayments(disclosure, totals.own));
    return result(problems);
  } catch (error) {
    // Figures beyond the safe-integer range (safeMultiply refuses to round) or a shape the checks
    // above did not foresee (a null where an object belongs): either way not a share to accept.
    return result([problem('SHARE_MALFORMED', `the disclosure cannot be checked: ${error instanceof Error ? error.message : String(error)}`)]);
  }
}
