import { randomBytes } from 'node:crypto';
import { generatePrivateJwkJson } from './key-set-server.js';
import { TEST_STAFF_ISSUER } from './tokens.js';

/** The webhook secret the coordinator and the simulated payment provider share in tests. */
export const TEST_PAYMENT_PROVIDER_SECRET = 'test-payment-provider-secret-0123456789abcdef';

/** The environment of a coordinator for tests and the demo: every setting named, nothing implicit. */
export function coordinatorEnv(params: {
  readonly databaseUrl: string;
  readonly oidcJwksUrl: string;
  readonly consentSigningKeyJson: string;
  readonly ledgerSigningKeyJson: string;
  readonly oidcIssuer?: string;
  readonly pseudonymSecret?: string;
  readonly checkpointIntervalSeconds?: number;
  readonly ledgerOrigin?: string;
  readonly port?: number;
  /** bull's key prefix in Redis: each run its own, so parallel runs never take each other's jobs. */
  readonly queuePrefix?: string;
}): Record<string, string> {
  return {
    DATABASE_URL: params.databaseUrl,
    DATABASE_POOL_SIZE: '6',
    PORT: String(params.port ?? 4001),
    CONSENT_SIGNING_KEY: params.consentSigningKeyJson,
    LEDGER_SIGNING_KEY: params.ledgerSigningKeyJson,
    LEDGER_ORIGIN: params.ledgerOrigin ?? 'samen-regelen.test/consent-ledger',
    CHECKPOINT_INTERVAL_SECONDS: String(params.checkpointIntervalSeconds ?? 3600),
    PSEUDONYM_SECRET: params.pseudonymSecret ?? randomBytes(32).toString('base64'),
    OIDC_ISSUER: params.oidcIssuer ?? TEST_STAFF_ISSUER,
    OIDC_JWKS_URL: params.oidcJwksUrl,
    GRAPHQL_INTROSPECTION: 'true',
    LOG_LEVEL: 'error',
    QUEUE_PREFIX: params.queuePrefix ?? `sr-test-${randomBytes(6).toString('hex')}`,
    PAYMENT_PROVIDER_SECRET: TEST_PAYMENT_PROVIDER_SECRET,
  };
}

export type CoordinatorEnvParams = Parameters<typeof coordinatorEnv>[0];

/**
 * coordinatorEnv with a fresh consent key and ledger key (unless one is given, e.g. a ledger key kept
 * across restarts): how each test or benchmark with a coordinator of its own starts one.
 */
export async function coordinatorEnvWithFreshKeys(
  params: Omit<CoordinatorEnvParams, 'consentSigningKeyJson' | 'ledgerSigningKeyJson'> & { readonly consentSigningKeyJson?: string | undefined; readonly ledgerSigningKeyJson?: string | undefined },
): Promise<Record<string, string>> {
  return coordinatorEnv({
    ...params,
    consentSigningKeyJson: params.consentSigningKeyJson ?? (await generatePrivateJwkJson('consent-1')),
    ledgerSigningKeyJson: params.ledgerSigningKeyJson ?? (await generatePrivateJwkJson('ledger-1')),
  });
}
