import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from './app.module.js';
import { MAX_CSV_BYTES } from './backoffice/claim-csv-import.controller.js';
import { loadNodeConfig, type NodeConfig } from './config/node-config.js';
import { configOrExit, readProcessEnv, serviceObservability } from '#service-kit';
import { isClusterWorker, runNodeWorkers } from './node-cluster.js';

/** Builds the node's HTTP application (also used by tests that run the node in-process). */
export async function createNodeApp(config: NodeConfig): Promise<NestExpressApplication> {
  const observability = serviceObservability(`node:${config.creditorId}`, config.logLevel);
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    logger: observability.logger,
    bodyParser: true,
  });
  for (const middleware of observability.middleware) app.use(middleware);
  app.useBodyParser('json', { limit: '1mb' });
  // CSV uploads arrive as raw bytes: the importer itself checks the encoding, row by row.
  app.useBodyParser('raw', { type: ['text/csv', 'application/csv', 'application/octet-stream'], limit: MAX_CSV_BYTES });
  app.enableShutdownHooks();
  return app;
}

async function main(): Promise<void> {
  const config = await configOrExit(() => loadNodeConfig(readProcessEnv()));
  const logger = new Logger('CreditorNode');
  if (config.workers > 1 && !isClusterWorker()) {
    runNodeWorkers({ workers: config.workers, logger });
    return;
  }
  const app = await createNodeApp(config);
  await app.listen(config.port, config.host);
  logger.log(`${config.displayName} (${config.creditorId}) listens on http://${config.host}:${config.port}`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error: unknown) => {
    process.stderr.write(`The node could not start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  });
}
