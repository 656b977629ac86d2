import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A plan's life at the node: what the plan passed on to each claim (cumulative, per proposal, as the
 * coordinator reports it), amended plans over claims already in a plan, and a second decision after
 * the resident declined this creditor's counter-proposal (the first answer stays, superseded).
 */
export class PlanLife1764800000000 implements MigrationInterface {
  name = 'PlanLife1764800000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE proposals DROP CONSTRAINT proposals_status_check`);
    await db.query(`ALTER TABLE proposals ADD CONSTRAINT proposals_status_check CHECK (status IN ('awaiting_staff', 'answered', 'withdrawn', 'started', 'amended', 'completed'))`);
    await db.query(`
      ALTER TABLE proposals
        ADD COLUMN amends uuid,
        -- the resident's words when they declined this creditor's counter-proposal
        ADD COLUMN counter_declined_note text CHECK (length(counter_declined_note) <= 1000)`);
    await db.query(`ALTER TABLE proposal_claims ADD COLUMN passed_on_cents bigint NOT NULL DEFAULT 0 CHECK (passed_on_cents >= 0)`);
    // What is still owed on a claim is its amount minus what every plan passed on to it.
    await db.query(`CREATE INDEX proposal_claims_claim_idx ON proposal_claims (claim_id)`);
    await db.query(`ALTER TABLE proposal_answers DROP CONSTRAINT proposal_answers_proposal_id_key`);
    await db.query(`ALTER TABLE proposal_answers ADD COLUMN superseded_at timestamptz`);
    await db.query(`CREATE UNIQUE INDEX proposal_answers_live_idx ON proposal_answers (proposal_id) WHERE superseded_at IS NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX proposal_answers_live_idx`);
    await db.query(`DELETE FROM proposal_answers WHERE superseded_at IS NOT NULL`);
    await db.query(`ALTER TABLE proposal_answers DROP COLUMN superseded_at`);
    await db.query(`ALTER TABLE proposal_answers ADD CONSTRAINT proposal_answers_proposal_id_key UNIQUE (proposal_id)`);
    await db.query(`DROP INDEX proposal_claims_claim_idx`);
    await db.query(`ALTER TABLE proposal_claims DROP COLUMN passed_on_cents`);
    await db.query(`ALTER TABLE proposals DROP COLUMN amends, DROP COLUMN counter_declined_note`);
    await db.query(`ALTER TABLE proposals DROP CONSTRAINT proposals_status_check`);
    await db.query(`ALTER TABLE proposals ADD CONSTRAINT proposals_status_check CHECK (status IN ('awaiting_staff', 'answered', 'withdrawn', 'started'))`);
  }
}
