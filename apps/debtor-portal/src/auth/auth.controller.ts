import { Controller, Get, Inject, Post, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { expiredForm, handlePage } from '../page-handler.js';
import { PortalResponder } from '../portal-responder.js';
import { PORTAL_RESPONDER } from '../portal-tokens.js';
import { csrfValid, type PortalRequest } from '../session/portal-request.js';
import { actsAsCounsellor } from '../session/portal-session.js';
import { CALLBACK_PATH } from './oidc-login.js';

/** Login (OpenID Connect, code + PKCE), the callback, and logout. */
@Controller()
export class AuthController {
  constructor(@Inject(PORTAL_RESPONDER) private readonly responder: PortalResponder) {}

  @Get('login')
  async login(@Req() req: PortalRequest, @Res() res: Response): Promise<void> {
    await handlePage(this.responder, req, res, async () => {
      const returnTo = typeof req.query['returnTo'] === 'string' ? req.query['returnTo'] : '/start';
      await this.responder.startLogin(req, res, returnTo);
    });
  }

  @Get(CALLBACK_PATH.slice(1))
  async callback(@Req() req: PortalRequest, @Res() res: Response): Promise<void> {
    await handlePage(this.responder, req, res, async () => {
      const pending = req.portal.session?.login;
      if (pending === undefined) {
        // A callback without a login in progress (an old tab, a replayed link): start afresh.
        await this.responder.startLogin(req, res, '/start');
        return;
      }
      const callbackUrl = new URL(req.originalUrl, this.responder.config.publicUrl.origin);
      const result = await this.responder.oidc.finish(callbackUrl, pending);
      const who = await this.responder.whoAmI(req, result.accessToken);
      const session = req.portal.rotate({
        person: { ...result, platformId: who.id, roles: who.roles.map((r) => r.toLowerCase()) },
        ...(pending.draft === undefined ? {} : { draft: pending.draft }),
      });
      const fallback = actsAsCounsellor(session.person?.roles ?? []) ? '/clients' : '/start';
      await this.responder.redirect(req, res, pending.returnTo === '/start' ? fallback : pending.returnTo);
    });
  }

  @Post('logout')
  async logout(@Req() req: PortalRequest, @Res() res: Response): Promise<void> {
    await handlePage(this.responder, req, res, async () => {
      if (req.portal.session?.person !== undefined && !csrfValid(req)) {
        await expiredForm(this.responder, req, res);
        return;
      }
      const idToken = req.portal.session?.person?.idToken;
      req.portal.end();
      const providerLogout = idToken === undefined ? undefined : await this.responder.oidc.logoutUrl(idToken);
      await this.responder.redirect(req, res, providerLogout?.href ?? '/');
    });
  }
}
