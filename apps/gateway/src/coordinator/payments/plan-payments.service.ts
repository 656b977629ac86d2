import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { Pool, PoolClient } from 'pg';
import { ProposalErrorCode } from '#contracts';
import { instalmentStates, instalmentsPaidInFull, parseDate, type Schedule } from '#arrangement';
import { LedgerEventKind, ledgerEvent, openCommitmentFor, verifyPaymentCallback, verifyPaymentReport } from '#consent';
import { Clock, dutchDate, withPgTransaction } from '#service-kit';
import { CoordinatorError } from '../common/coordinator-error.js';
import type { CoordinatorConfig } from '../config/coordinator-config.js';
import { COORDINATOR_CONFIG } from '../config/coordinator-config.token.js';
import { PG_POOL } from '../database/database.module.js';
import { CreditorDirectory } from '../directory/creditor-directory.repository.js';
import { registeredNodeKeys } from '../identity/registered-node-keys.js';
import { creditorParty, personParty } from '../ledger/ledger-parties.js';
import { LedgerWriter, nothingToRecord } from '../ledger/ledger-writer.service.js';
import { notifyResidentAndCounsellors } from '../notifications/notifier.js';
import { OutboxRelay } from '../proposals/outbox-relay.service.js';
import { DeliveryJob, enqueueInOutbox } from '../proposals/plan-outbox.js';
import { Pseudonyms } from '../pseudonyms/pseudonyms.service.js';
import { readProviderCallback } from './provider-callback.js';

export interface PaymentReceipt {
  readonly proposalId: string;
  /** False when the same payment was recorded before: nothing changed. */
  readonly recorded: boolean;
  readonly duplicate: boolean;
  /** Instalments paid in full and passed on to the creditors, after this payment. */
  readonly instalmentsPassedOn: number;
}

/** A payment as it arrives, before it is matched to a running plan. */
interface IncomingPayment {
  readonly source: 'provider' | 'node';
  readonly externalId: string;
  readonly amountCents: number;
  readonly receivedOn: string;
  readonly plan: { readonly byReference: string } | { readonly byId: string; readonly creditorId: string; readonly pseudonym: string };
}

interface RunningPlan {
  readonly id: string;
  readonly resident_id: string;
  readonly schedule: Schedule;
  readonly passed_on_instalments: number;
}

const invalid = (message: string): CoordinatorError => new CoordinatorError(ProposalErrorCode.PAYMENT_INVALID, message);

/**
 * The money a running plan receives (RULES.md §3, the plan's life): from the payment provider's
 * callback (the resident pays into the plan's account with its payment reference) or reported by a
 * node that the resident paid directly. Each payment is recorded once (by the provider's payment id,
 * or the creditor's own reference); what completes an instalment is passed on to every creditor, each
 * node told what its claims received so far (cumulative, through the outbox). The last instalment
 * ends the plan (`plan.ended`). Payments are matched oldest instalment first, so catching up after a
 * missed one simply works.
 */
@Injectable()
export class PlanPayments {
  constructor(
    @Inject(COORDINATOR_CONFIG) private readonly config: CoordinatorConfig,
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly directory: CreditorDirectory,
    private readonly writer: LedgerWriter,
    private readonly pseudonyms: Pseudonyms,
    private readonly relay: OutboxRelay,
    private readonly clock: Clock,
  ) {}

  /** The payment provider's webhook: the raw body as signed, and its signature header. */
  async fromProvider(rawBody: string, signature: string | undefined): Promise<PaymentReceipt | { readonly ignored: string }> {
    const secret = this.config.payments.providerSecret;
    if (secret === null) throw new CoordinatorError(ProposalErrorCode.PAYMENT_SIGNATURE_INVALID, 'This coordinator takes no payments from a provider (PAYMENT_PROVIDER_SECRET is not set).');
    if (!verifyPaymentCallback({ secret, body: rawBody, header: signature, now: this.clock.now() })) {
      throw new CoordinatorError(ProposalErrorCode.PAYMENT_SIGNATURE_INVALID, 'The payment callback is not signed with the shared secret, or its timestamp is more than five minutes off.');
    }
    const callback = readProviderCallback(rawBody);
    if (!callback.ok) throw invalid(callback.reason);
    // Only money that arrived changes a plan; a failed or pending payment is acknowledged and left.
    if (callback.value.status !== 'paid') return { ignored: `status ${callback.value.status}` };
    return this.record({
      source: 'provider',
      externalId: callback.value.id,
      amountCents: callback.value.amountCents,
      receivedOn: callback.value.receivedOn,
      plan: { byReference: callback.value.reference },
    });
  }

  /** A node reports a payment the resident made to that creditor directly, signed with the node's key. */
  async fromNode(token: string | undefined): Promise<PaymentReceipt> {
    const forged = (): CoordinatorError => new CoordinatorError(ProposalErrorCode.PAYMENT_REPORT_SIGNATURE_INVALID, 'The payment report is not signed by a registered creditor node.');
    const registered = token === undefined ? null : await registeredNodeKeys(this.directory, token);
    if (registered === null) throw forged();
    const verified = await verifyPaymentReport({ token, creditorId: registered.creditorId, audience: this.config.issuer, keys: registered.keys, now: this.clock.now() });
    if (!verified.ok) throw new CoordinatorError(verified.code, verified.reason);
    const report = verified.value;
    return this.record({
      source: 'node',
      externalId: `${registered.creditorId}:${report.reference.trim()}`,
      amountCents: report.amountCents,
      receivedOn: report.receivedOn,
      plan: { byId: report.proposalId, creditorId: registered.creditorId, pseudonym: report.pseudonym },
    });
  }

  private async record(payment: IncomingPayment): Promise<PaymentReceipt> {
    const today = dutchDate(this.clock.now());
    try {
      parseDate({ date: payment.receivedOn, path: 'receivedOn' });
    } catch {
      throw invalid(`The date received does not exist: ${payment.receivedOn}.`);
    }
    if (payment.receivedOn > today) throw invalid('A payment cannot be received on a day still ahead.');
    const receipt = await withPgTransaction(this.pool, async (tx) => {
      const plan = await this.runningPlan(tx, payment);
      const inserted = await tx.query(
        `INSERT INTO plan_payments (id, proposal_id, source, creditor_id, external_id, amount_cents, received_on)
         VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (source, external_id) DO NOTHING`,
        [randomUUID(), plan.id, payment.source, 'byId' in payment.plan ? payment.plan.creditorId : null, payment.externalId, payment.amountCents, payment.receivedOn],
      );
      if (inserted.rowCount === 0) {
        const { rows } = await tx.query<{ proposal_id: string; amount_cents: string; received_on: string }>(
          `SELECT proposal_id, amount_cents, to_char(received_on, 'YYYY-MM-DD') AS received_on FROM plan_payments WHERE source = $1 AND external_id = $2`,
          [payment.source, payment.externalId],
        );
        const before = rows[0];
        if (before?.proposal_id !== plan.id || Number(before.amount_cents) !== payment.amountCents || before.received_on !== payment.receivedOn) {
          throw new CoordinatorError(ProposalErrorCode.PAYMENT_CONFLICT, 'This payment reference was recorded before with another plan, amount or date; the first one stands.');
        }
        return { proposalId: plan.id, recorded: false, duplicate: true, instalmentsPassedOn: plan.passed_on_instalments, paidInFull: false };
      }
      const passedOn = await passOnCompleteInstalments(tx, plan, today, this.config.payments.graceDays);
      await notifyResidentAndCounsellors(tx, { residentId: plan.resident_id, kind: 'payment_received', proposalId: plan.id, text: { amountCents: payment.amountCents } });
      return { proposalId: plan.id, recorded: true, duplicate: false, instalmentsPassedOn: passedOn, paidInFull: passedOn === plan.schedule.instalments.length };
    });
    if (receipt.recorded) this.relay.kick();
    // The ledger's transaction only for the payment that completes the plan, not for every payment.
    if (receipt.paidInFull) await this.endIfPaidInFull(receipt.proposalId);
    const { paidInFull: _paidInFull, ...answer } = receipt;
    return answer;
  }

  /** The running plan this payment is for, locked; a clear refusal when there is none. */
  private async runningPlan(tx: PoolClient, payment: IncomingPayment): Promise<RunningPlan> {
    const columns = `p.id, p.resident_id, p.schedule, p.passed_on_instalments`;
    if ('byReference' in payment.plan) {
      const { rows } = await tx.query<RunningPlan>(`SELECT ${columns} FROM proposals p WHERE p.payment_reference = $1 AND p.status = 'started' FOR UPDATE`, [payment.plan.byReference]);
      if (rows[0] === undefined) throw invalid('No running plan has this payment reference.');
      return rows[0];
    }
    const { creditorId, pseudonym, byId } = payment.plan;
    const { rows } = await tx.query<RunningPlan>(
      `SELECT ${columns} FROM proposals p JOIN proposal_creditors pc ON pc.proposal_id = p.id AND pc.creditor_id = $2
        WHERE p.id = $1 AND p.status = 'started' FOR UPDATE OF p`,
      [byId, creditorId],
    );
    const plan = rows[0];
    if (plan === undefined || this.pseudonyms.forNode(plan.resident_id, creditorId) !== pseudonym) throw invalid('This creditor has no part in a running plan with this id.');
    return plan;
  }

  /**
   * Ends a plan whose every instalment was passed on (`plan.ended`), once. Also run by the sweep, so a
   * crash between the last payment and this step only delays it.
   */
  async endIfPaidInFull(proposalId: string): Promise<boolean> {
    const now = this.clock.now();
    const ended = await this.writer.recordIfDue(async (tx: PoolClient) => {
      const { rows } = await tx.query<{ resident_id: string; schedule: Schedule; passed_on_instalments: number; creditors: string[] }>(
        `SELECT p.resident_id, p.schedule, p.passed_on_instalments, array(SELECT creditor_id FROM proposal_creditors WHERE proposal_id = p.id ORDER BY creditor_id) AS creditors
           FROM proposals p WHERE p.id = $1 AND p.status = 'started' FOR UPDATE`,
        [proposalId],
      );
      const plan = rows[0];
      if (plan === undefined || plan.passed_on_instalments < plan.schedule.instalments.length) nothingToRecord();
      await tx.query(`UPDATE proposals SET status = 'completed' WHERE id = $1`, [proposalId]);
      await notifyResidentAndCounsellors(tx, { residentId: plan.resident_id, kind: 'plan_completed', proposalId, text: {} });
      const openings = plan.creditors.map(openCommitmentFor);
      const { event } = ledgerEvent({
        eventId: randomUUID(),
        kind: LedgerEventKind.PLAN_ENDED,
        recordId: proposalId,
        state: 'completed',
        eventTime: now,
        subject: this.pseudonyms.inLedger(plan.resident_id),
        actor: { role: 'coordinator', id: 'coordinator' },
        creditors: openings,
      });
      return { event, openings, parties: [personParty(plan.resident_id), ...plan.creditors.map(creditorParty)], result: true };
    });
    return ended !== null;
  }
}

/**
 * Passes on what completes instalments: the plan's count moves up and every creditor gets a payments
 * event (one job per creditor and count, so a count is told once). While an amended plan waits for
 * the creditors' answers, the money stays in the plan's account: the amendment rests on the amounts
 * passed on when it was proposed, and they must not move under it. Once a creditor rejected it (or
 * its answer date passed) it cannot start, and the sweep passes the money on. Returns the count passed on.
 */
export async function passOnCompleteInstalments(tx: PoolClient, plan: RunningPlan, today: string, graceDays: number): Promise<number> {
  const { rows: payments } = await tx.query<{ date: string; amount_cents: string }>(
    `SELECT to_char(received_on, 'YYYY-MM-DD') AS date, amount_cents FROM plan_payments WHERE proposal_id = $1`,
    [plan.id],
  );
  const status = instalmentStates({ schedule: plan.schedule, payments: payments.map((p) => ({ date: p.date, amountCents: Number(p.amount_cents) })), today, graceDays });
  const complete = instalmentsPaidInFull(status);
  if (complete <= plan.passed_on_instalments) return plan.passed_on_instalments;
  // An amendment a creditor rejected (or left unanswered) will not start: it holds nothing back.
  const { rows: amendments } = await tx.query(
    `SELECT 1 FROM proposals a
      WHERE a.amends = $1 AND a.status = 'open' AND a.answer_by > now()
        AND NOT EXISTS (SELECT 1 FROM proposal_creditors pc WHERE pc.proposal_id = a.id AND pc.decision IN ('reject', 'no_answer'))
      LIMIT 1`,
    [plan.id],
  );
  if (amendments.length > 0) return plan.passed_on_instalments;
  await tx.query(`UPDATE proposals SET passed_on_instalments = $2 WHERE id = $1`, [plan.id, complete]);
  const { rows: creditors } = await tx.query<{ creditor_id: string }>(`SELECT creditor_id FROM proposal_creditors WHERE proposal_id = $1`, [plan.id]);
  for (const { creditor_id: creditorId } of creditors) {
    await enqueueInOutbox(tx, DeliveryJob.PLAN_EVENT, { proposalId: plan.id, creditorId, kind: 'payments', instalments: complete });
  }
  return complete;
}
