import { Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import { DataSource } from 'typeorm';
import type { AccountLinkCheck } from '#contracts';
import { pgPoolOf } from '#service-kit';
import { LINK_LIMITS } from './link-limits.js';

export type LinkOutcome = { readonly kind: 'linked' } | { readonly kind: 'not_linked' } | { readonly kind: 'rate_limited' };

/**
 * Links a pseudonym to the customer whose reference and check match. A customer with a birth date on
 * file needs it to match too; one without is checked on postcode alone. The answer for an unknown
 * reference and for a wrong check is the same, and both take the same path through the database.
 */
@Injectable()
export class AccountLinkService {
  private readonly pool: Pool;

  constructor(db: DataSource) {
    this.pool = pgPoolOf(db);
  }

  async link(pseudonym: string, check: AccountLinkCheck): Promise<LinkOutcome> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      // One attempt at a time per pseudonym, so parallel guesses cannot slip past the limit.
      await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`link:${pseudonym}`]);
      const { rows: counts } = await client.query<{ mine: string; node_wide: string }>({
        name: 'link-failures',
        text: `SELECT count(*) FILTER (WHERE pseudonym = $1) AS mine, count(*) AS node_wide
                 FROM link_attempts WHERE NOT linked AND at > now() - make_interval(mins => $2)`,
        values: [pseudonym, LINK_LIMITS.windowMinutes],
      });
      const mine = Number(counts[0]?.mine ?? 0);
      const nodeWide = Number(counts[0]?.node_wide ?? 0);
      if (mine >= LINK_LIMITS.failuresPerPseudonym || nodeWide >= LINK_LIMITS.failuresPerNode) {
        await client.query('ROLLBACK');
        return { kind: 'rate_limited' };
      }
      const { rows } = await client.query<{ id: string }>({
        name: 'link-match',
        text: `SELECT id FROM customers
                WHERE reference = $1 AND postcode = $2 AND (birth_date IS NULL OR birth_date = $3::date)`,
        values: [check.reference, check.postcode, check.birthDate ?? null],
      });
      const customer = rows[0];
      if (customer !== undefined) {
        await client.query({
          name: 'link-insert',
          text: 'INSERT INTO account_links (pseudonym, customer_id) VALUES ($1, $2) ON CONFLICT DO NOTHING',
          values: [pseudonym, customer.id],
        });
      }
      await client.query({ name: 'link-attempt', text: 'INSERT INTO link_attempts (pseudonym, linked) VALUES ($1, $2)', values: [pseudonym, customer !== undefined] });
      await client.query('COMMIT');
      return customer === undefined ? { kind: 'not_linked' } : { kind: 'linked' };
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  /** Removes every link of the pseudonym; the disclosure log keeps what was disclosed before. */
  async unlink(pseudonym: string): Promise<number> {
    const { rowCount } = await this.pool.query({ name: 'link-delete', text: 'DELETE FROM account_links WHERE pseudonym = $1', values: [pseudonym] });
    return rowCount ?? 0;
  }
}
