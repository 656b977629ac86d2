import { DataSource } from 'typeorm';
import { AccountLinkEntity } from '../customers/account-link.entity.js';
import { CustomerEntity } from '../customers/customer.entity.js';
import { ClaimImportEntity } from '../claims/claim-import.entity.js';
import { ClaimRevisionEntity } from '../claims/claim-revision.entity.js';
import { ClaimTransitionEntity } from '../claims/claim-transition.entity.js';
import { ClaimEntity } from '../claims/claim.entity.js';
import { DisclosureEntity } from '../disclosures/disclosure.entity.js';
import { InitialSchema1763800000000 } from './migrations/1763800000000-initial-schema.js';
import { DropRedundantDisclosureIndex1763900000000 } from './migrations/1763900000000-drop-redundant-disclosure-index.js';
import { LinkAttempts1764200000000 } from './migrations/1764200000000-link-attempts.js';
import { Proposals1764400000000 } from './migrations/1764400000000-proposals.js';
import { PlanLife1764800000000 } from './migrations/1764800000000-plan-life.js';
import { AnswerCorrelation1765000000000 } from './migrations/1765000000000-answer-correlation.js';

export const NODE_ENTITIES = [
  CustomerEntity,
  AccountLinkEntity,
  ClaimEntity,
  ClaimTransitionEntity,
  ClaimImportEntity,
  ClaimRevisionEntity,
  DisclosureEntity,
];

export const NODE_MIGRATIONS = [InitialSchema1763800000000, DropRedundantDisclosureIndex1763900000000, LinkAttempts1764200000000, Proposals1764400000000, PlanLife1764800000000, AnswerCorrelation1765000000000];

/** The node's own database. Migrations run at start, each in its own transaction. */
export function createNodeDataSource(params: { readonly url: string; readonly poolSize?: number }): DataSource {
  return new DataSource({
    type: 'postgres',
    url: params.url,
    entities: NODE_ENTITIES,
    migrations: NODE_MIGRATIONS,
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: false,
    extra: { max: params.poolSize ?? 10 },
  });
}
