import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { Pool, PoolClient } from 'pg';
import { CoordinatorErrorCode, PlatformRole } from '#contracts';
import { Clock, withPgTransaction } from '#service-kit';
import { CoordinatorError } from '../common/coordinator-error.js';
import type { CoordinatorConfig } from '../config/coordinator-config.js';
import { COORDINATOR_CONFIG } from '../config/coordinator-config.token.js';
import { PG_POOL } from '../database/database.module.js';
import type { Caller } from '../identity/caller.js';
import { ResidentAccess } from '../identity/resident-access.service.js';
import { invitationCodeFrom, invitationCodeHash, normaliseInvitationCode } from './invitation-code.js';

/** Long enough for a letter to arrive and a resident to think it over; short enough that a lost code soon means nothing. */
export const INVITATION_VALID_DAYS = 14;
/** A caseload's worth of open invitations; more at once would be a counsellor's account being misused. */
export const MAX_OPEN_INVITATIONS = 50;
const DAY_MS = 86_400_000;
/**
 * Names as identity providers give them, with a role or an organisation after them ("Fatima El
 * Amrani, schuldhulpverlener"): letters in any script, digits, and the punctuation of names; no markup.
 */
const COUNSELLOR_NAME = /^[\p{L}\p{M}][\p{L}\p{M}\p{N} .,'’()&/-]{0,99}$/u;

export interface MandateInvitation {
  readonly code: string;
  readonly expiresAt: Date;
}

export interface MandateInvitationPreview {
  readonly counsellorName: string;
  readonly expiresAt: Date;
}

const INVALID = (): CoordinatorError =>
  new CoordinatorError(CoordinatorErrorCode.MANDATE_INVITATION_INVALID, 'This code is not valid (any more). Ask your counsellor for a new one.');

/**
 * A counsellor invites a resident to give them a mandate: a one-time code, valid for two weeks, which
 * the resident types in (`mandateInvitation` shows whose it is; `giveMandate` with the code uses it).
 * Every way a code can be wrong gives the same answer, so a guess learns nothing.
 */
@Injectable()
export class MandateInvitations {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(COORDINATOR_CONFIG) private readonly config: CoordinatorConfig,
    private readonly access: ResidentAccess,
    private readonly clock: Clock,
  ) {}

  async create(caller: Caller, request: { readonly counsellorName: string }): Promise<MandateInvitation> {
    const counsellor = this.access.requireRole(caller, PlatformRole.COUNSELLOR);
    const counsellorName = request.counsellorName.trim().replace(/\s+/g, ' ');
    if (!COUNSELLOR_NAME.test(counsellorName)) {
      throw new CoordinatorError(CoordinatorErrorCode.MANDATE_INVITATION_NAME_INVALID, 'The counsellor name must be 1 to 100 letters, digits, spaces or the punctuation of names, starting with a letter.', [
        { code: CoordinatorErrorCode.MANDATE_INVITATION_NAME_INVALID, field: 'counsellorName', message: 'Not a name.' },
      ]);
    }
    const now = this.clock.now();
    const expiresAt = new Date(now.getTime() + INVITATION_VALID_DAYS * DAY_MS);
    const code = invitationCodeFrom(randomBytes(8));
    const inserted = await withPgTransaction(this.pool, async (tx) => {
      // The counsellor's row is locked first, so requests at the same moment count one after the other.
      await tx.query({ name: 'counsellor-lock', text: 'SELECT 1 FROM counsellors WHERE person_id = $1 FOR UPDATE', values: [counsellor.personId] });
      const { rowCount } = await tx.query({
        name: 'mandate-invitation-insert',
        text: `INSERT INTO mandate_invitations (code_hash, counsellor_id, counsellor_name, created_at, expires_at)
               SELECT $1, $2, $3, $4, $5
                WHERE (SELECT count(*) FROM mandate_invitations WHERE counsellor_id = $2 AND used_at IS NULL AND expires_at > $4) < $6`,
        values: [invitationCodeHash(code, this.config.pseudonymSecret), counsellor.personId, counsellorName, now, expiresAt, MAX_OPEN_INVITATIONS],
      });
      return rowCount === 1;
    });
    if (!inserted) {
      throw new CoordinatorError(CoordinatorErrorCode.MANDATE_INVITATION_LIMIT, `You have ${MAX_OPEN_INVITATIONS} open invitations. Wait until some are used or expire.`);
    }
    return { code, expiresAt };
  }

  /** Whose code this is, for the resident to check before giving the mandate. */
  async preview(caller: Caller, typed: string): Promise<MandateInvitationPreview> {
    this.access.requireRole(caller, PlatformRole.RESIDENT);
    const found = await this.open(this.pool, typed, false);
    return { counsellorName: found.counsellor_name, expiresAt: found.expires_at };
  }

  /** The counsellor an open code is from (for a caller already checked to be a resident). */
  async counsellorOf(typed: string): Promise<string> {
    return (await this.open(this.pool, typed, false)).counsellor_id;
  }

  /** Inside the mandate's transaction: the code's counsellor, the code locked until the mandate is written. */
  async lockOpen(tx: PoolClient, typed: string): Promise<{ readonly counsellorId: string; readonly codeHash: Buffer }> {
    const found = await this.open(tx, typed, true);
    return { counsellorId: found.counsellor_id, codeHash: found.code_hash };
  }

  /** Marks the code used by the mandate, in the same transaction: a code gives one mandate only. */
  async markUsed(tx: PoolClient, codeHash: Buffer, mandateId: string, now: Date): Promise<void> {
    await tx.query({ name: 'mandate-invitation-use', text: 'UPDATE mandate_invitations SET used_at = $2, mandate_id = $3 WHERE code_hash = $1', values: [codeHash, now, mandateId] });
  }

  private async open(
    db: Pool | PoolClient,
    typed: string,
    lock: boolean,
  ): Promise<{ counsellor_id: string; counsellor_name: string; expires_at: Date; code_hash: Buffer }> {
    const code = normaliseInvitationCode(typed);
    if (code === null) throw INVALID();
    const { rows } = await db.query<{ counsellor_id: string; counsellor_name: string; expires_at: Date; code_hash: Buffer }>({
      text: `SELECT counsellor_id, counsellor_name, expires_at, code_hash FROM mandate_invitations
              WHERE code_hash = $1 AND used_at IS NULL AND expires_at > $2${lock ? ' FOR UPDATE' : ''}`,
      values: [invitationCodeHash(code, this.config.pseudonymSecret), this.clock.now()],
    });
    const [found] = rows;
    if (found === undefined) throw INVALID();
    return found;
  }
}
