import { ConfigError, ConfigReader, type Env } from '#service-kit';
import { DEVELOPMENT_CLIENTS } from './development-clients.js';
import { isEd25519PrivateJwk } from './ed25519-jwk.js';
import { DEFAULT_LIFETIMES, type Ed25519PrivateJwk, type IdentityProviderClient, type TokenLifetimes } from './identity-provider.js';

/** The development identity provider's settings, read once at start (see README.md). */
export interface IdpConfig {
  readonly host: string;
  readonly port: number;
  readonly issuer: string;
  /** Undefined: none was configured, and main.ts makes a key for this run. */
  readonly signingKeys: readonly Ed25519PrivateJwk[] | undefined;
  readonly clients: readonly IdentityProviderClient[];
  readonly lifetimes: TokenLifetimes;
}

export { ConfigError };

export const DEFAULT_IDP_PORT = 4300;

/** Collects every problem before failing, so one start names them all. */
export function loadIdpConfig(env: Env): IdpConfig {
  const read = new ConfigReader('identity provider', env);
  const host = read.optional('IDP_HOST') ?? '127.0.0.1';
  const port = read.integer('IDP_PORT', DEFAULT_IDP_PORT, { min: 1, max: 65535 });
  const issuer = read.optional('IDP_ISSUER') ?? `http://127.0.0.1:${port}`;
  const issuerUrl = read.url('IDP_ISSUER', issuer, ['http:', 'https:']);
  if (issuerUrl !== undefined && (issuerUrl.pathname !== '/' || issuer.endsWith('/') || issuerUrl.search !== '')) {
    read.problems.push(`IDP_ISSUER must be an origin without a path or trailing slash, e.g. http://127.0.0.1:${port} (got ${JSON.stringify(issuer)}).`);
  }
  const signingKeyText = read.optional('IDP_SIGNING_KEY');
  const signingKeys = signingKeyText === undefined ? undefined : parseSigningKeys(read, signingKeyText);
  const clientsText = read.optional('IDP_CLIENTS');
  const clients = clientsText === undefined ? DEVELOPMENT_CLIENTS : parseClients(read, clientsText);
  const accessTokenSeconds = read.integer('IDP_ACCESS_TOKEN_SECONDS', DEFAULT_LIFETIMES.accessTokenSeconds, { min: 60, max: 86_400 });
  read.finish();
  return { host, port, issuer, signingKeys, clients, lifetimes: { ...DEFAULT_LIFETIMES, accessTokenSeconds } };
}

/** One Ed25519 private JWK, or an array of them: the first signs, the rest stay published. */
function parseSigningKeys(read: ConfigReader, text: string): Ed25519PrivateJwk[] {
  const parsed = parseJson(text);
  const candidates = Array.isArray(parsed) ? (parsed as unknown[]) : [parsed];
  const keys = candidates.filter(isEd25519PrivateJwk);
  if (parsed === undefined || candidates.length === 0 || keys.length !== candidates.length) {
    read.problems.push('IDP_SIGNING_KEY must be an Ed25519 private JWK (kty OKP, crv Ed25519, d, x and a kid), or a JSON array of them.');
    return [];
  }
  if (new Set(keys.map((k) => k.kid)).size !== keys.length) read.problems.push('IDP_SIGNING_KEY has two keys with the same kid.');
  return keys;
}

/** RFC 7591 names, as an operator writes them: [{"client_id", "redirect_uris", "client_secret"?, …}]. */
function parseClients(read: ConfigReader, text: string): IdentityProviderClient[] {
  const parsed = parseJson(text);
  const hint = 'IDP_CLIENTS must be a JSON array of {"client_id", "redirect_uris": [URLs], optional "client_secret" and "post_logout_redirect_uris"}';
  if (!Array.isArray(parsed) || parsed.length === 0) {
    read.problems.push(`${hint}.`);
    return [];
  }
  const clients: IdentityProviderClient[] = [];
  (parsed as unknown[]).forEach((entry, index) => {
    const client = typeof entry === 'object' && entry !== null ? (entry as Record<string, unknown>) : {};
    const clientId = client['client_id'];
    const redirectUris = urlList(client['redirect_uris']);
    const postLogout = client['post_logout_redirect_uris'] === undefined ? [] : urlList(client['post_logout_redirect_uris']);
    const secret = client['client_secret'];
    if (typeof clientId !== 'string' || clientId === '' || redirectUris === undefined || redirectUris.length === 0 || postLogout === undefined) {
      read.problems.push(`${hint}; entry ${index} is not.`);
      return;
    }
    if (secret !== undefined && (typeof secret !== 'string' || secret.length < 16)) {
      read.problems.push(`IDP_CLIENTS: the client_secret of ${clientId} must be a string of at least 16 characters.`);
      return;
    }
    clients.push({
      clientId,
      redirectUris,
      postLogoutRedirectUris: postLogout,
      ...(typeof secret === 'string' ? { clientSecret: secret } : {}),
    });
  });
  if (new Set(clients.map((c) => c.clientId)).size !== clients.length) read.problems.push('IDP_CLIENTS names a client_id twice.');
  return clients;
}

function urlList(value: unknown): string[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const urls = (value as unknown[]).filter((u): u is string => typeof u === 'string' && URL.canParse(u));
  return urls.length === value.length ? urls : undefined;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

