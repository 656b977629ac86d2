import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { databaseUrl, DemoSetupError, redact, waitForPostgres } from './demo-databases.js';
import { EMBEDDED_PG_ENV } from './demo-env.js';
import type { DemoSupervisor } from './demo-supervisor.js';
import { freePort } from './free-ports.js';

/** initdb on a first run takes a few seconds; the rest of a start, well under one. */
const START_TIMEOUT_MS = 60_000;

export interface EmbeddedPostgres {
  /** As user postgres, database postgres: what the demo creates its databases through. */
  readonly adminUrl: string;
  readonly port: number;
}

/**
 * Starts the demo's own PostgreSQL (embedded-postgres-main.ts) under the supervisor, which stops it
 * after the services on Ctrl-C, and waits until it takes connections. Port 5432 when free (psql's
 * default), otherwise one the system picks: never one of the demo's fixed ports.
 */
export async function startEmbeddedPostgres(params: {
  supervisor: DemoSupervisor;
  mainFile: string;
  dataDir: string;
  password: string;
  path: string;
  print: (line: string) => void;
}): Promise<EmbeddedPostgres | undefined> {
  await assertNotRunningAlready(params.dataDir);
  const port = await freePort(5432);
  const admin = new URL(`postgres://127.0.0.1:${port}/postgres`);
  admin.username = 'postgres';
  admin.password = params.password;
  const adminUrl = admin.toString();
  const server = params.supervisor.start({
    service: { id: 'postgres', name: 'embedded PostgreSQL', url: `postgres://127.0.0.1:${port}` },
    mainFile: params.mainFile,
    env: {
      PATH: params.path,
      [EMBEDDED_PG_ENV.dataDir]: params.dataDir,
      [EMBEDDED_PG_ENV.port]: String(port),
      [EMBEDDED_PG_ENV.password]: params.password,
    },
    print: params.print,
    stopAfterServices: true,
  });
  const problem = await waitForPostgres(adminUrl, START_TIMEOUT_MS, () => server.running && !params.supervisor.isStopping);
  // It stopped before it was ready: the supervisor says so and stops the demo.
  if (!server.running || params.supervisor.isStopping) return undefined;
  if (problem === null) return { adminUrl, port };
  if (problem.answered) {
    throw new DemoSetupError(
      `The embedded PostgreSQL in ${params.dataDir} refuses the demo (${problem.message}); it was made with other ` +
        `development keys: delete ${params.dataDir} (its data goes with it) and run again.`,
    );
  }
  throw new DemoSetupError(`The embedded PostgreSQL did not answer at ${redact(adminUrl)} within ${START_TIMEOUT_MS / 1000} s (${problem.message}).`);
}

/** For the log and the summary: `embedded, at 127.0.0.1:5432 with its data in …/.demo/postgres`. */
export function describeEmbedded(server: EmbeddedPostgres, dataDir: string): string {
  return `an embedded PostgreSQL (embedded-postgres), started at ${redact(databaseUrl(server.adminUrl, 'postgres'))} with its data in ${dataDir}`;
}

/**
 * A demo killed outright (kill -9) can leave its PostgreSQL running on the data directory; a second
 * server there would fail with a lock-file error. Say what to do instead.
 */
async function assertNotRunningAlready(dataDir: string): Promise<void> {
  const pidFile = await readFile(join(dataDir, 'postmaster.pid'), 'utf8').catch(() => '');
  const pid = Number(pidFile.split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return;
  throw new DemoSetupError(
    `An embedded PostgreSQL from an earlier run still runs on ${dataDir} (pid ${pid}): stop it with \`kill -INT ${pid}\`, then run the demo again.`,
  );
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user (postgres, when the demo runs as root).
    return error instanceof Error && 'code' in error && error.code === 'EPERM';
  }
}
