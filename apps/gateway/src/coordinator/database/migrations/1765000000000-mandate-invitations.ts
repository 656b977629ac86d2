import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Mandate invitations: a counsellor makes a one-time code and gives it to the resident (in person, by
 * letter); the resident types it in to give the mandate, so nobody needs a platform id. Only the code's
 * keyed hash is kept. The counsellor's name (as their identity provider gives it) is what the resident sees
 * before saying yes; a counsellor's name is a professional's, not a resident's, and never goes to the
 * ledger.
 */
export class MandateInvitations1765000000000 implements MigrationInterface {
  name = 'MandateInvitations1765000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE mandate_invitations (
        code_hash bytea PRIMARY KEY CHECK (length(code_hash) = 32),
        counsellor_id uuid NOT NULL REFERENCES counsellors (person_id),
        counsellor_name text NOT NULL CHECK (length(counsellor_name) BETWEEN 1 AND 100),
        created_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL CHECK (expires_at > created_at),
        used_at timestamptz,
        mandate_id uuid REFERENCES mandates (id),
        CHECK ((used_at IS NULL) = (mandate_id IS NULL))
      )`);
    await q.query(`CREATE INDEX mandate_invitations_counsellor_idx ON mandate_invitations (counsellor_id, expires_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE mandate_invitations`);
  }
}
