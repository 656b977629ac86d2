import { ResolveField, ResolveReference, Resolver } from '@nestjs/graphql';
import { ClaimAccessService } from './claim-access.service.js';
import type { ClaimView, CreditorTotalView } from './claim.view.js';
import type { SubgraphContext } from './subgraph-context.js';

interface ResidentReference {
  readonly id: string;
}

/** The coordinator's Resident entity, extended with this node's claims; `id` is this node's pseudonym. */
@Resolver('Resident')
export class ResidentResolver {
  constructor(private readonly access: ClaimAccessService) {}

  @ResolveReference()
  resolveReference(reference: ResidentReference): ResidentReference {
    return { id: reference.id };
  }

  // Plain GraphQL arguments (parent, args, context) instead of @Parent/@Context: without parameter
  // decorators Nest binds this resolver directly, which matters on the node's hottest path.
  @ResolveField('claims')
  claims(resident: ResidentReference, _args: unknown, context: SubgraphContext): Promise<ClaimView[]> {
    return this.access.claimsOfResident(context, resident.id);
  }

  @ResolveField('creditorTotals')
  creditorTotals(resident: ResidentReference, _args: unknown, context: SubgraphContext): Promise<CreditorTotalView[]> {
    return this.access.totalsOfResident(context, resident.id);
  }
}
