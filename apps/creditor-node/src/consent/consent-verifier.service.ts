import { Inject, Injectable } from '@nestjs/common';
import type { JWTVerifyGetKey } from 'jose';
import { type DataCategory } from '#contracts';
import { verifyConsentToken, type ConsentVerification } from '#consent';
import { Clock } from '#service-kit';
import type { NodeConfig } from '../config/node-config.js';
import { NODE_CONFIG } from '../config/node-config.token.js';
import { COORDINATOR_KEYS } from './coordinator-keys.js';

const MAX_CACHED_TOKENS = 10_000;

/**
 * Verifies consent tokens against the coordinator's published key set. The key set is cached and
 * re-fetched when a token names a key we have not seen (key rotation). A token that verified is
 * remembered until it expires, so a resident's page of requests costs one signature check.
 */
@Injectable()
export class ConsentVerifier {
  private readonly verified = new Map<string, Extract<ConsentVerification, { ok: true }>>();

  constructor(
    @Inject(NODE_CONFIG) private readonly config: NodeConfig,
    @Inject(COORDINATOR_KEYS) private readonly keys: JWTVerifyGetKey,
    private readonly clock: Clock,
  ) {}

  async verify(token: string | undefined, category: DataCategory): Promise<ConsentVerification> {
    const now = this.clock.now();
    const cacheKey = token === undefined ? undefined : `${category}|${token}`;
    const cached = cacheKey === undefined ? undefined : this.verified.get(cacheKey);
    if (cached && cached.claims.exp * 1000 > now.getTime()) return cached;

    const result = await verifyConsentToken({
      token,
      issuer: this.config.coordinatorIssuer,
      audience: this.config.creditorId,
      keys: this.keys,
      category,
      now,
    });
    if (result.ok && cacheKey !== undefined) this.remember(cacheKey, result);
    return result;
  }

  private remember(key: string, result: Extract<ConsentVerification, { ok: true }>): void {
    if (this.verified.size >= MAX_CACHED_TOKENS) {
      // Drop the oldest entry (Map keeps insertion order): a simple bound, tokens live minutes anyway.
      const oldest = this.verified.keys().next();
      if (!oldest.done) this.verified.delete(oldest.value);
    }
    this.verified.set(key, result);
  }
}
