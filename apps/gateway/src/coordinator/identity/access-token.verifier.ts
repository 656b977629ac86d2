import { Inject, Injectable } from '@nestjs/common';
import { createRemoteJWKSet, errors, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { AuthErrorCode, PLATFORM_ROLES, PlatformRole, ROLES_CLAIM } from '#contracts';
import { Clock } from '#service-kit';
import { CoordinatorError } from '../common/coordinator-error.js';
import type { CoordinatorConfig } from '../config/coordinator-config.js';
import { COORDINATOR_CONFIG } from '../config/coordinator-config.token.js';
import type { PersonCaller } from './caller.js';
import { PeopleRepository } from './people.repository.js';

/**
 * Checks a person's OpenID Connect access token (a JWT from the configured provider, meant for the
 * coordinator) and maps it to the platform's own id for that person, with the roles it grants.
 */
@Injectable()
export class AccessTokenVerifier {
  private readonly keys: JWTVerifyGetKey;

  constructor(
    @Inject(COORDINATOR_CONFIG) private readonly config: CoordinatorConfig,
    private readonly clock: Clock,
    private readonly people: PeopleRepository,
  ) {
    this.keys = createRemoteJWKSet(config.auth.jwksUrl, { timeoutDuration: 2_000, cooldownDuration: 30_000 });
  }

  async verify(token: string): Promise<PersonCaller> {
    let payload: Record<string, unknown>;
    try {
      ({ payload } = await jwtVerify(token, this.keys, {
        issuer: this.config.auth.issuer,
        audience: this.config.auth.audience,
        algorithms: ['EdDSA', 'Ed25519', 'ES256', 'RS256'],
        requiredClaims: ['sub', 'exp'],
        currentDate: this.clock.now(),
        clockTolerance: 5,
      }));
    } catch (error) {
      const message =
        error instanceof errors.JWTExpired ? 'Your session has expired; please log in again.' : 'The access token is not valid.';
      throw new CoordinatorError(AuthErrorCode.UNAUTHENTICATED, message);
    }
    const claimed = payload[ROLES_CLAIM];
    const roles = new Set(
      (Array.isArray(claimed) ? claimed : []).filter((r): r is PlatformRole => PLATFORM_ROLES.includes(r as PlatformRole)),
    );
    const personId = await this.people.idFor(this.config.auth.issuer, String(payload['sub']));
    if (roles.has(PlatformRole.COUNSELLOR)) await this.people.registerCounsellor(personId);
    return { kind: 'person', personId, roles };
  }
}
