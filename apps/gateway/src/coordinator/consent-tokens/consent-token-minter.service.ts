import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { CoordinatorErrorCode, type ConsentPurpose, type DataCategory } from '#contracts';
import { issueConsentToken } from '#consent';
import { Clock } from '#service-kit';
import { CoordinatorError } from '../common/coordinator-error.js';
import type { CoordinatorConfig } from '../config/coordinator-config.js';
import { COORDINATOR_CONFIG } from '../config/coordinator-config.token.js';
import type { Caller } from '../identity/caller.js';
import { ResidentAccess } from '../identity/resident-access.service.js';
import { Pseudonyms } from '../pseudonyms/pseudonyms.service.js';
import { ConsentScope } from './consent-scope.repository.js';
import { MintedTokenCache } from './minted-token-cache.js';

export interface ConsentTokenGrant {
  readonly creditorId: string;
  readonly subgraphUrl: string;
  /** The node's pseudonym for the resident: the token's subject, and the only id the node sees. */
  readonly pseudonym: string;
  readonly token: string;
  readonly expiresAt: Date;
}

/**
 * Mints one consent token per node that a given, unexpired consent covers for this purpose and data
 * category and where the resident linked an account. The consent's state is read at the moment of minting, so a withdrawal that committed
 * stops new tokens at once; tokens already out live minutes at most. A token still good for half its life
 * is handed out again (MintedTokenCache), so nodes check each token's signature once.
 */
@Injectable()
export class ConsentTokenMinter {
  private readonly minted = new MintedTokenCache();

  constructor(
    @Inject(COORDINATOR_CONFIG) private readonly config: CoordinatorConfig,
    private readonly access: ResidentAccess,
    private readonly pseudonyms: Pseudonyms,
    private readonly scope: ConsentScope,
    private readonly clock: Clock,
  ) {}

  async mint(caller: Caller, request: { readonly residentId?: string | null; readonly purpose: ConsentPurpose; readonly category: DataCategory }): Promise<ConsentTokenGrant[]> {
    const { residentId } = await this.access.actingFor(caller, request.residentId);
    const now = this.clock.now();
    const rows = await this.scope.inForce({ residentId, purpose: request.purpose, category: request.category, now });
    if (rows.length === 0) {
      throw new CoordinatorError(CoordinatorErrorCode.CONSENT_NOT_GIVEN, 'No consent in force covers this purpose and kind of data.');
    }
    const lifetime = this.config.consentTokenLifetimeSeconds;
    return Promise.all(
      rows.map(async (row) => {
        const pseudonym = this.pseudonyms.forNode(residentId, row.creditor_id);
        const key = MintedTokenCache.key({ consentId: row.consent_id, creditorId: row.creditor_id, purpose: request.purpose, categories: row.categories });
        const reused = this.minted.reusable(key, now, lifetime / 2);
        if (reused !== undefined) return { creditorId: row.creditor_id, subgraphUrl: row.subgraph_url, pseudonym, ...reused };
        const token = await issueConsentToken({
          issuer: this.config.issuer,
          audience: row.creditor_id,
          subject: pseudonym,
          consentId: row.consent_id,
          purpose: request.purpose,
          categories: row.categories,
          tokenId: randomUUID(),
          issuedAt: now,
          lifetimeSeconds: lifetime,
          privateKey: this.config.consentSigningKey.privateKey,
          keyId: this.config.consentSigningKey.keyId,
        });
        const expiresAt = new Date(Math.floor(now.getTime() / 1000) * 1000 + lifetime * 1000);
        this.minted.remember(key, { token, expiresAt });
        return { creditorId: row.creditor_id, subgraphUrl: row.subgraph_url, pseudonym, token, expiresAt };
      }),
    );
  }
}
