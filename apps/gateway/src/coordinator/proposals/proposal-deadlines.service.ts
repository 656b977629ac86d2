import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { Pool, PoolClient } from 'pg';
import { LedgerEventKind, ledgerEvent, openCommitmentFor } from '#consent';
import { Clock } from '#service-kit';
import { PG_POOL } from '../database/database.module.js';
import { creditorParty, personParty } from '../ledger/ledger-parties.js';
import { LedgerWriter } from '../ledger/ledger-writer.service.js';
import { creditorName, notifyResidentAndCounsellors } from '../notifications/notifier.js';
import { Pseudonyms } from '../pseudonyms/pseudonyms.service.js';

/**
 * Turns silence into a recorded outcome: when a proposal's answer date has passed, every creditor
 * that did not answer is recorded as 'no_answer' (with its `proposal.answered` ledger entry, reason
 * `deadline-passed`), so the counsellor sees who stayed silent and can re-plan or go to court. An
 * answer that still comes while the proposal is open counts: it takes the silence's place. Safe to
 * run in several processes.
 */
@Injectable()
export class ProposalDeadlines {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly writer: LedgerWriter,
    private readonly pseudonyms: Pseudonyms,
    private readonly clock: Clock,
  ) {}

  async recordSilence(limit = 500): Promise<number> {
    const now = this.clock.now();
    const { rows } = await this.pool.query<{ proposal_id: string; creditor_id: string }>(
      `SELECT pc.proposal_id, pc.creditor_id FROM proposal_creditors pc JOIN proposals p ON p.id = pc.proposal_id
        WHERE p.status = 'open' AND p.answer_by < $1 AND pc.decision IS NULL ORDER BY p.answer_by LIMIT $2`,
      [now, limit],
    );
    let recorded = 0;
    for (const row of rows) if (await this.silent(row.proposal_id, row.creditor_id, now)) recorded += 1;
    return recorded;
  }

  private async silent(proposalId: string, creditorId: string, now: Date): Promise<boolean> {
    return this.writer
      .record(async (tx: PoolClient) => {
        const { rows } = await tx.query<{ resident_id: string }>(
          `SELECT p.resident_id FROM proposal_creditors pc JOIN proposals p ON p.id = pc.proposal_id
            WHERE pc.proposal_id = $1 AND pc.creditor_id = $2 AND pc.decision IS NULL AND p.status = 'open' FOR UPDATE OF pc`,
          [proposalId, creditorId],
        );
        const row = rows[0];
        if (row === undefined) throw new AlreadyDecided();
        await tx.query(`UPDATE proposal_creditors SET decision = 'no_answer', decided_by = 'deadline', answered_at = $3 WHERE proposal_id = $1 AND creditor_id = $2`, [proposalId, creditorId, now]);
        await notifyResidentAndCounsellors(tx, { residentId: row.resident_id, kind: 'creditor_silent', proposalId, text: { creditorName: await creditorName(tx, creditorId) } });
        const opening = openCommitmentFor(creditorId);
        const { event } = ledgerEvent({
          eventId: randomUUID(),
          kind: LedgerEventKind.PROPOSAL_ANSWERED,
          recordId: proposalId,
          state: 'no_answer',
          eventTime: now,
          subject: this.pseudonyms.inLedger(row.resident_id),
          actor: { role: 'coordinator', id: 'coordinator' },
          creditors: [opening],
          details: { reason: 'deadline-passed' },
        });
        return { event, openings: [opening], parties: [personParty(row.resident_id), creditorParty(creditorId)], result: undefined };
      })
      .then(
        () => true,
        (error: unknown) => {
          if (error instanceof AlreadyDecided) return false;
          throw error;
        },
      );
  }
}

/** The creditor answered (or the proposal closed) between the scan and the lock. */
class AlreadyDecided extends Error {}
