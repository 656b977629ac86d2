import { Body, Controller, HttpCode, HttpException, HttpStatus, Post } from '@nestjs/common';
import { COORDINATOR_PROPOSAL_ANSWERS_PATH, ProposalErrorCode } from '#contracts';
import { CoordinatorError } from '../common/coordinator-error.js';
import { ProposalAnswers, type AnswerReceipt } from './proposal-answers.service.js';

const STATUS_OF: Partial<Record<string, HttpStatus>> = {
  [ProposalErrorCode.ANSWER_SIGNATURE_INVALID]: HttpStatus.UNAUTHORIZED,
  [ProposalErrorCode.ANSWER_INVALID]: HttpStatus.BAD_REQUEST,
  [ProposalErrorCode.PROPOSAL_NOT_FOUND]: HttpStatus.NOT_FOUND,
  [ProposalErrorCode.PROPOSAL_CLOSED]: HttpStatus.CONFLICT,
  [ProposalErrorCode.PROPOSAL_ALREADY_ANSWERED]: HttpStatus.CONFLICT,
};

/**
 * Where nodes send their answers: `POST /proposals/v1/answers` with `{ "answer": "<answer token>" }`.
 * The node's signature is the credential. 200 when recorded, or when the same answer was recorded before.
 */
@Controller(COORDINATOR_PROPOSAL_ANSWERS_PATH.slice(1))
export class ProposalAnswersController {
  constructor(private readonly answers: ProposalAnswers) {}

  @Post()
  @HttpCode(200)
  async answer(@Body() body: unknown): Promise<AnswerReceipt> {
    const token = (body as { answer?: unknown } | null)?.answer;
    try {
      return await this.answers.record(typeof token === 'string' ? token : undefined);
    } catch (error) {
      if (error instanceof CoordinatorError) {
        throw new HttpException({ error: { code: error.code, message: error.message } }, STATUS_OF[error.code] ?? HttpStatus.BAD_REQUEST);
      }
      throw error;
    }
  }
}
