import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type Bull from 'bull';
import type { Pool } from 'pg';
import type { CoordinatorConfig } from '../config/coordinator-config.js';
import { COORDINATOR_CONFIG } from '../config/coordinator-config.token.js';
import { withPgTransaction } from '#service-kit';
import { PG_POOL } from '../database/database.module.js';
import { DELIVERY_QUEUE } from './delivery-queue.js';

const POLL_MS = 250;
const BATCH = 500;

/**
 * Moves outbox rows onto the bull queue. A row is written in the transaction that needs the job, so a
 * job exists exactly when its change committed. Added with the row's job id, a row handed over twice
 * (the relay died between adding and marking it) is still one job. Redis on this platform may keep
 * nothing on disk: every so often the relay looks up the jobs that have not finished and adds again
 * any the queue no longer holds, so a Redis restart delays a delivery but never loses one.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('OutboxRelay');
  private timers: NodeJS.Timeout[] = [];
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = false;

  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(DELIVERY_QUEUE) private readonly queue: Bull.Queue,
    @Inject(COORDINATOR_CONFIG) private readonly config: CoordinatorConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.timers = [setInterval(() => this.kick(), POLL_MS), setInterval(() => void this.reconcile(), Math.min(10_000, this.config.queue.reconcileAfterSeconds * 1000))];
    for (const timer of this.timers) timer.unref();
    this.kick();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    for (const timer of this.timers) clearInterval(timer);
    await this.running;
  }

  /** Hands over what is waiting now; a kick during a run makes it go round once more. */
  kick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.drain().finally(() => {
      this.running = null;
      if (this.again) {
        this.again = false;
        this.kick();
      }
    });
  }

  private async drain(): Promise<void> {
    try {
      while ((await this.dispatchBatch()) === BATCH);
    } catch (error) {
      this.logger.warn(`Handing jobs to the queue failed; they stay in the outbox and go again: ${String(error)}`);
    }
  }

  private dispatchBatch(): Promise<number> {
    return withPgTransaction(this.pool, async (client) => {
      const { rows } = await client.query<{ id: string; job_name: string; job_id: string; payload: object }>(
        `SELECT id, job_name, job_id, payload FROM outbox WHERE dispatched_at IS NULL ORDER BY id LIMIT ${BATCH} FOR UPDATE SKIP LOCKED`,
      );
      if (rows.length > 0) {
        await this.queue.addBulk(rows.map((row) => ({ name: row.job_name, data: row.payload, opts: { jobId: row.job_id } })));
        await client.query(`UPDATE outbox SET dispatched_at = now() WHERE id = ANY($1::bigint[])`, [rows.map((row) => row.id)]);
      }
      return rows.length;
    });
  }

  /** Adds again every unfinished job the queue has lost (Redis restarted without its data). */
  async reconcile(): Promise<number> {
    if (this.stopped) return 0;
    try {
      const { rows } = await this.pool.query<{ job_name: string; job_id: string; payload: object }>(
        `SELECT job_name, job_id, payload FROM outbox
          WHERE finished_at IS NULL AND dispatched_at < now() - make_interval(secs => $1)
          ORDER BY id LIMIT 5000`,
        [this.config.queue.reconcileAfterSeconds],
      );
      let readded = 0;
      for (const row of rows) {
        if ((await this.queue.getJob(row.job_id)) !== null) continue;
        await this.queue.add(row.job_name, row.payload, { jobId: row.job_id });
        readded += 1;
      }
      if (readded > 0) this.logger.warn(`Added ${readded} job(s) again that the queue had lost.`);
      return readded;
    } catch (error) {
      this.logger.warn(`Checking the queue for lost jobs failed; it runs again: ${String(error)}`);
      return 0;
    }
  }
}
