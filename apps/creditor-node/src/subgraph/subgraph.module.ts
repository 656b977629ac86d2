import { Module } from '@nestjs/common';
import { ConsentVerifier } from '../consent/consent-verifier.service.js';
import { ClaimDisclosureRepository } from '../disclosures/claim-disclosure.repository.js';
import { ClaimAccessService } from './claim-access.service.js';
import { ClaimResolver } from './claim.resolver.js';
import { ResidentResolver } from './resident.resolver.js';

/** The creditor subgraph's resolvers; the GraphQL endpoint itself is set up in the app module. */
@Module({
  providers: [ConsentVerifier, ClaimDisclosureRepository, ClaimAccessService, ResidentResolver, ClaimResolver],
})
export class SubgraphModule {}
