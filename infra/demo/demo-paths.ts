import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface DemoPaths {
  readonly root: string;
  /** Development keys, kept between runs; `.demo/` is git-ignored. */
  readonly keysFile: string;
  /**
   * The data directory of the embedded PostgreSQL, used only when no PostgreSQL answers: next to the
   * keys, so `.demo/` (git-ignored) holds all the demo's state, and deleting it starts afresh.
   */
  readonly postgresDir: string;
  readonly seedDir: string;
  /** The compiled creditor node. */
  readonly nodeMain: string;
  /** The compiled coordinator. */
  readonly coordinatorMain: string;
  /** The compiled delivery worker: the coordinator's queue consumer on its own. */
  readonly workerMain: string;
  /** The compiled process that runs the embedded PostgreSQL (embedded-postgres-main.ts). */
  readonly embeddedPostgresMain: string;
  /** The compiled development identity provider (infra/idp). */
  readonly idpMain: string;
  /** The compiled federation gateway. */
  readonly gatewayMain: string;
  /** The compiled simulated payment provider (infra/payment-provider). */
  readonly paymentProviderMain: string;
  /** The compiled resident portal. */
  readonly portalMain: string;
}

/** Paths in the repository, found from this file's place (it runs from dist/infra/demo/). */
export function demoPaths(): DemoPaths {
  const root = repositoryRoot(dirname(fileURLToPath(import.meta.url)));
  return {
    root,
    keysFile: join(root, '.demo', 'keys.json'),
    postgresDir: join(root, '.demo', 'postgres'),
    seedDir: join(root, 'infra', 'demo', 'seed'),
    nodeMain: join(root, 'dist', 'apps', 'creditor-node', 'src', 'main.js'),
    coordinatorMain: join(root, 'dist', 'apps', 'gateway', 'src', 'coordinator-main.js'),
    workerMain: join(root, 'dist', 'apps', 'gateway', 'src', 'worker-main.js'),
    embeddedPostgresMain: join(root, 'dist', 'infra', 'demo', 'embedded-postgres-main.js'),
    idpMain: join(root, 'dist', 'infra', 'idp', 'main.js'),
    gatewayMain: join(root, 'dist', 'apps', 'gateway', 'src', 'gateway-main.js'),
    paymentProviderMain: join(root, 'dist', 'infra', 'payment-provider', 'main.js'),
    portalMain: join(root, 'dist', 'apps', 'debtor-portal', 'src', 'main.js'),
  };
}

function repositoryRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`No package.json above ${from}: run the demo from the repository.`);
  }
}
