import { Controller, Get, Inject, Param, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ProposalErrorCode } from '#contracts';
import { GatewayError } from '../gateway/gateway-client.js';
import { CASELOAD, COURT_DOSSIER_PDF, type MandateView, type NotificationView } from '../gateway/operations.js';
import { handlePage, handleScopedPage, notFound } from '../page-handler.js';
import { caseloadPage, type CaseloadRow } from '../pages/caseload.page.js';
import type { PortalResponder } from '../portal-responder.js';
import { PORTAL_RESPONDER } from '../portal-tokens.js';
import type { PortalRequest } from '../session/portal-request.js';
import { isUuid } from '../resident/resident-scope.js';
import { signalsOf } from './caseload-signals.js';

interface CaseloadData {
  readonly whoAmI: { readonly id: string; readonly mandatedResidents: readonly string[] };
  readonly mandates: readonly MandateView[];
  readonly notifications: readonly Omit<NotificationView, 'text'>[];
}

type ProposalSummary = { readonly status: string; readonly outcome: string; readonly answerBy: string };

/** One document for every client's proposals, each under its own alias, so the caseload costs two gateway calls. */
function proposalsQuery(residentIds: readonly string[]): string {
  const variables = residentIds.map((_, i) => `$r${String(i)}: ID`).join(', ');
  const fields = residentIds.map((_, i) => `r${String(i)}: proposals(residentId: $r${String(i)}) { status outcome answerBy }`).join('\n');
  return `query CaseloadProposals(${variables}) {\n${fields}\n}`;
}

/** The counsellor's caseload with its signals, and the court dossier of a client's proposal. */
@Controller()
export class CaseloadController {
  constructor(@Inject(PORTAL_RESPONDER) private readonly responder: PortalResponder) {}

  @Get('clients')
  async caseload(@Req() req: PortalRequest, @Res() res: Response): Promise<void> {
    await handlePage(this.responder, req, res, async () => {
      const { data } = await this.responder.gateway<CaseloadData>(req, res, CASELOAD);
      const residents = data.whoAmI.mandatedResidents;
      const proposals =
        residents.length === 0
          ? {}
          : (await this.responder.gateway<Record<string, readonly ProposalSummary[]>>(req, res, proposalsQuery(residents), Object.fromEntries(residents.map((id, i) => [`r${String(i)}`, id])))).data;
      const now = new Date();
      const rows: CaseloadRow[] = residents.map((residentId, i) => {
        const own = proposals[`r${String(i)}`] ?? [];
        const latest = own.find((p) => p.status !== 'REPLACED' && p.status !== 'WITHDRAWN');
        const mandate = data.mandates.find((m) => m.residentId === residentId && m.state === 'GIVEN');
        return {
          residentId,
          mandateUntil: mandate?.validUntil ?? '',
          planStatus: latest?.status,
          signals: signalsOf({ notifications: data.notifications.filter((n) => n.residentId === residentId), openProposal: own.find((p) => p.status === 'OPEN') }, now),
        };
      });
      const ctx = this.responder.context(req);
      await this.responder.page(req, res, ctx, ctx.t.caseload.title, caseloadPage(ctx, rows));
    });
  }

  @Get('clients/:residentId/plan/dossier/:proposalId')
  async dossier(@Req() req: PortalRequest, @Res() res: Response, @Param('proposalId') proposalId: string): Promise<void> {
    await handleScopedPage(this.responder, req, res, async () => {
      if (!isUuid(proposalId)) return notFound(this.responder, req, res);
      let pdf: string;
      try {
        pdf = (await this.responder.gateway<{ courtDossierPdf: string }>(req, res, COURT_DOSSIER_PDF, { proposalId })).data.courtDossierPdf;
      } catch (error) {
        if (error instanceof GatewayError && error.has(ProposalErrorCode.PROPOSAL_NOT_FOUND)) return notFound(this.responder, req, res);
        throw error;
      }
      res
        .status(200)
        .setHeader('Cache-Control', 'no-store')
        .setHeader('Content-Disposition', `attachment; filename="court-dossier-${proposalId}.pdf"`)
        .type('application/pdf')
        .send(Buffer.from(pdf, 'base64'));
    });
  }
}
