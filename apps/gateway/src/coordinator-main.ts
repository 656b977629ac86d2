import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { configOrExit, readProcessEnv, serviceObservability, type Clock } from '#service-kit';
import { loadCoordinatorConfig, type CoordinatorConfig } from './coordinator/config/coordinator-config.js';
import { CoordinatorModule } from './coordinator/coordinator.module.js';
import { CoordinatorGauges } from './coordinator/metrics/coordinator-gauges.js';

/** Builds the coordinator's HTTP application (tests run it in-process with their own clock). */
export async function createCoordinatorApp(config: CoordinatorConfig, clock?: Clock): Promise<NestExpressApplication> {
  const observability = serviceObservability('coordinator', config.logLevel, { correlationScope: true });
  const app = await NestFactory.create<NestExpressApplication>(CoordinatorModule.forRoot(config, clock), {
    logger: observability.logger,
    // The payment provider signs the raw body of its callback: it is kept beside the parsed one.
    rawBody: true,
  });
  const gauges = app.get(CoordinatorGauges);
  observability.metrics.addCollector(() => gauges.collect());
  for (const middleware of observability.middleware) app.use(middleware);
  app.useBodyParser('json', { limit: '256kb' });
  app.enableShutdownHooks();
  return app;
}

async function main(): Promise<void> {
  const config = await configOrExit(() => loadCoordinatorConfig(readProcessEnv()));
  const app = await createCoordinatorApp(config);
  await app.listen(config.port, config.host);
  new Logger('Coordinator').log(`Coordinator listens on http://${config.host}:${config.port} (ledger origin ${config.ledgerOrigin})`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error: unknown) => {
    process.stderr.write(`The coordinator could not start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  });
}
