import { Logger } from '@nestjs/common';
import type { Response } from 'express';
import { CoordinatorErrorCode } from '#contracts';
import { draftOf } from './forms/form-input.js';
import { GatewayError } from './gateway/gateway-client.js';
import { html } from './html/html.js';
import { paragraph } from './views/components.js';
import { Redirected, type PortalResponder } from './portal-responder.js';
import { csrfValid, type PortalRequest } from './session/portal-request.js';
import { scopeOf, type ResidentScope } from './resident/resident-scope.js';

const log = new Logger('Portal');

/**
 * Runs a page handler: a redirect to log in ends it quietly; anything unexpected becomes a calm page
 * that says nothing changed (never a stack trace, never a half-done step).
 */
export async function handlePage(responder: PortalResponder, req: PortalRequest, res: Response, handler: () => Promise<void>): Promise<void> {
  try {
    await handler();
  } catch (error) {
    if (error instanceof Redirected) return;
    // A client whose mandate is not (or no longer) in force: as if the page did not exist, so it says
    // nothing about whether that resident is on the platform.
    if (error instanceof GatewayError && error.has(CoordinatorErrorCode.MANDATE_REQUIRED) && !res.headersSent) return notFound(responder, req, res);
    log.error(`${req.method} ${req.path}: ${error instanceof Error ? error.message : String(error)}`);
    if (res.headersSent) return;
    const ctx = responder.context(req);
    await responder.page(req, res, ctx, ctx.t.meta.appName, html`${paragraph(ctx.t.common.somethingWrong)}<p class="utrecht-paragraph"><a class="utrecht-link" href="/start">${ctx.t.common.toStart}</a></p>`, 502);
  }
}

/** A form post whose CSRF token is wrong or gone: nothing is done, and what was typed is kept. */
export async function expiredForm(responder: PortalResponder, req: PortalRequest, res: Response): Promise<void> {
  const ctx = responder.context(req);
  // Kept for the form's page: the link below opens it again with these fields filled in.
  req.portal.ensureSession().draft = { path: req.path, fields: draftOf(req.body) };
  req.portal.changed = true;
  await responder.page(req, res, ctx, ctx.t.common.expiredFormTitle, html`${paragraph(ctx.t.common.expiredForm)}<p class="utrecht-paragraph"><a class="utrecht-link" href="${req.path}">${ctx.t.common.next}</a></p>`, 403);
}

/** A page of a resident's scope (their own, or a client's): an id that cannot be a resident is not found. */
export async function handleScopedPage(responder: PortalResponder, req: PortalRequest, res: Response, handler: (scope: ResidentScope) => Promise<void>): Promise<void> {
  await handlePage(responder, req, res, async () => {
    const scope = scopeOf(req);
    if (scope === undefined) return notFound(responder, req, res);
    await handler(scope);
  });
}

/**
 * A form post of a resident's scope: the person is signed in (or logs in and comes back with what
 * they typed) and the CSRF token is right, before anything is done.
 */
export async function handleScopedForm(responder: PortalResponder, req: PortalRequest, res: Response, handler: (scope: ResidentScope) => Promise<void>): Promise<void> {
  await handleScopedPage(responder, req, res, async (scope) => {
    await responder.person(req, res);
    if (!csrfValid(req)) return expiredForm(responder, req, res);
    await handler(scope);
  });
}

export async function notFound(responder: PortalResponder, req: PortalRequest, res: Response): Promise<void> {
  const ctx = responder.context(req);
  await responder.page(req, res, ctx, ctx.t.common.notFoundTitle, html`${paragraph(ctx.t.common.notFound)}<p class="utrecht-paragraph"><a class="utrecht-link" href="/start">${ctx.t.common.toStart}</a></p>`, 404);
}
