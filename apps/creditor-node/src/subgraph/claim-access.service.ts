import { Inject, Injectable } from '@nestjs/common';
import { GraphQLError } from 'graphql';
import { ConsentErrorCode, DataCategory, parseGlobalClaimId, type ConsentTokenClaims } from '#contracts';
import type { NodeConfig } from '../config/node-config.js';
import { NODE_CONFIG } from '../config/node-config.token.js';
import { ConsentVerifier } from '../consent/consent-verifier.service.js';
import { ClaimDisclosureRepository } from '../disclosures/claim-disclosure.repository.js';
import { toClaimView, type ClaimView } from './claim.view.js';
import type { SubgraphContext } from './subgraph-context.js';

/**
 * The single gate between the federation and this node's claims: every answer needs a consent token
 * meant for this node and for the very resident asked about, and every answer is recorded.
 */
@Injectable()
export class ClaimAccessService {
  constructor(
    @Inject(NODE_CONFIG) private readonly config: NodeConfig,
    private readonly verifier: ConsentVerifier,
    private readonly disclosures: ClaimDisclosureRepository,
  ) {}

  async claimsOfResident(context: SubgraphContext, pseudonym: string): Promise<ClaimView[]> {
    const consent = await this.consentFor(context, pseudonym);
    const claims = await this.disclosures.discloseClaimsOfResident(consent);
    return claims.map((claim) => toClaimView(this.config.creditorId, claim));
  }

  /** A claim by its global id; null when it is not this resident's or not this node's. */
  async claimById(context: SubgraphContext, globalId: string): Promise<ClaimView | null> {
    const consent = await this.verifiedConsent(context);
    const parsed = parseGlobalClaimId(globalId);
    if (parsed === null || parsed.creditorId !== this.config.creditorId) return null;
    // The query itself checks that the claim belongs to the consent's pseudonym.
    const claim = await this.disclosures.discloseClaim(consent, parsed.reference);
    return claim === null ? null : toClaimView(this.config.creditorId, claim);
  }

  private async consentFor(context: SubgraphContext, pseudonym: string): Promise<ConsentTokenClaims> {
    const consent = await this.verifiedConsent(context);
    if (consent.sub !== pseudonym) {
      throw consentError(ConsentErrorCode.CONSENT_INVALID, 'The consent token is for another resident.');
    }
    return consent;
  }

  private async verifiedConsent(context: SubgraphContext): Promise<ConsentTokenClaims> {
    const verification = await this.verifier.verify(context.consentToken, DataCategory.CLAIMS);
    if (!verification.ok) throw consentError(verification.code, verification.reason);
    return verification.claims;
  }
}

function consentError(code: ConsentErrorCode, message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code } });
}
