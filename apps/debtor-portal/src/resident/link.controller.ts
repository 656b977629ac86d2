import { Controller, Get, Inject, Post, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { CoordinatorErrorCode } from '#contracts';
import { GatewayError } from '../gateway/gateway-client.js';
import { LINK_ACCOUNT, LINKS, UNLINK_ACCOUNT, type AccountLinkView, type CreditorRef } from '../gateway/operations.js';
import { validateLinkForm } from '../forms/link-form.js';
import { draftOf, field, type FieldError, type FormFields } from '../forms/form-input.js';
import { todayInAmsterdam } from '../i18n/format.js';
import { handleScopedForm, handleScopedPage } from '../page-handler.js';
import { linkPage } from '../pages/link.page.js';
import type { PortalResponder } from '../portal-responder.js';
import { PORTAL_RESPONDER } from '../portal-tokens.js';
import type { PortalRequest } from '../session/portal-request.js';
import type { PageContext } from '../views/page-context.js';
import { residentVariable, scopedRoutes } from './resident-scope.js';

interface LinksData {
  readonly creditors: readonly CreditorRef[];
  readonly accountLinks: readonly AccountLinkView[];
}

/** Linking accounts at creditors, and unlinking them. */
@Controller()
export class LinkController {
  constructor(@Inject(PORTAL_RESPONDER) private readonly responder: PortalResponder) {}

  @Get(scopedRoutes('creditors'))
  async show(@Req() req: PortalRequest, @Res() res: Response): Promise<void> {
    await handleScopedPage(this.responder, req, res, async () => {
      const ctx = this.responder.context(req);
      await this.render(req, res, ctx, ctx.draft ?? {}, [], undefined, 200);
    });
  }

  @Post(scopedRoutes('creditors'))
  async link(@Req() req: PortalRequest, @Res() res: Response): Promise<void> {
    await handleScopedForm(this.responder, req, res, async (scope) => {
      const fields = draftOf(req.body);
      const { data } = await this.responder.gateway<LinksData>(req, res, LINKS, residentVariable(scope));
      const ctx = this.responder.context(req);
      const t = ctx.t;
      const checked = validateLinkForm(fields, data.creditors.map((c) => c.id), t, todayInAmsterdam());
      if (!checked.ok) return this.render(req, res, ctx, fields, checked.errors, undefined, 422, data);
      const { birthDate, ...answers } = checked.value;
      const creditorName = data.creditors.find((c) => c.id === answers.creditorId)?.name ?? answers.creditorId;
      try {
        const { data: answer } = await this.responder.gateway<{ linkAccount: { linked: boolean } }>(req, res, LINK_ACCOUNT, {
          input: { ...answers, ...residentVariable(scope), ...(birthDate === undefined ? {} : { birthDate }) },
        });
        // One uniform refusal: the page never says which part was wrong, as the node does not.
        if (!answer.linkAccount.linked) return this.render(req, res, ctx, fields, [], t.link.notFound(creditorName), 422, data);
      } catch (error) {
        if (error instanceof GatewayError && error.has(CoordinatorErrorCode.LINK_RATE_LIMITED)) return this.render(req, res, ctx, fields, [], t.link.rateLimited, 429, data);
        throw error;
      }
      await this.responder.redirect(req, res, `${scope.base}/creditors`, { kind: 'success', key: 'link.linked', params: { creditor: creditorName } });
    });
  }

  @Post(scopedRoutes('creditors/unlink'))
  async unlink(@Req() req: PortalRequest, @Res() res: Response): Promise<void> {
    await handleScopedForm(this.responder, req, res, async (scope) => {
      const creditorId = field(draftOf(req.body), 'creditorId');
      const { data } = await this.responder.gateway<LinksData>(req, res, LINKS, residentVariable(scope));
      const link = data.accountLinks.find((l) => l.creditor.id === creditorId);
      // Unlinking what is not linked (a second click, an old tab) changes nothing: back to the list.
      if (link !== undefined) await this.responder.gateway(req, res, UNLINK_ACCOUNT, { creditorId, ...residentVariable(scope) });
      await this.responder.redirect(req, res, `${scope.base}/creditors`, link === undefined ? undefined : { kind: 'success', key: 'link.unlinked', params: { creditor: link.creditor.name } });
    });
  }

  private async render(req: PortalRequest, res: Response, ctx: PageContext, values: FormFields, errors: readonly FieldError[], problem: string | undefined, status: number, known?: LinksData): Promise<void> {
    const data = known ?? (await this.responder.gateway<LinksData>(req, res, LINKS, residentVariable(ctx.scope))).data;
    await this.responder.page(req, res, ctx, ctx.t.link.title, linkPage(ctx, { creditors: data.creditors, links: data.accountLinks, values, errors, ...(problem === undefined ? {} : { problem }) }), status);
  }
}
