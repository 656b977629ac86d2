import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ProposalDecision, ProposalErrorCode, type ProposalAnswer } from '#contracts';
import { readProposalAnswer } from '#consent';
import { ClaimEvent } from '../claims/domain/claim-lifecycle.js';
import { ProposalAnswerRelay } from './proposal-answer-relay.service.js';
import { recordAnswer } from './proposal-answers.js';
import { stepProposedClaims } from './proposal-claims.js';

export type DecisionOutcome = { readonly ok: true } | { readonly ok: false; readonly code: ProposalErrorCode; readonly message: string };

/**
 * Staff decide on a proposal that waits for them: accept, reject with a reason code and text, or
 * counter-propose. Decided once: a second decision, or one on a proposal that was withdrawn or
 * answered by policy, is refused with PROPOSAL_CLOSED and changes nothing.
 */
@Injectable()
export class ProposalDecisions {
  constructor(
    private readonly db: DataSource,
    private readonly relay: ProposalAnswerRelay,
  ) {}

  async decide(params: { readonly answer: Omit<ProposalAnswer, 'decidedBy'>; readonly staffId: string; readonly correlationId: string | null }): Promise<DecisionOutcome> {
    const read = readProposalAnswer({ ...params.answer, decidedBy: params.staffId });
    if (!read.ok) return { ok: false, code: ProposalErrorCode.ANSWER_INVALID, message: read.reason };
    const answer = read.answer;
    const outcome = await this.db.transaction(async (tx): Promise<DecisionOutcome> => {
      const [proposal] = await tx.query<{ status: string }[]>(`SELECT status FROM proposals WHERE id = $1 FOR UPDATE`, [answer.proposalId]);
      if (proposal === undefined) return { ok: false, code: ProposalErrorCode.PROPOSAL_NOT_FOUND, message: 'There is no such proposal.' };
      if (proposal.status !== 'awaiting_staff') {
        return { ok: false, code: ProposalErrorCode.PROPOSAL_CLOSED, message: `This proposal is ${proposal.status.replace('_', ' ')}; it needs no decision now.` };
      }
      await recordAnswer(tx, { answerId: randomUUID(), answer, correlationId: params.correlationId });
      if (answer.decision === ProposalDecision.REJECT) {
        // This creditor is out of the plan: its claims go back to normal collection.
        await stepProposedClaims(tx, answer.proposalId, {
          event: ClaimEvent.PROPOSAL_REJECTED,
          reason: `Proposal ${answer.proposalId} rejected (${answer.reasonCode ?? ''}).`,
          actor: params.staffId,
        });
      }
      return { ok: true };
    });
    if (outcome.ok) this.relay.kick();
    return outcome;
  }
}
