import { Body, Controller, Headers, HttpCode, HttpException, HttpStatus, Post } from '@nestjs/common';
import { MAX_PROPOSALS_PER_BATCH, NODE_PLAN_EVENTS_PATH, NODE_PROPOSAL_BATCH_PATH, NODE_PROPOSALS_PATH, ProposalErrorCode } from '#contracts';
import { CORRELATION_HEADER, bearerToken, wellFormedCorrelationId } from '#service-kit';
import { PlanEvents } from './plan-events.service.js';
import { ProposalInbox } from './proposal-inbox.service.js';
import type { ProposalReceipt } from './proposal-receipt.js';

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
  async receive(@Headers('authorization') authorization: string | undefined, @Headers(CORRELATION_HEADER) correlationId: string | undefined): Promise<object> {
    return answerOf(await this.inbox.receive(bearerToken(authorization), { correlationId: wellFormedCorrelationId(correlationId) }));
  }

  /** `{ "proposals": [<proposal token>, …] }` → `{ "receipts": [{ "status": 202, … } | { "status": 401, "error": … }, …] }`, in order. */
  @Post(NODE_PROPOSAL_BATCH_PATH.slice(1))
  @HttpCode(200)
  async receiveMany(@Body() body: unknown, @Headers(CORRELATION_HEADER) correlationId: string | undefined): Promise<object> {
    const tokens = (body as { proposals?: unknown } | null)?.proposals;
    if (!Array.isArray(tokens) || tokens.length === 0 || tokens.length > MAX_PROPOSALS_PER_BATCH) {
      throw new HttpException({ error: { code: ProposalErrorCode.PROPOSAL_TOKEN_INVALID, message: `Send 1 to ${MAX_PROPOSALS_PER_BATCH} proposal tokens as "proposals".` } }, HttpStatus.BAD_REQUEST);
    }
    const receipts = await this.inbox.receiveMany(tokens, { correlationId: wellFormedCorrelationId(correlationId) });
    return {
      receipts: receipts.map((receipt) =>
        receipt.ok
          ? { status: 202, received: true, proposalId: receipt.proposalId, state: receipt.status, duplicate: receipt.duplicate }
          : { status: statusOf(receipt.code), error: { code: receipt.code, message: receipt.reason } },
      ),
    };
  }

  @Post(NODE_PLAN_EVENTS_PATH.slice(1))
  @HttpCode(200)
  async event(@Headers('authorization') authorization: string | undefined): Promise<object> {
    return answerOf(await this.events.apply(bearerToken(authorization)));
  }
}

function statusOf(code: ProposalErrorCode): HttpStatus {
  return code === ProposalErrorCode.PROPOSAL_KEYS_UNAVAILABLE ? HttpStatus.SERVICE_UNAVAILABLE : code === ProposalErrorCode.PROPOSAL_NOT_FOUND ? HttpStatus.NOT_FOUND : HttpStatus.UNAUTHORIZED;
}

function answerOf(receipt: ProposalReceipt): object {
  if (receipt.ok) return { received: true, proposalId: receipt.proposalId, status: receipt.status, duplicate: receipt.duplicate };
  throw new HttpException({ error: { code: receipt.code, message: receipt.reason } }, statusOf(receipt.code));
}
