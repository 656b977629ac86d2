import { Inject, Injectable } from '@nestjs/common';
import { createRemoteJWKSet, errors, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { AuthErrorCode, CREDITOR_STAFF_ROLE, STAFF_CREDITOR_CLAIM } from '#contracts';
import { bearerToken, Clock } from '#service-kit';
import type { NodeConfig } from '../config/node-config.js';
import { NODE_CONFIG } from '../config/node-config.token.js';
import type { StaffMember } from './staff-member.js';

export type StaffAuthentication =
  | { readonly ok: true; readonly staff: StaffMember }
  | { readonly ok: false; readonly code: AuthErrorCode; readonly reason: string };

/**
 * Checks a staff member's bearer token: signed by the configured identity provider, meant for this
 * node's back-office, carrying the staff role AND this creditor's id. Staff of another creditor get
 * FORBIDDEN even with an otherwise valid token.
 */
@Injectable()
export class StaffAuthenticator {
  private readonly keys: JWTVerifyGetKey;

  constructor(
    @Inject(NODE_CONFIG) private readonly config: NodeConfig,
    private readonly clock: Clock,
  ) {
    this.keys = createRemoteJWKSet(config.staffAuth.jwksUrl, { timeoutDuration: 2_000, cooldownDuration: 30_000 });
  }

  async authenticate(authorization: string | undefined): Promise<StaffAuthentication> {
    const token = bearerToken(authorization);
    if (!token) return { ok: false, code: AuthErrorCode.UNAUTHENTICATED, reason: 'Log in first: no bearer token was sent.' };
    let payload: Record<string, unknown>;
    try {
      ({ payload } = await jwtVerify(token, this.keys, {
        issuer: this.config.staffAuth.issuer,
        audience: this.config.staffAuth.audience,
        algorithms: ['EdDSA', 'Ed25519', 'ES256', 'RS256'],
        requiredClaims: ['sub', 'exp'],
        currentDate: this.clock.now(),
        clockTolerance: 5,
      }));
    } catch (error) {
      const reason =
        error instanceof errors.JWTExpired ? 'Your session has expired; please log in again.' : 'The access token is not valid.';
      return { ok: false, code: AuthErrorCode.UNAUTHENTICATED, reason };
    }
    const roles = payload['roles'];
    const hasRole = Array.isArray(roles) && roles.includes(CREDITOR_STAFF_ROLE);
    if (!hasRole || payload[STAFF_CREDITOR_CLAIM] !== this.config.creditorId) {
      return { ok: false, code: AuthErrorCode.FORBIDDEN, reason: `Only staff of ${this.config.displayName} may use this back-office.` };
    }
    return { ok: true, staff: { subject: String(payload['sub']), creditorId: this.config.creditorId } };
  }
}
