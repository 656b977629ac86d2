import { Controller, Get, Inject, Post, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { CoordinatorErrorCode } from '#contracts';
import { GatewayError } from '../gateway/gateway-client.js';
import { CREATE_MANDATE_INVITATION } from '../gateway/operations.js';
import { handlePage, handleScopedForm, notFound } from '../page-handler.js';
import { invitationPage } from '../pages/invitation.page.js';
import type { PortalResponder } from '../portal-responder.js';
import { PORTAL_RESPONDER } from '../portal-tokens.js';
import type { PortalRequest } from '../session/portal-request.js';

/**
 * A counsellor makes a one-time code for a new client (`/clients/invite`). The code is shown on the
 * answer to the post and nowhere else: it is not kept in the session, and the page is not cached.
 */
@Controller('clients/invite')
export class InvitationController {
  constructor(@Inject(PORTAL_RESPONDER) private readonly responder: PortalResponder) {}

  @Get()
  async show(@Req() req: PortalRequest, @Res() res: Response): Promise<void> {
    await handlePage(this.responder, req, res, async () => {
      if (!(await this.isCounsellor(req, res))) return notFound(this.responder, req, res);
      const ctx = this.responder.context(req);
      await this.responder.page(req, res, ctx, ctx.t.invite.title, invitationPage(ctx, {}));
    });
  }

  @Post()
  async create(@Req() req: PortalRequest, @Res() res: Response): Promise<void> {
    await handleScopedForm(this.responder, req, res, async () => {
      if (!(await this.isCounsellor(req, res))) return notFound(this.responder, req, res);
      const ctx = this.responder.context(req);
      const name = ctx.person?.name?.trim();
      // The client must see who asks for the mandate: without a name from the login, no code.
      if (name === undefined || name === '') return this.responder.page(req, res, ctx, ctx.t.invite.title, invitationPage(ctx, { problem: ctx.t.invite.noName }), 422);
      try {
        const { data } = await this.responder.gateway<{ createMandateInvitation: { code: string; expiresAt: string } }>(req, res, CREATE_MANDATE_INVITATION, { name });
        await this.responder.page(req, res, ctx, ctx.t.invite.title, invitationPage(ctx, { made: data.createMandateInvitation }), 201);
      } catch (error) {
        if (error instanceof GatewayError && error.has(CoordinatorErrorCode.MANDATE_INVITATION_LIMIT)) {
          return this.responder.page(req, res, ctx, ctx.t.invite.title, invitationPage(ctx, { problem: ctx.t.invite.limit }), 429);
        }
        if (error instanceof GatewayError && error.has(CoordinatorErrorCode.MANDATE_INVITATION_NAME_INVALID)) {
          return this.responder.page(req, res, ctx, ctx.t.invite.title, invitationPage(ctx, { problem: ctx.t.invite.noName }), 422);
        }
        throw error;
      }
    });
  }

  private async isCounsellor(req: PortalRequest, res: Response): Promise<boolean> {
    return (await this.responder.person(req, res)).roles.includes('counsellor');
  }
}
