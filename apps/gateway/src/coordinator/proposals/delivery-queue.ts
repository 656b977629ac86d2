import Bull from 'bull';
import pg from 'pg';
import type { CoordinatorConfig } from '../config/coordinator-config.js';

/** The proposal workflow's queue (bull on Redis): one queue, one job name per kind of delivery. */
export const DELIVERY_QUEUE = Symbol('DELIVERY_QUEUE');
export const DELIVERY_QUEUE_NAME = 'plan-delivery';

export function createDeliveryQueue(config: CoordinatorConfig): Bull.Queue {
  return new Bull(DELIVERY_QUEUE_NAME, config.queue.redisUrl, {
    prefix: config.queue.prefix,
    defaultJobOptions: {
      attempts: config.queue.deliveryAttempts,
      backoff: { type: 'exponential', delay: 1_000 },
      // Kept a while after the fact, so a job added again (the same id) stays one job.
      removeOnComplete: { age: 7 * 86_400 },
      removeOnFail: { age: 30 * 86_400 },
    },
    // A worker that dies mid-job loses its lock; the job runs again elsewhere (deliveries are idempotent).
    settings: { lockDuration: 30_000, stalledInterval: 15_000, maxStalledCount: 10 },
  });
}

/**
 * The delivery worker's own connections, committing without waiting for the WAL flush. Safe because
 * all it writes there is bookkeeping a crash may lose without harm: a delivery not marked delivered is
 * delivered again, and every node takes a proposal once however often it comes. The proposal, its
 * outbox rows and the answers are written elsewhere, durably.
 */
export const DELIVERY_PG_POOL = Symbol('DELIVERY_PG_POOL');

export function createDeliveryPool(config: CoordinatorConfig): pg.Pool {
  return new pg.Pool({ connectionString: config.databaseUrl, max: 4, options: '-c synchronous_commit=off' });
}
