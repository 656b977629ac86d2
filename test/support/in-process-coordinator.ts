import type { NestExpressApplication } from '@nestjs/platform-express';
import pg from 'pg';
import type { Clock } from '#service-kit';
import { loadCoordinatorConfig, type CoordinatorConfig } from '../../apps/gateway/src/coordinator/config/coordinator-config.js';
import { createCoordinatorApp } from '../../apps/gateway/src/coordinator-main.js';
import { coordinatorEnvWithFreshKeys } from './coordinator-env.js';
import { KeySetServer, generateSigningKey, type SigningKey } from './key-set-server.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';

/** The coordinator running inside the test process on a fresh database, with a stand-in IdP key set. */
export interface InProcessCoordinator {
  readonly baseUrl: string;
  readonly graphqlUrl: string;
  readonly config: CoordinatorConfig;
  readonly databaseUrl: string;
  /** Signs people's access tokens, as the identity provider would. */
  readonly idpKey: SigningKey;
  /** A direct pool on the coordinator's database (for assertions and for tampering as a superuser). */
  readonly pool: pg.Pool;
  readonly app: NestExpressApplication;
  stop(): Promise<void>;
}

export async function startInProcessCoordinator(options: {
  readonly label: string;
  readonly clock?: Clock;
  readonly env?: Record<string, string>;
  /** Reuse a database (e.g. to restart on the same ledger); dropped by whoever created it. */
  readonly database?: TestDatabase;
  readonly idpKey?: SigningKey;
  readonly ledgerSigningKeyJson?: string;
}): Promise<InProcessCoordinator & { readonly database: TestDatabase }> {
  const database = options.database ?? (await createTestDatabase(options.label));
  const idpKey = options.idpKey ?? (await generateSigningKey('idp-1'));
  const idpKeys = await KeySetServer.start([idpKey]);
  const config = await loadCoordinatorConfig({
    ...(await coordinatorEnvWithFreshKeys({
      databaseUrl: database.url,
      oidcJwksUrl: idpKeys.url,
      ledgerSigningKeyJson: options.ledgerSigningKeyJson,
    })),
    ...options.env,
  });
  const app = await createCoordinatorApp(config, options.clock);
  await app.listen(0, '127.0.0.1');
  const baseUrl = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  const pool = new pg.Pool({ connectionString: database.url, max: 2 });
  return {
    baseUrl,
    graphqlUrl: `${baseUrl}/graphql`,
    config,
    databaseUrl: database.url,
    idpKey,
    pool,
    app,
    database,
    async stop() {
      await app.close();
      await pool.end();
      await idpKeys.stop();
      if (!options.database) await database.drop();
    },
  };
}
