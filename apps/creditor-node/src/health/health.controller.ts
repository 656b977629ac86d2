import { Controller, Get, Inject } from '@nestjs/common';
import type { JWK } from 'jose';
import { DataSource } from 'typeorm';
import type { NodeConfig } from '../config/node-config.js';
import { NODE_CONFIG } from '../config/node-config.token.js';

/** Liveness, readiness and the node's public key (the coordinator verifies the node's answers with it). */
@Controller()
export class HealthController {
  constructor(
    @Inject(NODE_CONFIG) private readonly config: NodeConfig,
    private readonly db: DataSource,
  ) {}

  @Get('health/live')
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('health/ready')
  async ready(): Promise<{ status: 'ok'; creditorId: string }> {
    await this.db.query('SELECT 1');
    return { status: 'ok', creditorId: this.config.creditorId };
  }

  @Get('.well-known/jwks.json')
  jwks(): { keys: JWK[] } {
    return { keys: [this.config.signingKey.publicJwk] };
  }
}
