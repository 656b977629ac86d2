import { Controller, Get, Inject, Param, Post, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { LedgerReceipts } from '../gateway/ledger-receipts.js';
import { PRIVACY, WITHDRAW_CONSENT, WITHDRAW_MANDATE, type AccountLinkView, type ConsentView, type MandateView, type SharedProposalView } from '../gateway/operations.js';
import { draftOf, field } from '../forms/form-input.js';
import { handlePage, handleScopedForm, notFound } from '../page-handler.js';
import { privacyPage } from '../pages/privacy.page.js';
import type { PortalResponder } from '../portal-responder.js';
import { LEDGER_RECEIPTS, PORTAL_RESPONDER } from '../portal-tokens.js';
import type { PortalRequest } from '../session/portal-request.js';

interface PrivacyData {
  readonly consents: readonly ConsentView[];
  readonly accountLinks: readonly AccountLinkView[];
  readonly mandates: readonly MandateView[];
  readonly proposals: readonly SharedProposalView[];
}

/** The resident's own privacy page: what was shared, the receipts, and withdrawing consent or a mandate. */
@Controller('privacy')
export class PrivacyController {
  constructor(
    @Inject(PORTAL_RESPONDER) private readonly responder: PortalResponder,
    @Inject(LEDGER_RECEIPTS) private readonly receipts: LedgerReceipts,
  ) {}

  @Get()
  async show(@Req() req: PortalRequest, @Res() res: Response): Promise<void> {
    await handlePage(this.responder, req, res, async () => {
      const { data } = await this.responder.gateway<PrivacyData>(req, res, PRIVACY);
      const ctx = this.responder.context(req);
      await this.responder.page(req, res, ctx, ctx.t.privacy.title, privacyPage(ctx, { consents: data.consents, mandates: data.mandates, links: data.accountLinks, proposals: data.proposals }));
    });
  }

  @Get('receipts/:index')
  async receipt(@Req() req: PortalRequest, @Res() res: Response, @Param('index') indexText: string): Promise<void> {
    await handlePage(this.responder, req, res, async () => {
      const person = await this.responder.person(req, res);
      const receipt = /^\d{1,12}$/.test(indexText) ? await this.receipts.fetch(Number(indexText), person.accessToken) : undefined;
      if (receipt === undefined) return notFound(this.responder, req, res);
      res.status(200).setHeader('Cache-Control', 'no-store').setHeader('Content-Disposition', `attachment; filename="${receipt.fileName}"`).type('application/json').send(receipt.body);
    });
  }

  @Post('consents/withdraw')
  async withdrawConsent(@Req() req: PortalRequest, @Res() res: Response): Promise<void> {
    await handleScopedForm(this.responder, req, res, async () => {
      await this.responder.gateway(req, res, WITHDRAW_CONSENT, { id: field(draftOf(req.body), 'id') });
      await this.responder.redirect(req, res, '/privacy', { kind: 'success', key: 'privacy.withdrawn' });
    });
  }

  @Post('mandates/withdraw')
  async withdrawMandate(@Req() req: PortalRequest, @Res() res: Response): Promise<void> {
    await handleScopedForm(this.responder, req, res, async () => {
      await this.responder.gateway(req, res, WITHDRAW_MANDATE, { id: field(draftOf(req.body), 'id') });
      await this.responder.redirect(req, res, '/privacy', { kind: 'success', key: 'privacy.mandateWithdrawn' });
    });
  }
}
