/**
 * The demo's only reads of the environment. Everything a creditor node needs is passed to it
 * explicitly (see start.ts), so a stray variable in the developer's shell cannot change a node.
 */
export interface DemoEnv {
  /** A PostgreSQL connection as a user who may create databases; the demo adds one per node. */
  readonly pgAdminUrl: string;
  /** The Redis of the coordinator's delivery queue (and its worker) and of the portal's sessions. */
  readonly redisUrl: string;
  /** Handed to the node processes, so that `node` finds what it needs. */
  readonly path: string;
}

/** Where a PostgreSQL installed on this machine listens by default (a Debian cluster, too). */
export const DEFAULT_PG_ADMIN_URL = 'postgres://postgres@127.0.0.1:5432/postgres';
export const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379';

export function readDemoEnv(): DemoEnv {
  return {
    pgAdminUrl: process.env['DEMO_PG_ADMIN_URL'] ?? DEFAULT_PG_ADMIN_URL,
    redisUrl: process.env['DEMO_REDIS_URL'] ?? DEFAULT_REDIS_URL,
    path: process.env['PATH'] ?? '/usr/local/bin:/usr/bin:/bin',
  };
}

/** What the demo hands its embedded PostgreSQL process (embedded-postgres-main.ts). */
export interface EmbeddedPostgresEnv {
  readonly dataDir: string;
  readonly port: number;
  readonly password: string;
}

export const EMBEDDED_PG_ENV = { dataDir: 'EMBEDDED_PG_DATA_DIR', port: 'EMBEDDED_PG_PORT', password: 'EMBEDDED_PG_PASSWORD' } as const;

export function readEmbeddedPostgresEnv(): EmbeddedPostgresEnv {
  const read = (name: string): string => {
    const value = process.env[name];
    if (value === undefined || value === '') throw new Error(`${name} is not set: this process is started by npm run demo.`);
    return value;
  };
  const port = Number(read(EMBEDDED_PG_ENV.port));
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`${EMBEDDED_PG_ENV.port} must be a port number.`);
  return { dataDir: read(EMBEDDED_PG_ENV.dataDir), port, password: read(EMBEDDED_PG_ENV.password) };
}
