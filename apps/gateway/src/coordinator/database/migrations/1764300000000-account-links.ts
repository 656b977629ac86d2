import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Which creditors each resident linked an account at (the pseudonym is derived, never stored), and
 * failed link attempts for the rate limit. Consent tokens are only minted for creditors that are
 * linked and consented.
 */
export class AccountLinks1764300000000 implements MigrationInterface {
  name = 'AccountLinks1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE account_links (
        id uuid PRIMARY KEY,
        resident_id uuid NOT NULL REFERENCES people (id),
        creditor_id text NOT NULL REFERENCES creditors (id),
        state text NOT NULL CHECK (state IN ('linked', 'unlinked')),
        linked_at timestamptz NOT NULL,
        linked_by uuid NOT NULL REFERENCES people (id),
        unlinked_at timestamptz,
        unlinked_by uuid REFERENCES people (id),
        CHECK ((state = 'unlinked') = (unlinked_at IS NOT NULL))
      )`);
    await q.query(`CREATE UNIQUE INDEX account_links_in_force ON account_links (resident_id, creditor_id) WHERE state = 'linked'`);
    await q.query(`
      CREATE TABLE account_link_attempts (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        resident_id uuid NOT NULL REFERENCES people (id),
        creditor_id text NOT NULL,
        at timestamptz NOT NULL,
        linked boolean NOT NULL
      )`);
    await q.query(`CREATE INDEX account_link_attempts_resident_at_idx ON account_link_attempts (resident_id, at DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE account_link_attempts`);
    await q.query(`DROP TABLE account_links`);
  }
}
