import { BadRequestException, Body, Controller, Delete, Headers, HttpCode, HttpException, HttpStatus, Inject, Post, ServiceUnavailableException, UnauthorizedException } from '@nestjs/common';
import type { JWTVerifyGetKey } from 'jose';
import { LinkAction, LinkErrorCode, NODE_LINKS_PATH, type AccountLinkAnswer, type LinkErrorCode as LinkErrorCodeType } from '#contracts';
import { verifyLinkToken } from '#consent';
import { Clock, bearerToken } from '#service-kit';
import type { NodeConfig } from '../config/node-config.js';
import { NODE_CONFIG } from '../config/node-config.token.js';
import { COORDINATOR_KEYS } from '../consent/coordinator-keys.js';
import { AccountLinkService } from './account-link.service.js';
import { normaliseCheck } from './normalise-check.js';

/**
 * The coordinator's way to link a resident to an account here (`POST /links/v1`) or remove the links
 * (`DELETE /links/v1`), each with a link token it signed for this node. The node only ever learns the
 * pseudonym; the answer to a check is one uniform `{ "linked": true | false }`.
 */
@Controller(NODE_LINKS_PATH.slice(1))
export class AccountLinksController {
  constructor(
    @Inject(NODE_CONFIG) private readonly config: NodeConfig,
    @Inject(COORDINATOR_KEYS) private readonly keys: JWTVerifyGetKey,
    private readonly clock: Clock,
    private readonly links: AccountLinkService,
  ) {}

  @Post()
  @HttpCode(200)
  async link(@Headers('authorization') authorization: string | undefined, @Body() body: unknown): Promise<AccountLinkAnswer> {
    const pseudonym = await this.pseudonymFrom(authorization, LinkAction.LINK);
    const check = normaliseCheck(body);
    if (check === undefined) {
      throw new BadRequestException(refusal(LinkErrorCode.LINK_BAD_REQUEST, 'Send { reference, postcode, birthDate? }: a reference, a Dutch postcode and a YYYY-MM-DD date.'));
    }
    const outcome = await this.links.link(pseudonym, check);
    if (outcome.kind === 'rate_limited') {
      throw new HttpException(refusal(LinkErrorCode.LINK_RATE_LIMITED, 'Too many attempts. Try again in an hour.'), HttpStatus.TOO_MANY_REQUESTS);
    }
    return { linked: outcome.kind === 'linked' };
  }

  @Delete()
  @HttpCode(200)
  async unlink(@Headers('authorization') authorization: string | undefined): Promise<{ readonly unlinked: boolean }> {
    const pseudonym = await this.pseudonymFrom(authorization, LinkAction.UNLINK);
    return { unlinked: (await this.links.unlink(pseudonym)) > 0 };
  }

  private async pseudonymFrom(authorization: string | undefined, action: LinkAction): Promise<string> {
    const verified = await verifyLinkToken({
      token: bearerToken(authorization),
      issuer: this.config.coordinatorIssuer,
      audience: this.config.creditorId,
      action,
      keys: this.keys,
      now: this.clock.now(),
    });
    if (verified.ok) return verified.pseudonym;
    if (verified.code === LinkErrorCode.LINK_KEYS_UNAVAILABLE) throw new ServiceUnavailableException(refusal(verified.code, verified.reason));
    throw new UnauthorizedException(refusal(verified.code, verified.reason));
  }
}

function refusal(code: LinkErrorCodeType, message: string): { error: { code: LinkErrorCodeType; message: string } } {
  return { error: { code, message } };
}
