import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import type { ConsentPurpose, DataCategory } from '#contracts';
import { PG_POOL } from '../database/database.module.js';

/** One creditor the resident's consents reach, with the consent that counts there. */
export interface CreditorInScope {
  readonly consent_id: string;
  readonly creditor_id: string;
  readonly subgraph_url: string;
  readonly categories: DataCategory[];
}

/**
 * Which creditors may be asked about a resident, for a purpose and kind of data, right now: linked
 * (the resident proved the account is theirs) and covered by a consent in force. One definition for
 * minting consent tokens and for telling the resident whom an overview asks.
 */
@Injectable()
export class ConsentScope {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  async inForce(params: { readonly residentId: string; readonly purpose: ConsentPurpose; readonly category: DataCategory; readonly now: Date }): Promise<CreditorInScope[]> {
    // The newest consent per creditor wins, so a narrower consent given later is the one that counts.
    const { rows } = await this.pool.query<CreditorInScope>({
      name: 'consents-in-force-per-creditor',
      text: `SELECT DISTINCT ON (cr.id) c.id AS consent_id, cr.id AS creditor_id, cr.subgraph_url, c.categories
             FROM consents c
             JOIN LATERAL unnest(c.creditor_ids) AS covered(creditor_id) ON true
             JOIN creditors cr ON cr.id = covered.creditor_id
             -- Only creditors the resident linked an account at: consent alone asks nobody.
             JOIN account_links al ON al.resident_id = c.resident_id AND al.creditor_id = cr.id AND al.state = 'linked'
             WHERE c.resident_id = $1 AND c.state = 'given' AND c.purpose = $2 AND $3 = ANY (c.categories)
               AND c.valid_from <= $4 AND c.valid_until > $4
             ORDER BY cr.id, c.valid_from DESC`,
      values: [params.residentId, params.purpose, params.category, params.now],
    });
    return rows;
  }
}
