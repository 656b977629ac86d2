import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Proposals the coordinator delivered, the claims each covers, and this node's answers. An answer row
 * is also the outbox of its delivery: written in the same transaction as the decision, sent (and
 * re-sent) by the answer relay until the coordinator confirms it.
 */
export class Proposals1764400000000 implements MigrationInterface {
  name = 'Proposals1764400000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE proposals (
        id uuid PRIMARY KEY,
        pseudonym text NOT NULL,
        replaces uuid,
        answer_by timestamptz NOT NULL,
        share jsonb NOT NULL,
        -- {"ok": true} or {"ok": false, "problems": [...]}: this node's own check of its share
        share_check jsonb NOT NULL,
        status text NOT NULL CHECK (status IN ('awaiting_staff', 'answered', 'withdrawn', 'started')),
        token_id text NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX proposals_status_idx ON proposals (status, received_at DESC)`);
    await db.query(`
      CREATE TABLE proposal_claims (
        proposal_id uuid NOT NULL REFERENCES proposals (id),
        claim_id uuid NOT NULL REFERENCES claims (id),
        monthly_first_cents bigint NOT NULL CHECK (monthly_first_cents >= 0),
        total_paid_cents bigint NOT NULL CHECK (total_paid_cents >= 0),
        PRIMARY KEY (proposal_id, claim_id)
      )`);
    await db.query(`
      CREATE TABLE proposal_answers (
        id uuid PRIMARY KEY,
        proposal_id uuid NOT NULL UNIQUE REFERENCES proposals (id),
        decision text NOT NULL CHECK (decision IN ('accept', 'reject', 'counter')),
        reason_code text,
        reason_text text CHECK (length(reason_text) <= 1000),
        counter jsonb,
        decided_by text NOT NULL,
        decided_at timestamptz NOT NULL DEFAULT now(),
        delivered_at timestamptz,
        -- set when the coordinator refused the answer for good (e.g. the proposal was replaced meanwhile)
        refused_code text,
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        last_error text,
        CHECK (decision <> 'reject' OR reason_code IS NOT NULL),
        CHECK (decision <> 'counter' OR counter IS NOT NULL)
      )`);
    await db.query(`CREATE INDEX proposal_answers_pending_idx ON proposal_answers (next_attempt_at) WHERE delivered_at IS NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE proposal_answers`);
    await db.query(`DROP TABLE proposal_claims`);
    await db.query(`DROP TABLE proposals`);
  }
}
