import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { CreditorShareDisclosure, ShareVerification } from '#arrangement';
import type { CounterOffer, ProposalDecision, RejectionReason } from '#contracts';

export type NodeProposalStatus = 'awaiting_staff' | 'answered' | 'withdrawn' | 'started' | 'amended' | 'completed';

export interface ProposalView {
  readonly id: string;
  readonly pseudonym: string;
  readonly status: NodeProposalStatus;
  readonly replaces: string | null;
  readonly amends: string | null;
  readonly counterDeclinedNote: string | null;
  readonly receivedAt: Date;
  readonly answerBy: Date;
  readonly share: CreditorShareDisclosure;
  readonly shareCheck: ShareVerification;
  readonly claims: readonly { readonly reference: string; readonly amountCents: number; readonly firstMonthCents: number; readonly totalPaidCents: number; readonly passedOnCents: number }[];
  readonly answer: {
    readonly decision: ProposalDecision;
    readonly reasonCode: RejectionReason | null;
    readonly reasonText: string | null;
    readonly counter: CounterOffer | null;
    readonly decidedBy: string;
    readonly decidedAt: Date;
    readonly deliveredAt: Date | null;
    readonly refusedCode: string | null;
    readonly attempts: number;
  } | null;
}

interface ProposalRow {
  id: string;
  pseudonym: string;
  status: NodeProposalStatus;
  replaces: string | null;
  amends: string | null;
  counter_declined_note: string | null;
  received_at: Date;
  answer_by: Date;
  share: CreditorShareDisclosure;
  share_check: ShareVerification;
  claims: { reference: string; amount_cents: string; first_cents: string; total_paid_cents: string; passed_on_cents: string }[];
  answer: {
    decision: ProposalDecision;
    reason_code: RejectionReason | null;
    reason_text: string | null;
    counter: CounterOffer | null;
    decided_by: string;
    decided_at: string;
    delivered_at: string | null;
    refused_code: string | null;
    attempts: number;
  } | null;
}

const SELECT = `
  SELECT p.id, p.pseudonym, p.status, p.replaces, p.amends, p.counter_declined_note, p.received_at, p.answer_by, p.share, p.share_check,
         coalesce((SELECT json_agg(json_build_object('reference', c.reference,
                    'amount_cents', (c.principal_cents + c.interest_cents + c.costs_cents)::text,
                    'first_cents', pc.monthly_first_cents::text, 'total_paid_cents', pc.total_paid_cents::text,
                    'passed_on_cents', pc.passed_on_cents::text) ORDER BY c.reference)
                     FROM proposal_claims pc JOIN claims c ON c.id = pc.claim_id WHERE pc.proposal_id = p.id), '[]') AS claims,
         (SELECT row_to_json(a) FROM (SELECT decision, reason_code, reason_text, counter, decided_by, decided_at, delivered_at, refused_code, attempts
                                        FROM proposal_answers WHERE proposal_id = p.id AND superseded_at IS NULL) a) AS answer
    FROM proposals p`;

/** The back-office's view of proposals: the newest first, with the node's own check and its answer. */
@Injectable()
export class ProposalQueries {
  constructor(private readonly db: DataSource) {}

  async list(status: NodeProposalStatus | null, limit = 100): Promise<ProposalView[]> {
    const rows = await this.db.query<ProposalRow[]>(`${SELECT} WHERE ($1::text IS NULL OR p.status = $1) ORDER BY p.received_at DESC LIMIT $2`, [status, limit]);
    return rows.map(toView);
  }

  async byId(id: string): Promise<ProposalView | null> {
    if (!/^[0-9a-f-]{36}$/.test(id)) return null;
    const [row] = await this.db.query<ProposalRow[]>(`${SELECT} WHERE p.id = $1`, [id]);
    return row === undefined ? null : toView(row);
  }
}

function toView(row: ProposalRow): ProposalView {
  return {
    id: row.id,
    pseudonym: row.pseudonym,
    status: row.status,
    replaces: row.replaces,
    amends: row.amends,
    counterDeclinedNote: row.counter_declined_note,
    receivedAt: row.received_at,
    answerBy: row.answer_by,
    share: row.share,
    shareCheck: row.share_check,
    claims: row.claims.map((c) => ({ reference: c.reference, amountCents: Number(c.amount_cents), firstMonthCents: Number(c.first_cents), totalPaidCents: Number(c.total_paid_cents), passedOnCents: Number(c.passed_on_cents) })),
    answer:
      row.answer === null
        ? null
        : {
            decision: row.answer.decision,
            reasonCode: row.answer.reason_code,
            reasonText: row.answer.reason_text,
            counter: row.answer.counter,
            decidedBy: row.answer.decided_by,
            decidedAt: new Date(row.answer.decided_at),
            deliveredAt: row.answer.delivered_at === null ? null : new Date(row.answer.delivered_at),
            refusedCode: row.answer.refused_code,
            attempts: row.answer.attempts,
          },
  };
}
