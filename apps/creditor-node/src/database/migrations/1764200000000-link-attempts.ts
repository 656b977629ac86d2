import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Link attempts, to rate-limit guessing: a failed attempt is remembered per pseudonym, so one resident
 * cannot try reference after reference. Holds no reference or check, only that an attempt failed.
 */
export class LinkAttempts1764200000000 implements MigrationInterface {
  name = 'LinkAttempts1764200000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE link_attempts (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        pseudonym text NOT NULL,
        at timestamptz NOT NULL DEFAULT now(),
        linked boolean NOT NULL
      )`);
    await db.query(`CREATE INDEX link_attempts_pseudonym_at_idx ON link_attempts (pseudonym, at DESC)`);
    await db.query(`CREATE INDEX link_attempts_at_idx ON link_attempts (at DESC)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE link_attempts`);
  }
}
