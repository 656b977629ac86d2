import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The disclosure log is read newest first by its identity column, which already grows with time; the
 * extra index on `at` cost every disclosure (the node's hottest write) and served no query.
 */
export class DropRedundantDisclosureIndex1763900000000 implements MigrationInterface {
  name = 'DropRedundantDisclosureIndex1763900000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX IF EXISTS disclosures_at_idx`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`CREATE INDEX disclosures_at_idx ON disclosures (at DESC, id DESC)`);
  }
}
