import { exportJWK, generateKeyPair } from 'jose';
import { configOrExit, readProcessEnv } from '#service-kit';
import { loadIdpConfig } from './idp-config.js';
import { startIdentityProvider, type Ed25519PrivateJwk } from './identity-provider.js';
import { DEVELOPMENT_PASSWORD, testAccounts } from './test-accounts.js';

/**
 * DEVELOPMENT ONLY: the local OpenID Provider with the test accounts. Production does not run this;
 * it points the apps' OIDC_ISSUER / OIDC_JWKS_URL (and the nodes' STAFF_OIDC_*) at a DigiD or
 * eHerkenning broker instead.
 */
async function main(): Promise<void> {
  const config = await configOrExit(() => loadIdpConfig(readProcessEnv()));
  const signingKeys = config.signingKeys ?? [await oneRunKey()];
  if (config.signingKeys === undefined) {
    process.stdout.write(`No IDP_SIGNING_KEY: signing with key ${signingKeys[0]?.kid} made for this run; its tokens die with it.\n`);
  }
  const accounts = testAccounts();
  const idp = await startIdentityProvider({
    host: config.host,
    port: config.port,
    issuer: config.issuer,
    signingKeys,
    clients: config.clients,
    accounts,
    lifetimes: config.lifetimes,
    onServerError: (error) => process.stderr.write(`Identity provider error: ${error.stack ?? error.message}\n`),
  });
  process.stdout.write(
    [
      `Development identity provider on ${idp.url} (issuer ${idp.issuer}, keys ${idp.jwksUrl}).`,
      `Clients: ${config.clients.map((c) => c.clientId).join(', ')}.`,
      `Test accounts (password "${DEVELOPMENT_PASSWORD}", development only): ${accounts.map((a) => a.accountId).join(', ')}.`,
      '',
    ].join('\n'),
  );
  const stop = (): void => {
    idp.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

async function oneRunKey(): Promise<Ed25519PrivateJwk> {
  const { privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
  const { d, x } = await exportJWK(privateKey);
  if (d === undefined || x === undefined) throw new Error('jose exported an Ed25519 key without d or x');
  return { kty: 'OKP', crv: 'Ed25519', d, x, kid: `idp-run-${Date.now().toString(36)}` };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error: unknown) => {
    process.stderr.write(`The identity provider could not start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  });
}
