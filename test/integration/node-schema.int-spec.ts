import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { createNodeDataSource } from '../../apps/creditor-node/src/database/node-data-source.js';
import { seedLinkedCustomer } from '../support/seed.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

describe('creditor node schema (real migrations on a fresh database)', () => {
  let database: TestDatabase;
  let db: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase('schema');
    db = createNodeDataSource({ url: database.url });
    await db.initialize();
    await db.runMigrations();
    await seedLinkedCustomer(db, { customerReference: 'K-1', pseudonym: 'ps_1', claims: [{ reference: 'C-1', principalCents: 100 }] });
  });
  afterAll(async () => {
    await db?.destroy();
    await database?.drop();
  });

  it('is complete after migrating, and a second run applies nothing', async () => {
    const tables = await db.query<{ table_name: string }[]>(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1`);
    expect(tables.map((t) => t.table_name)).toEqual(
      expect.arrayContaining(['account_links', 'claim_imports', 'claim_revisions', 'claim_transitions', 'claims', 'customers', 'disclosures']),
    );
    expect(await db.runMigrations()).toEqual([]);
  });

  it.each([
    ['a zero principal', `UPDATE claims SET principal_cents = 0`],
    ['negative costs', `UPDATE claims SET costs_cents = -1`],
    ['more than ten million euros', `UPDATE claims SET principal_cents = 1000000001`],
    ['an unknown stage', `UPDATE claims SET stage = 'beslag'`],
    ['an unknown status', `UPDATE claims SET status = 'gone'`],
    ['a due date before the issue date', `UPDATE claims SET due_on = issued_on - 1`],
    ['a malformed postcode', `UPDATE customers SET postcode = '1234 ab'`],
  ])('refuses %s in the database itself', async (_label, sql) => {
    await expect(db.query(sql)).rejects.toThrow(/violates check constraint/);
  });

  it.each([
    ['disclosures', 'purpose'],
    ['claim_transitions', 'reason'],
    ['claim_revisions', 'change'],
    ['claim_imports', 'actor'],
  ])('keeps %s append-only', async (table, column) => {
    await db.query(`INSERT INTO disclosures (consent_id, token_id, pseudonym, purpose, categories, claim_references) VALUES ('c', 't', 'ps_1', 'debt-overview', '{claims}', '{}')`);
    await expect(db.query(`UPDATE ${table} SET ${column} = ${column}`)).rejects.toThrow(/append-only/);
    await expect(db.query(`DELETE FROM ${table}`)).rejects.toThrow(/append-only/);
  });
});
