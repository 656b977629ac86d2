import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Which free reminders were sent, so each instalment is reminded once, whichever process sweeps. */
export class PlanReminders1764600000000 implements MigrationInterface {
  name = 'PlanReminders1764600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE plan_reminders (
        proposal_id uuid NOT NULL REFERENCES proposals (id),
        instalment_number integer NOT NULL CHECK (instalment_number >= 1),
        due_date date NOT NULL,
        sent_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (proposal_id, instalment_number)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE plan_reminders`);
  }
}
