import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CreditorDirectory, type DirectoryEntry } from '../directory/creditor-directory.repository.js';
import { callerOf, type CoordinatorContext } from '../graphql/coordinator-context.js';
import { CallerAuthenticator } from '../identity/caller-authenticator.js';
import { AccountLinkService, type AccountLinkView } from './account-link.service.js';

/** Linking, listing and unlinking accounts; thin: the service decides. */
@Resolver()
export class AccountLinksResolver {
  constructor(
    private readonly callers: CallerAuthenticator,
    private readonly links: AccountLinkService,
  ) {}

  @Query()
  async accountLinks(@Context() ctx: CoordinatorContext, @Args('residentId') residentId?: string | null): Promise<AccountLinkView[]> {
    return this.links.list(await callerOf(ctx, this.callers), residentId);
  }

  @Mutation()
  async linkAccount(
    @Context() ctx: CoordinatorContext,
    @Args('input') input: { residentId?: string | null; creditorId: string; reference: string; postcode: string; birthDate?: string | null },
  ): Promise<{ linked: boolean; message: string; creditor: DirectoryEntry }> {
    return this.links.link(await callerOf(ctx, this.callers), input);
  }

  @Mutation()
  async unlinkAccount(@Context() ctx: CoordinatorContext, @Args('creditorId') creditorId: string, @Args('residentId') residentId?: string | null): Promise<boolean> {
    return this.links.unlink(await callerOf(ctx, this.callers), { creditorId, residentId });
  }
}

@Resolver('AccountLink')
export class AccountLinkFieldsResolver {
  constructor(private readonly directory: CreditorDirectory) {}

  @ResolveField()
  async creditor(@Parent() link: AccountLinkView): Promise<DirectoryEntry | null> {
    return (await this.directory.byIds([link.creditorId])).get(link.creditorId) ?? null;
  }
}
