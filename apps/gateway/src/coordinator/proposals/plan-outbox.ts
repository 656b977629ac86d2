import type { PoolClient } from 'pg';
import { currentCorrelationId } from '#service-kit';

/** The jobs the proposal workflow puts on its queue, by name. */
export const DeliveryJob = {
  /** Deliver a proposal to one node. Payload: { proposalId, creditorId }. */
  PROPOSAL: 'deliver-proposal',
  /** Tell one node what became of a proposal. Payload: { proposalId, creditorId, kind }. */
  PLAN_EVENT: 'deliver-plan-event',
} as const;
export type DeliveryJob = (typeof DeliveryJob)[keyof typeof DeliveryJob];

export interface DeliveryPayload {
  readonly proposalId: string;
  readonly creditorId: string;
  /** PLAN_EVENT only. */
  readonly kind?: 'started' | 'withdrawn' | 'payments' | 'counter_declined';
  /** payments: the instalments passed on (cumulative), so each count is its own job, told once. */
  readonly instalments?: number;
  /** The request that caused the job: the worker logs and delivers under it, so one id follows it through the queue. */
  readonly correlationId?: string;
}

/**
 * Writes a job into the outbox inside the caller's transaction: it exists if and only if the change
 * that needs it committed. The job id makes it idempotent per node and proposal (and event): written
 * twice, or handed to the queue twice, it is still one job.
 */
export async function enqueueInOutbox(tx: PoolClient, job: DeliveryJob, payload: DeliveryPayload): Promise<void> {
  const jobId = [job, payload.proposalId, payload.creditorId, payload.kind, payload.instalments].filter((part) => part !== undefined).join(':');
  await tx.query({
    name: 'outbox-insert',
    text: `INSERT INTO outbox (job_name, job_id, payload) VALUES ($1, $2, $3) ON CONFLICT (job_id) DO NOTHING`,
    values: [job, jobId, JSON.stringify(withCorrelationId(payload))],
  });
}

function withCorrelationId(payload: DeliveryPayload): DeliveryPayload {
  const correlationId = payload.correlationId ?? currentCorrelationId();
  return correlationId === undefined ? payload : { ...payload, correlationId };
}
