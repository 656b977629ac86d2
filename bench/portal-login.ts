/**
 * A portal session without a browser: the real authorization-code flow over plain HTTP, with one cookie
 * jar per simulated person. GET <portal>/login → the provider's authorize endpoint → its login form
 * (infra/idp/interaction-routes.ts), posted like a browser posts it → automatic consent → back to
 * <portal>/auth/callback, where the portal exchanges the code (PKCE, state, nonce) and rotates the
 * session. What comes back can then fetch the portal's pages as that person.
 */
import { request as httpRequest, Agent, type IncomingHttpHeaders } from 'node:http';
import { LOGIN_FIELD, PASSWORD_FIELD } from '../infra/idp/idp-pages.js';

/** One answer, read in full. */
export interface HttpAnswer {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
  /** Client-side time from sending the request until the last byte of the body, in ms. */
  readonly elapsedMs: number;
}

/**
 * A GET or a form POST over node:http (lighter than fetch on a loaded machine: the load generator
 * shares the two cores with what it measures). Never follows redirects.
 */
export function httpCall(
  url: URL,
  options: { readonly method?: 'GET' | 'POST'; readonly headers?: Record<string, string>; readonly body?: string; readonly agent?: Agent; readonly timeoutMs?: number } = {},
): Promise<HttpAnswer> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const body = options.body === undefined ? undefined : Buffer.from(options.body);
    const req = httpRequest(
      url,
      {
        method: options.method ?? 'GET',
        headers: { ...options.headers, ...(body === undefined ? {} : { 'content-length': String(body.byteLength) }) },
        ...(options.agent === undefined ? {} : { agent: options.agent }),
        timeout: options.timeoutMs ?? 15_000,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks), elapsedMs: performance.now() - started }));
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`${url.href}: no answer within ${options.timeoutMs ?? 15_000} ms`)));
    req.on('error', reject);
    req.end(body);
  });
}

/**
 * Just enough of a browser's cookie store for one person: per origin (the portal and the provider are
 * different sites in production, though both are 127.0.0.1 here), name and path; deletions honoured.
 */
export class CookieJar {
  private readonly cookies = new Map<string, { origin: string; name: string; value: string; path: string }>();

  store(from: URL, setCookie: string | readonly string[] | undefined): void {
    const lines = setCookie === undefined ? [] : typeof setCookie === 'string' ? [setCookie] : setCookie;
    for (const line of lines) {
      const [pair = '', ...attributes] = line.split(';').map((part) => part.trim());
      const separator = pair.indexOf('=');
      if (separator <= 0) continue;
      const name = pair.slice(0, separator);
      const value = pair.slice(separator + 1);
      const attribute = (key: string): string | undefined => attributes.find((a) => a.toLowerCase().startsWith(`${key}=`))?.slice(key.length + 1);
      const path = attribute('path') ?? defaultPath(from);
      const expires = attribute('expires');
      const deleted = value === '' || attribute('max-age') === '0' || (expires !== undefined && Date.parse(expires) <= Date.now());
      const key = `${from.origin};${name};${path}`;
      if (deleted) this.cookies.delete(key);
      else this.cookies.set(key, { origin: from.origin, name, value, path });
    }
  }

  /** The Cookie header a browser would send to `to` (empty when none). */
  header(to: URL): string {
    return [...this.cookies.values()]
      .filter((c) => c.origin === to.origin && (to.pathname === c.path || to.pathname.startsWith(c.path.endsWith('/') ? c.path : `${c.path}/`)))
      .map((c) => `${c.name}=${c.value}`)
      .join('; ');
  }

  has(origin: string, name: string): boolean {
    return [...this.cookies.values()].some((c) => c.origin === origin && c.name === name);
  }
}

function defaultPath(url: URL): string {
  const last = url.pathname.lastIndexOf('/');
  return last <= 0 ? '/' : url.pathname.slice(0, last);
}

/** A person signed in at the portal: its cookies, and one kept-alive connection, as one browser tab has. */
export class PortalVisitor {
  readonly agent = new Agent({ keepAlive: true, maxSockets: 1 });

  constructor(
    readonly portalUrl: URL,
    readonly username: string,
    readonly cookies: CookieJar,
    /** Where the login ended (the portal's landing page, e.g. /start). */
    readonly landedOn: string,
  ) {}

  /** A GET of a portal page as this person (cookies sent and kept; redirects not followed). */
  async get(path: string): Promise<HttpAnswer> {
    const url = new URL(path, this.portalUrl);
    const cookie = this.cookies.header(url);
    const answer = await httpCall(url, { agent: this.agent, headers: { accept: 'text/html', ...(cookie === '' ? {} : { cookie }) } });
    this.cookies.store(url, answer.headers['set-cookie']);
    return answer;
  }

  close(): void {
    this.agent.destroy();
  }
}

export class PortalLoginError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PortalLoginError';
  }
}

const MAX_HOPS = 15;

/**
 * Logs `username` in at the portal the way a browser does, without one. Throws PortalLoginError with
 * the step that went wrong (a refused password, a missing form, a callback the portal did not accept).
 */
export async function loginAtPortal(params: { readonly portalUrl: string; readonly username: string; readonly password: string; readonly returnTo?: string }): Promise<PortalVisitor> {
  const portal = new URL(params.portalUrl);
  const cookies = new CookieJar();
  const loginPath = params.returnTo === undefined ? '/login' : `/login?returnTo=${encodeURIComponent(params.returnTo)}`;
  let next: { url: URL; form?: URLSearchParams } = { url: new URL(loginPath, portal) };
  let formPosted = false;
  let sawCallback = false;
  for (let hop = 0; hop < MAX_HOPS; hop += 1) {
    const { url, form } = next;
    const cookie = cookies.header(url);
    const answer = await httpCall(url, {
      method: form === undefined ? 'GET' : 'POST',
      headers: {
        accept: 'text/html',
        ...(cookie === '' ? {} : { cookie }),
        // A browser sends its Origin with a form post; the provider's own page is the origin here.
        ...(form === undefined ? {} : { 'content-type': 'application/x-www-form-urlencoded', origin: url.origin }),
      },
      ...(form === undefined ? {} : { body: form.toString() }),
    });
    cookies.store(url, answer.headers['set-cookie']);
    const location = answer.headers.location;
    if (answer.status >= 300 && answer.status < 400 && location !== undefined) {
      if (url.origin === portal.origin && url.pathname === '/auth/callback') sawCallback = true;
      const target = new URL(location, url);
      // Back at the portal after its callback: signed in, landed on the page it sends the person to.
      if (sawCallback && target.origin === portal.origin) {
        if (!cookies.has(portal.origin, 'sr_session')) throw new PortalLoginError(`${params.username}: the portal set no session cookie at its callback`);
        return new PortalVisitor(portal, params.username, cookies, `${target.pathname}${target.search}`);
      }
      next = { url: target };
      continue;
    }
    const page = answer.body.toString('utf8');
    if (url.origin === portal.origin) throw new PortalLoginError(`${params.username}: the portal answered ${url.pathname} with HTTP ${answer.status} instead of a redirect`);
    if (formPosted) throw new PortalLoginError(`${params.username}: the provider did not accept the login (HTTP ${answer.status})`);
    const action = /<form[^>]*\saction="([^"]+)"/.exec(page)?.[1];
    if (answer.status !== 200 || action === undefined) throw new PortalLoginError(`${params.username}: the provider showed no login form at ${url.pathname} (HTTP ${answer.status})`);
    next = { url: new URL(action.replace(/&amp;/g, '&'), url), form: new URLSearchParams({ [LOGIN_FIELD]: params.username, [PASSWORD_FIELD]: params.password }) };
    formPosted = true;
  }
  throw new PortalLoginError(`${params.username}: more than ${MAX_HOPS} redirects without ending at the portal`);
}
