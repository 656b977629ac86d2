import { Inject, UseGuards } from '@nestjs/common';
import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { GraphQLError } from 'graphql';
import { ClaimErrorCode, globalClaimId } from '#contracts';

import type { NodeConfig } from '../config/node-config.js';
import { NODE_CONFIG } from '../config/node-config.token.js';
import { claimTotal } from '../claims/claim-record.js';
import { ClaimLifecycleService } from '../claims/claim-lifecycle.service.js';
import type { ClaimImportOutcome } from '../claims/claim-import.service.js';
import { ClaimEvent } from '../claims/domain/claim-lifecycle.js';
import type { ClaimStatus } from '../claims/domain/claim-status.js';
import type { CollectionStage } from '../claims/domain/collection-stage.js';
import {
  BackofficeQueries,
  type BackofficeClaim,
  type ClaimTransitionView,
  type DisclosureView,
  type Page,
} from './backoffice-queries.service.js';
import { ClaimImportFacade, type ClaimRowInput } from './claim-import.facade.js';
import { CurrentStaff, StaffAuthGuard } from './staff-auth.guard.js';
import type { StaffMember } from './staff-member.js';

interface ClaimSearchInput {
  text?: string | null;
  status?: Uppercase<ClaimStatus> | null;
  stage?: Uppercase<CollectionStage> | null;
  customerReference?: string | null;
}

const STAFF_EVENTS = {
  DISPUTE_RAISED: ClaimEvent.DISPUTE_RAISED,
  DISPUTE_RESOLVED: ClaimEvent.DISPUTE_RESOLVED,
  PAID_IN_FULL: ClaimEvent.PAID_IN_FULL,
} as const;

/** GraphQL's view of a claim: enums in upper case, plus the global id. */
function present(claim: BackofficeClaim, creditorId: string): Record<string, unknown> {
  return {
    ...claim,
    claimId: claim.id,
    id: globalClaimId(creditorId, claim.reference),
    principal: claim.principalCents,
    interest: claim.interestCents,
    costs: claim.costsCents,
    total: claimTotal(claim),
    stage: claim.stage.toUpperCase(),
    status: claim.status.toUpperCase(),
  };
}

@Resolver()
@UseGuards(StaffAuthGuard)
export class BackofficeResolver {
  constructor(
    @Inject(NODE_CONFIG) private readonly config: NodeConfig,
    private readonly queries: BackofficeQueries,
    private readonly imports: ClaimImportFacade,
    private readonly lifecycle: ClaimLifecycleService,
  ) {}

  @Query('claims')
  async claims(
    @Args('search') search: ClaimSearchInput | null,
    @Args('first') first: number,
    @Args('after') after: string | null,
  ): Promise<Page<Record<string, unknown>>> {
    const page = await this.queries.claims(
      {
        text: search?.text,
        status: search?.status ? (search.status.toLowerCase() as ClaimStatus) : null,
        stage: search?.stage ? (search.stage.toLowerCase() as CollectionStage) : null,
        customerReference: search?.customerReference,
      },
      first,
      after,
    );
    return { items: page.items.map((c) => present(c, this.config.creditorId)), nextCursor: page.nextCursor };
  }

  @Query('claim')
  async claim(@Args('reference') reference: string): Promise<Record<string, unknown> | null> {
    const claim = await this.queries.claim(reference);
    return claim === null ? null : present(claim, this.config.creditorId);
  }

  @Query('disclosures')
  disclosures(
    @Args('pseudonym') pseudonym: string | null,
    @Args('consentId') consentId: string | null,
    @Args('first') first: number,
    @Args('after') after: string | null,
  ): Promise<Page<DisclosureView>> {
    return this.queries.disclosures({ pseudonym, consentId }, first, after);
  }

  @Mutation('importClaims')
  async importClaims(@Args('rows') rows: ClaimRowInput[], @CurrentStaff() staff: StaffMember): Promise<Record<string, unknown>> {
    return toImportResult(await this.imports.importRows(rows, staff));
  }

  @Mutation('recordClaimEvent')
  async recordClaimEvent(
    @Args('reference') reference: string,
    @Args('event') event: keyof typeof STAFF_EVENTS,
    @Args('reason') reason: string,
    @CurrentStaff() staff: StaffMember,
  ): Promise<Record<string, unknown>> {
    const outcome = await this.lifecycle.record({ reference, event: STAFF_EVENTS[event], reason, actor: staff.subject });
    if (!outcome.ok) throw new GraphQLError(outcome.message, { extensions: { code: outcome.code } });
    const claim = await this.queries.claim(reference);
    if (claim === null) throw new GraphQLError(`There is no claim ${reference}.`, { extensions: { code: ClaimErrorCode.CLAIM_NOT_FOUND } });
    return present(claim, this.config.creditorId);
  }
}

/** Resolves the history of a back-office claim only when a client asks for it. */
@Resolver('Claim')
@UseGuards(StaffAuthGuard)
export class BackofficeClaimResolver {
  constructor(private readonly queries: BackofficeQueries) {}

  @ResolveField('transitions')
  async transitions(@Parent() claim: { claimId: string }): Promise<Record<string, unknown>[]> {
    const transitions = await this.queries.transitions(claim.claimId);
    return transitions.map((t: ClaimTransitionView) => ({ ...t, from: t.from?.toUpperCase() ?? null, to: t.to.toUpperCase() }));
  }
}

@Resolver('ImportClaimsResult')
export class ImportClaimsResultResolver {
  @ResolveField('__resolveType')
  resolveType(value: { __typename: string }): string {
    return value.__typename;
  }
}

export function toImportResult(outcome: ClaimImportOutcome): Record<string, unknown> {
  if (outcome.ok) return { __typename: 'ClaimsImported', ...outcome };
  return {
    __typename: 'ClaimImportRejected',
    code: ClaimErrorCode.IMPORT_INVALID,
    message: `Nothing was imported: ${outcome.errors.length} problem(s) found. Fix them and send everything again.`,
    errors: outcome.errors,
  };
}
