import { Inject, Injectable } from '@nestjs/common';
import { GraphQLError } from 'graphql';
import { ConsentErrorCode, DataCategory, parseGlobalClaimId, type Cents, type ConsentTokenClaims } from '#contracts';
import type { NodeConfig } from '../config/node-config.js';
import { NODE_CONFIG } from '../config/node-config.token.js';
import { ConsentVerifier } from '../consent/consent-verifier.service.js';
import { ClaimDisclosureRepository } from '../disclosures/claim-disclosure.repository.js';
import { toClaimView, type ClaimView, type CreditorTotalView } from './claim.view.js';
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

  /** The resident's owed claims, disclosed (and logged) once per request however many fields ask. */
  claimsOfResident(context: SubgraphContext, pseudonym: string): Promise<ClaimView[]> {
    let claims = context.disclosed.get(pseudonym);
    if (claims === undefined) {
      claims = this.disclose(context, pseudonym);
      context.disclosed.set(pseudonym, claims);
    }
    return claims;
  }

  /** What the resident owes this creditor in all, from the same disclosure as the claims. */
  async totalsOfResident(context: SubgraphContext, pseudonym: string): Promise<CreditorTotalView[]> {
    const claims = await this.claimsOfResident(context, pseudonym);
    const sum = (pick: (claim: ClaimView) => number): Cents => claims.reduce((total, claim) => total + pick(claim), 0) as Cents;
    return [
      {
        creditorId: this.config.creditorId,
        creditorName: this.config.displayName,
        claimCount: claims.length,
        principal: sum((c) => c.principal),
        interest: sum((c) => c.interest),
        costs: sum((c) => c.costs),
        total: sum((c) => c.total),
      },
    ];
  }

  private async disclose(context: SubgraphContext, pseudonym: string): Promise<ClaimView[]> {
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
