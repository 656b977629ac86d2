import type { EntityManager } from 'typeorm';
import type { NodeProposal, ProposalAnswer } from '#contracts';
import type { ShareVerification } from '#arrangement';
import { ClaimEvent, nextClaimStatus } from '../claims/domain/claim-lifecycle.js';
import { ClaimStatus } from '../claims/domain/claim-status.js';
import type { ProposalReceipt } from './proposal-receipt.js';

/** Where an open claim goes when a proposal names it: read from the lifecycle table, the one source. */
const PAUSED_STATUS = ((): ClaimStatus => {
  const next = nextClaimStatus(ClaimStatus.OPEN, ClaimEvent.PROPOSAL_RECEIVED);
  if (!next.ok) throw new Error('the claim lifecycle no longer lets a proposal pause an open claim');
  return next.to;
})();

/** One proposal, checked and decided, ready to be written. */
export interface ProposalToStore {
  readonly proposal: NodeProposal;
  readonly tokenId: string;
  readonly shareCheck: ShareVerification;
  /** The policy's answer, or null when staff decide. */
  readonly answer: { readonly answerId: string; readonly answer: ProposalAnswer } | null;
  /** The open claims whose collection pauses (none when the answer is a rejection). */
  readonly pausing: readonly { readonly id: string; readonly reference: string; readonly status: ClaimStatus }[];
  readonly inProposal: readonly { readonly claimId: string; readonly firstMonthCents: number; readonly totalPaidCents: number }[];
}

/**
 * Writes proposals (one, or a batch) in ONE statement inside the caller's transaction (which holds the
 * claims' locks): the proposals, the paused claims with their transitions, the claims each proposal
 * holds, and the policy's answers (the answer relay's outbox). A proposal this node holds already is
 * left alone (ON CONFLICT), and so is everything that would come with it: that is what makes a
 * repeated delivery a no-op, in a batch as alone. On this platform a round trip to the database costs
 * more than the work in it, hence one statement rather than one per row.
 */
export async function storeProposals(
  tx: EntityManager,
  items: readonly ProposalToStore[],
  delivery: { readonly correlationId: string | null },
): Promise<ProposalReceipt[]> {
  const unique = new Map(items.map((item) => [item.proposal.proposalId, item]));
  const rows = await tx.query<{ id: string; inserted: boolean; status: string | null }[]>(
    `WITH input AS (
       SELECT * FROM jsonb_to_recordset($1::jsonb)
         AS x(id uuid, pseudonym text, replaces uuid, amends uuid, answer_by timestamptz, share jsonb, share_check jsonb, status text, token_id text)
     ), inserted AS (
       INSERT INTO proposals (id, pseudonym, replaces, amends, answer_by, share, share_check, status, token_id)
       SELECT id, pseudonym, replaces, amends, answer_by, share, share_check, status, token_id FROM input
       ON CONFLICT (id) DO NOTHING RETURNING id
     ), moved AS (
       UPDATE claims c SET status = $6, revision = c.revision + 1, updated_at = now()
         FROM jsonb_to_recordset($2::jsonb) AS m(proposal_id uuid, claim_id uuid), inserted i
        WHERE i.id = m.proposal_id AND c.id = m.claim_id AND c.status = $7
        RETURNING c.id, m.proposal_id
     ), transitions AS (
       INSERT INTO claim_transitions (claim_id, from_status, to_status, event, reason, actor)
       SELECT id, $7, $6, $5, 'In proposal ' || proposal_id || '; collection paused.', 'coordinator' FROM moved
     ), held AS (
       INSERT INTO proposal_claims (proposal_id, claim_id, monthly_first_cents, total_paid_cents)
       SELECT x.proposal_id, x.claim_id, x.first_cents, x.total_paid_cents
         FROM jsonb_to_recordset($3::jsonb) AS x(proposal_id uuid, claim_id uuid, first_cents bigint, total_paid_cents bigint) JOIN inserted i ON i.id = x.proposal_id
     ), answers AS (
       INSERT INTO proposal_answers (id, proposal_id, decision, reason_code, reason_text, counter, decided_by, correlation_id)
       SELECT a.id, a.proposal_id, a.decision, a.reason_code, a.reason_text, a.counter, a.decided_by, $8
         FROM jsonb_to_recordset($4::jsonb) AS a(id uuid, proposal_id uuid, decision text, reason_code text, reason_text text, counter jsonb, decided_by text)
         JOIN inserted i ON i.id = a.proposal_id
     )
     SELECT id::text, true AS inserted, NULL AS status FROM inserted
     UNION ALL
     -- Proposals this node held before the statement (its snapshot does not see the ones just inserted).
     SELECT p.id::text, false, p.status FROM proposals p JOIN input x ON x.id = p.id`,
    [
      JSON.stringify(
        [...unique.values()].map((item) => ({
          id: item.proposal.proposalId,
          pseudonym: item.proposal.pseudonym,
          replaces: item.proposal.replaces ?? null,
          amends: item.proposal.amends?.proposalId ?? null,
          answer_by: item.proposal.answerBy,
          share: item.proposal.share,
          share_check: item.shareCheck,
          status: item.answer === null ? 'awaiting_staff' : 'answered',
          token_id: item.tokenId,
        })),
      ),
      JSON.stringify([...unique.values()].flatMap((item) => item.pausing.map((claim) => ({ proposal_id: item.proposal.proposalId, claim_id: claim.id })))),
      JSON.stringify(
        [...unique.values()].flatMap((item) =>
          item.inProposal.map((c) => ({ proposal_id: item.proposal.proposalId, claim_id: c.claimId, first_cents: c.firstMonthCents, total_paid_cents: c.totalPaidCents })),
        ),
      ),
      JSON.stringify(
        [...unique.values()].flatMap((item) => {
          if (item.answer === null) return [];
          const { answer } = item.answer;
          return [
            {
              id: item.answer.answerId,
              proposal_id: answer.proposalId,
              decision: answer.decision,
              reason_code: answer.reasonCode ?? null,
              reason_text: answer.reasonText ?? null,
              counter: answer.counter ?? null,
              decided_by: answer.decidedBy,
            },
          ];
        }),
      ),
      ClaimEvent.PROPOSAL_RECEIVED,
      PAUSED_STATUS,
      ClaimStatus.OPEN,
      delivery.correlationId,
    ],
  );
  const outcome = new Map(rows.map((row) => [row.id, row]));
  const seen = new Set<string>();
  return items.map((item): ProposalReceipt => {
    const id = item.proposal.proposalId;
    const row = outcome.get(id);
    const first = !seen.has(id);
    seen.add(id);
    if (row?.inserted === true && first) return { ok: true, proposalId: id, status: item.answer === null ? 'awaiting_staff' : 'answered', duplicate: false };
    return { ok: true, proposalId: id, status: row?.status ?? 'awaiting_staff', duplicate: true };
  });
}
