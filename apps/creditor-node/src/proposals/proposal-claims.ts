import type { EntityManager } from 'typeorm';
import { parseGlobalClaimId, type ClaimPaidToDate } from '#contracts';
import { applyClaimEvent } from '../claims/claim-lifecycle.service.js';
import { ClaimEvent } from '../claims/domain/claim-lifecycle.js';
import type { ClaimStatus } from '../claims/domain/claim-status.js';

/**
 * Takes every claim of a proposal that is still `proposed` one lifecycle step (into the plan, back to
 * normal collection), inside the caller's transaction and with each claim locked. `keep` names the
 * references to leave as they are (claims a replacing proposal holds on to).
 */
export async function stepProposedClaims(
  tx: EntityManager,
  proposalId: string,
  step: { readonly event: ClaimEvent; readonly reason: string; readonly actor: string },
  keep: ReadonlySet<string> = new Set(),
): Promise<void> {
  const claims = await tx.query<{ id: string; reference: string; status: ClaimStatus }[]>(
    `SELECT c.id, c.reference, c.status FROM proposal_claims pc JOIN claims c ON c.id = pc.claim_id WHERE pc.proposal_id = $1 ORDER BY c.reference FOR UPDATE OF c`,
    [proposalId],
  );
  for (const claim of claims) {
    if (claim.status === 'proposed' && !keep.has(claim.reference)) await applyClaimEvent(tx, claim, step);
  }
}

/**
 * What a claim (the table alias given) still owes, as SQL: its amount minus what every plan passed on
 * to it. One expression, so the share check and the settling of paid claims always agree.
 */
export function owedCentsSql(claim: string): string {
  return `(${claim}.principal_cents + ${claim}.interest_cents + ${claim}.costs_cents - coalesce((SELECT sum(passed.passed_on_cents) FROM proposal_claims passed WHERE passed.claim_id = ${claim}.id), 0))`;
}

/**
 * Records what a plan passed on to this node's claims so far, as the coordinator reports it (the
 * global claim ids of this resident's claims in that proposal). Cumulative and monotone: a repeated or
 * late report never lowers an amount. Returns whether anything changed.
 */
export async function recordPassedOn(
  tx: EntityManager,
  params: { readonly proposalId: string; readonly pseudonym: string; readonly paid: readonly ClaimPaidToDate[] },
): Promise<boolean> {
  const references = params.paid.map((p) => parseGlobalClaimId(p.claimId)?.reference ?? p.claimId);
  const [changed] = await tx.query<{ count: string }[]>(
    `WITH reported AS (SELECT * FROM unnest($3::text[], $4::bigint[]) AS r(reference, paid_cents)),
          updated AS (
            UPDATE proposal_claims pc SET passed_on_cents = r.paid_cents
              FROM reported r, claims c, proposals p
             WHERE pc.proposal_id = $1 AND p.id = pc.proposal_id AND p.pseudonym = $2
               AND c.id = pc.claim_id AND c.reference = r.reference AND r.paid_cents > pc.passed_on_cents
            RETURNING 1)
     SELECT count(*)::text AS count FROM updated`,
    [params.proposalId, params.pseudonym, references, params.paid.map((p) => p.paidCents)],
  );
  return Number(changed?.count ?? 0) > 0;
}

/**
 * Claims of a running plan that are now paid in full (what the plans passed on covers the amount) go
 * to `paid`; at the plan's end (`final`), what a settlement leaves unpaid is forgiven (`settled`).
 */
export async function settlePaidClaims(tx: EntityManager, proposalId: string, params: { readonly final: boolean; readonly settlement: boolean }): Promise<void> {
  const claims = await tx.query<{ id: string; reference: string; status: ClaimStatus; remaining_cents: string }[]>(
    `SELECT c.id, c.reference, c.status,
            ${owedCentsSql('c')}::text AS remaining_cents
       FROM proposal_claims pc JOIN claims c ON c.id = pc.claim_id WHERE pc.proposal_id = $1 ORDER BY c.reference FOR UPDATE OF c`,
    [proposalId],
  );
  for (const claim of claims) {
    if (claim.status !== 'in_plan') continue;
    if (Number(claim.remaining_cents) <= 0) {
      await applyClaimEvent(tx, claim, { event: ClaimEvent.PAID_IN_FULL, reason: `Paid in full through plan ${proposalId}.`, actor: 'coordinator' });
    } else if (params.final && params.settlement) {
      await applyClaimEvent(tx, claim, { event: ClaimEvent.SETTLEMENT_COMPLETED, reason: `Settlement ${proposalId} completed; the rest is forgiven.`, actor: 'coordinator' });
    }
  }
}
