import { Controller, Get, Inject, Post, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ProposalErrorCode } from '#contracts';
import { GatewayError } from '../gateway/gateway-client.js';
import { BUDGET, HOME, INBOX, OVERVIEW_CLIENT, OVERVIEW_SELF, SET_BUDGET, type BudgetView, type NotificationView, type OverviewView } from '../gateway/operations.js';
import { validateBudgetForm } from '../forms/budget-form.js';
import { draftOf, type FieldError, type FormFields } from '../forms/form-input.js';
import { handlePage, handleScopedForm, handleScopedPage, notFound } from '../page-handler.js';
import { actsAsCounsellor } from '../session/portal-session.js';
import { budgetResultPage } from '../pages/budget-result.page.js';
import { budgetPage } from '../pages/budget.page.js';
import { homePage } from '../pages/home.page.js';
import { inboxPage } from '../pages/inbox.page.js';
import { overviewPage } from '../pages/overview.page.js';
import { welcomePage } from '../pages/welcome.page.js';
import { PortalResponder } from '../portal-responder.js';
import { PORTAL_RESPONDER } from '../portal-tokens.js';
import type { PortalRequest } from '../session/portal-request.js';
import { residentVariable, scopedRoutes } from './resident-scope.js';
import { PORTAL_LOCALES, type PortalLocale } from '../i18n/catalogue.js';

interface HomeData {
  readonly accountLinks: readonly { id: string }[];
  readonly consents: readonly { id: string; state: string }[];
  readonly budget: { capacity: string } | null;
  readonly proposals: readonly { id: string; status: string; outcome: string }[];
  readonly notifications: readonly { read: boolean }[];
}

/** The resident's journey (and a counsellor's for a client): welcome, next step, overview, budget and what it leaves, inbox. */
@Controller()
export class ResidentController {
  constructor(@Inject(PORTAL_RESPONDER) private readonly responder: PortalResponder) {}

  @Get()
  async welcome(@Req() req: PortalRequest, @Res() res: Response): Promise<void> {
    await handlePage(this.responder, req, res, async () => {
      const ctx = this.responder.context(req);
      await this.responder.page(req, res, ctx, ctx.t.welcome.title, welcomePage(ctx));
    });
  }

  @Get('start')
  async home(@Req() req: PortalRequest, @Res() res: Response): Promise<void> {
    await handlePage(this.responder, req, res, async () => {
      const person = await this.responder.person(req, res);
      // A counsellor's own start is the caseload.
      if (actsAsCounsellor(person.roles)) return this.responder.redirect(req, res, '/clients');
      const { data } = await this.responder.gateway<HomeData>(req, res, HOME);
      const latest = data.proposals.find((p) => p.status !== 'REPLACED' && p.status !== 'WITHDRAWN' && p.status !== 'AMENDED');
      const ctx = this.responder.context(req);
      const title = person.name === undefined ? ctx.t.home.title : ctx.t.home.titleNamed(person.name.split(' ')[0] ?? person.name);
      await this.responder.page(req, res, ctx, title, homePage(ctx, {
        links: data.accountLinks.length,
        consents: data.consents.filter((c) => c.state === 'GIVEN').length,
        budget: data.budget !== null,
        latest,
        unread: data.notifications.filter((n) => !n.read).length,
      }));
    });
  }

  @Get(scopedRoutes('overview'))
  async overview(@Req() req: PortalRequest, @Res() res: Response): Promise<void> {
    await handleScopedPage(this.responder, req, res, async (scope) => {
      const answer =
        scope.residentId === undefined
          ? await this.responder.gateway<{ me: OverviewView | null }>(req, res, OVERVIEW_SELF).then((a) => ({ errors: a.errors, overview: a.data.me }))
          : await this.responder.gateway<{ resident: OverviewView | null }>(req, res, OVERVIEW_CLIENT, { residentId: scope.residentId }).then((a) => ({ errors: a.errors, overview: a.data.resident }));
      // Someone without the resident role has no overview of their own.
      if (answer.overview === null) return notFound(this.responder, req, res);
      const ctx = this.responder.context(req);
      const unavailable = unavailableCreditors(answer.errors, answer.overview);
      await this.responder.page(req, res, ctx, ctx.t.overview.title, overviewPage(ctx, answer.overview, unavailable));
    });
  }

  @Get(scopedRoutes('budget'))
  async budget(@Req() req: PortalRequest, @Res() res: Response): Promise<void> {
    await handleScopedPage(this.responder, req, res, async (scope) => {
      const { data } = await this.responder.gateway<{ budget: BudgetView | null }>(req, res, BUDGET, residentVariable(scope));
      const ctx = this.responder.context(req);
      const values: FormFields = ctx.draft ?? (data.budget === null ? {} : { netIncome: amountForInput(data.budget.netIncome, ctx.locale), payDay: String(data.budget.payDay) });
      await this.responder.page(req, res, ctx, ctx.t.budget.title, budgetPage(ctx, { action: `${scope.base}/budget`, values, errors: [], intro: ctx.t.budget.intro, submit: ctx.t.budget.submit }));
    });
  }

  @Post(scopedRoutes('budget'))
  async saveBudget(@Req() req: PortalRequest, @Res() res: Response): Promise<void> {
    await handleScopedForm(this.responder, req, res, async (scope) => {
      const fields = draftOf(req.body);
      const ctx = this.responder.context(req);
      const checked = validateBudgetForm(fields, ctx.t);
      const again = (errors: readonly FieldError[]) =>
        this.responder.page(req, res, ctx, ctx.t.budget.title, budgetPage(ctx, { action: `${scope.base}/budget`, values: fields, errors, intro: ctx.t.budget.intro, submit: ctx.t.budget.submit }), 422);
      if (!checked.ok) return again(checked.errors);
      const { partnerAgeBand, ...answers } = checked.value;
      try {
        await this.responder.gateway(req, res, SET_BUDGET, { input: { ...residentVariable(scope), ...answers, ...(partnerAgeBand === undefined ? {} : { partnerAgeBand }) } });
      } catch (error) {
        // The engine has the last word: a field it refuses is shown at that field.
        if (error instanceof GatewayError && error.has(ProposalErrorCode.BUDGET_INVALID)) return again([{ field: 'netIncome', message: ctx.t.budget.errors.netIncome }]);
        throw error;
      }
      await this.responder.redirect(req, res, `${scope.base}/budget/result`);
    });
  }

  @Get(scopedRoutes('budget/result'))
  async result(@Req() req: PortalRequest, @Res() res: Response): Promise<void> {
    await handleScopedPage(this.responder, req, res, async (scope) => {
      const { data } = await this.responder.gateway<{ budget: BudgetView | null }>(req, res, BUDGET, residentVariable(scope));
      const ctx = this.responder.context(req);
      await this.responder.page(req, res, ctx, ctx.t.result.title, budgetResultPage(ctx, data.budget));
    });
  }

  @Get('inbox')
  async inbox(@Req() req: PortalRequest, @Res() res: Response): Promise<void> {
    await handlePage(this.responder, req, res, async () => {
      const { data } = await this.responder.gateway<{ notifications: NotificationView[] }>(req, res, INBOX);
      const ctx = this.responder.context(req);
      await this.responder.page(req, res, ctx, ctx.t.inbox.title, inboxPage(ctx, data.notifications));
    });
  }
}

/** Cents as a resident types euros ("1850,00"), split with integer arithmetic: no float near money. */
function amountForInput(wireCents: string, locale: PortalLocale): string {
  const cents = BigInt(wireCents);
  return `${cents / 100n}${PORTAL_LOCALES[locale].platformLocale === 'nl' ? ',' : '.'}${String(cents % 100n).padStart(2, '0')}`;
}

/** The creditors the gateway could not reach for this answer (CREDITOR_UNAVAILABLE), by name. */
function unavailableCreditors(errors: readonly { extensions?: Record<string, unknown> }[], overview: OverviewView): string[] {
  const names = new Map(overview.overviewCreditors.map((c) => [c.id, c.name]));
  return errors
    .filter((e) => e.extensions?.['code'] === 'CREDITOR_UNAVAILABLE')
    .map((e) => {
      const id = typeof e.extensions?.['creditorId'] === 'string' ? e.extensions['creditorId'] : '';
      return names.get(id) ?? id;
    });
}
