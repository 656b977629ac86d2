import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { configOrExit, readProcessEnv, serviceObservability } from '#service-kit';
import { loadGatewayConfig, type GatewayConfig } from './gateway/config/gateway-config.js';
import { GatewayModule } from './gateway/gateway.module.js';

/** Builds the gateway's HTTP application (tests run it in-process too). */
export async function createGatewayApp(config: GatewayConfig): Promise<NestExpressApplication> {
  const observability = serviceObservability('gateway', config.logLevel);
  const app = await NestFactory.create<NestExpressApplication>(GatewayModule.forRoot(config), {
    logger: observability.logger,
  });
  for (const middleware of observability.middleware) app.use(middleware);
  app.useBodyParser('json', { limit: config.maxBodyBytes });
  app.enableShutdownHooks();
  return app;
}

async function main(): Promise<void> {
  const config = await configOrExit(() => loadGatewayConfig(readProcessEnv()));
  const app = await createGatewayApp(config);
  await app.listen(config.port, config.host);
  new Logger('Gateway').log(`Gateway listens on http://${config.host}:${config.port}/graphql (coordinator ${config.coordinatorUrl.href})`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error: unknown) => {
    process.stderr.write(`The gateway could not start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  });
}
