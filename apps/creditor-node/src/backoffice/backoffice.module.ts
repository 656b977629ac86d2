import { Module } from '@nestjs/common';
import { ClaimImportService } from '../claims/claim-import.service.js';
import { ClaimLifecycleService } from '../claims/claim-lifecycle.service.js';
import { ProposalsModule } from '../proposals/proposals.module.js';
import { BackofficeProposalsResolver } from './backoffice-proposals.resolver.js';
import { BackofficeQueries } from './backoffice-queries.service.js';
import { BackofficeClaimResolver, BackofficeResolver, ImportClaimsResultResolver } from './backoffice.resolver.js';
import { ClaimCsvImportController } from './claim-csv-import.controller.js';
import { ClaimImportFacade } from './claim-import.facade.js';
import { StaffAuthGuard } from './staff-auth.guard.js';
import { StaffAuthenticator } from './staff-authenticator.service.js';

/** The creditor staff's own API: import claims, search them, read the disclosure log, decide proposals. */
@Module({
  imports: [ProposalsModule],
  controllers: [ClaimCsvImportController],
  providers: [
    StaffAuthenticator,
    StaffAuthGuard,
    BackofficeQueries,
    ClaimImportService,
    ClaimLifecycleService,
    ClaimImportFacade,
    BackofficeResolver,
    BackofficeClaimResolver,
    ImportClaimsResultResolver,
    BackofficeProposalsResolver,
  ],
})
export class BackofficeModule {}
