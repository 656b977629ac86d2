/**
 * The demo's only reads of the environment. Everything a creditor node needs is passed to it
 * explicitly (see start.ts), so a stray variable in the developer's shell cannot change a node.
 */
export interface DemoEnv {
  /** A PostgreSQL connection as a user who may create databases; the demo adds one per node. */
  readonly pgAdminUrl: string;
  /** Handed to the node processes, so that `node` finds what it needs. */
  readonly path: string;
}

export function readDemoEnv(): DemoEnv {
  return {
    pgAdminUrl: process.env['DEMO_PG_ADMIN_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres',
    path: process.env['PATH'] ?? '/usr/local/bin:/usr/bin:/bin',
  };
}
