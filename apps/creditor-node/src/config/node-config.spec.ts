import { describe, expect, it } from '@jest/globals';
import { exportJWK, generateKeyPair } from 'jose';
import { ConfigError, loadNodeConfig } from './node-config.js';

async function validEnv(): Promise<Record<string, string>> {
  const { privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
  return {
    CREDITOR_ID: 'gemeente-utrecht',
    CREDITOR_NAME: 'Gemeente Utrecht',
    CREDITOR_SECTOR: 'municipality',
    DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/node_utrecht',
    PORT: '4101',
    COORDINATOR_JWKS_URL: 'http://127.0.0.1:4000/.well-known/jwks.json',
    STAFF_OIDC_ISSUER: 'http://127.0.0.1:4400',
    STAFF_OIDC_JWKS_URL: 'http://127.0.0.1:4400/jwks',
    NODE_SIGNING_KEY: JSON.stringify({ ...(await exportJWK(privateKey)), kid: 'utrecht-2026' }),
  };
}

async function problemsOf(env: Record<string, string | undefined>): Promise<readonly string[]> {
  try {
    await loadNodeConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('node configuration', () => {
  it('reads a complete environment into one typed object with sensible defaults', async () => {
    const config = await loadNodeConfig(await validEnv());
    expect(config).toMatchObject({
      creditorId: 'gemeente-utrecht',
      displayName: 'Gemeente Utrecht',
      sector: 'municipality',
      port: 4101,
      databasePoolSize: 8,
      workers: 1,
      host: '127.0.0.1',
      coordinatorIssuer: 'samen-regelen-coordinator',
      staffAuth: { issuer: 'http://127.0.0.1:4400', audience: 'backoffice:gemeente-utrecht' },
      introspection: false,
      logLevel: 'info',
    });
    expect(config.coordinatorJwksUrl.href).toBe('http://127.0.0.1:4000/.well-known/jwks.json');
    expect(config.signingKey.keyId).toBe('utrecht-2026');
    expect(config.signingKey.publicJwk).not.toHaveProperty('d');
  });

  it('names every missing setting at once', async () => {
    const problems = await problemsOf({});
    for (const name of ['CREDITOR_ID', 'CREDITOR_NAME', 'CREDITOR_SECTOR', 'DATABASE_URL', 'COORDINATOR_JWKS_URL', 'STAFF_OIDC_ISSUER', 'NODE_SIGNING_KEY']) {
      expect(problems.some((p) => p.startsWith(`${name} is missing`))).toBe(true);
    }
  });

  it.each([
    ['CREDITOR_ID', 'Gemeente Utrecht', /CREDITOR_ID .* lower-case/],
    ['CREDITOR_SECTOR', 'bank', /CREDITOR_SECTOR "bank" is unknown/],
    ['DATABASE_URL', 'mysql://x/y', /DATABASE_URL must be a postgres: or postgresql: URL/],
    ['PORT', '70000', /PORT must be a whole number/],
    ['NODE_WORKERS', '0', /NODE_WORKERS must be a whole number from 1 to 64, or auto/],
    ['DATABASE_POOL_SIZE', '0', /DATABASE_POOL_SIZE must be a whole number from 1 to 200/],
    ['PORT', '80a', /PORT must be a whole number/],
    ['COORDINATOR_JWKS_URL', 'not a url', /COORDINATOR_JWKS_URL is not a valid URL/],
    ['NODE_SIGNING_KEY', '{"kty":"RSA"}', /NODE_SIGNING_KEY must be an Ed25519 private key/],
    ['NODE_SIGNING_KEY', 'abc', /NODE_SIGNING_KEY is not JSON/],
    ['GRAPHQL_INTROSPECTION', 'maybe', /GRAPHQL_INTROSPECTION must be true or false/],
    ['LOG_LEVEL', 'loud', /LOG_LEVEL must be one of/],
  ])('refuses a bad %s (%s)', async (name, value, message) => {
    const problems = await problemsOf({ ...(await validEnv()), [name]: value });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(message);
  });

  it('refuses a public key where the private signing key belongs', async () => {
    const env = await validEnv();
    const { d: _d, ...publicOnly } = JSON.parse(env['NODE_SIGNING_KEY'] ?? '{}') as Record<string, string>;
    const problems = await problemsOf({ ...env, NODE_SIGNING_KEY: JSON.stringify(publicOnly) });
    expect(problems[0]).toMatch(/Ed25519 private key/);
  });
});
