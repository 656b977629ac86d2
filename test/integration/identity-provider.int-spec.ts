import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createRemoteJWKSet, decodeProtectedHeader, exportJWK, generateKeyPair, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { AuthErrorCode, COORDINATOR_AUDIENCE, CREDITOR_STAFF_ROLE, PlatformRole, backofficeAudience } from '#contracts';
import { ConfigError, SystemClock } from '#service-kit';
import { AccessTokenVerifier } from '../../apps/gateway/src/coordinator/identity/access-token.verifier.js';
import { PeopleRepository } from '../../apps/gateway/src/coordinator/identity/people.repository.js';
import type { CoordinatorConfig } from '../../apps/gateway/src/coordinator/config/coordinator-config.js';
import { StaffAuthenticator } from '../../apps/creditor-node/src/backoffice/staff-authenticator.service.js';
import type { NodeConfig } from '../../apps/creditor-node/src/config/node-config.js';
import { DEMO_CLIENT } from '../../infra/idp/development-clients.js';
import { loadIdpConfig } from '../../infra/idp/idp-config.js';
import { DEFAULT_LIFETIMES, startIdentityProvider, type Ed25519PrivateJwk, type RunningIdentityProvider } from '../../infra/idp/identity-provider.js';
import { LOGIN_REFUSED } from '../../infra/idp/idp-pages.js';
import { LoginRefusedError, loginWithPassword } from '../../infra/idp/login-with-password.js';
import { COORDINATOR_RESOURCE, backofficeResource } from '../../infra/idp/resource-servers.js';
import { DEVELOPMENT_PASSWORD, staffAccountId, testAccounts } from '../../infra/idp/test-accounts.js';

const PORTAL = { clientId: 'debtor-portal', clientSecret: 'portal-development-secret', redirectUri: 'http://127.0.0.1:4200/auth/callback' };

/** Any valid S256 challenge: these requests never reach the token endpoint. */
const S256 = { code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM', code_challenge_method: 'S256' };

let idp: RunningIdentityProvider;
let keys: JWTVerifyGetKey;

async function ed25519Jwk(kid: string): Promise<Ed25519PrivateJwk> {
  const { privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
  const { d = '', x = '' } = await exportJWK(privateKey);
  return { kty: 'OKP', crv: 'Ed25519', d, x, kid };
}

function login(username: string, resource: string, password = DEVELOPMENT_PASSWORD) {
  return loginWithPassword({ issuer: idp.issuer, clientId: DEMO_CLIENT.clientId, redirectUri: DEMO_CLIENT.redirectUri, resource, username, password });
}

/** The authorization endpoint, from discovery. */
async function authorizationEndpoint(): Promise<string> {
  const discovery = (await (await fetch(`${idp.issuer}/.well-known/openid-configuration`)).json()) as Record<string, unknown>;
  return String(discovery['authorization_endpoint']);
}

/** A raw authorization request, so a test can leave out what openid-client always sends. */
async function authorize(params: Record<string, string>): Promise<Response> {
  const url = new URL(await authorizationEndpoint());
  const base = { client_id: DEMO_CLIENT.clientId, redirect_uri: DEMO_CLIENT.redirectUri, response_type: 'code', scope: 'openid', state: 'st-1' };
  for (const [name, value] of Object.entries({ ...base, ...params })) url.searchParams.set(name, value);
  return fetch(url, { redirect: 'manual' });
}

/** Starts a login as a browser would: the login page, its address and the provider's cookies. */
async function openLoginForm(): Promise<{ page: string; url: URL; cookie: string }> {
  const started = await authorize({ resource: COORDINATOR_RESOURCE, ...S256 });
  const cookie = started.headers
    .getSetCookie()
    .map((line) => line.split(';')[0])
    .join('; ');
  const url = new URL(started.headers.get('location') ?? '', idp.issuer);
  const page = await (await fetch(url, { headers: { cookie } })).text();
  return { page, url, cookie };
}

/** Posts the login form by hand and returns the provider's answer to it. */
async function submitLoginForm(username: string, password: string): Promise<{ status: number; body: string; location: string | null }> {
  const { page, url, cookie } = await openLoginForm();
  const action = /action="([^"]+)"/.exec(page)?.[1] ?? '';
  const answer = await fetch(new URL(action, url), {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ login: username, password }).toString(),
  });
  return { status: answer.status, body: await answer.text(), location: answer.headers.get('location') };
}

/** The coordinator's people table, without a database: the platform id is derived from the subject. */
class PeopleInMemory extends PeopleRepository {
  readonly counsellors = new Set<string>();
  constructor() {
    super(undefined as never);
  }
  override async idFor(issuer: string, subject: string): Promise<string> {
    return `${issuer}#${subject}`;
  }
  override async registerCounsellor(personId: string): Promise<void> {
    this.counsellors.add(personId);
  }
}

beforeAll(async () => {
  idp = await startIdentityProvider({
    port: 0,
    signingKeys: [await ed25519Jwk('idp-test-1')],
    clients: [
      { clientId: DEMO_CLIENT.clientId, redirectUris: [DEMO_CLIENT.redirectUri] },
      { clientId: PORTAL.clientId, clientSecret: PORTAL.clientSecret, redirectUris: [PORTAL.redirectUri] },
    ],
    accounts: testAccounts(),
    lifetimes: DEFAULT_LIFETIMES,
  });
  keys = createRemoteJWKSet(new URL(idp.jwksUrl));
});

afterAll(async () => {
  await idp.close();
});

describe('the development identity provider', () => {
  it('advertises authorization code with S256 PKCE and EdDSA only', async () => {
    const discovery = (await (await fetch(`${idp.issuer}/.well-known/openid-configuration`)).json()) as Record<string, unknown>;
    expect(discovery['issuer']).toBe(idp.issuer);
    expect(discovery['code_challenge_methods_supported']).toEqual(['S256']);
    expect(discovery['response_types_supported']).toEqual(['code']);
    expect(discovery['id_token_signing_alg_values_supported']).toEqual(['EdDSA']);
    const jwks = (await (await fetch(idp.jwksUrl)).json()) as { keys: Record<string, unknown>[] };
    expect(jwks.keys).toEqual([expect.objectContaining({ kty: 'OKP', crv: 'Ed25519', kid: 'idp-test-1', alg: 'EdDSA' })]);
    expect(jwks.keys[0]).not.toHaveProperty('d');
  });

  it('logs a resident in with code + PKCE and issues a JWT access token for the coordinator', async () => {
    const tokens = await login('resident-sanne', COORDINATOR_RESOURCE);
    const { payload, protectedHeader } = await jwtVerify(tokens.accessToken, keys, {
      issuer: idp.issuer,
      audience: COORDINATOR_AUDIENCE,
      algorithms: ['EdDSA'],
      typ: 'at+jwt',
    });
    expect(protectedHeader).toMatchObject({ alg: 'EdDSA', kid: 'idp-test-1', typ: 'at+jwt' });
    expect(payload).toMatchObject({ sub: 'resident-sanne', roles: [PlatformRole.RESIDENT], client_id: DEMO_CLIENT.clientId });
    expect(payload).not.toHaveProperty('creditor_id');
    expect(tokens.expiresIn).toBeGreaterThan(3500);
  });

  it('signs the ID token with EdDSA, for the client, about the account', async () => {
    const tokens = await login('resident-ahmed', COORDINATOR_RESOURCE);
    expect(decodeProtectedHeader(tokens.idToken)).toMatchObject({ alg: 'EdDSA', kid: 'idp-test-1' });
    const { payload } = await jwtVerify(tokens.idToken, keys, { issuer: idp.issuer, audience: DEMO_CLIENT.clientId, algorithms: ['EdDSA'] });
    expect(payload).toMatchObject({ sub: 'resident-ahmed', name: 'Ahmed Yilmaz' });
  });

  it('gives a staff member a back-office token with their creditor_id', async () => {
    const tokens = await login(staffAccountId('hdsr'), backofficeResource('hdsr'));
    const { payload } = await jwtVerify(tokens.accessToken, keys, { issuer: idp.issuer, audience: backofficeAudience('hdsr'), algorithms: ['EdDSA'] });
    expect(payload).toMatchObject({ sub: 'staff-hdsr', roles: [CREDITOR_STAFF_ROLE], creditor_id: 'hdsr' });
  });

  it('logs in through a confidential client (client_secret_basic) as well', async () => {
    const tokens = await loginWithPassword({
      issuer: idp.issuer,
      ...PORTAL,
      resource: COORDINATOR_RESOURCE,
      username: 'demo-admin',
      password: DEVELOPMENT_PASSWORD,
    });
    const { payload } = await jwtVerify(tokens.accessToken, keys, { issuer: idp.issuer, audience: COORDINATOR_AUDIENCE });
    expect(payload).toMatchObject({ sub: 'demo-admin', roles: [PlatformRole.ADMIN], client_id: PORTAL.clientId });
  });

  it('refuses a wrong password and an unknown user alike, without a code', async () => {
    const wrongPassword = await submitLoginForm('resident-sanne', 'not-the-password');
    const unknownUser = await submitLoginForm('resident-nobody', DEVELOPMENT_PASSWORD);
    for (const answer of [wrongPassword, unknownUser]) {
      expect(answer.status).toBe(200);
      expect(answer.location).toBeNull();
      expect(answer.body).toContain(LOGIN_REFUSED.nl);
      expect(answer.body).toContain(LOGIN_REFUSED.en);
      expect(answer.body).not.toContain('code=');
    }
    // The pages differ only in the login name typed in (kept in its field) and the form's step id.
    const normalise = (body: string, login: string): string => body.replaceAll(login, 'LOGIN').replace(/\/interaction\/[^/"]+/g, '/interaction/ID');
    expect(normalise(wrongPassword.body, 'resident-sanne')).toBe(normalise(unknownUser.body, 'resident-nobody'));

    const refusals = await Promise.allSettled([login('resident-sanne', COORDINATOR_RESOURCE, 'wrong'), login('nobody', COORDINATOR_RESOURCE)]);
    const reasons = refusals.map((r) => (r.status === 'rejected' ? (r.reason as Error) : undefined));
    expect(reasons[0]).toBeInstanceOf(LoginRefusedError);
    expect(reasons[1]).toBeInstanceOf(LoginRefusedError);
    expect(reasons[0]?.message).toBe(reasons[1]?.message);
  });

  it('shows a labelled, script-free login form in Dutch and English', async () => {
    const { page } = await openLoginForm();
    expect(page).toContain('<html lang="nl">');
    expect(page).toMatch(/<label for="login">Gebruikersnaam <span lang="en">· Username<\/span><\/label>/);
    expect(page).toMatch(/<label for="password">Wachtwoord <span lang="en">· Password<\/span><\/label>/);
    expect(page).toContain('id="login"');
    expect(page).toContain('id="password"');
    expect(page).not.toContain('<script');
  });

  it('refuses an authorization request without a code_challenge, and one with plain PKCE', async () => {
    const requests: Record<string, string>[] = [{}, { code_challenge: 'a'.repeat(43), code_challenge_method: 'plain' }];
    for (const pkce of requests) {
      const response = await authorize({ resource: COORDINATOR_RESOURCE, ...pkce });
      const location = new URL(response.headers.get('location') ?? 'http://none/');
      expect(response.status).toBe(303);
      expect(location.origin + location.pathname).toBe(DEMO_CLIENT.redirectUri);
      expect(location.searchParams.get('error')).toBe('invalid_request');
      expect(location.searchParams.get('error_description')).toMatch(pkce['code_challenge_method'] === 'plain' ? /code_challenge_method/ : /PKCE/);
      expect(location.searchParams.has('code')).toBe(false);
    }
  });

  it('shows its own bilingual error page where it cannot redirect back', async () => {
    const unknownClient = await authorize({ client_id: 'no-such-client', resource: COORDINATOR_RESOURCE, ...S256 });
    const expiredStep = await fetch(`${idp.issuer}/interaction/no-such-step`);
    for (const response of [unknownClient, expiredStep]) {
      expect(response.status).toBe(400);
      const page = await response.text();
      expect(page).toContain('Er ging iets mis <span lang="en">· Something went wrong</span>');
      expect(page).not.toMatch(/<script|fonts\.googleapis/);
    }
  });

  it('refuses a resource it does not serve', async () => {
    const response = await authorize({ resource: 'https://elsewhere.example/api', ...S256 });
    const location = new URL(response.headers.get('location') ?? 'http://none/');
    expect(location.searchParams.get('error')).toBe('invalid_target');
  });
});

describe('its tokens at the real verifiers', () => {
  it('are accepted by the coordinator’s AccessTokenVerifier, with the roles they carry', async () => {
    const config = { auth: { issuer: idp.issuer, jwksUrl: new URL(idp.jwksUrl), audience: COORDINATOR_AUDIENCE } } as CoordinatorConfig;
    const people = new PeopleInMemory();
    const verifier = new AccessTokenVerifier(config, new SystemClock(), people);

    const resident = await verifier.verify((await login('resident-joyce', COORDINATOR_RESOURCE)).accessToken);
    expect(resident).toEqual({ kind: 'person', personId: `${idp.issuer}#resident-joyce`, roles: new Set([PlatformRole.RESIDENT]) });

    const counsellor = await verifier.verify((await login('counsellor-fatima', COORDINATOR_RESOURCE)).accessToken);
    expect(counsellor.roles).toEqual(new Set([PlatformRole.COUNSELLOR]));
    expect(people.counsellors).toEqual(new Set([`${idp.issuer}#counsellor-fatima`]));

    const auditor = await verifier.verify((await login('demo-auditor', COORDINATOR_RESOURCE)).accessToken);
    expect(auditor.roles).toEqual(new Set([PlatformRole.AUDITOR]));

    // A back-office token is not for the coordinator.
    const staff = (await login(staffAccountId('zekerzorg'), backofficeResource('zekerzorg'))).accessToken;
    await expect(verifier.verify(staff)).rejects.toMatchObject({ code: AuthErrorCode.UNAUTHENTICATED });
  });

  it('are accepted by a node’s StaffAuthenticator for its own staff only', async () => {
    const nodeConfig = (creditorId: string) =>
      ({
        creditorId,
        displayName: creditorId,
        staffAuth: { issuer: idp.issuer, jwksUrl: new URL(idp.jwksUrl), audience: backofficeAudience(creditorId) },
      }) as NodeConfig;
    const hdsr = new StaffAuthenticator(nodeConfig('hdsr'), new SystemClock());

    const own = (await login(staffAccountId('hdsr'), backofficeResource('hdsr'))).accessToken;
    expect(await hdsr.authenticate(`Bearer ${own}`)).toEqual({ ok: true, staff: { subject: 'staff-hdsr', creditorId: 'hdsr' } });

    // Utrecht's staff member asking for the water board's back-office: right audience, wrong employer.
    const other = (await login(staffAccountId('gemeente-utrecht'), backofficeResource('hdsr'))).accessToken;
    expect(await hdsr.authenticate(`Bearer ${other}`)).toMatchObject({ ok: false, code: AuthErrorCode.FORBIDDEN });

    // A resident is no staff member, whatever they ask for.
    const resident = (await login('resident-sanne', backofficeResource('hdsr'))).accessToken;
    expect(await hdsr.authenticate(`Bearer ${resident}`)).toMatchObject({ ok: false, code: AuthErrorCode.FORBIDDEN });
    const coordinatorToken = (await login('resident-sanne', COORDINATOR_RESOURCE)).accessToken;
    expect(await hdsr.authenticate(`Bearer ${coordinatorToken}`)).toMatchObject({ ok: false, code: AuthErrorCode.UNAUTHENTICATED });
  });
});

describe('its configuration', () => {
  it('has development defaults', () => {
    const config = loadIdpConfig({});
    expect(config).toMatchObject({ host: '127.0.0.1', port: 4300, issuer: 'http://127.0.0.1:4300', signingKeys: undefined });
    expect(config.clients.map((c) => c.clientId)).toEqual([DEMO_CLIENT.clientId]);
  });

  it('reads keys and clients from JSON', async () => {
    const key = await ed25519Jwk('idp-1');
    const config = loadIdpConfig({
      IDP_PORT: '4301',
      IDP_SIGNING_KEY: JSON.stringify(key),
      IDP_CLIENTS: JSON.stringify([{ client_id: 'debtor-portal', client_secret: PORTAL.clientSecret, redirect_uris: [PORTAL.redirectUri] }]),
    });
    expect(config.issuer).toBe('http://127.0.0.1:4301');
    expect(config.signingKeys).toEqual([key]);
    expect(config.clients).toEqual([{ clientId: 'debtor-portal', clientSecret: PORTAL.clientSecret, redirectUris: [PORTAL.redirectUri], postLogoutRedirectUris: [] }]);
  });

  it('names every bad setting at once', () => {
    let error: unknown;
    try {
      loadIdpConfig({ IDP_PORT: 'x', IDP_ISSUER: 'http://127.0.0.1:4300/idp', IDP_SIGNING_KEY: '{"kty":"RSA"}', IDP_CLIENTS: '[{"client_id":"a"}]' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as ConfigError).message;
    for (const name of ['IDP_PORT', 'IDP_ISSUER', 'IDP_SIGNING_KEY', 'IDP_CLIENTS']) expect(message).toContain(name);
  });
});
