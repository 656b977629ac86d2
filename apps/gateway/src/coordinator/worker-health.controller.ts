import { Controller, Get, Inject, ServiceUnavailableException } from '@nestjs/common';
import type Bull from 'bull';
import type { Pool } from 'pg';
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
  async ready(): Promise<{ status: 'ok' }> {
    try {
      await Promise.all([this.pool.query('SELECT 1'), this.queue.client.ping()]);
    } catch {
      throw new ServiceUnavailableException('The worker cannot reach its database or its queue.');
    }
    return { status: 'ok' };
  }
}
