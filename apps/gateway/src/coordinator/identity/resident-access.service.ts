import { Inject, Injectable } from '@nestjs/common';
import type { Pool, PoolClient } from 'pg';
import { AuthErrorCode, CoordinatorErrorCode, PlatformRole } from '#contracts';
import { Clock } from '#service-kit';
import { CoordinatorError } from '../common/coordinator-error.js';
import { requireUuid } from '../common/ids.js';
import { PG_POOL } from '../database/database.module.js';
import type { Caller, PersonCaller } from './caller.js';

/** Who acts, for whom: the resident themself, or a counsellor under the resident's mandate. */
export interface Acting {
  readonly residentId: string;
  readonly actor: { readonly role: 'resident' | 'counsellor'; readonly personId: string };
}

/** Decides whether a caller may act for a resident. One place, so every path asks the same question. */
@Injectable()
export class ResidentAccess {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly clock: Clock,
  ) {}

  requirePerson(caller: Caller): PersonCaller {
    if (caller.kind === 'person') return caller;
    if (caller.kind === 'anonymous') throw new CoordinatorError(AuthErrorCode.UNAUTHENTICATED, 'Log in first.');
    throw new CoordinatorError(AuthErrorCode.FORBIDDEN, 'Only people can do this.');
  }

  requireRole(caller: Caller, role: PlatformRole): PersonCaller {
    const person = this.requirePerson(caller);
    if (!person.roles.has(role)) throw new CoordinatorError(AuthErrorCode.FORBIDDEN, `This needs the ${role} role.`);
    return person;
  }

  /**
   * The resident the caller acts for. Without `residentId` (or with their own id) a resident acts for
   * themself; with another id, the caller must be a counsellor holding a mandate in force. Pass the
   * transaction to check the mandate inside it, so a withdrawal that commits first is respected.
   */
  async actingFor(caller: Caller, residentId?: string | null, tx?: PoolClient): Promise<Acting> {
    const person = this.requirePerson(caller);
    const resident = residentId === undefined || residentId === null ? person.personId : requireUuid(residentId, 'residentId');
    if (resident === person.personId) {
      if (!person.roles.has(PlatformRole.RESIDENT)) throw new CoordinatorError(AuthErrorCode.FORBIDDEN, 'This needs the resident role.');
      return { residentId: resident, actor: { role: 'resident', personId: person.personId } };
    }
    if (!person.roles.has(PlatformRole.COUNSELLOR) || !(await this.hasMandate(resident, person.personId, tx))) {
      throw new CoordinatorError(CoordinatorErrorCode.MANDATE_REQUIRED, 'You need a mandate from this resident to act for them.');
    }
    return { residentId: resident, actor: { role: 'counsellor', personId: person.personId } };
  }

  async hasMandate(residentId: string, counsellorId: string, tx?: PoolClient): Promise<boolean> {
    const { rows } = await (tx ?? this.pool).query<{ ok: boolean }>({
      name: tx ? 'mandate-in-force-locked' : 'mandate-in-force',
      text: `SELECT true AS ok FROM mandates
             WHERE resident_id = $1 AND counsellor_id = $2 AND state = 'given' AND valid_from <= $3 AND valid_until > $3
             LIMIT 1 ${tx ? 'FOR SHARE' : ''}`,
      values: [residentId, counsellorId, this.clock.now()],
    });
    return rows.length > 0;
  }
}
