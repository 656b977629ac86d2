import { Controller, Get, Inject, ServiceUnavailableException } from '@nestjs/common';
import type { Redis } from 'ioredis';
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
  async ready(): Promise<{ status: 'ok' }> {
    try {
      // maxRetriesPerRequest bounds a ping to a dead Redis too, but a probe should answer in seconds.
      await Promise.race([this.redis.ping(), new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 2_000).unref())]);
    } catch {
      throw new ServiceUnavailableException('The portal cannot reach its session store.');
    }
    return { status: 'ok' };
  }
}
