import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createNodeDataSource, NODE_MIGRATIONS } from '../../apps/creditor-node/src/database/node-data-source.js';
import { runMigrationsExclusively } from '#service-kit';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

describe('node workers starting at once on a fresh database', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase('migrate_race');
  });
  afterAll(async () => {
    await database?.drop();
  });

  it('migrate one after the other: every migration applied exactly once, nobody fails', async () => {
    const workers = Array.from({ length: 4 }, () => createNodeDataSource({ url: database.url, poolSize: 2 }));
    await Promise.all(workers.map((w) => w.initialize()));
    try {
      const applied = await Promise.all(workers.map((w) => runMigrationsExclusively(w)));
      expect(applied.flat().sort()).toEqual(NODE_MIGRATIONS.map((m) => m.name).sort());
      const [first] = workers;
      const rows = await first!.query<{ name: string }[]>('SELECT name FROM migrations ORDER BY id');
      expect(rows.map((r) => r.name)).toEqual(NODE_MIGRATIONS.map((m) => m.name));
    } finally {
      await Promise.all(workers.map((w) => w.destroy()));
    }
  });
});
