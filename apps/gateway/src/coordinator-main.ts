import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { configOrExit, logsRequests, readProcessEnv, requestLog, RequestMetrics, type Clock } from '#service-kit';
import { loadCoordinatorConfig, type CoordinatorConfig } from './coordinator/config/coordinator-config.js';
import { CoordinatorModule } from './coordinator/coordinator.module.js';

/** Builds the coordinator's HTTP application (tests run it in-process with their own clock). */
export async function createCoordinatorApp(config: CoordinatorConfig, clock?: Clock): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(CoordinatorModule.forRoot(config, clock), {
    logger: loggerLevels(config.logLevel),
    // The payment provider signs the raw body of its callback: it is kept beside the parsed one.
    rawBody: true,
  });
  app.use(new RequestMetrics('coordinator').middleware());
  app.use(requestLog({ service: 'coordinator', enabled: logsRequests(config.logLevel) }));
  app.useBodyParser('json', { limit: '256kb' });
  app.enableShutdownHooks();
  return app;
}

function loggerLevels(level: CoordinatorConfig['logLevel']): ('debug' | 'log' | 'warn' | 'error' | 'fatal')[] {
  const all = ['debug', 'log', 'warn', 'error', 'fatal'] as const;
  const from = { debug: 0, info: 1, warn: 2, error: 3 }[level];
  return all.slice(from);
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
