import { Controller, Get, Inject, Post, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { CoordinatorErrorCode } from '#contracts';
import { GatewayError } from '../gateway/gateway-client.js';
import { GIVE_MANDATE, MANDATE_INVITATION, MANDATE_TEXT, type ConsentTextView } from '../gateway/operations.js';
import { draftOf, field, type FieldError, type FormFields } from '../forms/form-input.js';
import { mandateEnd, validateMandateForm, type MandateAnswers } from '../forms/mandate-form.js';
import { handlePage, handleScopedForm, notFound } from '../page-handler.js';
import { mandateConfirmPage, mandatePage } from '../pages/mandate.page.js';
import type { PortalResponder } from '../portal-responder.js';
import { PORTAL_RESPONDER } from '../portal-tokens.js';
import type { PortalRequest } from '../session/portal-request.js';
import type { PageContext } from '../views/page-context.js';

/**
 * A resident gives a counsellor a mandate with the code the counsellor gave them: first the code and
 * how long, then whose code it is and a plain yes. Only residents have this page; for anyone else it
 * does not exist.
 */
@Controller('mandate')
export class MandateController {
  constructor(@Inject(PORTAL_RESPONDER) private readonly responder: PortalResponder) {}

  @Get()
  async show(@Req() req: PortalRequest, @Res() res: Response): Promise<void> {
    await handlePage(this.responder, req, res, async () => {
      if (!(await this.isResident(req, res))) return notFound(this.responder, req, res);
      await this.form(req, res, this.responder.context(req).draft ?? {}, [], 200);
    });
  }

  /** Step one done: whose code it is, to say yes to. */
  @Post()
  async check(@Req() req: PortalRequest, @Res() res: Response): Promise<void> {
    await this.checkedForm(req, res, async (checked, fields, ctx) => {
      const invitation = await this.invitation(req, res, checked.code);
      if (invitation === undefined) return this.form(req, res, fields, [{ field: 'code', message: ctx.t.mandate.errors.codeInvalid }], 422);
      const text = await this.text(req, res);
      const page = mandateConfirmPage(ctx, {
        code: checked.code,
        duration: field(fields, 'duration'),
        counsellorName: invitation.counsellorName,
        validUntil: mandateEnd(new Date(), checked.months),
        text,
      });
      await this.responder.page(req, res, ctx, ctx.t.mandate.confirmTitle, page);
    });
  }

  /** "No, go back": the first step again, with what was typed. */
  @Post('back')
  async back(@Req() req: PortalRequest, @Res() res: Response): Promise<void> {
    await handleScopedForm(this.responder, req, res, async () => {
      if (!(await this.isResident(req, res))) return notFound(this.responder, req, res);
      await this.form(req, res, draftOf(req.body), [], 200);
    });
  }

  @Post('give')
  async give(@Req() req: PortalRequest, @Res() res: Response): Promise<void> {
    await this.checkedForm(req, res, async (checked, fields, ctx) => {
      try {
        const { data } = await this.responder.gateway<{ giveMandate: { counsellorName: string | null } }>(req, res, GIVE_MANDATE, {
          input: { invitationCode: checked.code, validUntil: mandateEnd(new Date(), checked.months).toISOString(), textVersion: field(fields, 'textVersion') || (await this.text(req, res)).version },
        });
        await this.responder.redirect(req, res, '/privacy', { kind: 'success', key: 'mandate.given', params: { name: data.giveMandate.counsellorName ?? '' } });
      } catch (error) {
        // Used by someone else or expired between the two steps: the first step again, with the reason.
        if (error instanceof GatewayError && error.has(CoordinatorErrorCode.MANDATE_INVITATION_INVALID)) {
          return this.form(req, res, fields, [{ field: 'code', message: ctx.t.mandate.errors.codeInvalid }], 422);
        }
        throw error;
      }
    });
  }

  /** A resident's post with a CSRF token, whose code and duration pass the form's checks; otherwise the form again. */
  private async checkedForm(req: PortalRequest, res: Response, then: (checked: MandateAnswers, fields: FormFields, ctx: PageContext) => Promise<void>): Promise<void> {
    await handleScopedForm(this.responder, req, res, async () => {
      if (!(await this.isResident(req, res))) return notFound(this.responder, req, res);
      const fields = draftOf(req.body);
      const ctx = this.responder.context(req);
      const checked = validateMandateForm(fields, ctx.t);
      if (!checked.ok) return this.form(req, res, fields, checked.errors, 422);
      await then(checked.value, fields, ctx);
    });
  }

  private async isResident(req: PortalRequest, res: Response): Promise<boolean> {
    return (await this.responder.person(req, res)).roles.includes('resident');
  }

  private async invitation(req: PortalRequest, res: Response, code: string): Promise<{ counsellorName: string } | undefined> {
    try {
      return (await this.responder.gateway<{ mandateInvitation: { counsellorName: string } }>(req, res, MANDATE_INVITATION, { code })).data.mandateInvitation;
    } catch (error) {
      if (error instanceof GatewayError && error.has(CoordinatorErrorCode.MANDATE_INVITATION_INVALID)) return undefined;
      throw error;
    }
  }

  private async text(req: PortalRequest, res: Response): Promise<ConsentTextView> {
    return (await this.responder.gateway<{ mandateText: ConsentTextView }>(req, res, MANDATE_TEXT)).data.mandateText;
  }

  private async form(req: PortalRequest, res: Response, values: FormFields, errors: readonly FieldError[], status: number): Promise<void> {
    const ctx = this.responder.context(req);
    await this.responder.page(req, res, ctx, ctx.t.mandate.title, mandatePage(ctx, { values, errors, text: await this.text(req, res) }), status);
  }
}
