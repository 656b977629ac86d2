import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider, { errors, type ClientMetadata, type Configuration } from 'oidc-provider';
import { AccountDirectory } from './account-directory.js';
import type { IdpAccount } from './idp-account.js';
import { errorPage, loggedOutPage, logoutPage } from './idp-pages.js';
import { interactionPath, interactionRoutes } from './interaction-routes.js';
import { accessTokenClaims, resourceServerFor } from './resource-servers.js';

/** The one signature algorithm: ID tokens and JWT access tokens alike, as every verifier expects. */
const SIGNING_ALG = 'EdDSA';

/** An Ed25519 private key as a JWK; its `kid` names it in every token header. */
export interface Ed25519PrivateJwk {
  readonly kty: 'OKP';
  readonly crv: 'Ed25519';
  readonly d: string;
  readonly x: string;
  readonly kid: string;
}

export interface IdentityProviderClient {
  readonly clientId: string;
  readonly redirectUris: readonly string[];
  readonly postLogoutRedirectUris?: readonly string[];
  /**
   * Set: a confidential client (a server-side portal) authenticating with client_secret_basic.
   * Unset: a public client (token_endpoint_auth_method none). Both must use PKCE (S256).
   */
  readonly clientSecret?: string;
}

export interface TokenLifetimes {
  readonly accessTokenSeconds: number;
  readonly idTokenSeconds: number;
  /** How long a login at the provider lasts before it asks for the password again. */
  readonly sessionSeconds: number;
}

export interface IdentityProviderConfig {
  /** The `iss` of every token: an origin (scheme, host, port) without a path. */
  readonly issuer: string;
  /** The first key signs; the others are only published, so tokens they signed stay valid during a rotation. */
  readonly signingKeys: readonly Ed25519PrivateJwk[];
  readonly clients: readonly IdentityProviderClient[];
  readonly accounts: readonly IdpAccount[];
  readonly lifetimes: TokenLifetimes;
  /** Sign the provider's cookies. Random per start when omitted: logins then end at a restart, as its memory does. */
  readonly cookieKeys?: readonly string[];
}

export const DEFAULT_LIFETIMES: TokenLifetimes = { accessTokenSeconds: 3600, idTokenSeconds: 3600, sessionSeconds: 8 * 3600 };

/**
 * A real OpenID Provider (oidc-provider) for development: authorization code with PKCE (S256 only),
 * EdDSA-signed ID tokens, and JWT access tokens per resource indicator (RFC 8707) in the shape the
 * coordinator and the creditor nodes verify. Our own login form replaces devInteractions. It keeps
 * its state in memory: a restart ends every login, which suits development.
 *
 * The returned provider is complete: `provider.listen(port)` or `createServer(provider.callback())`.
 */
export function createIdentityProvider(config: IdentityProviderConfig): Provider {
  assertConfig(config);
  const accounts = new AccountDirectory(config.accounts);
  const { lifetimes } = config;
  const configuration: Configuration = {
    clients: config.clients.map(clientMetadata),
    clientDefaults: { id_token_signed_response_alg: SIGNING_ALG, grant_types: ['authorization_code'], response_types: ['code'] },
    jwks: { keys: config.signingKeys.map((key) => ({ ...key, alg: SIGNING_ALG, use: 'sig' })) },
    cookies: { keys: [...(config.cookieKeys ?? [randomBytes(32).toString('base64url')])] },
    // Authorization code only: no implicit or hybrid flows, whose tokens travel in the browser.
    responseTypes: ['code'],
    scopes: ['openid'],
    claims: { openid: ['sub'], profile: ['name'] },
    findAccount: async (_ctx, id) => {
      const account = accounts.find(id);
      if (account === undefined) return undefined;
      return { accountId: account.accountId, claims: async () => ({ sub: account.accountId, name: account.displayName }) };
    },
    extraTokenClaims: async (_ctx, token) => {
      const indicator = token.resourceServer?.identifier();
      const server = indicator === undefined ? undefined : resourceServerFor(indicator);
      const account = token.accountId === undefined ? undefined : accounts.find(token.accountId);
      return server === undefined || account === undefined ? undefined : accessTokenClaims(account, server);
    },
    interactions: { url: async (_ctx, interaction) => interactionPath(interaction.uid) },
    // Every client, confidential ones too (OAuth 2.1): a stolen code is useless without the verifier.
    pkce: { required: () => true },
    ttl: {
      AccessToken: lifetimes.accessTokenSeconds,
      IdToken: lifetimes.idTokenSeconds,
      AuthorizationCode: 60,
      Interaction: 600,
      Session: lifetimes.sessionSeconds,
      Grant: lifetimes.sessionSeconds,
    },
    enabledJWA: { idTokenSigningAlgValues: [SIGNING_ALG] },
    renderError: async (ctx, out) => {
      ctx.type = 'html';
      ctx.body = errorPage({ error: out['error'] ?? 'server_error', ...(out['error_description'] ? { description: out['error_description'] } : {}) });
    },
    features: {
      devInteractions: { enabled: false },
      resourceIndicators: {
        enabled: true,
        // openid-client does not repeat `resource` at the token endpoint: the code's resource applies.
        useGrantedResource: async () => true,
        getResourceServerInfo: async (_ctx, indicator) => {
          const server = resourceServerFor(indicator);
          if (server === undefined) throw new errors.InvalidTarget(`This provider issues no tokens for ${indicator}.`);
          return {
            // Access is decided by the claims (roles, creditor_id), not by OAuth scopes.
            scope: '',
            audience: server.audience,
            accessTokenFormat: 'jwt',
            accessTokenTTL: lifetimes.accessTokenSeconds,
            jwt: { sign: { alg: SIGNING_ALG } },
          };
        },
      },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: async (ctx, form) => {
          ctx.type = 'html';
          ctx.body = logoutPage(form);
        },
        postLogoutSuccessSource: async (ctx) => {
          ctx.type = 'html';
          ctx.body = loggedOutPage();
        },
      },
    },
  };
  const provider = new Provider(config.issuer, configuration);
  provider.use(interactionRoutes(provider, accounts));
  return provider;
}

export interface RunningIdentityProvider {
  /** Where it listens. */
  readonly url: string;
  /** The `iss` of its tokens; discovery lives at `${issuer}/.well-known/openid-configuration`. */
  readonly issuer: string;
  /** Its key set, for OIDC_JWKS_URL and STAFF_OIDC_JWKS_URL. */
  readonly jwksUrl: string;
  close(): Promise<void>;
}

export type StartOptions = Omit<IdentityProviderConfig, 'issuer'> & {
  readonly host?: string;
  /** 0 picks a free port (tests). */
  readonly port: number;
  /** Defaults to the address it listens on, so port 0 works. */
  readonly issuer?: string;
  /** Told about unexpected failures inside the provider (never about refused logins or bad requests). */
  readonly onServerError?: (error: Error) => void;
};

/** Starts the provider on host:port (127.0.0.1 by default). */
export async function startIdentityProvider(options: StartOptions): Promise<RunningIdentityProvider> {
  const host = options.host ?? '127.0.0.1';
  // The issuer may depend on the port, so the server listens before the provider exists.
  let handle: ((req: IncomingMessage, res: ServerResponse) => void) | undefined;
  const server = createServer((req, res) => {
    if (handle !== undefined) return handle(req, res);
    res.writeHead(503).end();
  });
  await listen(server, options.port, host);
  const { port } = server.address() as AddressInfo;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  const issuer = options.issuer ?? url;
  try {
    const provider = createIdentityProvider({ ...options, issuer });
    const onServerError = options.onServerError;
    if (onServerError !== undefined) provider.on('server_error', (_ctx, error) => onServerError(error));
    handle = provider.callback();
  } catch (error) {
    await close(server);
    throw error;
  }
  return { url, issuer, jwksUrl: `${issuer}/jwks`, close: () => close(server) };
}

function clientMetadata(client: IdentityProviderClient): ClientMetadata {
  const common = {
    client_id: client.clientId,
    redirect_uris: [...client.redirectUris],
    post_logout_redirect_uris: [...(client.postLogoutRedirectUris ?? [])],
  };
  return client.clientSecret === undefined
    ? { ...common, token_endpoint_auth_method: 'none' }
    : { ...common, client_secret: client.clientSecret, token_endpoint_auth_method: 'client_secret_basic' };
}

/** Checks what oidc-provider would accept silently or misuse (it takes any key type and any issuer path). */
function assertConfig(config: IdentityProviderConfig): void {
  const problems: string[] = [];
  const issuer = URL.parse(config.issuer);
  if (issuer === null || !['http:', 'https:'].includes(issuer.protocol)) problems.push('the issuer must be an http(s) URL');
  else if (issuer.pathname !== '/' || config.issuer.endsWith('/')) problems.push('the issuer must be an origin without a path or trailing slash');
  if (config.signingKeys.length === 0) problems.push('at least one signing key is needed');
  const kids = new Set<string>();
  for (const key of config.signingKeys) {
    if (key.kty !== 'OKP' || key.crv !== 'Ed25519' || !key.d || !key.x) problems.push(`key ${key.kid} is not an Ed25519 private key`);
    if (!key.kid) problems.push('every signing key needs a kid');
    if (kids.has(key.kid)) problems.push(`two signing keys share the kid ${key.kid}`);
    kids.add(key.kid);
  }
  if (config.clients.length === 0) problems.push('at least one client is needed');
  if (problems.length > 0) throw new Error(`The identity provider cannot start: ${problems.join('; ')}.`);
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

function close(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });
}
