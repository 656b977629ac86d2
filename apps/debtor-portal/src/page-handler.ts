import { Logger } from '@nestjs/common';
import type { Response } from 'express';
import { html } from './html/html.js';
import { paragraph } from './views/components.js';
import { Redirected, type PortalResponder } from './portal-responder.js';
import type { PortalRequest } from './session/portal-request.js';

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
    log.error(`${req.method} ${req.path}: ${error instanceof Error ? error.message : String(error)}`);
    if (res.headersSent) return;
    const ctx = responder.context(req);
    await responder.page(req, res, ctx, ctx.t.meta.appName, html`${paragraph(ctx.t.common.somethingWrong)}<p class="utrecht-paragraph"><a class="utrecht-link" href="/start">${ctx.t.common.toStart}</a></p>`, 502);
  }
}

/** A form post whose CSRF token is wrong or gone: nothing is done, and what was typed is kept. */
export async function expiredForm(responder: PortalResponder, req: PortalRequest, res: Response): Promise<void> {
  const ctx = responder.context(req);
  await responder.page(req, res, ctx, ctx.t.common.expiredFormTitle, html`${paragraph(ctx.t.common.expiredForm)}<p class="utrecht-paragraph"><a class="utrecht-link" href="${req.path}">${ctx.t.common.next}</a></p>`, 403);
}
