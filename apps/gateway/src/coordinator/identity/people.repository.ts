import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import { PG_POOL } from '../database/database.module.js';

/**
 * People by their OpenID subject. The first authenticated request creates the row; from then on the
 * platform id (a random UUID) is what everything else refers to, never the subject or a BSN.
 */
@Injectable()
export class PeopleRepository {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  async idFor(issuer: string, subject: string): Promise<string> {
    const find = { name: 'people-find', text: 'SELECT id FROM people WHERE oidc_issuer = $1 AND oidc_subject = $2', values: [issuer, subject] };
    const found = await this.pool.query<{ id: string }>(find);
    if (found.rows[0]) return found.rows[0].id;
    // Two first requests of the same person may race; the loser finds the winner's row.
    const inserted = await this.pool.query<{ id: string }>({
      name: 'people-insert',
      text: 'INSERT INTO people (oidc_issuer, oidc_subject) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING id',
      values: [issuer, subject],
    });
    const row = inserted.rows[0] ?? (await this.pool.query<{ id: string }>(find)).rows[0];
    if (!row) throw new Error('A person row vanished while being created.');
    return row.id;
  }

  /** Records that this person works as a counsellor, so residents can mandate them. */
  async registerCounsellor(personId: string): Promise<void> {
    await this.pool.query({
      name: 'counsellor-upsert',
      text: 'INSERT INTO counsellors (person_id) VALUES ($1) ON CONFLICT DO NOTHING',
      values: [personId],
    });
  }
}
