import { createRemoteJWKSet, type JWTVerifyGetKey } from 'jose';
import type { NodeConfig } from '../config/node-config.js';

/** The coordinator's published signing keys, shared by every check of a token it signed. */
export const COORDINATOR_KEYS = Symbol('COORDINATOR_KEYS');

export function coordinatorKeys(config: NodeConfig): JWTVerifyGetKey {
  return createRemoteJWKSet(config.coordinatorJwksUrl, {
    timeoutDuration: 2_000,
    // A token with an unknown key id triggers a re-fetch (key rotation) at most every 5 s.
    cooldownDuration: 5_000,
    cacheMaxAge: 10 * 60_000,
  });
}
