import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Redis } from 'ioredis';
import { configOrExit, readProcessEnv, serviceObservability } from '#service-kit';
import { loadPortalConfig, type PortalConfig } from './config/portal-config.js';
import { NotFoundFilter } from './not-found.filter.js';
import type { PortalResponder } from './portal-responder.js';
import { PortalModule } from './portal.module.js';
import { PORTAL_RESPONDER } from './portal-tokens.js';

/** Builds the portal's HTTP application. */
export async function createPortalApp(config: PortalConfig, redis: Redis): Promise<NestExpressApplication> {
  const observability = serviceObservability('portal', config.logLevel);
  const app = await NestFactory.create<NestExpressApplication>(PortalModule.forRoot(config, redis), {
    logger: observability.logger,
    bodyParser: false,
  });
  // Forms only (no JSON API here); small bodies, with repeated names as arrays (checkbox lists).
  app.useBodyParser('urlencoded', { extended: false, limit: '32kb' });
  for (const middleware of observability.middleware) app.use(middleware);
  app.disable('x-powered-by');
  app.useGlobalFilters(new NotFoundFilter(app.get<PortalResponder>(PORTAL_RESPONDER)));
  app.enableShutdownHooks();
  return app;
}

async function main(): Promise<void> {
  const config = await configOrExit(() => loadPortalConfig(readProcessEnv()));
  const redis = new Redis(config.redisUrl, { maxRetriesPerRequest: 2 });
  const app = await createPortalApp(config, redis);
  await app.listen(config.port, config.host);
  new Logger('Portal').log(`Portal on ${config.publicUrl.origin} (gateway ${config.gatewayUrl.href}, identity provider ${config.oidc.issuer.href})`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error: unknown) => {
    process.stderr.write(`The portal could not start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  });
}
