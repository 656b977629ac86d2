import { Inject, Injectable } from '@nestjs/common';
import type Bull from 'bull';
import type { Pool } from 'pg';
import { LedgerReader } from '#consent';
import { PG_POOL } from '../database/database.module.js';
import { DELIVERY_QUEUE } from '../proposals/delivery-queue.js';

/** Every state a proposal can be in: each is shown, also at 0, so an alert on one never sees "no data". */
const PROPOSAL_STATES = ['open', 'started', 'amended', 'completed', 'replaced', 'withdrawn'] as const;
const DELIVERY_STATES = ['pending', 'delivered', 'failed'] as const;
const QUEUE_STATES = ['waiting', 'active', 'delayed', 'failed'] as const;

/**
 * The coordinator's gauges for Prometheus, read at each scrape: how far deliveries lag (the queue's
 * jobs and the oldest unfinished outbox row, which also counts jobs Redis lost and the relay has yet
 * to add again), how big the ledger is, and the proposals by state. Counts only: nothing personal.
 */
@Injectable()
export class CoordinatorGauges {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(DELIVERY_QUEUE) private readonly queue: Bull.Queue,
    private readonly ledger: LedgerReader,
  ) {}

  async collect(): Promise<string[]> {
    const [queueCounts, outbox, proposals, deliveries, head] = await Promise.all([
      this.queue.getJobCounts(),
      this.pool.query<{ unfinished: string; oldest_seconds: number | null }>(
        `SELECT count(*) AS unfinished, extract(epoch FROM now() - min(created_at))::float8 AS oldest_seconds FROM outbox WHERE finished_at IS NULL`,
      ),
      this.countsBy(`SELECT status AS key, count(*) AS n FROM proposals GROUP BY status`),
      this.countsBy(`SELECT delivery AS key, count(*) AS n FROM proposal_creditors GROUP BY delivery`),
      this.ledger.head(),
    ]);
    const row = outbox.rows[0];
    return [
      ...gauge('delivery_queue_jobs', "Jobs on the delivery queue (bull on Redis), by state.", QUEUE_STATES.map((state) => [`state="${state}"`, queueCounts[state]])),
      ...gauge('delivery_outbox_unfinished', 'Deliveries written in the outbox and not yet done or given up.', [['', Number(row?.unfinished ?? 0)]]),
      ...gauge('delivery_oldest_unfinished_age_seconds', 'Age of the oldest unfinished delivery; 0 when none waits.', [['', Math.max(0, row?.oldest_seconds ?? 0)]]),
      ...gauge('proposal_deliveries', 'Deliveries of proposals to creditor nodes, by state.', DELIVERY_STATES.map((state) => [`delivery="${state}"`, deliveries.get(state) ?? 0])),
      ...gauge('proposals', 'Proposals (collective payment plans) by state.', PROPOSAL_STATES.map((state) => [`state="${state}"`, proposals.get(state) ?? 0])),
      ...gauge('ledger_entries', 'Entries in the consent ledger (its tree size).', [['', head.treeSize]]),
    ];
  }

  private async countsBy(sql: string): Promise<Map<string, number>> {
    const { rows } = await this.pool.query<{ key: string; n: string }>(sql);
    return new Map(rows.map((r) => [r.key, Number(r.n)]));
  }
}

function gauge(name: string, help: string, samples: readonly (readonly [labels: string, value: number])[]): string[] {
  return [`# HELP ${name} ${help}`, `# TYPE ${name} gauge`, ...samples.map(([labels, value]) => `${name}${labels === '' ? '' : `{${labels}}`} ${String(value)}`)];
}
