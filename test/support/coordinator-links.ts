import type { Pool } from 'pg';

/**
 * Records account links in the coordinator's database as if each node had confirmed them, for tests
 * about what comes after linking (consent tokens, the overview). The link flow itself, with a real
 * node answering, is tested in test/integration/coordinator-account-links.int-spec.ts.
 */
export async function recordLinksDirectly(pool: Pool, residentId: string, creditorIds: readonly string[]): Promise<void> {
  for (const creditorId of creditorIds) {
    await pool.query(
      `INSERT INTO account_links (id, resident_id, creditor_id, state, linked_at, linked_by)
       VALUES (gen_random_uuid(), $1, $2, 'linked', now(), $1) ON CONFLICT DO NOTHING`,
      [residentId, creditorId],
    );
  }
}
