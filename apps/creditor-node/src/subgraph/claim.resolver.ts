import { ResolveReference, Resolver } from '@nestjs/graphql';
import { ClaimAccessService } from './claim-access.service.js';
import type { ClaimView } from './claim.view.js';
import type { SubgraphContext } from './subgraph-context.js';

/** Claims as entities: the gateway routes a global id `<creditorId>:<reference>` to its node only. */
@Resolver('Claim')
export class ClaimResolver {
  constructor(private readonly access: ClaimAccessService) {}

  // Apollo calls reference resolvers as (reference, context, info), so no parameter decorators here.
  @ResolveReference()
  resolveReference(reference: { id: string }, context: SubgraphContext): Promise<ClaimView | null> {
    return this.access.claimById(context, reference.id);
  }
}
