import type { EntityManager } from 'typeorm';
import { applyClaimEvent } from '../claims/claim-lifecycle.service.js';
import type { ClaimEvent } from '../claims/domain/claim-lifecycle.js';
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
