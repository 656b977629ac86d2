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

/**
 * Finds a PostgreSQL to create the demo's databases in: the one at `adminUrl` when it answers, or the
 * local Debian cluster, started, when `adminUrl` is where that cluster listens. Returns what it found,
 * for the log, or null when nothing answers there (the demo then starts an embedded one). A server
 * that answers but refuses the demo (a wrong password, say) is an error: starting another PostgreSQL
 * would hide the mistake in DEMO_PG_ADMIN_URL.
 */
export async function findPostgres(adminUrl: string, log: (line: string) => void): Promise<string | null> {
  const at = redact(adminUrl);
  let problem = await tryConnect(adminUrl);
  if (problem?.startingUp === true) problem = await waitForPostgres(adminUrl);
  if (problem === null) return `the local PostgreSQL at ${at}`;
  if (problem.answered) throw refused(adminUrl, problem.message);
  const version = isDebianClusterUrl(adminUrl) ? await debianClusterVersion() : undefined;
  if (version === undefined) {
    log(`No PostgreSQL answers at ${at} (${problem.message}).`);
    return null;
  }
  log(`PostgreSQL does not answer at ${at}; starting the Debian cluster ${version}/main …`);
  // No systemd in containers, hence the redirect skip. A failed start is judged by the wait below.
  await promisify(execFile)('pg_ctlcluster', ['--skip-systemctl-redirect', version, 'main', 'start']).catch(() => undefined);
  problem = await waitForPostgres(adminUrl);
  if (problem === null) return `the Debian cluster ${version}/main, just started, at ${at}`;
  if (problem.answered) throw refused(adminUrl, problem.message);
  log(`The Debian cluster ${version}/main did not start (${problem.message}).`);
  return null;
}

/**
 * Polls until `url` answers (a server is starting), for `timeoutMs` at most, and while `keepTrying`
 * (the process starting it still runs); null once it answers, otherwise the last problem.
 */
export async function waitForPostgres(url: string, timeoutMs = 15_000, keepTrying: () => boolean = () => true): Promise<ConnectProblem | null> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const problem = await tryConnect(url);
    if (problem === null || (problem.answered && !problem.startingUp) || Date.now() > deadline || !keepTrying()) return problem;
    await sleep(250);
  }
}

/**
 * Only the default local server can be the Debian cluster: for any other DEMO_PG_ADMIN_URL, starting
 * that cluster would not make the URL answer (and must not seem to).
 */
function isDebianClusterUrl(adminUrl: string): boolean {
  const url = new URL(adminUrl);
  return ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname) && (url.port === '' || url.port === '5432');
}

/** The newest cluster version in Debian's layout (/etc/postgresql/<version>/main), if any. */
async function debianClusterVersion(): Promise<string | undefined> {
  const versions = (await readdir('/etc/postgresql').catch(() => [] as string[])).sort((a, b) => Number(a) - Number(b));
  return versions.at(-1);
}

function refused(adminUrl: string, message: string): DemoSetupError {
  return new DemoSetupError(
    `PostgreSQL at ${redact(adminUrl)} answers but refuses the demo (${message}): ` +
      'set DEMO_PG_ADMIN_URL to a user there who may create databases.',
  );
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

/** Why a connection failed: `answered` when a server replied (with an error), not just when nothing listens. */
export interface ConnectProblem {
  readonly message: string;
  readonly answered: boolean;
  /** The server answered that it is starting up (or shutting down): worth waiting for. */
  readonly startingUp: boolean;
}

/** null when a connection works, otherwise why not. */
export async function tryConnect(url: string): Promise<ConnectProblem | null> {
  try {
    await withClient(url, (db) => db.query('SELECT 1'));
    return null;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // A DatabaseError carries the server's SQLSTATE; 57P03: "the database system is starting up".
    const answered = error instanceof pg.DatabaseError;
    return { message, answered, startingUp: answered && error.code === '57P03' };
  }
}

/** The URL without its password, for messages (as it is when it does not parse). */
export function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password !== '') parsed.password = '***';
    return parsed.toString();
  } catch {
    return url;
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
