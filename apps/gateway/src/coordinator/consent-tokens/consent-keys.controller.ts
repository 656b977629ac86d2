import { Controller, Get, Inject, Res } from '@nestjs/common';
import type { Response } from 'express';
import type { CoordinatorConfig } from '../config/coordinator-config.js';
import { COORDINATOR_CONFIG } from '../config/coordinator-config.token.js';

/**
 * The public key that signs consent tokens, for nodes to verify them (their COORDINATOR_JWKS_URL).
 * Separate from the ledger's keys: one key, one job. Consent tokens live minutes, so a rotated key
 * needs to stay listed only until the last token it signed has expired.
 */
@Controller('consent/v1')
export class ConsentKeysController {
  constructor(@Inject(COORDINATOR_CONFIG) private readonly config: CoordinatorConfig) {}

  @Get('jwks.json')
  jwks(@Res({ passthrough: true }) res: Response): { keys: unknown[] } {
    res.setHeader('cache-control', 'public, max-age=60');
    return { keys: [this.config.consentSigningKey.publicJwk] };
  }
}
