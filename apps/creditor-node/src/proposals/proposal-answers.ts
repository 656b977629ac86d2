import type { EntityManager } from 'typeorm';
import type { ProposalAnswer } from '#contracts';

/**
 * Writes a decision on a proposal inside the caller's transaction: the answer row (which is also the
 * outbox row the relay delivers from) and the proposal marked answered. One answer per proposal: the
 * unique key refuses a second one, whoever tries.
 */
export async function recordAnswer(
  tx: EntityManager,
  params: { readonly answerId: string; readonly answer: ProposalAnswer; readonly correlationId: string | null },
): Promise<void> {
  const { answer } = params;
  await tx.query(
    `INSERT INTO proposal_answers (id, proposal_id, decision, reason_code, reason_text, counter, decided_by, correlation_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [
      params.answerId,
      answer.proposalId,
      answer.decision,
      answer.reasonCode ?? null,
      answer.reasonText ?? null,
      answer.counter === undefined ? null : JSON.stringify(answer.counter),
      answer.decidedBy,
      params.correlationId,
    ],
  );
  await tx.query(`UPDATE proposals SET status = 'answered', updated_at = now() WHERE id = $1`, [answer.proposalId]);
}

/** An answer row as the relay and the back-office read it. */
export interface AnswerRow {
  readonly id: string;
  readonly proposal_id: string;
  readonly pseudonym: string;
  readonly decision: ProposalAnswer['decision'];
  readonly reason_code: ProposalAnswer['reasonCode'] | null;
  readonly reason_text: string | null;
  readonly counter: ProposalAnswer['counter'] | null;
  readonly decided_by: string;
  readonly attempts: number;
  /** The id of the request that decided it, sent with the answer so the coordinator logs it under the same id. */
  readonly correlation_id: string | null;
}

/** The answer as it goes over the wire (absent fields left out, not null). */
export function answerFromRow(row: AnswerRow): ProposalAnswer {
  return {
    proposalId: row.proposal_id,
    decision: row.decision,
    decidedBy: row.decided_by,
    ...(row.reason_code ? { reasonCode: row.reason_code } : {}),
    ...(row.reason_text ? { reasonText: row.reason_text } : {}),
    ...(row.counter ? { counter: row.counter } : {}),
  };
}
