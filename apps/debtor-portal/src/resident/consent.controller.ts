import { Controller, Get, Inject, Post, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { CONSENT_PAGE, GIVE_CONSENT, type AccountLinkView, type ConsentTextView, type ConsentView } from '../gateway/operations.js';
import { CATEGORIES_FOR, validateConsentForm } from '../forms/consent-form.js';
import { draftOf, field, type FieldError, type FormFields } from '../forms/form-input.js';
import { handleScopedForm, handleScopedPage } from '../page-handler.js';
import { consentPage } from '../pages/consent.page.js';
import { Redirected, type PortalResponder } from '../portal-responder.js';
import { PORTAL_RESPONDER } from '../portal-tokens.js';
import type { PortalRequest } from '../session/portal-request.js';
import type { PageContext } from '../views/page-context.js';
import { residentVariable, scopedRoutes } from './resident-scope.js';

interface ConsentPageAnswer {
  readonly accountLinks: readonly AccountLinkView[];
  readonly consents: readonly ConsentView[];
  readonly overviewText: ConsentTextView;
  readonly arrangementText: ConsentTextView;
}

const DAY_MS = 86_400_000;

/** Giving consent: per creditor, per purpose, for a chosen time; the text's version goes with it. */
@Controller()
export class ConsentController {
  constructor(@Inject(PORTAL_RESPONDER) private readonly responder: PortalResponder) {}

  @Get(scopedRoutes('consent'))
  async show(@Req() req: PortalRequest, @Res() res: Response): Promise<void> {
    await handleScopedPage(this.responder, req, res, async (scope) => {
      const { data } = await this.responder.gateway<ConsentPageAnswer>(req, res, CONSENT_PAGE, residentVariable(scope));
      const ctx = this.responder.context(req);
      await this.render(req, res, ctx, data, ctx.draft ?? {}, [], 200);
    });
  }

  @Post(scopedRoutes('consent'))
  async give(@Req() req: PortalRequest, @Res() res: Response): Promise<void> {
    await handleScopedForm(this.responder, req, res, async (scope) => {
      const fields = draftOf(req.body);
      const { data } = await this.responder.gateway<ConsentPageAnswer>(req, res, CONSENT_PAGE, residentVariable(scope));
      const ctx = this.responder.context(req);
      const checked = validateConsentForm(fields, data.accountLinks.map((l) => l.creditor.id), ctx.t);
      if (!checked.ok) return this.render(req, res, ctx, data, fields, checked.errors, 422);
      const validUntil = new Date(Date.now() + checked.value.days * DAY_MS).toISOString();
      const texts = { DEBT_OVERVIEW: data.overviewText, COLLECTIVE_ARRANGEMENT: data.arrangementText };
      // One consent per purpose, each with the version of the text the page showed (the coordinator
      // refuses a version it never had).
      const given: string[] = [];
      for (const purpose of checked.value.purposes) {
        try {
          await this.responder.gateway(req, res, GIVE_CONSENT, {
            input: { ...residentVariable(scope), purpose, creditorIds: checked.value.creditorIds, categories: CATEGORIES_FOR[purpose], validUntil, textVersion: field(fields, `textVersion.${purpose}`) || texts[purpose].version },
          });
        } catch (error) {
          // Each purpose is its own consent: one given before the failure stands, and the page says so
          // rather than claiming nothing changed.
          if (given.length === 0 || error instanceof Redirected) throw error;
          const problem = ctx.t.consent.partlyGiven(given.map((p) => ctx.t.purposes[p] ?? p).join(', '), ctx.t.purposes[purpose] ?? purpose);
          return this.render(req, res, ctx, (await this.responder.gateway<ConsentPageAnswer>(req, res, CONSENT_PAGE, residentVariable(scope))).data, fields, [], 502, problem);
        }
        given.push(purpose);
      }
      await this.responder.redirect(req, res, `${scope.base}/overview`, { kind: 'success', key: 'consent.given' });
    });
  }

  private async render(req: PortalRequest, res: Response, ctx: PageContext, data: ConsentPageAnswer, values: FormFields, errors: readonly FieldError[], status: number, problem?: string): Promise<void> {
    const page = consentPage(ctx, { links: data.accountLinks, consents: data.consents, texts: { DEBT_OVERVIEW: data.overviewText, COLLECTIVE_ARRANGEMENT: data.arrangementText }, values, errors, ...(problem === undefined ? {} : { problem }) });
    await this.responder.page(req, res, ctx, ctx.t.consent.title, page, status);
  }
}
