import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { ConsentPurpose, DataCategory } from '#contracts';
import { Clock } from '#service-kit';
import { ConsentScope } from '../consent-tokens/consent-scope.repository.js';
import { CreditorDirectory, type DirectoryEntry } from '../directory/creditor-directory.repository.js';
import { CallerAuthenticator } from '../identity/caller-authenticator.js';
import { ResidentAccess } from '../identity/resident-access.service.js';
import { callerOf, type CoordinatorContext } from './coordinator-context.js';

/** The coordinator's own fields of a resident; each asks again whether the caller may act for them. */
@Resolver('Resident')
export class ResidentFieldsResolver {
  constructor(
    private readonly callers: CallerAuthenticator,
    private readonly access: ResidentAccess,
    private readonly scope: ConsentScope,
    private readonly directory: CreditorDirectory,
    private readonly clock: Clock,
  ) {}

  @ResolveField()
  async overviewCreditors(@Parent() resident: { id: string }, @Context() ctx: CoordinatorContext): Promise<DirectoryEntry[]> {
    const { residentId } = await this.access.actingFor(await callerOf(ctx, this.callers), resident.id);
    const inScope = await this.scope.inForce({ residentId, purpose: ConsentPurpose.DEBT_OVERVIEW, category: DataCategory.CLAIMS, now: this.clock.now() });
    const known = await this.directory.byIds(inScope.map((c) => c.creditor_id));
    return inScope.flatMap((c) => known.get(c.creditor_id) ?? []);
  }
}
