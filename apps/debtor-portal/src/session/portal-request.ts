import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import type { PortalConfig } from '../config/portal-config.js';
import { GatewayTimer } from '../gateway/gateway-client.js';
import { DEFAULT_LOCALE, PORTAL_LOCALES, isPortalLocale, type Messages, type PortalLocale } from '../i18n/catalogue.js';
import { parseCookies, serializeCookie } from './cookies.js';
import type { PortalSession } from './portal-session.js';
import type { SessionStore } from './session-store.js';

export const SESSION_COOKIE = 'sr_session';
export const LOCALE_COOKIE = 'sr_lang';

/**
 * What one request carries through the portal: its session (loaded from Redis, saved if changed), the
 * language, and the gateway timer for Server-Timing.
 */
export class PortalRequestState {
  changed = false;
  readonly timer = new GatewayTimer();

  constructor(
    public sessionId: string | undefined,
    public session: PortalSession | undefined,
    public locale: PortalLocale,
    /** When the request reached the portal: before the session was read, so its time counts as the portal's. */
    readonly startedAt: number = performance.now(),
  ) {}

  get t(): Messages {
    return PORTAL_LOCALES[this.locale].messages;
  }

  /** The session, made now if the browser has none (a login or a form needs one). */
  ensureSession(): PortalSession {
    return this.session ?? this.rotate({});
  }

  /** A new session id and CSRF token at login: a session id seen before the login is worthless after it. */
  rotate(keep: Partial<PortalSession>): PortalSession {
    this.session = { ...keep, csrfToken: randomBytes(24).toString('base64url'), createdAt: Date.now() };
    this.sessionId = undefined;
    this.changed = true;
    return this.session;
  }

  end(): void {
    this.session = undefined;
    this.changed = true;
  }
}

export type PortalRequest = Request & { portal: PortalRequestState };

/** The session and language middleware; also refuses cross-site form posts (Origin check). */
export function portalRequestMiddleware(config: PortalConfig, store: SessionStore) {
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const startedAt = performance.now();
    try {
      const cookies = parseCookies(req.headers.cookie);
      const sessionId = cookies.get(SESSION_COOKIE);
      const session = sessionId === undefined ? undefined : await store.load(sessionId);
      const asked = typeof req.query['lang'] === 'string' ? req.query['lang'] : undefined;
      const remembered = cookies.get(LOCALE_COOKIE);
      const locale = isPortalLocale(asked) ? asked : isPortalLocale(remembered) ? remembered : DEFAULT_LOCALE;
      if (isPortalLocale(asked) && asked !== remembered) {
        res.append('Set-Cookie', serializeCookie(LOCALE_COOKIE, asked, { secure: config.secureCookies, sameSite: 'Lax', maxAgeSeconds: 365 * 86_400 }));
      }
      const state = new PortalRequestState(session === undefined ? undefined : sessionId, session, locale, startedAt);
      (req as PortalRequest).portal = state;
      setSecurityHeaders(res, config.oidc.issuer.origin);
      if (req.method === 'POST' && !sameOrigin(req, config)) {
        res.status(403).type('text/plain').send('Cross-site form posts are refused.');
        return;
      }
      next();
    } catch (error) {
      next(error);
    }
  };
}

/** Called before a response is sent: writes a changed session and its cookie. */
export async function commitSession(req: PortalRequest, res: Response, config: PortalConfig, store: SessionStore): Promise<void> {
  const state = req.portal;
  if (!state.changed) return;
  const cookie = (value: string, maxAgeSeconds?: number) =>
    serializeCookie(SESSION_COOKIE, value, { secure: config.secureCookies, sameSite: 'Lax', ...(maxAgeSeconds === undefined ? {} : { maxAgeSeconds }) });
  if (state.session === undefined) {
    if (state.sessionId !== undefined) await store.destroy(state.sessionId);
    res.append('Set-Cookie', cookie('', 0));
    return;
  }
  if (state.sessionId === undefined) {
    const old = parseCookies(req.headers.cookie).get(SESSION_COOKIE);
    if (old !== undefined) await store.destroy(old);
    state.sessionId = await store.create(state.session);
    res.append('Set-Cookie', cookie(state.sessionId));
  } else {
    await store.save(state.sessionId, state.session);
  }
}

/** The form's CSRF token equals the session's (synchronizer token), compared in constant time. */
export function csrfValid(req: PortalRequest): boolean {
  const expected = req.portal.session?.csrfToken;
  const body = req.body as Record<string, unknown> | undefined;
  const given = typeof body?.['_csrf'] === 'string' ? body['_csrf'] : '';
  if (expected === undefined || given.length !== expected.length) return false;
  return timingSafeEqual(Buffer.from(given), Buffer.from(expected));
}

function sameOrigin(req: Request, config: PortalConfig): boolean {
  const origin = req.headers.origin;
  // Browsers send Origin with every form post; a post without one is not from a page of ours.
  return origin === config.publicUrl.origin;
}

function setSecurityHeaders(res: Response, identityProvider: string): void {
  res.setHeader('Content-Security-Policy', `default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self' ${identityProvider}; frame-ancestors 'none'; base-uri 'none'`);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  // same-origin, not no-referrer: under no-referrer a browser sends "Origin: null" with our own form posts.
  res.setHeader('Referrer-Policy', 'same-origin');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  res.setHeader('Permissions-Policy', 'camera=(), microphone=(), geolocation=()');
}
