import { randomBytes, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { Pool, PoolClient } from 'pg';
import { ProposalDecision, ProposalErrorCode } from '#contracts';
import { buildSchedule, paidInForInstalments, type Plan, type Schedule } from '#arrangement';
import { LedgerEventKind, ledgerEvent, openCommitmentFor, verifyProposalAnswer } from '#consent';
import { Clock, dutchDate } from '#service-kit';
import { CoordinatorError } from '../common/coordinator-error.js';
import type { CoordinatorConfig } from '../config/coordinator-config.js';
import { COORDINATOR_CONFIG } from '../config/coordinator-config.token.js';
import { PG_POOL } from '../database/database.module.js';
import { CreditorDirectory } from '../directory/creditor-directory.repository.js';
import { registeredNodeKeys } from '../identity/registered-node-keys.js';
import { creditorParty, personParty } from '../ledger/ledger-parties.js';
import { LedgerWriter, nothingToRecord } from '../ledger/ledger-writer.service.js';
import { Pseudonyms } from '../pseudonyms/pseudonyms.service.js';
import { OutboxRelay } from './outbox-relay.service.js';
import { DeliveryJob, enqueueInOutbox } from './plan-outbox.js';
import { passOnCompleteInstalments } from '../payments/plan-payments.service.js';
import { creditorName, notifyResidentAndCounsellors } from '../notifications/notifier.js';

export type AnswerReceipt = { readonly recorded: boolean; readonly duplicate: boolean; readonly planStarted: boolean };

/**
 * Records what a node answered, checked against the key that node registered: a forged answer, one
 * for another coordinator, or one replayed for a proposal that is closed is refused and changes
 * nothing; the same answer delivered again is acknowledged without a second record. Each answer is
 * written with its `proposal.answered` ledger entry. When the last creditor accepts, the plan starts
 * on the day after the resident's next pay day (`plan.started`), and every node is told.
 */
@Injectable()
export class ProposalAnswers {
  constructor(
    @Inject(COORDINATOR_CONFIG) private readonly config: CoordinatorConfig,
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly directory: CreditorDirectory,
    private readonly writer: LedgerWriter,
    private readonly pseudonyms: Pseudonyms,
    private readonly relay: OutboxRelay,
    private readonly clock: Clock,
  ) {}

  async record(token: string | undefined): Promise<AnswerReceipt> {
    const forged = (): CoordinatorError => new CoordinatorError(ProposalErrorCode.ANSWER_SIGNATURE_INVALID, 'The answer is not signed by a registered creditor node.');
    const registered = token === undefined ? null : await registeredNodeKeys(this.directory, token);
    if (registered === null) throw forged();
    const creditorId = registered.creditorId;
    const verified = await verifyProposalAnswer({ token, creditorId, audience: this.config.issuer, keys: registered.keys, now: this.clock.now() });
    if (!verified.ok) throw new CoordinatorError(verified.code, verified.reason);
    const answer = verified.value;
    const answerId = verified.tokenId;
    const now = this.clock.now();
    const recorded = await this.writer.recordIfDue(async (tx: PoolClient) => {
      const { rows } = await tx.query<{ resident_id: string; status: string; decision: string | null; answer_id: string | null }>(
        `SELECT p.resident_id, p.status, pc.decision, pc.answer_id FROM proposal_creditors pc JOIN proposals p ON p.id = pc.proposal_id
          WHERE pc.proposal_id = $1 AND pc.creditor_id = $2 FOR UPDATE OF pc, p`,
        [answer.proposalId, creditorId],
      );
      const row = rows[0];
      if (row === undefined) throw new CoordinatorError(ProposalErrorCode.PROPOSAL_NOT_FOUND, 'This creditor has no part in such a proposal.');
      // The same answer again (a node retrying after a lost confirmation): acknowledged, not recorded twice.
      if (row.answer_id === answerId) nothingToRecord();
      if (this.pseudonyms.forNode(row.resident_id, creditorId) !== answer.pseudonym) {
        throw new CoordinatorError(ProposalErrorCode.ANSWER_INVALID, 'The answer is about another resident than the proposal.');
      }
      if (row.decision !== null && row.decision !== 'no_answer') throw new CoordinatorError(ProposalErrorCode.PROPOSAL_ALREADY_ANSWERED, 'This creditor answered this proposal already.');
      if (row.status !== 'open') throw new CoordinatorError(ProposalErrorCode.PROPOSAL_CLOSED, `The proposal is ${row.status}: it takes no answers now.`);
      await tx.query(
        `UPDATE proposal_creditors SET decision = $3, reason_code = $4, reason_text = $5, counter = $6, decided_by = $7, answer_id = $8, answered_at = $9,
                counter_answer = NULL, counter_note = NULL
          WHERE proposal_id = $1 AND creditor_id = $2`,
        [answer.proposalId, creditorId, answer.decision, answer.reasonCode ?? null, answer.reasonText ?? null, answer.counter ? JSON.stringify(answer.counter) : null, answer.decidedBy, answerId, now],
      );
      if (answer.decision !== ProposalDecision.ACCEPT) {
        await notifyResidentAndCounsellors(tx, {
          residentId: row.resident_id,
          kind: answer.decision === ProposalDecision.REJECT ? 'creditor_rejected' : 'creditor_countered',
          proposalId: answer.proposalId,
          text: { creditorName: await creditorName(tx, creditorId), reasonText: answer.reasonText ?? null, ...(answer.counter ? { monthlyCents: answer.counter.monthlyCents } : {}) },
        });
      }
      const opening = openCommitmentFor(creditorId);
      const { event } = ledgerEvent({
        eventId: randomUUID(),
        kind: LedgerEventKind.PROPOSAL_ANSWERED,
        recordId: answer.proposalId,
        state: answer.decision,
        eventTime: now,
        subject: this.pseudonyms.inLedger(row.resident_id),
        actor: { role: 'creditor', id: 'creditor-node' },
        creditors: [opening],
        ...(answer.reasonCode ? { details: { reason: answer.reasonCode } } : {}),
      });
      return { event, openings: [opening], parties: [personParty(row.resident_id), creditorParty(creditorId)], result: answer.decision };
    });
    if (recorded === null) return { recorded: false, duplicate: true, planStarted: false };
    const planStarted = recorded.result === ProposalDecision.ACCEPT ? await this.startIfAllAccepted(answer.proposalId) : false;
    return { recorded: true, duplicate: false, planStarted };
  }

  /**
   * Starts the plan when every creditor in it accepted: the schedule begins after the resident's next
   * pay day from today. Safe when two last answers arrive at once: the proposal row is locked and
   * only an open proposal starts.
   */
  async startIfAllAccepted(proposalId: string): Promise<boolean> {
    const now = this.clock.now();
    const started =
      (await this.writer.recordIfDue(async (tx: PoolClient) => {
        const [current] = (await tx.query<{ status: string }>(`SELECT status FROM proposals WHERE id = $1 FOR UPDATE`, [proposalId])).rows;
        if (current?.status !== 'open') nothingToRecord();
        const { rows } = await tx.query<{ resident_id: string; plan: Plan; pay_day: number; plan_hash: string; amends: string | null; creditors: string[]; all_accepted: boolean }>(
          `SELECT p.resident_id, p.plan, p.pay_day, p.plan_hash, p.amends,
                  array_agg(pc.creditor_id ORDER BY pc.creditor_id) AS creditors, bool_and(pc.decision IS NOT DISTINCT FROM 'accept') AS all_accepted
             FROM proposals p JOIN proposal_creditors pc ON pc.proposal_id = p.id
            WHERE p.id = $1 GROUP BY p.id`,
          [proposalId],
        );
        const row = rows[0];
        if (row === undefined || !row.all_accepted) nothingToRecord();
        const today = dutchDate(now);
        const schedule = buildSchedule({ plan: row.plan, payDay: row.pay_day, startsAfter: today });
        const firstDue = schedule.instalments[0]?.dueDate ?? null;
        // An amended plan takes over from the running one: same payment reference, and the money it
        // holds (received, not yet passed on) carries over as the new plan's first payment.
        const amended = row.amends === null ? null : await endAmendedPlan(tx, row.amends, proposalId, today);
        await tx.query(`UPDATE proposals SET status = 'started', started_at = $2, first_due_date = $3, schedule = $4, payment_reference = $5 WHERE id = $1`, [
          proposalId,
          now,
          firstDue,
          JSON.stringify(schedule),
          amended?.paymentReference ?? newPaymentReference(),
        ]);
        for (const creditorId of row.creditors) await enqueueInOutbox(tx, DeliveryJob.PLAN_EVENT, { proposalId, creditorId, kind: 'started' });
        if (amended !== null && amended.carriedOverCents > 0) {
          await passOnCompleteInstalments(tx, { id: proposalId, resident_id: row.resident_id, schedule, passed_on_instalments: 0 }, today, this.config.payments.graceDays);
        }
        await notifyResidentAndCounsellors(
          tx,
          amended === null
            ? { residentId: row.resident_id, kind: 'plan_started', proposalId, text: { firstDueDate: firstDue } }
            : { residentId: row.resident_id, kind: 'plan_amended', proposalId, text: { firstDueDate: firstDue, amountCents: schedule.instalments[0]?.amountCents ?? 0 } },
        );
        const openings = row.creditors.map(openCommitmentFor);
        const { event } = ledgerEvent({
          eventId: randomUUID(),
          kind: LedgerEventKind.PLAN_STARTED,
          recordId: proposalId,
          state: 'started',
          eventTime: now,
          subject: this.pseudonyms.inLedger(row.resident_id),
          actor: { role: 'coordinator', id: 'coordinator' },
          creditors: openings,
          details: { planHash: row.plan_hash, ...(row.amends === null ? {} : { reason: 'amended-plan' }) },
        });
        return { event, openings, parties: [personParty(row.resident_id), ...row.creditors.map(creditorParty)], result: true };
      })) !== null;
    if (started) this.relay.kick();
    return started;
  }
}

/**
 * A payment reference (betalingskenmerk) the resident quotes when paying: 16 digits, the first a check
 * digit over the other 15 (weights 2, 4, 8, 5, 10, 9, 7, 3, 6, 1 from the right, modulo 11), so a
 * typo in it is caught by the bank rather than booked on the wrong plan.
 */
export function newPaymentReference(): string {
  const digits = Array.from(randomBytes(15), (byte) => byte % 10);
  const weights = [2, 4, 8, 5, 10, 9, 7, 3, 6, 1];
  const sum = digits.reduceRight((total, digit, index) => total + digit * (weights[(digits.length - 1 - index) % weights.length] ?? 0), 0);
  const check = 11 - (sum % 11);
  return [check === 11 ? 0 : check === 10 ? 1 : check, ...digits].join('');
}

/**
 * Ends the running plan an amendment replaces, in the amendment's start transaction: it is marked
 * amended, and what it received beyond the instalments it passed on moves to the new plan.
 */
async function endAmendedPlan(tx: PoolClient, amendsId: string, newId: string, today: string): Promise<{ paymentReference: string; carriedOverCents: number }> {
  const { rows } = await tx.query<{ payment_reference: string; schedule: Schedule; passed_on_instalments: number; received_cents: string }>(
    `UPDATE proposals p SET status = 'amended' WHERE p.id = $1 AND p.status = 'started'
     RETURNING p.payment_reference, p.schedule, p.passed_on_instalments,
               (SELECT coalesce(sum(amount_cents), 0) FROM plan_payments WHERE proposal_id = p.id)::text AS received_cents`,
    [amendsId],
  );
  const old = rows[0];
  if (old === undefined) nothingToRecord();
  const carriedOverCents = Number(old.received_cents) - paidInForInstalments({ schedule: old.schedule, instalments: old.passed_on_instalments });
  if (carriedOverCents > 0) {
    await tx.query(`INSERT INTO plan_payments (id, proposal_id, source, external_id, amount_cents, received_on) VALUES ($1, $2, 'carried_over', $3, $4, $5)`, [
      randomUUID(),
      newId,
      amendsId,
      carriedOverCents,
      today,
    ]);
  }
  return { paymentReference: old.payment_reference, carriedOverCents };
}
