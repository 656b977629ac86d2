import { Inject, Injectable } from '@nestjs/common';
import type { Pool, PoolClient } from 'pg';
import { ProposalErrorCode } from '#contracts';
import { FloorBelowBvvError, ScheduleInputError, computeBvv, validateBvvInput, validatePayDay, type BvvResult } from '#arrangement';
import { Clock, dutchDate } from '#service-kit';
import { CoordinatorError } from '../common/coordinator-error.js';
import { PG_POOL } from '../database/database.module.js';
import type { Caller } from '../identity/caller.js';
import { ResidentAccess } from '../identity/resident-access.service.js';

/** What a resident or their counsellor enters: the engine's BVV input (without the date) and the pay day. */
export interface BudgetInput {
  readonly residentId?: string | null;
  readonly payDay: number;
  readonly household: string;
  readonly ageBand: string;
  readonly partnerAgeBand?: string | null;
  readonly netIncomeCents: number;
  readonly taxableAnnualIncomeCents?: number | null;
  readonly noFixedAddress?: boolean | null;
  readonly art475eRequest?: boolean | null;
  readonly housingIncreaseCents?: number | null;
  readonly officialBvvCents?: number | null;
  readonly counsellorFloorCents?: number | null;
}

export interface BudgetView {
  readonly residentId: string;
  readonly payDay: number;
  readonly netIncomeCents: number;
  readonly bvvCents: number;
  readonly capacityCents: number;
  readonly result: BvvResult;
  readonly enteredAt: Date;
}

/**
 * A resident's budget: what they earn and how they live, and from that (by the engine, RULES.md §1)
 * the beslagvrije voet and the capacity above it, with the explanation. The latest budget is what a
 * plan is made from. A counsellor may enter it only with a mandate in force; a floor they set may not
 * lie below the beslagvrije voet.
 */
@Injectable()
export class BudgetService {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly access: ResidentAccess,
    private readonly clock: Clock,
  ) {}

  async set(caller: Caller, input: BudgetInput): Promise<BudgetView> {
    const acting = await this.access.actingFor(caller, input.residentId);
    const now = this.clock.now();
    const { residentId: _residentId, payDay, ...fields } = input;
    const engineInput = { date: dutchDate(now), ...withoutNulls(fields) };
    const validated = validateBvvInput(engineInput);
    if (!validated.ok) {
      const { code, path, message } = validated.error;
      throw new CoordinatorError(ProposalErrorCode.BUDGET_INVALID, message, [{ code, field: path, message }]);
    }
    try {
      validatePayDay(payDay);
    } catch (error) {
      if (error instanceof ScheduleInputError) throw new CoordinatorError(ProposalErrorCode.BUDGET_INVALID, error.message, [{ code: error.code, field: 'payDay', message: error.message }]);
      throw error;
    }
    let result: BvvResult;
    try {
      result = computeBvv(validated.value);
    } catch (error) {
      if (error instanceof FloorBelowBvvError) {
        throw new CoordinatorError(ProposalErrorCode.BUDGET_INVALID, error.message, [{ code: 'FLOOR_BELOW_BVV', field: 'counsellorFloorCents', message: error.message }]);
      }
      throw error;
    }
    await this.pool.query({
      name: 'budget-upsert',
      text: `INSERT INTO budgets (resident_id, input, pay_day, net_income_cents, bvv_cents, capacity_cents, result, entered_by, entered_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
             ON CONFLICT (resident_id) DO UPDATE SET input = $2, pay_day = $3, net_income_cents = $4, bvv_cents = $5,
               capacity_cents = $6, result = $7, entered_by = $8, entered_at = $9`,
      values: [acting.residentId, JSON.stringify(validated.value), payDay, validated.value.netIncomeCents, result.bvvCents, result.capacityCents, JSON.stringify(result), acting.actor.personId, now],
    });
    return { residentId: acting.residentId, payDay, netIncomeCents: validated.value.netIncomeCents, bvvCents: result.bvvCents, capacityCents: result.capacityCents, result, enteredAt: now };
  }

  async get(caller: Caller, residentId?: string | null): Promise<BudgetView | null> {
    const acting = await this.access.actingFor(caller, residentId);
    return this.ofResident(acting.residentId);
  }

  async ofResident(residentId: string, tx?: PoolClient): Promise<BudgetView | null> {
    const { rows } = await (tx ?? this.pool).query<{ pay_day: number; net_income_cents: string; bvv_cents: string; capacity_cents: string; result: BvvResult; entered_at: Date }>(
      `SELECT pay_day, net_income_cents, bvv_cents, capacity_cents, result, entered_at FROM budgets WHERE resident_id = $1`,
      [residentId],
    );
    const row = rows[0];
    if (row === undefined) return null;
    return {
      residentId,
      payDay: row.pay_day,
      netIncomeCents: Number(row.net_income_cents),
      bvvCents: Number(row.bvv_cents),
      capacityCents: Number(row.capacity_cents),
      result: row.result,
      enteredAt: row.entered_at,
    };
  }
}

function withoutNulls(fields: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== null && value !== undefined));
}
