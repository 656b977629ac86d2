import { MemorySubtreeReader, inclusionProof, toBase64 } from '#ledger-core';
import type { Plan, PlanClaimResult } from '../plan/compute-plan.js';
import { weightedTotal } from '../plan/entitlement-path.js';
import { weightFactors, type WeightFactors } from '../plan/preferential-weight.js';
import { shareLeafHash, shareRootHash, type ShareCommitment, type ShareEntry } from './share-commitment.js';

/** What one claim receives in one month (months without a payment are left out, as in the plan). */
export interface ShareMonthlyAmount {
  /** 1 is the first month of the plan. */
  readonly month: number;
  readonly amountCents: number;
}

/** One of the creditor's own claims: its committed entry, the proof of it, and its payments. */
export interface OwnShareEntry {
  /** The leaf's position in the tree. */
  readonly index: number;
  readonly claimId: string;
  readonly amountCents: number;
  readonly weightFactor: number;
  readonly nonce: string;
  /** RFC 9162 inclusion proof of the leaf, bottom-up, each hash standard padded base64. */
  readonly inclusionProof: readonly string[];
  readonly monthly: readonly ShareMonthlyAmount[];
  readonly totalPaidCents: number;
}

/**
 * What the coordinator sends ONE creditor so that it can check its own share (RULES.md §2 invariant
 * 7). Plain JSON data. It holds the plan-wide figures the formulas need and the creditor's own
 * entries; nothing about another creditor's claim individually. What it unavoidably reveals in
 * aggregate: the number of claims (treeSize, which a proof's length betrays anyway), the weighted
 * total and, with unequal weight factors, the totals per class (see below).
 */
export interface CreditorShareDisclosure
  // The plan-wide figures as the plan states them: mode, capacity, the months it runs, the agreed
  // settlement term (which fixes the pot), the weight, and the minimum below which payments are held.
  extends Pick<Plan, 'mode' | 'capacityCents' | 'termMonths' | 'settlementTermMonths' | 'preferentialWeight' | 'minimumInstalmentCents'> {
  readonly creditorId: string;
  readonly weightFactors: WeightFactors;
  /** Σ factor × amount over all claims of the plan, in factor-cents (an integer). */
  readonly weightedTotal: number;
  /**
   * ΣA_pref and ΣA_ord, present only when the weight factors differ. Then the plan has a phase 2
   * (the preferential claims are paid off at T1 = W / f_pref and the ordinary ones share the rest:
   * e = a·(T − ΣA_pref) / ΣA_ord; a settlement pot above T1 divides the same way), which no creditor
   * can recompute from W alone. With equal factors (weight 1) there is one phase, e = a·T / W, and the
   * split stays undisclosed. Given W, these two are one extra number (f_pref·ΣA_pref + f_ord·ΣA_ord = W)
   * and are sums over a whole class, so they reveal no single other creditor, except what any total
   * reveals when a class holds just one other claim: then W itself already does.
   */
  readonly preferentialTotalCents?: number;
  readonly ordinaryTotalCents?: number;
  readonly treeSize: number;
  /** The commitment's root, standard padded base64: the same for every creditor of the plan. */
  readonly rootHash: string;
  readonly ownEntries: readonly OwnShareEntry[];
}

/** Refuses a commitment that is not over exactly this plan's claims; a mismatch is a coordinator bug. */
function checkCommitmentMatchesPlan(plan: Plan, commitment: ShareCommitment, factors: WeightFactors): void {
  const byId = new Map<string, PlanClaimResult>(plan.claims.map((claim) => [claim.claimId, claim]));
  if (commitment.entries.length !== plan.claims.length || commitment.treeSize !== plan.claims.length) {
    throw new RangeError(`the commitment has ${commitment.entries.length} entries for a plan of ${plan.claims.length} claims`);
  }
  commitment.entries.forEach((entry, position) => {
    const claim = byId.get(entry.claimId);
    const factor = claim?.preferential === true ? factors.preferential : factors.ordinary;
    if (entry.index !== position || claim === undefined || claim.creditorId !== entry.creditorId || claim.amountCents !== entry.amountCents || factor !== entry.weightFactor) {
      throw new RangeError(`commitment entry ${position} (${entry.claimId}) does not match the plan`);
    }
  });
  if (shareRootHash({ entries: commitment.entries }) !== commitment.rootHash) throw new RangeError('the commitment root is not the root of its entries');
}

/** Each of `claimIds`' payments per month, in month order. */
function monthlyAmounts(plan: Plan, claimIds: ReadonlySet<string>): Map<string, ShareMonthlyAmount[]> {
  const monthly = new Map<string, ShareMonthlyAmount[]>([...claimIds].map((id) => [id, []]));
  for (const month of plan.months) {
    for (const payment of month.payments) {
      monthly.get(payment.claimId)?.push({ month: month.month, amountCents: payment.amountCents });
    }
  }
  return monthly;
}

/**
 * The settlement term to disclose: the agreed term the plan carries (or, for a plan from elsewhere,
 * one the caller passes), checked against the pot it must give.
 */
function settlementTerm(plan: Plan, given: number | undefined): number {
  const term = given ?? plan.settlementTermMonths ?? plan.termMonths;
  const owed = plan.claims.reduce((sum, claim) => sum + claim.amountCents, 0);
  if (Math.min(plan.capacityCents * term, owed) !== plan.totalPaidCents) {
    throw new RangeError(`a settlement term of ${term} months does not give this plan's pot of ${plan.totalPaidCents} cents`);
  }
  return term;
}

/**
 * What the coordinator sends creditor `creditorId` about `plan`, committed to by `commitment`
 * (from commitPlanShares over the same plan). `settlementTermMonths`: the agreed term of a settlement
 * (see settlementTerm). Throws when the creditor has no claim in the plan or the commitment is not
 * over this plan.
 */
export function discloseShareTo(params: {
  readonly plan: Plan;
  readonly commitment: ShareCommitment;
  readonly creditorId: string;
  readonly settlementTermMonths?: number;
}): CreditorShareDisclosure {
  const { plan, commitment, creditorId } = params;
  const factors = weightFactors(plan.preferentialWeight);
  checkCommitmentMatchesPlan(plan, commitment, factors);
  const own: ShareEntry[] = commitment.entries.filter((entry) => entry.creditorId === creditorId);
  if (own.length === 0) throw new RangeError(`creditor ${creditorId} has no claim in this plan`);

  const reader = new MemorySubtreeReader(commitment.entries.map((leaf) => shareLeafHash({ leaf })));
  const monthly = monthlyAmounts(plan, new Set(own.map((entry) => entry.claimId)));
  const totalPaid = new Map(plan.claims.map((claim) => [claim.claimId, claim.totalPaidCents]));
  const ownEntries = own.map(
    (entry): OwnShareEntry => ({
      index: entry.index,
      claimId: entry.claimId,
      amountCents: entry.amountCents,
      weightFactor: entry.weightFactor,
      nonce: entry.nonce,
      inclusionProof: inclusionProof({ index: entry.index, treeSize: commitment.treeSize, reader }).map(toBase64),
      monthly: monthly.get(entry.claimId) ?? [],
      totalPaidCents: totalPaid.get(entry.claimId) ?? 0,
    }),
  );

  const classTotals =
    factors.preferential === factors.ordinary
      ? {}
      : {
          preferentialTotalCents: plan.claims.reduce((sum, claim) => sum + (claim.preferential ? claim.amountCents : 0), 0),
          ordinaryTotalCents: plan.claims.reduce((sum, claim) => sum + (claim.preferential ? 0 : claim.amountCents), 0),
        };
  return {
    creditorId,
    mode: plan.mode,
    capacityCents: plan.capacityCents,
    termMonths: plan.termMonths,
    ...(plan.mode === 'settlement' ? { settlementTermMonths: settlementTerm(plan, params.settlementTermMonths) } : {}),
    preferentialWeight: plan.preferentialWeight,
    minimumInstalmentCents: plan.minimumInstalmentCents,
    weightFactors: { preferential: factors.preferential, ordinary: factors.ordinary },
    weightedTotal: weightedTotal(plan.claims, factors),
    ...classTotals,
    treeSize: commitment.treeSize,
    rootHash: commitment.rootHash,
    ownEntries,
  };
}
