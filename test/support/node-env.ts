import { TEST_COORDINATOR_ISSUER, TEST_STAFF_ISSUER } from './tokens.js';

/** The environment a creditor node reads at boot, for tests that start one. */
export function nodeEnv(params: {
  creditorId: string;
  databaseUrl: string;
  port: number;
  coordinatorJwksUrl: string;
  staffJwksUrl: string;
  signingKeyJson: string;
  name?: string;
}): Record<string, string> {
  return {
    CREDITOR_ID: params.creditorId,
    CREDITOR_NAME: params.name ?? `Test ${params.creditorId}`,
    CREDITOR_SECTOR: 'municipality',
    DATABASE_URL: params.databaseUrl,
    PORT: String(params.port),
    COORDINATOR_JWKS_URL: params.coordinatorJwksUrl,
    COORDINATOR_ISSUER: TEST_COORDINATOR_ISSUER,
    STAFF_OIDC_ISSUER: TEST_STAFF_ISSUER,
    STAFF_OIDC_JWKS_URL: params.staffJwksUrl,
    NODE_SIGNING_KEY: params.signingKeyJson,
    GRAPHQL_INTROSPECTION: 'true',
    LOG_LEVEL: 'error',
  };
}
