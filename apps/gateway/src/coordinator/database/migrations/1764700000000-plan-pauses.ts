import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Payment pauses granted on running plans: the policy counts them over any 12 months. */
export class PlanPauses1764700000000 implements MigrationInterface {
  name = 'PlanPauses1764700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE plan_pauses (
        id uuid PRIMARY KEY,
        proposal_id uuid NOT NULL REFERENCES proposals (id),
        from_month text NOT NULL CHECK (from_month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
        months integer NOT NULL CHECK (months BETWEEN 1 AND 24),
        requested_by uuid NOT NULL REFERENCES people (id),
        requested_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX plan_pauses_proposal_idx ON plan_pauses (proposal_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE plan_pauses`);
  }
}
