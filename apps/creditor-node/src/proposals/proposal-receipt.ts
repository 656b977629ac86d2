import type { ProposalErrorCode } from '#contracts';

/** What the node answers for one delivered proposal (or plan event): received, or refused with a code. */
export type ProposalReceipt =
  | { readonly ok: true; readonly proposalId: string; readonly status: string; readonly duplicate: boolean }
  | { readonly ok: false; readonly code: ProposalErrorCode; readonly reason: string };

/** The delivery's correlation id goes with the policy's answers, so the coordinator logs them under it. */
export interface Delivery {
  readonly correlationId: string | null;
}
