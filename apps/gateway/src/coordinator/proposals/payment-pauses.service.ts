import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { Pool, PoolClient } from 'pg';
import { ProposalErrorCode } from '#contracts';
import { ScheduleInputError, applyPause, checkPause, explainSteps, type Pause, type Schedule } from '#arrangement';
import { LedgerEventKind, ledgerEvent, openCommitmentFor } from '#consent';
import { Clock, dutchDate } from '#service-kit';
import { CoordinatorError } from '../common/coordinator-error.js';
import { isUuid } from '../common/ids.js';
import { PG_POOL } from '../database/database.module.js';
import type { Caller } from '../identity/caller.js';
import { ResidentAccess } from '../identity/resident-access.service.js';
import { creditorParty, personParty } from '../ledger/ledger-parties.js';
import { LedgerWriter } from '../ledger/ledger-writer.service.js';
import { notifyResidentAndCounsellors } from '../notifications/notifier.js';
import { Pseudonyms } from '../pseudonyms/pseudonyms.service.js';

const NOT_FOUND = (): CoordinatorError => new CoordinatorError(ProposalErrorCode.PROPOSAL_NOT_FOUND, 'There is no such plan.');

/**
 * A payment pause (betaalpauze) on a running plan, within the policy (RULES.md §3: by default at most
 * 2 months in any 12, 6 after an income drop of half or more). The engine decides; a granted pause
 * moves the rest of the schedule, adds no costs, and is written with its `plan.amended` ledger entry.
 */
@Injectable()
export class PaymentPauses {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly access: ResidentAccess,
    private readonly writer: LedgerWriter,
    private readonly pseudonyms: Pseudonyms,
    private readonly clock: Clock,
  ) {}

  async request(caller: Caller, input: { readonly proposalId: string; readonly fromMonth: string; readonly months: number; readonly incomeDropPercent?: number | null }): Promise<void> {
    if (!isUuid(input.proposalId)) throw NOT_FOUND();
    const { rows } = await this.pool.query<{ resident_id: string }>(`SELECT resident_id FROM proposals WHERE id = $1`, [input.proposalId]);
    const residentId = rows[0]?.resident_id;
    if (residentId === undefined) throw NOT_FOUND();
    const acting = await this.access.actingFor(caller, residentId).catch(() => {
      throw NOT_FOUND();
    });
    const now = this.clock.now();
    const request: Pause = { fromMonth: input.fromMonth, months: input.months };
    await this.writer.record(async (tx: PoolClient) => {
      const { rows: plans } = await tx.query<{ status: string; schedule: Schedule | null; creditors: string[] }>(
        `SELECT p.status, p.schedule, array(SELECT creditor_id FROM proposal_creditors WHERE proposal_id = p.id ORDER BY creditor_id) AS creditors
           FROM proposals p WHERE p.id = $1 FOR UPDATE`,
        [input.proposalId],
      );
      const plan = plans[0];
      if (plan === undefined || plan.status !== 'started' || plan.schedule === null) {
        throw new CoordinatorError(ProposalErrorCode.PLAN_NOT_RUNNING, 'Only a plan that runs can be paused.');
      }
      const { rows: earlier } = await tx.query<{ from_month: string; months: number }>(`SELECT from_month, months FROM plan_pauses WHERE proposal_id = $1`, [input.proposalId]);
      const check = this.check(plan.schedule, earlier.map((p) => ({ fromMonth: p.from_month, months: p.months })), request, dutchDate(now), input.incomeDropPercent ?? undefined);
      if (!check.allowed) throw new CoordinatorError(check.code, explainSteps({ steps: [check.step], locale: 'en' }).join(' '));
      const moved = applyPause({ schedule: plan.schedule, pause: request });
      await tx.query(`INSERT INTO plan_pauses (id, proposal_id, from_month, months, requested_by, requested_at) VALUES ($1, $2, $3, $4, $5, $6)`, [
        randomUUID(),
        input.proposalId,
        request.fromMonth,
        request.months,
        acting.actor.personId,
        now,
      ]);
      await tx.query(`UPDATE proposals SET schedule = $2 WHERE id = $1`, [input.proposalId, JSON.stringify(moved)]);
      const resumes = moved.instalments.find((i) => i.month >= request.fromMonth)?.dueDate;
      await notifyResidentAndCounsellors(tx, { residentId, kind: 'payment_paused', proposalId: input.proposalId, text: { months: request.months, ...(resumes ? { dueDate: resumes } : {}) } });
      const openings = plan.creditors.map(openCommitmentFor);
      const { event } = ledgerEvent({
        eventId: randomUUID(),
        kind: LedgerEventKind.PLAN_AMENDED,
        recordId: input.proposalId,
        state: 'started',
        eventTime: now,
        subject: this.pseudonyms.inLedger(residentId),
        actor: { role: acting.actor.role, id: this.pseudonyms.inLedger(acting.actor.personId) },
        creditors: openings,
        details: { reason: 'payment-pause' },
      });
      return { event, openings, parties: [personParty(residentId), personParty(acting.actor.personId), ...plan.creditors.map(creditorParty)], result: undefined };
    });
  }

  private check(schedule: Schedule, existingPauses: Pause[], request: Pause, today: string, incomeDropPercent: number | undefined): ReturnType<typeof checkPause> {
    try {
      return checkPause({ schedule, existingPauses, request, today, ...(incomeDropPercent === undefined ? {} : { incomeDropPercent }) });
    } catch (error) {
      if (error instanceof ScheduleInputError) throw new CoordinatorError(ProposalErrorCode.PLAN_INVALID, error.message, [{ code: error.code, field: error.path, message: error.message }]);
      throw error;
    }
  }
}
