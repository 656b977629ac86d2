import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import { reminderDates, type Schedule } from '#arrangement';
import { Clock, dutchDate, withPgTransaction } from '#service-kit';
import { PG_POOL } from '../database/database.module.js';
import { notifyResidentAndCounsellors } from './notifier.js';

/**
 * The free reminder (kosteloze herinnering, RULES.md §3) a few days before each instalment of a plan
 * that runs: the engine says when (reminderDates); this sends each one once (the plan_reminders key),
 * into the inbox and the e-mail and SMS channels. A reminder whose due date has passed is not sent late.
 */
@Injectable()
export class PlanReminders {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly clock: Clock,
  ) {}

  async sendDue(): Promise<number> {
    const today = dutchDate(this.clock.now());
    const { rows } = await this.pool.query<{ id: string; resident_id: string; schedule: Schedule; reminded: number[] }>(
      `SELECT p.id, p.resident_id, p.schedule, coalesce(array_agg(r.instalment_number) FILTER (WHERE r.instalment_number IS NOT NULL), '{}') AS reminded
         FROM proposals p LEFT JOIN plan_reminders r ON r.proposal_id = p.id
        WHERE p.status = 'started' AND p.schedule IS NOT NULL
        GROUP BY p.id LIMIT 1000`,
    );
    let sent = 0;
    for (const plan of rows) {
      const reminded = new Set(plan.reminded);
      for (const reminder of reminderDates({ schedule: plan.schedule })) {
        // YYYY-MM-DD strings sort as the dates they name.
        if (reminded.has(reminder.number) || reminder.date > today || reminder.dueDate < today) continue;
        if (await this.send(plan.id, plan.resident_id, reminder)) sent += 1;
      }
    }
    return sent;
  }

  private async send(proposalId: string, residentId: string, reminder: { number: number; dueDate: string; amountCents: number }): Promise<boolean> {
    return withPgTransaction(this.pool, async (client) => {
      const { rowCount } = await client.query(
        `INSERT INTO plan_reminders (proposal_id, instalment_number, due_date) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
        [proposalId, reminder.number, reminder.dueDate],
      );
      if (rowCount === 1) {
        await notifyResidentAndCounsellors(client, { residentId, kind: 'payment_reminder', proposalId, text: { amountCents: reminder.amountCents, dueDate: reminder.dueDate } });
      }
      return rowCount === 1;
    });
  }
}
