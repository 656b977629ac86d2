import { Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { DataCategory, type ConsentTokenClaims } from '#contracts';
import { pgPoolOf } from '#service-kit';
import { CLAIM_RECORD_COLUMNS, toClaimRecord, type ClaimRecord, type ClaimRecordRow } from '../claims/claim-record.js';

// Paid and settled claims are no longer debts: disclosing them would share more than the purpose needs.
const OWED_STATUSES = `('open', 'proposed', 'in_plan', 'disputed')`;

/**
 * Reads a resident's claims and records the disclosure in ONE statement: the disclosure log entry is
 * committed together with the read, so nothing leaves the node without its record, and a busy node
 * pays one round trip per request.
 */
@Injectable()
export class ClaimDisclosureRepository {
  private readonly pool: Pool;

  constructor(db: DataSource) {
    this.pool = pgPoolOf(db);
  }

  /** All owed claims of the customers linked to this pseudonym; records the disclosure even if none. */
  async discloseClaimsOfResident(consent: ConsentTokenClaims): Promise<ClaimRecord[]> {
    const { rows } = await this.pool.query<ClaimRecordRow>({
      name: 'disclose-claims-of-resident',
      text: `WITH found AS (
         SELECT ${CLAIM_RECORD_COLUMNS}
           FROM account_links l JOIN claims c ON c.customer_id = l.customer_id
          WHERE l.pseudonym = $1 AND c.status IN ${OWED_STATUSES}
       ), logged AS (
         INSERT INTO disclosures (consent_id, token_id, pseudonym, purpose, categories, claim_references)
         SELECT $2, $3, $1, $4, $5::text[], coalesce(array_agg(reference ORDER BY reference), '{}') FROM found
       )
       SELECT * FROM found ORDER BY issued_on, reference`,
      values: [consent.sub, consent.consentId, consent.jti, consent.purpose, [DataCategory.CLAIMS]],
    });
    return rows.map(toClaimRecord);
  }

  /** One claim by reference, only if it belongs to this pseudonym; records the disclosure if found. */
  async discloseClaim(consent: ConsentTokenClaims, reference: string): Promise<ClaimRecord | null> {
    const { rows } = await this.pool.query<ClaimRecordRow>({
      name: 'disclose-claim',
      text: `WITH found AS (
         SELECT ${CLAIM_RECORD_COLUMNS}
           FROM claims c JOIN account_links l ON l.customer_id = c.customer_id AND l.pseudonym = $1
          WHERE c.reference = $6 AND c.status IN ${OWED_STATUSES}
       ), logged AS (
         INSERT INTO disclosures (consent_id, token_id, pseudonym, purpose, categories, claim_references)
         SELECT $2, $3, $1, $4, $5::text[], array_agg(reference) FROM found HAVING count(*) > 0
       )
       SELECT * FROM found`,
      values: [consent.sub, consent.consentId, consent.jti, consent.purpose, [DataCategory.CLAIMS], reference],
    });
    const row = rows[0];
    return row === undefined ? null : toClaimRecord(row);
  }
}
