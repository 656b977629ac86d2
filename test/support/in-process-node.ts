import type { NestExpressApplication } from '@nestjs/platform-express';
import { DataSource } from 'typeorm';
import { loadNodeConfig } from '../../apps/creditor-node/src/config/node-config.js';
import { createNodeApp } from '../../apps/creditor-node/src/main.js';
import { KeySetServer, generatePrivateJwkJson, generateSigningKey, type SigningKey } from './key-set-server.js';
import { nodeEnv } from './node-env.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';

/** One creditor node running inside the test process, on its own fresh database. */
export interface InProcessNode {
  readonly creditorId: string;
  readonly baseUrl: string;
  readonly db: DataSource;
  readonly coordinatorKey: SigningKey;
  readonly staffKey: SigningKey;
  stop(): Promise<void>;
}

/**
 * `coordinatorJwksUrl`: trust a real coordinator's consent keys instead of a test key set (then
 * `coordinatorKey` signs nothing the node accepts).
 */
export async function startInProcessNode(creditorId: string, options: { readonly coordinatorJwksUrl?: string } = {}): Promise<InProcessNode> {
  const database: TestDatabase = await createTestDatabase(creditorId);
  const coordinatorKey = await generateSigningKey('coordinator-1');
  const staffKey = await generateSigningKey('idp-1');
  const coordinatorKeys = await KeySetServer.start([coordinatorKey]);
  const staffKeys = await KeySetServer.start([staffKey]);
  let app: NestExpressApplication | undefined;
  try {
    const config = await loadNodeConfig(
      nodeEnv({
        creditorId,
        databaseUrl: database.url,
        port: 4999, // the app listens on an ephemeral port below
        coordinatorJwksUrl: options.coordinatorJwksUrl ?? coordinatorKeys.url,
        staffJwksUrl: staffKeys.url,
        signingKeyJson: await generatePrivateJwkJson('node-1'),
      }),
    );
    app = await createNodeApp(config);
    await app.listen(0, '127.0.0.1');
  } catch (error) {
    await app?.close();
    await Promise.all([coordinatorKeys.stop(), staffKeys.stop()]);
    await database.drop();
    throw error;
  }
  const running = app;
  return {
    creditorId,
    baseUrl: await running.getUrl(),
    db: running.get(DataSource),
    coordinatorKey,
    staffKey,
    async stop() {
      await running.close();
      await Promise.all([coordinatorKeys.stop(), staffKeys.stop()]);
      await database.drop();
    },
  };
}
