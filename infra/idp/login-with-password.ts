import * as client from 'openid-client';
import { LOGIN_ERROR_ID, LOGIN_FIELD, PASSWORD_FIELD } from './idp-pages.js';

export interface PasswordLogin {
  /** The provider's issuer URL (discovery is read from it). */
  readonly issuer: string;
  readonly clientId: string;
  /** Only for a confidential client. */
  readonly clientSecret?: string;
  /** Registered for the client. Nothing needs to listen there: the code is taken from the redirect. */
  readonly redirectUri: string;
  /** The resource indicator of the API the access token is for (see resource-servers.ts). */
  readonly resource: string;
  readonly username: string;
  readonly password: string;
  /** Default `openid profile`. */
  readonly scope?: string;
}

export interface PasswordLoginResult {
  readonly accessToken: string;
  readonly idToken: string;
  readonly expiresIn: number;
}

/** The provider refused the login: wrong password, unknown user, or a refused request. */
export class LoginRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LoginRefusedError';
  }
}

const MAX_REDIRECTS = 10;

/**
 * Logs a test account in the way a browser and a relying party would, for tests and the demo:
 * discovery, an authorization request with PKCE (S256), state and nonce, the provider's own login
 * form posted over HTTP with its interaction cookies, then the code exchange, in which openid-client
 * checks state, nonce and the ID token's signature.
 */
export async function loginWithPassword(login: PasswordLogin): Promise<PasswordLoginResult> {
  const issuer = new URL(login.issuer);
  const config = await client.discovery(
    issuer,
    login.clientId,
    { id_token_signed_response_alg: 'EdDSA' },
    login.clientSecret === undefined ? client.None() : client.ClientSecretBasic(login.clientSecret),
    // Plain http only towards this machine: the development provider; anything else must be https.
    isLoopback(issuer) ? { execute: [client.allowInsecureRequests] } : undefined,
  );
  const codeVerifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const nonce = client.randomNonce();
  const authorizationUrl = client.buildAuthorizationUrl(config, {
    redirect_uri: login.redirectUri,
    scope: login.scope ?? 'openid profile',
    resource: login.resource,
    code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
    state,
    nonce,
  });
  const callback = await driveLoginForm(authorizationUrl, login);
  const tokens = await client.authorizationCodeGrant(config, callback, {
    pkceCodeVerifier: codeVerifier,
    expectedState: state,
    expectedNonce: nonce,
  });
  if (tokens.id_token === undefined) throw new Error('The provider returned no ID token.');
  return { accessToken: tokens.access_token, idToken: tokens.id_token, expiresIn: tokens.expiresIn() ?? 0 };
}

/**
 * Follows the provider's redirects like a browser (keeping its cookies), fills in the login form it
 * shows, and returns the redirect back to the client: the URL with the code (or the error).
 */
async function driveLoginForm(authorizationUrl: URL, login: PasswordLogin): Promise<URL> {
  const cookies = new CookieJar();
  let next: { url: URL; form?: URLSearchParams } = { url: authorizationUrl };
  let formPosted = false;
  for (let hop = 0; hop < MAX_REDIRECTS; hop += 1) {
    if (next.url.href.startsWith(login.redirectUri)) return next.url;
    const response = await fetch(next.url, {
      method: next.form === undefined ? 'GET' : 'POST',
      redirect: 'manual',
      headers: {
        ...cookies.header(next.url),
        ...(next.form === undefined ? {} : { 'content-type': 'application/x-www-form-urlencoded' }),
      },
      ...(next.form === undefined ? {} : { body: next.form.toString() }),
    });
    cookies.store(next.url, response.headers.getSetCookie());
    const location = response.headers.get('location');
    if (response.status >= 300 && response.status < 400 && location !== null) {
      next = { url: new URL(location, next.url) };
      continue;
    }
    const page = await response.text();
    if (formPosted) throw new LoginRefusedError(refusalOf(page) ?? `The provider answered the login with HTTP ${response.status}.`);
    const action = /<form[^>]*\saction="([^"]+)"/.exec(page)?.[1];
    if (!response.ok || action === undefined) throw new LoginRefusedError(`The provider showed no login form (HTTP ${response.status}).`);
    next = {
      url: new URL(decodeEntities(action), next.url),
      form: new URLSearchParams({ [LOGIN_FIELD]: login.username, [PASSWORD_FIELD]: login.password }),
    };
    formPosted = true;
  }
  throw new Error(`The provider redirected more than ${MAX_REDIRECTS} times.`);
}

/** The provider's refusal message on a re-shown login form, as text. */
function refusalOf(page: string): string | undefined {
  const html = new RegExp(`<p id="${LOGIN_ERROR_ID}"[^>]*>([\\s\\S]*?)</p>`).exec(page)?.[1];
  return html === undefined ? undefined : decodeEntities(html.replace(/<[^>]+>/g, '')).trim();
}

function decodeEntities(text: string): string {
  return text.replace(/&#(\d+);/g, (_m, code: string) => String.fromCharCode(Number(code))).replace(/&amp;/g, '&');
}

function isLoopback(url: URL): boolean {
  return url.hostname === '127.0.0.1' || url.hostname === 'localhost' || url.hostname === '[::1]';
}

/** Just enough of a browser's cookie store: per name and path, for one host, honouring deletions. */
class CookieJar {
  private readonly cookies = new Map<string, { name: string; value: string; path: string }>();

  store(from: URL, setCookies: readonly string[]): void {
    for (const line of setCookies) {
      const [pair = '', ...attributes] = line.split(';').map((part) => part.trim());
      const separator = pair.indexOf('=');
      if (separator <= 0) continue;
      const name = pair.slice(0, separator);
      const value = pair.slice(separator + 1);
      const attribute = (key: string): string | undefined =>
        attributes.find((a) => a.toLowerCase().startsWith(`${key}=`))?.slice(key.length + 1);
      const path = attribute('path') ?? defaultPath(from);
      const expires = attribute('expires');
      const deleted = value === '' || attribute('max-age') === '0' || (expires !== undefined && Date.parse(expires) <= Date.now());
      const key = `${name};${path}`;
      if (deleted) this.cookies.delete(key);
      else this.cookies.set(key, { name, value, path });
    }
  }

  header(to: URL): Record<string, string> {
    const matching = [...this.cookies.values()].filter(
      (c) => to.pathname === c.path || to.pathname.startsWith(c.path.endsWith('/') ? c.path : `${c.path}/`),
    );
    return matching.length === 0 ? {} : { cookie: matching.map((c) => `${c.name}=${c.value}`).join('; ') };
  }
}

function defaultPath(url: URL): string {
  const last = url.pathname.lastIndexOf('/');
  return last <= 0 ? '/' : url.pathname.slice(0, last);
}
