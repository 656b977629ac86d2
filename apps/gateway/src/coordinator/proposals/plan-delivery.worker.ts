import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type Bull from 'bull';
import type { Pool } from 'pg';
import { MAX_PROPOSALS_PER_BATCH, NODE_PLAN_EVENTS_PATH, parseGlobalClaimId, type ClaimPaidToDate, type NodeProposal } from '#contracts';
import { issuePlanEventToken, issueProposalToken } from '#consent';
import { passedOnPerClaim, type CreditorShareDisclosure, type Schedule } from '#arrangement';
import { Clock, correlationHeaders, correlationIdFrom, runWithCorrelationId, withPgTransaction } from '#service-kit';
import type { CoordinatorConfig } from '../config/coordinator-config.js';
import { COORDINATOR_CONFIG } from '../config/coordinator-config.token.js';
import { Pseudonyms } from '../pseudonyms/pseudonyms.service.js';
import { DELIVERY_PG_POOL, DELIVERY_QUEUE } from './delivery-queue.js';
import { KeyedBatcher } from './keyed-batcher.js';
import { postProposalBatch } from './proposal-batch-client.js';
import { DeliveryJob, type DeliveryPayload } from './plan-outbox.js';
import { creditorName, notifyResidentAndCounsellors } from '../notifications/notifier.js';

const NODE_TIMEOUT_MS = 5_000;

/** Whether this process runs the delivery worker (a coordinator can also run as API only). */
export const RUN_DELIVERY_WORKER = Symbol('RUN_DELIVERY_WORKER');

/**
 * Delivers the queue's jobs to the nodes: a proposal (each node gets its own share, in a proposal
 * token signed afresh at each attempt), or what became of one. A node that is down or refuses is
 * tried again with backoff; each attempt is counted on the delivery, and after the last one the
 * delivery is marked failed, which the counsellor sees. A node receives a proposal once however
 * often it is delivered: it keys it by the proposal id.
 */
@Injectable()
export class PlanDeliveryWorker implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('PlanDeliveryWorker');
  private readonly proposalBatches = new KeyedBatcher<{ readonly proposalId: string; readonly jobId: string }, boolean>(
    (creditorId, jobs) => this.deliverProposals(creditorId, jobs),
    MAX_PROPOSALS_PER_BATCH,
  );

  constructor(
    @Inject(COORDINATOR_CONFIG) private readonly config: CoordinatorConfig,
    @Inject(DELIVERY_PG_POOL) private readonly pool: Pool,
    @Inject(DELIVERY_QUEUE) private readonly queue: Bull.Queue,
    @Inject(RUN_DELIVERY_WORKER) private readonly enabled: boolean,
    private readonly pseudonyms: Pseudonyms,
    private readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.enabled) return;
    void this.queue.process('*', this.config.queue.concurrency, (job: Bull.Job<DeliveryPayload>) => this.run(job)).catch((error: unknown) => {
      this.logger.error(`The delivery worker stopped: ${String(error)}`);
    });
  }

  async onModuleDestroy(): Promise<void> {
    await this.queue.close().catch(() => undefined);
    await this.pool.end().catch(() => undefined);
  }

  /**
   * Runs one job under the correlation id of the request that caused it (a job from before ids were
   * kept gets one of its own), and logs one line for it: which job, which attempt, and how it went.
   */
  run(job: Bull.Job<DeliveryPayload>): Promise<void> {
    return runWithCorrelationId(correlationIdFrom(job.data.correlationId), async () => {
      const startedAt = performance.now();
      const attempt = job.attemptsMade + 1;
      const line = (outcome: 'done' | 'retry' | 'gave_up', error?: string) => ({
        msg: 'job',
        job: job.name,
        jobId: String(job.id),
        creditorId: job.data.creditorId,
        attempt,
        outcome,
        durationMs: Math.round((performance.now() - startedAt) * 100) / 100,
        ...(error === undefined ? {} : { error }),
      });
      try {
        await this.attempt(job);
        this.logger.log(line('done'));
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        const lastAttempt = attempt >= (job.opts.attempts ?? 1);
        if (lastAttempt) this.logger.warn(line('gave_up', message.slice(0, 200)));
        else this.logger.log(line('retry', message.slice(0, 200)));
        throw error;
      }
    });
  }

  private async attempt(job: Bull.Job<DeliveryPayload>): Promise<void> {
    const lastAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    try {
      if (job.name === DeliveryJob.PROPOSAL) {
        // Delivered with others for the same node; a delivered batch finishes its outbox rows itself, a
        // no-op delivery finishes its row here.
        if (!(await this.proposalBatches.submit(job.data.creditorId, { proposalId: job.data.proposalId, jobId: String(job.id) }))) await this.finish(String(job.id));
      } else if (job.name === DeliveryJob.PLAN_EVENT) {
        await this.deliverPlanEvent(job.data);
        await this.finish(String(job.id));
      } else throw new Error(`unknown job ${job.name}`);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (job.name === DeliveryJob.PROPOSAL) {
        await this.pool.query(
          `UPDATE proposal_creditors SET delivery_attempts = delivery_attempts + 1, delivery_error = $3, delivery = CASE WHEN $4 THEN 'failed' ELSE delivery END
            WHERE proposal_id = $1 AND creditor_id = $2 AND delivery <> 'delivered'`,
          [job.data.proposalId, job.data.creditorId, message.slice(0, 500), lastAttempt],
        );
      }
      if (lastAttempt) await this.giveUp(job);
      throw error;
    }
  }

  /** The last attempt failed: the resident and their counsellor are told, durably, and the job ends. */
  private async giveUp(job: Bull.Job<DeliveryPayload>): Promise<void> {
    await withPgTransaction(this.pool, async (client) => {
      // This one must survive a crash: nobody would tell them again.
      await client.query('SET LOCAL synchronous_commit TO on');
      if (job.name === DeliveryJob.PROPOSAL) {
        const { rows } = await client.query<{ resident_id: string }>(`SELECT resident_id FROM proposals WHERE id = $1`, [job.data.proposalId]);
        const residentId = rows[0]?.resident_id;
        if (residentId !== undefined) {
          await notifyResidentAndCounsellors(client, {
            residentId,
            kind: 'delivery_failed',
            proposalId: job.data.proposalId,
            text: { creditorName: await creditorName(client, job.data.creditorId) },
          });
        }
      }
      await client.query(`UPDATE outbox SET finished_at = now() WHERE job_id = $1 AND finished_at IS NULL`, [String(job.id)]);
    });
  }

  private async finish(jobId: string): Promise<void> {
    await this.pool.query(`UPDATE outbox SET finished_at = now() WHERE job_id = $1 AND finished_at IS NULL`, [jobId]);
  }

  /**
   * Delivers a batch of proposals to one node (the jobs for it that ran at the same moment): one read
   * of what to send, one request to the node with a token per proposal, one write marking the
   * delivered ones and finishing their outbox rows. Per job: true when delivered, false when there was
   * nothing to deliver (delivered already by a job added twice, or replaced before it got there), or
   * an Error, which fails that job (and it is retried).
   */
  private async deliverProposals(creditorId: string, jobs: readonly { readonly proposalId: string; readonly jobId: string }[]): Promise<(boolean | Error)[]> {
    const { rows } = await this.pool.query<{
      proposal_id: string;
      share: CreditorShareDisclosure;
      delivery: string;
      resident_id: string;
      status: string;
      answer_by: Date;
      replaces: string | null;
      amends: string | null;
      amended_schedule: Schedule | null;
      amended_passed_on: number | null;
      subgraph_url: string;
    }>({
      name: 'proposals-to-deliver',
      text: `SELECT pc.proposal_id, pc.share, pc.delivery, p.resident_id, p.status, p.answer_by, p.replaces, p.amends,
                    a.schedule AS amended_schedule, a.passed_on_instalments AS amended_passed_on, c.subgraph_url
               FROM proposal_creditors pc JOIN proposals p ON p.id = pc.proposal_id JOIN creditors c ON c.id = pc.creditor_id
               LEFT JOIN proposals a ON a.id = p.amends
              WHERE pc.creditor_id = $1 AND pc.proposal_id = ANY($2::uuid[])`,
      values: [creditorId, jobs.map((job) => job.proposalId)],
    });
    const byProposal = new Map(rows.map((row) => [row.proposal_id, row]));
    const due = jobs.flatMap((job) => {
      const row = byProposal.get(job.proposalId);
      return row === undefined || row.delivery === 'delivered' || row.status !== 'open' ? [] : [{ job, row }];
    });
    const outcomes = new Map<string, true | Error>();
    const origin = due[0]?.row.subgraph_url;
    if (origin !== undefined) {
      const tokens = await Promise.all(
        due.map(({ job, row }) => {
          const proposal: NodeProposal = {
            proposalId: job.proposalId,
            pseudonym: this.pseudonyms.forNode(row.resident_id, creditorId),
            answerBy: row.answer_by.toISOString(),
            ...(row.replaces ? { replaces: row.replaces } : {}),
            ...(row.amends && row.amended_schedule
              ? { amends: { proposalId: row.amends, paid: paidToDate({ schedule: row.amended_schedule, instalments: row.amended_passed_on ?? 0, creditorId }) } }
              : {}),
            share: row.share,
          };
          return issueProposalToken({
            issuer: this.config.issuer,
            audience: creditorId,
            proposal,
            tokenId: randomUUID(),
            issuedAt: this.clock.now(),
            lifetimeSeconds: 120,
            privateKey: this.config.consentSigningKey.privateKey,
            keyId: this.config.consentSigningKey.keyId,
          });
        }),
      );
      const receipts = await postProposalBatch(new URL(origin).origin, tokens);
      due.forEach(({ job }, index) => outcomes.set(job.jobId, receipts[index] ?? new Error('no receipt')));
      const delivered = due.filter(({ job }) => outcomes.get(job.jobId) === true).map(({ job }) => job);
      if (delivered.length > 0) {
        // The deliveries and their outbox rows are finished in one statement: one commit per batch.
        await this.pool.query({
          name: 'proposals-delivered',
          text: `WITH delivered AS (
                   UPDATE proposal_creditors SET delivery = 'delivered', delivered_at = now(), delivery_attempts = delivery_attempts + 1, delivery_error = NULL
                    WHERE creditor_id = $1 AND proposal_id = ANY($2::uuid[]))
                 UPDATE outbox SET finished_at = now() WHERE job_id = ANY($3::text[]) AND finished_at IS NULL`,
          values: [creditorId, delivered.map((job) => job.proposalId), delivered.map((job) => job.jobId)],
        });
      }
    }
    return jobs.map((job) => outcomes.get(job.jobId) ?? false);
  }

  private async deliverPlanEvent(payload: DeliveryPayload): Promise<void> {
    const { rows } = await this.pool.query<{ resident_id: string; first_due_date: string | null; schedule: Schedule | null; counter_note: string | null; subgraph_url: string }>(
      `SELECT p.resident_id, to_char(p.first_due_date, 'YYYY-MM-DD') AS first_due_date, p.schedule, pc.counter_note, c.subgraph_url
         FROM proposals p JOIN creditors c ON c.id = $2 LEFT JOIN proposal_creditors pc ON pc.proposal_id = p.id AND pc.creditor_id = $2
        WHERE p.id = $1`,
      [payload.proposalId, payload.creditorId],
    );
    const row = rows[0];
    if (row === undefined || payload.kind === undefined) return;
    const paid =
      payload.kind === 'payments' && row.schedule !== null && payload.instalments !== undefined
        ? {
            instalments: payload.instalments,
            final: payload.instalments === row.schedule.instalments.length,
            claims: paidToDate({ schedule: row.schedule, instalments: payload.instalments, creditorId: payload.creditorId }),
          }
        : undefined;
    const token = await issuePlanEventToken({
      issuer: this.config.issuer,
      audience: payload.creditorId,
      event: {
        proposalId: payload.proposalId,
        pseudonym: this.pseudonyms.forNode(row.resident_id, payload.creditorId),
        kind: payload.kind,
        ...(payload.kind === 'started' && row.first_due_date ? { firstDueDate: row.first_due_date } : {}),
        ...(paid ? { paid } : {}),
        ...(payload.kind === 'counter_declined' && row.counter_note ? { note: row.counter_note } : {}),
      },
      tokenId: randomUUID(),
      issuedAt: this.clock.now(),
      privateKey: this.config.consentSigningKey.privateKey,
      keyId: this.config.consentSigningKey.keyId,
    });
    await this.post(new URL(NODE_PLAN_EVENTS_PATH, row.subgraph_url), token, [404]);
  }

  /** 2xx is delivered; `final` statuses end the job too (there is nothing to deliver to); anything else is retried. */
  private async post(url: URL, token: string, final: readonly number[] = []): Promise<void> {
    const response = await fetch(url, { method: 'POST', headers: { authorization: `Bearer ${token}`, ...correlationHeaders() }, signal: AbortSignal.timeout(NODE_TIMEOUT_MS) });
    if (response.ok || final.includes(response.status)) return;
    const body = (await response.json().catch(() => ({}))) as { error?: { code?: string } };
    throw new Error(`the node answered ${response.status} ${body.error?.code ?? ''}`.trim());
  }
}

/** What a plan passed on so far to one creditor's claims (global claim ids), cumulative. */
function paidToDate(params: { readonly schedule: Schedule; readonly instalments: number; readonly creditorId: string }): ClaimPaidToDate[] {
  const ofCreditor = new Set(
    params.schedule.instalments.flatMap((instalment) => instalment.payments.map((payment) => payment.claimId)).filter((claimId) => parseGlobalClaimId(claimId)?.creditorId === params.creditorId),
  );
  return passedOnPerClaim({ schedule: params.schedule, instalments: params.instalments, claimIds: ofCreditor }).map((p) => ({ claimId: p.claimId, paidCents: p.amountCents }));
}
