import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { ClaimErrorCode } from '#contracts';
import { nextClaimStatus, type ClaimEvent } from './domain/claim-lifecycle.js';
import type { ClaimStatus } from './domain/claim-status.js';

export type ClaimTransitionOutcome =
  | { readonly ok: true; readonly from: ClaimStatus; readonly to: ClaimStatus }
  | { readonly ok: false; readonly code: ClaimErrorCode; readonly message: string };

/** Moves a claim through its lifecycle, one locked row at a time, recording every step. */
@Injectable()
export class ClaimLifecycleService {
  constructor(private readonly db: DataSource) {}

  async record(params: {
    readonly reference: string;
    readonly event: ClaimEvent;
    readonly reason: string;
    readonly actor: string;
  }): Promise<ClaimTransitionOutcome> {
    const reason = params.reason.trim();
    if (reason.length === 0 || reason.length > 500) {
      return { ok: false, code: ClaimErrorCode.IMPORT_INVALID, message: 'Give a reason of 1 to 500 characters.' };
    }
    return this.db.transaction(async (tx) => {
      const [claim] = await tx.query<{ id: string; status: ClaimStatus }[]>(
        `SELECT id, status FROM claims WHERE reference = $1 FOR UPDATE`,
        [params.reference],
      );
      if (!claim) return { ok: false, code: ClaimErrorCode.CLAIM_NOT_FOUND, message: `There is no claim ${params.reference}.` };
      return applyClaimEvent(tx, { ...claim, reference: params.reference }, { event: params.event, reason, actor: params.actor });
    });
  }
}

/**
 * One lifecycle step inside the caller's transaction, on a claim row the caller has locked: checks
 * the transition table, moves the claim and records the step (with its reason and actor).
 */
export async function applyClaimEvent(
  tx: EntityManager,
  claim: { readonly id: string; readonly status: ClaimStatus; readonly reference: string },
  step: { readonly event: ClaimEvent; readonly reason: string; readonly actor: string },
): Promise<ClaimTransitionOutcome> {
  const next = nextClaimStatus(claim.status, step.event);
  if (!next.ok) {
    return {
      ok: false,
      code: ClaimErrorCode.CLAIM_TRANSITION_NOT_ALLOWED,
      message: `Claim ${claim.reference} is ${claim.status}; "${step.event}" cannot happen now.`,
    };
  }
  // The move and its record in one statement: one round trip per step.
  await tx.query(
    `WITH moved AS (UPDATE claims SET status = $3, revision = revision + 1, updated_at = now() WHERE id = $1 RETURNING id)
     INSERT INTO claim_transitions (claim_id, from_status, to_status, event, reason, actor) SELECT id, $2, $3, $4, $5, $6 FROM moved`,
    [claim.id, claim.status, next.to, step.event, step.reason, step.actor],
  );
  return { ok: true, from: claim.status, to: next.to };
}
