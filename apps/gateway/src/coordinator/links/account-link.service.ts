import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Pool, PoolClient } from 'pg';
import { CoordinatorErrorCode } from '#contracts';
import { LedgerEventKind, ledgerEvent, openCommitmentFor } from '#consent';
import { Clock } from '#service-kit';
import { CoordinatorError } from '../common/coordinator-error.js';
import { PG_POOL } from '../database/database.module.js';
import { CreditorDirectory, type DirectoryEntry } from '../directory/creditor-directory.repository.js';
import type { Caller } from '../identity/caller.js';
import { ResidentAccess, type Acting } from '../identity/resident-access.service.js';
import { creditorParty, personParty } from '../ledger/ledger-parties.js';
import { LedgerWriter, type EventToRecord } from '../ledger/ledger-writer.service.js';
import { Pseudonyms } from '../pseudonyms/pseudonyms.service.js';
import { COORDINATOR_LINK_LIMITS } from './link-limits.js';
import { checkLinkRequest } from './link-request.js';
import { NodeLinkClient } from './node-link-client.js';

export interface LinkAccountRequest {
  readonly residentId?: string | null;
  readonly creditorId: string;
  readonly reference: string;
  readonly postcode: string;
  readonly birthDate?: string | null;
}

export interface AccountLinkView {
  readonly id: string;
  readonly residentId: string;
  readonly creditorId: string;
  readonly linkedAt: Date;
}

/** One answer for "no such account" and "the check does not match": it must not tell them apart. */
const NOT_LINKED_MESSAGE = 'We could not link this account. Check the number, postcode and date of birth on the letter, and try again.';

/**
 * Linking a resident to their account at a creditor (issue 5): the resident (or their counsellor)
 * gives the creditor's reference and a check; the node says yes or no, uniformly; a yes is stored and
 * written to the ledger in one transaction. Only linked and consented creditors are asked for data.
 */
@Injectable()
export class AccountLinkService {
  private readonly logger = new Logger('AccountLinks');

  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly access: ResidentAccess,
    private readonly directory: CreditorDirectory,
    private readonly writer: LedgerWriter,
    private readonly pseudonyms: Pseudonyms,
    private readonly nodes: NodeLinkClient,
    private readonly clock: Clock,
  ) {}

  async link(caller: Caller, request: LinkAccountRequest): Promise<{ readonly linked: boolean; readonly message: string; readonly creditor: DirectoryEntry }> {
    const acting = await this.access.actingFor(caller, request.residentId);
    const { check, problems } = checkLinkRequest(request);
    const [first, ...rest] = problems;
    if (first !== undefined || check === undefined) throw CoordinatorError.fromProblems([first ?? { code: 'BAD_USER_INPUT', message: 'Invalid input.' }, ...rest]);
    const creditor = (await this.directory.byIds([request.creditorId])).get(request.creditorId);
    if (creditor === undefined) throw new CoordinatorError(CoordinatorErrorCode.LINK_UNKNOWN_CREDITOR, `There is no creditor "${request.creditorId}" on the platform.`);
    const linkedMessage = `Your account at ${creditor.name} is linked.`;
    if ((await this.inForce(acting.residentId, creditor.id)) !== undefined) return { linked: true, message: linkedMessage, creditor };
    await this.refuseWhenTooManyFailures(acting.residentId, creditor.id);

    const pseudonym = this.pseudonyms.forNode(acting.residentId, creditor.id);
    const answer = await this.nodes.link({ creditorId: creditor.id, subgraphUrl: creditor.subgraphUrl, pseudonym, check });
    switch (answer.kind) {
      case 'unavailable':
        throw new CoordinatorError(CoordinatorErrorCode.CREDITOR_UNAVAILABLE, `${creditor.name} did not answer. Try again later.`);
      case 'rate_limited':
        throw new CoordinatorError(CoordinatorErrorCode.LINK_RATE_LIMITED, 'Too many attempts. Try again in an hour.');
      case 'not_linked':
        await this.pool.query({
          name: 'link-attempt-failed',
          text: 'INSERT INTO account_link_attempts (resident_id, creditor_id, at, linked) VALUES ($1, $2, $3, false)',
          values: [acting.residentId, creditor.id, this.clock.now()],
        });
        return { linked: false, message: NOT_LINKED_MESSAGE, creditor };
      case 'linked':
        await this.recordLink(acting, creditor.id);
        return { linked: true, message: linkedMessage, creditor };
    }
  }

  async unlink(caller: Caller, request: { readonly residentId?: string | null; readonly creditorId: string }): Promise<boolean> {
    const acting = await this.access.actingFor(caller, request.residentId);
    const now = this.clock.now();
    await this.writer.record(async (tx) => {
      const { rows } = await tx.query<{ id: string }>({
        name: 'link-lock',
        text: `SELECT id FROM account_links WHERE resident_id = $1 AND creditor_id = $2 AND state = 'linked' FOR UPDATE`,
        values: [acting.residentId, request.creditorId],
      });
      const row = rows[0];
      if (row === undefined) throw new CoordinatorError(CoordinatorErrorCode.LINK_NOT_FOUND, 'You have no linked account at this creditor.');
      await tx.query({
        name: 'link-end',
        text: `UPDATE account_links SET state = 'unlinked', unlinked_at = $2, unlinked_by = $3 WHERE id = $1`,
        values: [row.id, now, acting.actor.personId],
      });
      return this.event({ kind: LedgerEventKind.ACCOUNT_UNLINKED, state: 'unlinked', linkId: row.id, creditorId: request.creditorId, acting, now });
    });
    // From here on no consent token is minted for this node; telling the node is courtesy, and retried by nobody.
    const creditor = (await this.directory.byIds([request.creditorId])).get(request.creditorId);
    if (creditor !== undefined) {
      const told = await this.nodes.unlink({ creditorId: creditor.id, subgraphUrl: creditor.subgraphUrl, pseudonym: this.pseudonyms.forNode(acting.residentId, creditor.id) });
      if (!told) this.logger.warn(`Unlinked at ${creditor.id}, but the node did not confirm; it holds a link nobody can use.`);
    }
    return true;
  }

  async list(caller: Caller, residentId?: string | null): Promise<AccountLinkView[]> {
    const acting = await this.access.actingFor(caller, residentId);
    const { rows } = await this.pool.query<{ id: string; resident_id: string; creditor_id: string; linked_at: Date }>({
      name: 'links-of-resident',
      text: `SELECT id, resident_id, creditor_id, linked_at FROM account_links WHERE resident_id = $1 AND state = 'linked' ORDER BY linked_at, creditor_id`,
      values: [acting.residentId],
    });
    return rows.map((row) => ({ id: row.id, residentId: row.resident_id, creditorId: row.creditor_id, linkedAt: row.linked_at }));
  }

  private async inForce(residentId: string, creditorId: string): Promise<string | undefined> {
    const { rows } = await this.pool.query<{ id: string }>({
      name: 'link-in-force',
      text: `SELECT id FROM account_links WHERE resident_id = $1 AND creditor_id = $2 AND state = 'linked'`,
      values: [residentId, creditorId],
    });
    return rows[0]?.id;
  }

  private async refuseWhenTooManyFailures(residentId: string, creditorId: string): Promise<void> {
    const { rows } = await this.pool.query<{ here: string; in_all: string }>({
      name: 'link-failures',
      text: `SELECT count(*) FILTER (WHERE creditor_id = $2) AS here, count(*) AS in_all
               FROM account_link_attempts
              WHERE resident_id = $1 AND NOT linked AND at > $3::timestamptz - make_interval(mins => $4)`,
      values: [residentId, creditorId, this.clock.now(), COORDINATOR_LINK_LIMITS.windowMinutes],
    });
    const here = Number(rows[0]?.here ?? 0);
    const inAll = Number(rows[0]?.in_all ?? 0);
    if (here >= COORDINATOR_LINK_LIMITS.failuresPerCreditor || inAll >= COORDINATOR_LINK_LIMITS.failuresInAll) {
      throw new CoordinatorError(CoordinatorErrorCode.LINK_RATE_LIMITED, 'Too many attempts. Try again in an hour.');
    }
  }

  /** The link and its ledger entry, in one transaction; a link made in the meantime wins, without a second entry. */
  private async recordLink(acting: Acting, creditorId: string): Promise<void> {
    const now = this.clock.now();
    const id = randomUUID();
    try {
      await this.writer.record(async (tx: PoolClient) => {
        await tx.query({
          name: 'link-insert',
          text: `INSERT INTO account_links (id, resident_id, creditor_id, state, linked_at, linked_by) VALUES ($1, $2, $3, 'linked', $4, $5)`,
          values: [id, acting.residentId, creditorId, now, acting.actor.personId],
        });
        await tx.query({
          name: 'link-attempt-succeeded',
          text: 'INSERT INTO account_link_attempts (resident_id, creditor_id, at, linked) VALUES ($1, $2, $3, true)',
          values: [acting.residentId, creditorId, now],
        });
        return this.event({ kind: LedgerEventKind.ACCOUNT_LINKED, state: 'linked', linkId: id, creditorId, acting, now });
      });
    } catch (error) {
      // 23505: the partial unique index; someone linked the same creditor a moment ago.
      if ((error as { code?: unknown }).code === '23505') return;
      throw error;
    }
  }

  private event(params: {
    readonly kind: LedgerEventKind;
    readonly state: string;
    readonly linkId: string;
    readonly creditorId: string;
    readonly acting: Acting;
    readonly now: Date;
  }): EventToRecord<void> {
    const { acting } = params;
    const { event, openings } = ledgerEvent({
      eventId: randomUUID(),
      kind: params.kind,
      recordId: params.linkId,
      state: params.state,
      eventTime: params.now,
      subject: this.pseudonyms.inLedger(acting.residentId),
      actor: { role: acting.actor.role, id: this.pseudonyms.inLedger(acting.actor.personId) },
      creditors: [openCommitmentFor(params.creditorId)],
    });
    const parties = [personParty(acting.residentId), personParty(acting.actor.personId), creditorParty(params.creditorId)];
    return { event, openings, parties, result: undefined };
  }
}
