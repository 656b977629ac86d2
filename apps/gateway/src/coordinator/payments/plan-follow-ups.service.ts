import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import { instalmentStates, instalmentsPaidInFull, type InstalmentState, type Schedule } from '#arrangement';
import { Clock, dutchDate, withPgTransaction } from '#service-kit';
import type { CoordinatorConfig } from '../config/coordinator-config.js';
import { COORDINATOR_CONFIG } from '../config/coordinator-config.token.js';
import { PG_POOL } from '../database/database.module.js';
import { notifyResidentAndCounsellors } from '../notifications/notifier.js';
import { OutboxRelay } from '../proposals/outbox-relay.service.js';
import { PlanPayments, passOnCompleteInstalments } from './plan-payments.service.js';

interface RunningPlanRow {
  readonly id: string;
  readonly resident_id: string;
  readonly schedule: Schedule;
  readonly passed_on_instalments: number;
  readonly payments: { date: string; amountCents: number }[];
  readonly followed_up: string[];
}

export interface FollowUpCounts {
  readonly missed: number;
  readonly graceEnded: number;
  readonly passedOn: number;
  readonly ended: number;
}

/**
 * Looks after every running plan once per sweep (RULES.md §3). An instalment past its due date with
 * money outstanding gets a free reminder to the resident and a contact signal to their counsellor,
 * with a grace period (PLAN_GRACE_DAYS); when that ends unpaid, the counsellor is asked to get in
 * touch. Never a cancellation: the plan keeps running. Each follow-up happens once (plan_follow_ups).
 * The sweep also passes on money held while an amendment was open, and ends plans paid in full, so a
 * crash between a payment and those steps only delays them.
 */
@Injectable()
export class PlanFollowUps {
  constructor(
    @Inject(COORDINATOR_CONFIG) private readonly config: CoordinatorConfig,
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly payments: PlanPayments,
    private readonly relay: OutboxRelay,
    private readonly clock: Clock,
  ) {}

  async run(): Promise<FollowUpCounts> {
    const today = dutchDate(this.clock.now());
    const graceDays = this.config.payments.graceDays;
    const { rows } = await this.pool.query<RunningPlanRow>(
      `SELECT p.id, p.resident_id, p.schedule, p.passed_on_instalments,
              coalesce((SELECT json_agg(json_build_object('date', to_char(received_on, 'YYYY-MM-DD'), 'amountCents', amount_cents)) FROM plan_payments WHERE proposal_id = p.id), '[]') AS payments,
              array(SELECT instalment_number || ':' || kind FROM plan_follow_ups WHERE proposal_id = p.id) AS followed_up
         FROM proposals p
        WHERE p.status = 'started' AND p.schedule IS NOT NULL AND (p.schedule #>> '{instalments,0,dueDate}') <= $1
        LIMIT 5000`,
      [today],
    );
    const counts = { missed: 0, graceEnded: 0, passedOn: 0, ended: 0 };
    for (const plan of rows) {
      const status = instalmentStates({ schedule: plan.schedule, payments: plan.payments.map((p) => ({ date: p.date, amountCents: Number(p.amountCents) })), today, graceDays });
      const done = new Set(plan.followed_up);
      for (const instalment of status.instalments) {
        const grace = instalment.actions.find((action) => action.kind === 'grace_period');
        if (grace === undefined) continue;
        if (!done.has(`${instalment.number}:missed`) && (await this.followUp(plan, instalment, 'missed', grace.endsOn))) counts.missed += 1;
        if (grace.endsOn < today && !done.has(`${instalment.number}:grace_ended`) && (await this.followUp(plan, instalment, 'grace_ended', grace.endsOn))) counts.graceEnded += 1;
      }
      const complete = instalmentsPaidInFull(status);
      if (complete > plan.passed_on_instalments) counts.passedOn += await this.passOnHeld(plan.id, today, graceDays);
      if (complete === plan.schedule.instalments.length && (await this.payments.endIfPaidInFull(plan.id))) counts.ended += 1;
    }
    if (counts.passedOn > 0) this.relay.kick();
    return counts;
  }

  private async followUp(plan: RunningPlanRow, instalment: InstalmentState, kind: 'missed' | 'grace_ended', graceEndsOn: string): Promise<boolean> {
    return withPgTransaction(this.pool, async (tx) => {
      const { rowCount } = await tx.query(`INSERT INTO plan_follow_ups (proposal_id, instalment_number, kind) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`, [plan.id, instalment.number, kind]);
      if (rowCount !== 1) return false;
      await notifyResidentAndCounsellors(tx, {
        residentId: plan.resident_id,
        kind: kind === 'missed' ? 'instalment_missed' : 'grace_ended',
        proposalId: plan.id,
        text: { amountCents: instalment.outstandingCents, dueDate: instalment.dueDate, graceEndsOn },
      });
      return true;
    });
  }

  /** Money that completed instalments while an amendment was open is passed on once it is decided. */
  private async passOnHeld(proposalId: string, today: string, graceDays: number): Promise<number> {
    return withPgTransaction(this.pool, async (tx) => {
      const { rows } = await tx.query<{ id: string; resident_id: string; schedule: Schedule; passed_on_instalments: number }>(
        `SELECT id, resident_id, schedule, passed_on_instalments FROM proposals WHERE id = $1 AND status = 'started' FOR UPDATE`,
        [proposalId],
      );
      const plan = rows[0];
      if (plan === undefined) return 0;
      return (await passOnCompleteInstalments(tx, plan, today, graceDays)) - plan.passed_on_instalments;
    });
  }
}
