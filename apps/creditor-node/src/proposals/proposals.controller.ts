import { Controller, Headers, HttpCode, HttpException, HttpStatus, Post } from '@nestjs/common';
import { NODE_PLAN_EVENTS_PATH, NODE_PROPOSALS_PATH, ProposalErrorCode } from '#contracts';
import { bearerToken } from '#service-kit';
import { PlanEvents } from './plan-events.service.js';
import { ProposalInbox, type ProposalReceipt } from './proposal-inbox.service.js';

/**
 * The coordinator delivers proposals here (`POST /proposals/v1`, a proposal token as bearer) and
 * reports what became of them (`POST /proposals/v1/events`, a plan-event token). 202: received; the
 * answer follows separately, signed by this node. A delivery repeated is answered the same way.
 */
@Controller()
export class ProposalsController {
  constructor(
    private readonly inbox: ProposalInbox,
    private readonly events: PlanEvents,
  ) {}

  @Post(NODE_PROPOSALS_PATH.slice(1))
  @HttpCode(202)
  async receive(@Headers('authorization') authorization: string | undefined): Promise<object> {
    return answerOf(await this.inbox.receive(bearerToken(authorization)));
  }

  @Post(NODE_PLAN_EVENTS_PATH.slice(1))
  @HttpCode(200)
  async event(@Headers('authorization') authorization: string | undefined): Promise<object> {
    return answerOf(await this.events.apply(bearerToken(authorization)));
  }
}

function answerOf(receipt: ProposalReceipt): object {
  if (receipt.ok) return { received: true, proposalId: receipt.proposalId, status: receipt.status, duplicate: receipt.duplicate };
  const status =
    receipt.code === ProposalErrorCode.PROPOSAL_KEYS_UNAVAILABLE
      ? HttpStatus.SERVICE_UNAVAILABLE
      : receipt.code === ProposalErrorCode.PROPOSAL_NOT_FOUND
        ? HttpStatus.NOT_FOUND
        : HttpStatus.UNAUTHORIZED;
  throw new HttpException({ error: { code: receipt.code, message: receipt.reason } }, status);
}
