import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { PlatformRole, type ConsentPurpose, type DataCategory } from '#contracts';
import { CoordinatorError } from '../common/coordinator-error.js';
import { ConsentTokenMinter, type ConsentTokenGrant } from '../consent-tokens/consent-token-minter.service.js';
import type { ConsentView } from '../consents/consent.repository.js';
import { ConsentService } from '../consents/consent.service.js';
import { currentConsentText, currentMandateText, type ShownText } from '../consents/consent-texts.js';
import { CreditorDirectory, type DirectoryEntry } from '../directory/creditor-directory.repository.js';
import { checkCreditorRegistration } from '../directory/domain/creditor-registration.js';
import { CallerAuthenticator } from '../identity/caller-authenticator.js';
import { ResidentAccess } from '../identity/resident-access.service.js';
import type { MandateView } from '../mandates/mandate.repository.js';
import { MandateInvitations, type MandateInvitation, type MandateInvitationPreview } from '../mandates/mandate-invitation.service.js';
import { MandateService } from '../mandates/mandate.service.js';
import { callerOf, type CoordinatorContext } from './coordinator-context.js';

interface LedgerEntryRef {
  readonly index: number;
  readonly kind: string;
  readonly receiptPath: string;
}

function entryRefs(entries: readonly { readonly index: number; readonly kind: string }[]): LedgerEntryRef[] {
  return entries.map((e) => ({ ...e, receiptPath: `/ledger/v1/receipts/${e.index}` }));
}

/** Thin glue: authenticate, hand the request to a service, shape the answer. */
@Resolver()
export class CoordinatorResolver {
  constructor(
    private readonly callers: CallerAuthenticator,
    private readonly access: ResidentAccess,
    private readonly directory: CreditorDirectory,
    private readonly consentService: ConsentService,
    private readonly mandateService: MandateService,
    private readonly invitations: MandateInvitations,
    private readonly minter: ConsentTokenMinter,
  ) {}

  @Query()
  async me(@Context() ctx: CoordinatorContext): Promise<{ id: string } | null> {
    const person = this.access.requirePerson(await callerOf(ctx, this.callers));
    return person.roles.has(PlatformRole.RESIDENT) ? { id: person.personId } : null;
  }

  @Query()
  async resident(@Context() ctx: CoordinatorContext, @Args('id') id: string): Promise<{ id: string }> {
    const { residentId } = await this.access.actingFor(await callerOf(ctx, this.callers), id);
    return { id: residentId };
  }

  @Query()
  async whoAmI(@Context() ctx: CoordinatorContext): Promise<{ id: string; roles: string[]; mandatedResidents: string[] }> {
    const person = this.access.requirePerson(await callerOf(ctx, this.callers));
    const mandatedResidents = person.roles.has(PlatformRole.COUNSELLOR) ? await this.mandateService.mandatingResidents(person.personId) : [];
    return { id: person.personId, roles: [...person.roles].sort(), mandatedResidents };
  }

  @Query()
  creditors(): Promise<DirectoryEntry[]> {
    return this.directory.list();
  }

  @Query()
  async consents(@Context() ctx: CoordinatorContext, @Args('residentId') residentId?: string | null): Promise<ConsentView[]> {
    return this.consentService.list(await callerOf(ctx, this.callers), residentId);
  }

  @Query()
  async consent(@Context() ctx: CoordinatorContext, @Args('id') id: string): Promise<ConsentView | null> {
    return this.consentService.get(await callerOf(ctx, this.callers), id);
  }

  @Query()
  async mandates(@Context() ctx: CoordinatorContext): Promise<MandateView[]> {
    return this.mandateService.list(await callerOf(ctx, this.callers));
  }

  @Query()
  consentText(@Args('purpose') purpose: ConsentPurpose): ShownText {
    return currentConsentText(purpose);
  }

  @Query()
  mandateText(): ShownText {
    return currentMandateText();
  }

  @Query()
  async mandateInvitation(@Context() ctx: CoordinatorContext, @Args('code') code: string): Promise<MandateInvitationPreview> {
    return this.invitations.preview(await callerOf(ctx, this.callers), code);
  }

  @Mutation()
  async registerCreditor(
    @Context() ctx: CoordinatorContext,
    @Args('input') input: { id: string; name: string; sector: string; subgraphUrl: string; keySet: string },
  ): Promise<DirectoryEntry> {
    const admin = this.access.requireRole(await callerOf(ctx, this.callers), PlatformRole.ADMIN);
    const checked = checkCreditorRegistration(input);
    if ('problems' in checked) {
      const [first, ...rest] = checked.problems;
      if (first) throw CoordinatorError.fromProblems([first, ...rest]);
      throw new Error('unreachable: a refused registration names a problem');
    }
    return this.directory.register(checked.registration, admin.personId);
  }

  @Mutation()
  async giveConsent(
    @Context() ctx: CoordinatorContext,
    @Args('input')
    input: {
      residentId?: string | null;
      purpose: ConsentPurpose;
      creditorIds: string[];
      categories: DataCategory[];
      validUntil: Date;
      textVersion: string;
    },
  ): Promise<ConsentView> {
    return this.consentService.give(await callerOf(ctx, this.callers), input);
  }

  @Mutation()
  async withdrawConsent(@Context() ctx: CoordinatorContext, @Args('id') id: string): Promise<ConsentView> {
    return this.consentService.withdraw(await callerOf(ctx, this.callers), id);
  }

  @Mutation()
  async giveMandate(
    @Context() ctx: CoordinatorContext,
    @Args('input') input: { counsellorId?: string | null; invitationCode?: string | null; validUntil: Date; textVersion: string },
  ): Promise<MandateView> {
    return this.mandateService.give(await callerOf(ctx, this.callers), input);
  }

  @Mutation()
  async createMandateInvitation(@Context() ctx: CoordinatorContext, @Args('input') input: { counsellorName: string }): Promise<MandateInvitation> {
    return this.invitations.create(await callerOf(ctx, this.callers), input);
  }

  @Mutation()
  async withdrawMandate(@Context() ctx: CoordinatorContext, @Args('id') id: string): Promise<MandateView> {
    return this.mandateService.withdraw(await callerOf(ctx, this.callers), id);
  }

  @Mutation()
  async issueConsentTokens(
    @Context() ctx: CoordinatorContext,
    @Args('input') input: { residentId?: string | null; purpose: ConsentPurpose; category: DataCategory },
  ): Promise<ConsentTokenGrant[]> {
    return this.minter.mint(await callerOf(ctx, this.callers), input);
  }
}

/** A consent lists its creditors from the directory, and its ledger entries with receipt paths. */
@Resolver('Consent')
export class ConsentFieldsResolver {
  constructor(private readonly directory: CreditorDirectory) {}

  @ResolveField()
  async creditors(@Parent() consent: ConsentView): Promise<DirectoryEntry[]> {
    const known = await this.directory.byIds(consent.creditorIds);
    return consent.creditorIds.flatMap((id) => known.get(id) ?? []);
  }

  @ResolveField()
  givenBy(@Parent() consent: ConsentView): string {
    return consent.givenByRole;
  }

  @ResolveField()
  ledgerEntries(@Parent() consent: ConsentView): LedgerEntryRef[] {
    return entryRefs(consent.ledgerEntries);
  }
}

@Resolver('Mandate')
export class MandateFieldsResolver {
  @ResolveField()
  ledgerEntries(@Parent() mandate: MandateView): LedgerEntryRef[] {
    return entryRefs(mandate.ledgerEntries);
  }
}
