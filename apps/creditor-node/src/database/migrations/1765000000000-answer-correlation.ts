import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The correlation id of the request that decided an answer (a staff decision, or the coordinator's
 * delivery the policy answered), so the relay sends the answer on under the same id and an operator can
 * follow a proposal from the resident's request to the node's answer and back. Only the id's own
 * characters are allowed: it goes into an HTTP header and into log lines.
 */
export class AnswerCorrelation1765000000000 implements MigrationInterface {
  name = 'AnswerCorrelation1765000000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE proposal_answers ADD COLUMN correlation_id text CHECK (correlation_id ~ '^[A-Za-z0-9._-]{8,64}$')`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE proposal_answers DROP COLUMN correlation_id`);
  }
}
