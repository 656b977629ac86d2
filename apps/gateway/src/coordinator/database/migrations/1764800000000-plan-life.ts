import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The plan's life (issue 6): the payments it receives (from the payment provider, or reported by a
 * node that was paid directly), what it passed on, the follow-up of a missed instalment, amended plans
 * and answers to counter-proposals. A plan keeps its payment reference when it is amended, so the
 * resident keeps paying the same way.
 */
export class PlanLife1764800000000 implements MigrationInterface {
  name = 'PlanLife1764800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE proposals DROP CONSTRAINT proposals_status_check`);
    await q.query(`ALTER TABLE proposals ADD CONSTRAINT proposals_status_check CHECK (status IN ('open', 'started', 'replaced', 'withdrawn', 'amended', 'completed'))`);
    await q.query(`
      ALTER TABLE proposals
        ADD COLUMN amends uuid REFERENCES proposals (id),
        -- what the resident quotes when paying (betalingskenmerk); set when the plan starts
        ADD COLUMN payment_reference text,
        -- instalments paid in full and passed on to the creditors
        ADD COLUMN passed_on_instalments integer NOT NULL DEFAULT 0 CHECK (passed_on_instalments >= 0)`);
    // One running plan per payment reference: a payment always finds the plan it is for.
    await q.query(`CREATE UNIQUE INDEX proposals_running_reference_idx ON proposals (payment_reference) WHERE status = 'started'`);
    await q.query(`CREATE INDEX proposals_amends_idx ON proposals (amends) WHERE amends IS NOT NULL`);
    await q.query(`
      CREATE TABLE plan_payments (
        id uuid PRIMARY KEY,
        proposal_id uuid NOT NULL REFERENCES proposals (id),
        source text NOT NULL CHECK (source IN ('provider', 'node', 'carried_over')),
        creditor_id text REFERENCES creditors (id) CHECK ((source = 'node') = (creditor_id IS NOT NULL)),
        -- the provider's payment id, '<creditor>:<its reference>' for a node, the amended plan for money carried over
        external_id text NOT NULL,
        amount_cents bigint NOT NULL CHECK (amount_cents > 0),
        received_on date NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (source, external_id)
      )`);
    await q.query(`CREATE INDEX plan_payments_proposal_idx ON plan_payments (proposal_id)`);
    await q.query(`
      CREATE TABLE plan_follow_ups (
        proposal_id uuid NOT NULL REFERENCES proposals (id),
        instalment_number integer NOT NULL,
        -- missed: reminder and contact, the grace period starts; grace_ended: the counsellor gets in touch
        kind text NOT NULL CHECK (kind IN ('missed', 'grace_ended')),
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (proposal_id, instalment_number, kind)
      )`);
    // The answer to the creditor's current counter-proposal (cleared when it answers anew) …
    await q.query(`
      ALTER TABLE proposal_creditors
        ADD COLUMN counter_answer text CHECK (counter_answer IN ('accepted', 'declined')),
        ADD COLUMN counter_note text CHECK (length(counter_note) <= 1000)`);
    // … and every round of counter-proposal and answer, for the court dossier.
    await q.query(`
      CREATE TABLE proposal_counter_answers (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        proposal_id uuid NOT NULL,
        creditor_id text NOT NULL,
        counter jsonb NOT NULL,
        answer text NOT NULL CHECK (answer IN ('accepted', 'declined')),
        note text CHECK (length(note) <= 1000),
        answered_by uuid NOT NULL REFERENCES people (id),
        answered_at timestamptz NOT NULL,
        FOREIGN KEY (proposal_id, creditor_id) REFERENCES proposal_creditors (proposal_id, creditor_id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE proposal_counter_answers`);
    await q.query(`ALTER TABLE proposal_creditors DROP COLUMN counter_answer, DROP COLUMN counter_note`);
    await q.query(`DROP TABLE plan_follow_ups`);
    await q.query(`DROP TABLE plan_payments`);
    await q.query(`DROP INDEX proposals_running_reference_idx`);
    await q.query(`ALTER TABLE proposals DROP COLUMN amends, DROP COLUMN payment_reference, DROP COLUMN passed_on_instalments`);
    await q.query(`ALTER TABLE proposals DROP CONSTRAINT proposals_status_check`);
    await q.query(`ALTER TABLE proposals ADD CONSTRAINT proposals_status_check CHECK (status IN ('open', 'started', 'replaced', 'withdrawn'))`);
  }
}
