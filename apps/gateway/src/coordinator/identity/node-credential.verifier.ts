import { Inject, Injectable } from '@nestjs/common';
import { jwtVerify } from 'jose';
import { AuthErrorCode, MAX_NODE_CREDENTIAL_LIFETIME_SECONDS, NODE_CREDENTIAL_TYPE } from '#contracts';
import { Clock } from '#service-kit';
import { CoordinatorError } from '../common/coordinator-error.js';
import type { CoordinatorConfig } from '../config/coordinator-config.js';
import { COORDINATOR_CONFIG } from '../config/coordinator-config.token.js';
import { CreditorDirectory } from '../directory/creditor-directory.repository.js';
import type { CreditorCaller } from './caller.js';
import { registeredNodeKeys } from './registered-node-keys.js';

/**
 * Checks a credential a creditor node signed itself (iss = sub = its creditor id, aud = the ledger's
 * origin, minutes at most) against the public keys registered for that node in the directory.
 */
@Injectable()
export class NodeCredentialVerifier {
  constructor(
    @Inject(COORDINATOR_CONFIG) private readonly config: CoordinatorConfig,
    private readonly clock: Clock,
    private readonly directory: CreditorDirectory,
  ) {}

  async verify(token: string): Promise<CreditorCaller> {
    const refuse = (): CoordinatorError => new CoordinatorError(AuthErrorCode.UNAUTHENTICATED, 'The node credential is not valid.');
    const registered = await registeredNodeKeys(this.directory, token);
    if (registered === null) throw refuse();
    const claimedIssuer = registered.creditorId;
    try {
      const { payload } = await jwtVerify(token, registered.keys, {
        issuer: claimedIssuer,
        subject: claimedIssuer,
        audience: this.config.ledgerOrigin,
        typ: NODE_CREDENTIAL_TYPE,
        algorithms: ['EdDSA', 'Ed25519'],
        requiredClaims: ['iat', 'exp'],
        currentDate: this.clock.now(),
        clockTolerance: 5,
      });
      if ((payload.exp ?? 0) - (payload.iat ?? 0) > MAX_NODE_CREDENTIAL_LIFETIME_SECONDS) throw refuse();
    } catch {
      throw refuse();
    }
    return { kind: 'creditor', creditorId: claimedIssuer };
  }
}
