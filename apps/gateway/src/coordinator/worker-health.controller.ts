import { Controller, Get, Inject } from '@nestjs/common';
import type Bull from 'bull';
import type { Pool } from 'pg';
import { readyWhen } from '#service-kit';
import { PG_POOL } from './database/database.module.js';
import { DELIVERY_QUEUE } from './proposals/delivery-queue.js';

/** The worker is ready when it can take jobs (Redis answers) and record them (PostgreSQL answers). */
@Controller('health')
export class WorkerHealthController {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(DELIVERY_QUEUE) private readonly queue: Bull.Queue,
  ) {}

  @Get('live')
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  ready(): Promise<{ status: 'ok' }> {
    return readyWhen('The worker cannot reach its database or its queue.', [() => this.pool.query('SELECT 1'), () => this.queue.client.ping()]);
  }
}
