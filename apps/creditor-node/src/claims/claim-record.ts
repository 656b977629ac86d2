import { parseCents, sumCents, type Cents } from '#contracts';
import type { ClaimStatus } from './domain/claim-status.js';
import type { CollectionStage } from './domain/collection-stage.js';

/** A stored claim as the node's code works with it: money as Cents, dates as YYYY-MM-DD. */
export interface ClaimRecord {
  readonly reference: string;
  readonly description: string;
  readonly principalCents: Cents;
  readonly interestCents: Cents;
  readonly costsCents: Cents;
  readonly issuedOn: string;
  readonly dueOn: string;
  readonly stage: CollectionStage;
  readonly preferential: boolean;
  readonly status: ClaimStatus;
}

/**
 * The claim columns for raw SQL on table alias `c`. Money and dates are cast to text so the driver
 * never turns them into floats or local-time Dates; `toClaimRecord` parses them.
 */
export const CLAIM_RECORD_COLUMNS = `c.reference, c.description, c.principal_cents::text AS principal_cents,
  c.interest_cents::text AS interest_cents, c.costs_cents::text AS costs_cents,
  c.issued_on::text AS issued_on, c.due_on::text AS due_on, c.stage, c.preferential, c.status`;

/** A row selected with CLAIM_RECORD_COLUMNS. */
export interface ClaimRecordRow {
  reference: string;
  description: string;
  principal_cents: string;
  interest_cents: string;
  costs_cents: string;
  issued_on: string;
  due_on: string;
  stage: CollectionStage;
  preferential: boolean;
  status: ClaimStatus;
}

export function toClaimRecord(row: ClaimRecordRow): ClaimRecord {
  return {
    reference: row.reference,
    description: row.description,
    principalCents: parseCents(row.principal_cents),
    interestCents: parseCents(row.interest_cents),
    costsCents: parseCents(row.costs_cents),
    issuedOn: row.issued_on,
    dueOn: row.due_on,
    stage: row.stage,
    preferential: row.preferential,
    status: row.status,
  };
}

export function claimTotal(claim: ClaimRecord): Cents {
  return sumCents([claim.principalCents, claim.interestCents, claim.costsCents]);
}
