import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { testEnv } from './test-env.js';

export interface TestDatabase {
  readonly name: string;
  readonly url: string;
  drop(): Promise<void>;
}

/** A brand-new, empty database for one test file, so every run starts from real migrations. */
export async function createTestDatabase(label: string): Promise<TestDatabase> {
  const name = `sr_test_${label.replace(/[^a-z0-9]/g, '_')}_${randomBytes(4).toString('hex')}`;
  await adminQuery(`CREATE DATABASE ${name}`);
  const url = new URL(testEnv.pgAdminUrl);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    drop: () => dropDatabase(name),
  };
}

/**
 * Drops a test database once its connections are gone. A pool that was just ended may still have
 * sessions closing on the server; forcing the drop then kills them mid-goodbye, and the client that
 * is ending reports the kill as an error in whatever test runs next. So: wait for them (a plain DROP
 * refuses while sessions remain), and force only what is still there after a few seconds (a leak).
 */
async function dropDatabase(name: string): Promise<void> {
  const deadline = Date.now() + 5_000;
  for (;;) {
    try {
      await adminQuery(`DROP DATABASE IF EXISTS ${name}`);
      return;
    } catch (error) {
      // 55006: object_in_use ("is being accessed by other users").
      if ((error as { code?: unknown }).code !== '55006' || Date.now() > deadline) break;
      await new Promise((done) => setTimeout(done, 50));
    }
  }
  await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
}

async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: testEnv.pgAdminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
