import { PORTAL_CLIENT_ID } from '../../infra/idp/development-clients.js';
import { testEnv } from './test-env.js';

/** The environment of a portal process as the tests and benchmarks start it. */
export function portalEnv(params: {
  readonly portalUrl: string;
  readonly gatewayUrl: string;
  /** The coordinator, whose ledger API serves the receipts. */
  readonly ledgerUrl: string;
  readonly issuer: string;
  readonly clientSecret: string;
  readonly sessionPrefix: string;
  readonly logLevel: 'info' | 'error';
}): Record<string, string> {
  return {
    PORTAL_PUBLIC_URL: params.portalUrl,
    GATEWAY_URL: params.gatewayUrl,
    LEDGER_URL: params.ledgerUrl,
    OIDC_ISSUER: params.issuer,
    OIDC_CLIENT_ID: PORTAL_CLIENT_ID,
    OIDC_CLIENT_SECRET: params.clientSecret,
    REDIS_URL: testEnv.redisUrl,
    SESSION_PREFIX: params.sessionPrefix,
    LOG_LEVEL: params.logLevel,
  };
}
