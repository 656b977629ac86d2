import { CORRELATION_HEADER, correlationIdFrom } from '#service-kit';
import type { Response } from 'express';
import type { PortalConfig } from './config/portal-config.js';
import type { Stylesheet } from './assets/stylesheet.js';
import { OidcLogin } from './auth/oidc-login.js';
import { GatewayClient, GatewayError, type GatewayAnswer } from './gateway/gateway-client.js';
import { WHO_AM_I, type WhoAmI } from './gateway/operations.js';
import { graphqlLocale } from './i18n/catalogue.js';
import { draftOf, type FormFields } from './forms/form-input.js';
import type { SafeHtml } from './html/html.js';
import { commitSession, type PortalRequest } from './session/portal-request.js';
import { actsAsCounsellor, type Flash, type SignedInPerson } from './session/portal-session.js';
import type { SessionStore } from './session/session-store.js';
import { layout } from './views/layout.js';
import { OWN_SCOPE, scopeOf } from './resident/resident-scope.js';
import type { PageContext } from './views/page-context.js';

/** Thrown inside a handler when the browser was already sent elsewhere (to log in, say). */
export class Redirected extends Error {
  constructor() {
    super('redirected');
  }
}

/**
 * The framework glue every page shares: who is signed in (or a login, returning to the same step),
 * calls to the gateway with their token, and sending a page with its session and Server-Timing.
 */
export class PortalResponder {
  constructor(
    readonly config: PortalConfig,
    private readonly store: SessionStore,
    private readonly gatewayClient: GatewayClient,
    readonly oidc: OidcLogin,
    private readonly stylesheet: Stylesheet,
  ) {}

  /** The signed-in person, or a redirect to log in that comes back here with what was typed. */
  async person(req: PortalRequest, res: Response): Promise<SignedInPerson> {
    const person = req.portal.session?.person;
    if (person !== undefined && person.accessTokenExpiresAt > Date.now() + 30_000) return person;
    return this.loginAgain(req, res);
  }

  /** Off to log in, back to this page afterwards; a form's fields come back as its draft. */
  private async loginAgain(req: PortalRequest, res: Response): Promise<never> {
    const post = req.method === 'POST';
    await this.startLogin(req, res, post ? req.path : req.originalUrl, post ? { path: req.path, fields: draftOf(req.body) } : undefined);
    throw new Redirected();
  }

  async startLogin(req: PortalRequest, res: Response, returnTo: string, draft?: { path: string; fields: FormFields }): Promise<void> {
    const { url, pending } = await this.oidc.start(safeReturnPath(returnTo));
    const session = req.portal.ensureSession();
    session.login = draft === undefined ? pending : { ...pending, draft };
    delete session.person;
    req.portal.changed = true;
    await this.redirect(req, res, url.href);
  }

  async gateway<T>(req: PortalRequest, res: Response, query: string, variables: Record<string, unknown> = {}): Promise<GatewayAnswer<T>> {
    const person = await this.person(req, res);
    try {
      return await this.gatewayClient.request<T>({
        accessToken: person.accessToken,
        query,
        variables: { locale: graphqlLocale(req.portal.locale), ...variables },
        timer: req.portal.timer,
        correlationId: correlationIdOf(req),
      });
    } catch (error) {
      if (error instanceof GatewayError && error.unauthenticated) return this.loginAgain(req, res);
      throw error;
    }
  }

  /** Who a fresh access token belongs to on the platform (at login, before there is a session). */
  async whoAmI(req: PortalRequest, accessToken: string): Promise<WhoAmI> {
    const { data } = await this.gatewayClient.request<{ whoAmI: WhoAmI }>({ accessToken, query: WHO_AM_I, timer: req.portal.timer, correlationId: correlationIdOf(req) });
    return data.whoAmI;
  }

  context(req: PortalRequest): PageContext {
    const state = req.portal;
    const session = state.session;
    const t = state.t;
    const flash = session?.flash;
    if (flash !== undefined && session !== undefined) {
      delete session.flash;
      state.changed = true;
    }
    let draft: FormFields | undefined;
    if (session?.draft !== undefined && session.draft.path === req.path) {
      draft = session.draft.fields;
      delete session.draft;
      state.changed = true;
    }
    return {
      locale: state.locale,
      t,
      path: req.path,
      csrfToken: session?.csrfToken,
      stylesheetPath: this.stylesheet.path,
      person: session?.person === undefined ? undefined : { name: session.person.name, counsellor: actsAsCounsellor(session.person.roles) },
      flash: flash === undefined ? undefined : { kind: flash.kind, text: flashText(t, flash) },
      draft,
      scope: scopeOf(req) ?? OWN_SCOPE,
    };
  }

  async page(req: PortalRequest, res: Response, ctx: PageContext, title: string, body: SafeHtml, status = 200): Promise<void> {
    const page = layout(ctx, { title, body }).value;
    await commitSession(req, res, this.config, this.store);
    const total = performance.now() - req.portal.startedAt;
    const gateway = req.portal.timer.total;
    res
      .status(status)
      .setHeader('Cache-Control', 'no-store')
      .setHeader('Server-Timing', `portal;dur=${(total - gateway).toFixed(2)}, gateway;dur=${gateway.toFixed(2)};desc="${req.portal.timer.calls} calls"`)
      .type('text/html; charset=utf-8')
      .send(page);
  }

  async redirect(req: PortalRequest, res: Response, to: string, flash?: Flash): Promise<void> {
    if (flash !== undefined) {
      req.portal.ensureSession().flash = flash;
      req.portal.changed = true;
    }
    await commitSession(req, res, this.config, this.store);
    res.setHeader('Cache-Control', 'no-store').redirect(303, to);
  }
}

/** Set on every request by the request-log middleware (main.ts). */
function correlationIdOf(req: PortalRequest): string {
  return correlationIdFrom(req.headers[CORRELATION_HEADER]);
}

/** Only a path on this portal: never an open redirect to elsewhere. */
export function safeReturnPath(path: string): string {
  return /^\/(?![/\\])[^\s]*$/.test(path) ? path : '/start';
}

type FlashTexts = Record<string, unknown>;

/** A flash names a catalogue text by its dotted key ("consent.given"). */
function flashText(t: object, flash: Flash): string {
  let value: unknown = t;
  for (const part of flash.key.split('.')) value = (value as FlashTexts | undefined)?.[part];
  if (typeof value === 'function') return String((value as (...args: string[]) => string)(...Object.values(flash.params ?? {})));
  return typeof value === 'string' ? value : flash.key;
}
