import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { LinkAction, NODE_LINKS_PATH, type AccountLinkCheck } from '#contracts';
import { issueLinkToken } from '#consent';
import { Clock, correlationHeaders } from '#service-kit';
import type { CoordinatorConfig } from '../config/coordinator-config.js';
import { COORDINATOR_CONFIG } from '../config/coordinator-config.token.js';
import { COORDINATOR_LINK_LIMITS } from './link-limits.js';

export type NodeLinkAnswer = { readonly kind: 'linked' } | { readonly kind: 'not_linked' } | { readonly kind: 'rate_limited' } | { readonly kind: 'unavailable' };

/**
 * Talks to a node's link endpoint with a link token signed with the consent key (nodes already trust
 * it), for that node and that node's pseudonym. Never throws for what the node does: it says what happened.
 */
@Injectable()
export class NodeLinkClient {
  constructor(
    @Inject(COORDINATOR_CONFIG) private readonly config: CoordinatorConfig,
    private readonly clock: Clock,
  ) {}

  async link(params: { readonly creditorId: string; readonly subgraphUrl: string; readonly pseudonym: string; readonly check: AccountLinkCheck }): Promise<NodeLinkAnswer> {
    try {
      const response = await fetch(this.linksUrl(params.subgraphUrl), {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${await this.token(params, LinkAction.LINK)}`, ...correlationHeaders() },
        body: JSON.stringify(params.check),
        signal: AbortSignal.timeout(COORDINATOR_LINK_LIMITS.nodeTimeoutMs),
      });
      if (response.status === 429) return { kind: 'rate_limited' };
      if (response.status !== 200) return { kind: 'unavailable' };
      const body = (await response.json()) as { linked?: unknown };
      return body.linked === true ? { kind: 'linked' } : body.linked === false ? { kind: 'not_linked' } : { kind: 'unavailable' };
    } catch {
      return { kind: 'unavailable' };
    }
  }

  /** Best effort: once the coordinator has unlinked, it mints no token for that node any more anyway. */
  async unlink(params: { readonly creditorId: string; readonly subgraphUrl: string; readonly pseudonym: string }): Promise<boolean> {
    try {
      const response = await fetch(this.linksUrl(params.subgraphUrl), {
        method: 'DELETE',
        headers: { authorization: `Bearer ${await this.token(params, LinkAction.UNLINK)}`, ...correlationHeaders() },
        signal: AbortSignal.timeout(COORDINATOR_LINK_LIMITS.nodeTimeoutMs),
      });
      return response.status === 200;
    } catch {
      return false;
    }
  }

  /** The link endpoint lives on the same origin as the node's subgraph. */
  private linksUrl(subgraphUrl: string): URL {
    return new URL(NODE_LINKS_PATH, subgraphUrl);
  }

  private token(params: { readonly creditorId: string; readonly pseudonym: string }, action: LinkAction): Promise<string> {
    return issueLinkToken({
      issuer: this.config.issuer,
      audience: params.creditorId,
      subject: params.pseudonym,
      action,
      tokenId: randomUUID(),
      issuedAt: this.clock.now(),
      lifetimeSeconds: 30,
      privateKey: this.config.consentSigningKey.privateKey,
      keyId: this.config.consentSigningKey.keyId,
    });
  }
}
