import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { configOrExit, readProcessEnv, serviceObservability, type Clock } from '#service-kit';
import { loadCoordinatorConfig, type CoordinatorConfig } from './coordinator/config/coordinator-config.js';
import { DeliveryWorkerModule } from './coordinator/delivery-worker.module.js';
import { CoordinatorGauges } from './coordinator/metrics/coordinator-gauges.js';

/** The delivery worker's process: the queue's consumer, with health and metrics on PORT. */
export async function createWorkerApp(config: CoordinatorConfig, clock?: Clock): Promise<NestExpressApplication> {
  const observability = serviceObservability('worker', config.logLevel);
  const app = await NestFactory.create<NestExpressApplication>(DeliveryWorkerModule.forRoot(config, clock), { logger: observability.logger });
  const gauges = app.get(CoordinatorGauges);
  observability.metrics.addCollector(() => gauges.collect());
  for (const middleware of observability.middleware) app.use(middleware);
  app.enableShutdownHooks();
  return app;
}

async function main(): Promise<void> {
  const config = await configOrExit(() => loadCoordinatorConfig(readProcessEnv()));
  const app = await createWorkerApp(config);
  await app.listen(config.port, config.host);
  new Logger('Worker').log(`Delivery worker runs; health and metrics on http://${config.host}:${config.port}`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error: unknown) => {
    process.stderr.write(`The delivery worker could not start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  });
}
