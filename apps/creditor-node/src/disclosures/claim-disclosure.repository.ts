import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DataCategory, parseCents, type Cents, type ConsentTokenClaims } from '#contracts';
import type { ClaimStatus } from '../claims/domain/claim-status.js';
import type { CollectionStage } from '../claims/domain/collection-stage.js';

/** A claim as it is disclosed to the federation: no internal ids, no customer data. */
export interface DisclosedClaim {
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

interface ClaimRow {
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

// Paid and settled claims are no longer debts: disclosing them would share more than the purpose needs.
const OWED_STATUSES = `('open', 'proposed', 'in_plan', 'disputed')`;

const CLAIM_COLUMNS = `c.reference, c.description, c.principal_cents::text AS principal_cents,
  c.interest_cents::text AS interest_cents, c.costs_cents::text AS costs_cents,
  c.issued_on::text AS issued_on, c.due_on::text AS due_on, c.stage, c.preferential, c.status`;

/**
 * Reads a resident's claims and records the disclosure in ONE statement: the disclosure log entry is
 * committed together with the read, so nothing leaves the node without its record, and a busy node
 * pays one round trip per request.
 */
@Injectable()
export class ClaimDisclosureRepository {
  constructor(private readonly db: DataSource) {}

  /** All owed claims of the customers linked to this pseudonym; records the disclosure even if none. */
  async discloseClaimsOfResident(consent: ConsentTokenClaims): Promise<DisclosedClaim[]> {
    const rows: ClaimRow[] = await this.db.query(
      `WITH found AS (
         SELECT ${CLAIM_COLUMNS}
           FROM account_links l JOIN claims c ON c.customer_id = l.customer_id
          WHERE l.pseudonym = $1 AND c.status IN ${OWED_STATUSES}
       ), logged AS (
         INSERT INTO disclosures (consent_id, token_id, pseudonym, purpose, categories, claim_references)
         SELECT $2, $3, $1, $4, $5::text[], coalesce(array_agg(reference ORDER BY reference), '{}') FROM found
       )
       SELECT * FROM found ORDER BY issued_on, reference`,
      [consent.sub, consent.consentId, consent.jti, consent.purpose, [DataCategory.CLAIMS]],
    );
    return rows.map(toDisclosedClaim);
  }

  /** One claim by reference, only if it belongs to this pseudonym; records the disclosure if found. */
  async discloseClaim(consent: ConsentTokenClaims, reference: string): Promise<DisclosedClaim | null> {
    const rows: ClaimRow[] = await this.db.query(
      `WITH found AS (
         SELECT ${CLAIM_COLUMNS}
           FROM claims c JOIN account_links l ON l.customer_id = c.customer_id AND l.pseudonym = $1
          WHERE c.reference = $6 AND c.status IN ${OWED_STATUSES}
       ), logged AS (
         INSERT INTO disclosures (consent_id, token_id, pseudonym, purpose, categories, claim_references)
         SELECT $2, $3, $1, $4, $5::text[], array_agg(reference) FROM found HAVING count(*) > 0
       )
       SELECT * FROM found`,
      [consent.sub, consent.consentId, consent.jti, consent.purpose, [DataCategory.CLAIMS], reference],
    );
    const row = rows[0];
    return row === undefined ? null : toDisclosedClaim(row);
  }
}

function toDisclosedClaim(row: ClaimRow): DisclosedClaim {
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
