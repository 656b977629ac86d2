import { Module, type DynamicModule, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { Redis } from 'ioredis';
import { AssetsController } from './assets/assets.controller.js';
import { buildStylesheet } from './assets/stylesheet.js';
import { AuthController } from './auth/auth.controller.js';
import { OidcLogin } from './auth/oidc-login.js';
import type { PortalConfig } from './config/portal-config.js';
import { GatewayClient } from './gateway/gateway-client.js';
import { PortalResponder } from './portal-responder.js';
import { LEDGER_RECEIPTS, PORTAL_CONFIG, PORTAL_REDIS, PORTAL_RESPONDER, STYLESHEET } from './portal-tokens.js';
import { PortalHealthController } from './health/portal-health.controller.js';
import { LedgerReceipts } from './gateway/ledger-receipts.js';
import { CaseloadController } from './counsellor/caseload.controller.js';
import { InvitationController } from './counsellor/invitation.controller.js';
import { MandateController } from './resident/mandate.controller.js';
import { ConsentController } from './resident/consent.controller.js';
import { LinkController } from './resident/link.controller.js';
import { PlanController } from './resident/plan.controller.js';
import { PrivacyController } from './resident/privacy.controller.js';
import { ResidentController } from './resident/resident.controller.js';
import { portalRequestMiddleware } from './session/portal-request.js';
import { SessionStore } from './session/session-store.js';

/** The portal: plain classes wired once; the controllers are the thin framework layer on top. */
@Module({})
export class PortalModule implements NestModule {
  private static middleware: ReturnType<typeof portalRequestMiddleware> | undefined;

  static forRoot(config: PortalConfig, redis: Redis): DynamicModule {
    const stylesheet = buildStylesheet();
    const store = new SessionStore(redis, config.sessionPrefix, config.sessionIdleMinutes * 60, config.sessionAbsoluteHours * 3600);
    const responder = new PortalResponder(config, store, new GatewayClient(config.gatewayUrl, config.gatewayTimeoutMs), new OidcLogin(config), stylesheet);
    PortalModule.middleware = portalRequestMiddleware(config, store);
    return {
      module: PortalModule,
      controllers: [PortalHealthController, AssetsController, AuthController, ResidentController, LinkController, ConsentController, PlanController, PrivacyController, MandateController, InvitationController, CaseloadController],
      providers: [
        { provide: PORTAL_CONFIG, useValue: config },
        { provide: STYLESHEET, useValue: stylesheet },
        { provide: PORTAL_RESPONDER, useValue: responder },
        { provide: PORTAL_REDIS, useValue: redis },
        { provide: LEDGER_RECEIPTS, useValue: new LedgerReceipts(config.ledgerUrl, config.gatewayTimeoutMs) },
      ],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    if (PortalModule.middleware !== undefined) consumer.apply(PortalModule.middleware).exclude('assets/{*file}', 'health/{*path}').forRoutes('*');
  }
}
