import { Controller, Get, Inject, Post, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ProposalErrorCode } from '#contracts';
import { GatewayError } from '../gateway/gateway-client.js';
import { BUDGET, HOME, INBOX, OVERVIEW_SELF, SET_BUDGET, type BudgetView, type NotificationView, type OverviewView } from '../gateway/operations.js';
import { validateBudgetForm } from '../forms/budget-form.js';
import { draftOf, type FormFields } from '../forms/form-input.js';
import { expiredForm, handlePage } from '../page-handler.js';
import { budgetResultPage } from '../pages/budget-result.page.js';
import { budgetPage } from '../pages/budget.page.js';
import { homePage } from '../pages/home.page.js';
import { inboxPage } from '../pages/inbox.page.js';
import { overviewPage } from '../pages/overview.page.js';
import { welcomePage } from '../pages/welcome.page.js';
import { PortalResponder } from '../portal-responder.js';
import { PORTAL_RESPONDER } from '../portal-tokens.js';
import { csrfValid, type PortalRequest } from '../session/portal-request.js';
import type { PortalLocale } from '../i18n/catalogue.js';

interface HomeData {
  readonly accountLinks: readonly { id: string }[];
  readonly consents: readonly { id: string; state: string }[];
  readonly budget: { capacity: string } | null;
  readonly proposals: readonly { id: string; status: string; outcome: string }[];
  readonly notifications: readonly { read: boolean }[];
}

/** The resident's journey: welcome, next step, overview, budget and what it leaves, inbox. */
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

  @Get('overview')
  async overview(@Req() req: PortalRequest, @Res() res: Response): Promise<void> {
    await handlePage(this.responder, req, res, async () => {
      const answer = await this.responder.gateway<{ me: OverviewView }>(req, res, OVERVIEW_SELF);
      const ctx = this.responder.context(req);
      const unavailable = unavailableCreditors(answer.errors, answer.data.me);
      await this.responder.page(req, res, ctx, ctx.t.overview.title, overviewPage(ctx, answer.data.me, unavailable, '/budget'));
    });
  }

  @Get('budget')
  async budget(@Req() req: PortalRequest, @Res() res: Response): Promise<void> {
    await handlePage(this.responder, req, res, async () => {
      const { data } = await this.responder.gateway<{ budget: BudgetView | null }>(req, res, BUDGET);
      const ctx = this.responder.context(req);
      const values: FormFields = ctx.draft ?? (data.budget === null ? {} : { netIncome: amountForInput(data.budget.netIncome, ctx.locale), payDay: String(data.budget.payDay) });
      await this.responder.page(req, res, ctx, ctx.t.budget.title, budgetPage(ctx, { action: '/budget', values, errors: [], intro: ctx.t.budget.intro, submit: ctx.t.budget.submit }));
    });
  }

  @Post('budget')
  async saveBudget(@Req() req: PortalRequest, @Res() res: Response): Promise<void> {
    await handlePage(this.responder, req, res, async () => {
      await this.responder.person(req, res);
      if (!csrfValid(req)) return expiredForm(this.responder, req, res);
      const fields = draftOf(req.body);
      const ctx = this.responder.context(req);
      const checked = validateBudgetForm(fields, ctx.t);
      const again = (errors: { field: string; message: string }[]) =>
        this.responder.page(req, res, ctx, ctx.t.budget.title, budgetPage(ctx, { action: '/budget', values: fields, errors, intro: ctx.t.budget.intro, submit: ctx.t.budget.submit }), 422);
      if (!checked.ok) return again([...checked.errors]);
      const { partnerAgeBand, ...answers } = checked.value;
      try {
        await this.responder.gateway(req, res, SET_BUDGET, { input: { ...answers, ...(partnerAgeBand === undefined ? {} : { partnerAgeBand }) } });
      } catch (error) {
        // The engine has the last word: a field it refuses is shown at that field.
        if (error instanceof GatewayError && error.has(ProposalErrorCode.BUDGET_INVALID)) return again([{ field: 'netIncome', message: ctx.t.budget.errors.netIncome }]);
        throw error;
      }
      await this.responder.redirect(req, res, '/budget/result');
    });
  }

  @Get('budget/result')
  async result(@Req() req: PortalRequest, @Res() res: Response): Promise<void> {
    await handlePage(this.responder, req, res, async () => {
      const { data } = await this.responder.gateway<{ budget: BudgetView | null }>(req, res, BUDGET);
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
  return `${cents / 100n}${locale === 'nl' ? ',' : '.'}${String(cents % 100n).padStart(2, '0')}`;
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
