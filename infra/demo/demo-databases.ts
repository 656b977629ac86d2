import { execFile } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import { promisify } from 'node:util';
import pg from 'pg';

export class DemoSetupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DemoSetupError';
  }
}

/** Makes sure PostgreSQL answers; starts the local Debian cluster when it does not. */
export async function ensurePostgres(adminUrl: string, log: (line: string) => void): Promise<void> {
  if ((await tryConnect(adminUrl)) === null) return;
  const versions = (await readdir('/etc/postgresql').catch(() => [] as string[])).sort((a, b) => Number(a) - Number(b));
  const version = versions.at(-1);
  if (version !== undefined) {
    log(`PostgreSQL does not answer; starting cluster ${version}/main …`);
    // No systemd in containers, hence the redirect skip. A failed start is judged by the wait below.
    await promisify(execFile)('pg_ctlcluster', ['--skip-systemctl-redirect', version, 'main', 'start']).catch(() => undefined);
  }
  let problem: string | null = 'not tried';
  for (let attempt = 0; attempt < 30 && problem !== null; attempt++) {
    if (attempt > 0) await sleep(500);
    problem = await tryConnect(adminUrl);
  }
  if (problem !== null) {
    throw new DemoSetupError(
      `PostgreSQL does not answer at ${redact(adminUrl)} (${problem}): start it (tools/ensure-services.sh does) ` +
        'or set DEMO_PG_ADMIN_URL to a server where you may create databases.',
    );
  }
}

/**
 * One database per node. `fresh` drops and recreates them; otherwise existing ones are kept (the nodes'
 * migrations are idempotent) and only missing ones are created.
 */
export async function prepareDatabases(adminUrl: string, names: readonly string[], fresh: boolean): Promise<void> {
  await withClient(adminUrl, async (db) => {
    for (const name of names) {
      // Names come from demoDatabaseName: [a-z0-9_] only, so quoting them is enough.
      if (fresh) await db.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      const exists = await db.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
      if (exists.rowCount === 0) await db.query(`CREATE DATABASE "${name}"`);
    }
  });
}

export function databaseUrl(adminUrl: string, name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function withClient<T>(url: string, work: (db: pg.Client) => Promise<T>): Promise<T> {
  const db = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3_000 });
  await db.connect();
  try {
    return await work(db);
  } finally {
    await db.end();
  }
}

/** null when a connection works, otherwise why not. */
async function tryConnect(url: string): Promise<string | null> {
  try {
    await withClient(url, (db) => db.query('SELECT 1'));
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

function redact(url: string): string {
  const parsed = new URL(url);
  if (parsed.password !== '') parsed.password = '***';
  return parsed.toString();
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
