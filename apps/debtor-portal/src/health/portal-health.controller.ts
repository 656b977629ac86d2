import { Controller, Get, Inject } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { readyWhen } from '#service-kit';
import { PORTAL_REDIS } from '../portal-tokens.js';

/**
 * Liveness: the process answers. Readiness: it can also keep sessions (Redis answers); without Redis
 * nobody can log in, so the orchestrator sends no one here. The gateway is not checked: a portal
 * whose gateway is down still shows its pages and says so, which beats no page at all.
 */
@Controller('health')
export class PortalHealthController {
  constructor(@Inject(PORTAL_REDIS) private readonly redis: Redis) {}

  @Get('live')
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  ready(): Promise<{ status: 'ok' }> {
    return readyWhen('The portal cannot reach its session store.', [() => this.redis.ping()]);
  }
}
