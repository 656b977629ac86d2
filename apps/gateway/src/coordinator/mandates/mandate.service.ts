import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { CoordinatorErrorCode, PlatformRole } from '#contracts';
import { ConsentState, LedgerEventKind, checkMandateRequest, ledgerEvent } from '#consent';
import { Clock } from '#service-kit';
import { CoordinatorError, type Problem } from '../common/coordinator-error.js';
import { requireUuid } from '../common/ids.js';
import type { Caller } from '../identity/caller.js';
import { ResidentAccess } from '../identity/resident-access.service.js';
import { personParty } from '../ledger/ledger-parties.js';
import { LedgerWriter, type EventToRecord } from '../ledger/ledger-writer.service.js';
import { Pseudonyms } from '../pseudonyms/pseudonyms.service.js';
import { mandateTextOf } from '../consents/consent-texts.js';
import { MandateInvitations } from './mandate-invitation.service.js';
import { MandateRepository, type MandateRow, type MandateView } from './mandate.repository.js';

/**
 * A resident's mandate to a counsellor: given by the resident, ended by either of them, expired when
 * its date passes. Each change is written with its ledger event in one transaction.
 */
@Injectable()
export class MandateService {
  constructor(
    private readonly mandates: MandateRepository,
    private readonly access: ResidentAccess,
    private readonly writer: LedgerWriter,
    private readonly pseudonyms: Pseudonyms,
    private readonly clock: Clock,
    private readonly invitations: MandateInvitations,
  ) {}

  /**
   * The counsellor is named by their id, or by the invitation code they gave the resident (the way a
   * resident in the portal does it); a code is used up by the mandate it gives, in the same transaction.
   */
  async give(
    caller: Caller,
    request: { readonly counsellorId?: string | null; readonly invitationCode?: string | null; readonly validUntil: Date; readonly textVersion: string },
  ): Promise<MandateView> {
    const resident = this.access.requireRole(caller, PlatformRole.RESIDENT);
    const code = request.invitationCode ?? null;
    const givenId = request.counsellorId ?? null;
    if ((code === null) === (givenId === null)) {
      throw new CoordinatorError(CoordinatorErrorCode.MANDATE_COUNSELLOR_REQUIRED, 'Name the counsellor by counsellorId or by invitationCode, not both.');
    }
    const counsellorId = code !== null ? await this.invitations.counsellorOf(code) : requireUuid(givenId ?? '', 'counsellorId');
    const text = mandateTextOf(request.textVersion);
    const now = this.clock.now();
    const problems: Problem[] = checkMandateRequest({ residentId: resident.personId, counsellorId, validUntil: request.validUntil, now });
    if (problems.length === 0 && !(await this.mandates.isCounsellor(counsellorId))) {
      problems.push({ code: CoordinatorErrorCode.MANDATE_UNKNOWN_COUNSELLOR, field: 'counsellorId', message: 'There is no counsellor with this id.' });
    }
    const [first, ...rest] = problems;
    if (first) throw CoordinatorError.fromProblems([first, ...rest]);

    const id = randomUUID();
    await this.writer.record(async (tx) => {
      // Locked, and checked again: a code another request used meanwhile ends this one with nothing written.
      const invitation = code !== null ? await this.invitations.lockOpen(tx, code) : null;
      await tx.query({
        name: 'mandate-insert',
        text: `INSERT INTO mandates (id, resident_id, counsellor_id, valid_from, valid_until, text_version, text_hash, state)
               VALUES ($1, $2, $3, $4, $5, $6, $7, 'given')`,
        values: [id, resident.personId, counsellorId, now, request.validUntil, text.version, text.hash],
      });
      if (invitation !== null) await this.invitations.markUsed(tx, invitation.codeHash, id, now);
      return this.event({
        kind: LedgerEventKind.MANDATE_GIVEN,
        state: ConsentState.GIVEN,
        mandate: { id, resident_id: resident.personId, counsellor_id: counsellorId },
        actorId: resident.personId,
        now,
        details: { validFrom: now, validUntil: request.validUntil, textHash: text.hash },
      });
    });
    return this.mustFind(id);
  }

  /** The resident or the counsellor may end a mandate; for anyone else it does not exist. */
  async withdraw(caller: Caller, mandateId: string): Promise<MandateView> {
    const person = this.access.requirePerson(caller);
    const id = requireUuid(mandateId, 'id');
    await this.writer.record(async (tx) => {
      const row = await this.mandates.lockForChange(tx, id);
      const isParty = row && (row.resident_id === person.personId || row.counsellor_id === person.personId);
      if (!row || !isParty) throw new CoordinatorError(CoordinatorErrorCode.MANDATE_NOT_FOUND, 'There is no such mandate (or it is not yours).');
      const now = this.clock.now();
      if (row.state === ConsentState.WITHDRAWN) {
        throw new CoordinatorError(CoordinatorErrorCode.MANDATE_ALREADY_WITHDRAWN, 'This mandate was ended already.');
      }
      if (row.state === ConsentState.EXPIRED || row.valid_until.getTime() <= now.getTime()) {
        throw new CoordinatorError(CoordinatorErrorCode.MANDATE_ALREADY_EXPIRED, 'This mandate has expired already.');
      }
      await tx.query({
        name: 'mandate-withdraw',
        text: `UPDATE mandates SET state = 'withdrawn', ended_at = $2, ended_by = $3 WHERE id = $1`,
        values: [id, now, person.personId],
      });
      const by = row.resident_id === person.personId ? 'resident' : 'counsellor';
      return this.event({
        kind: LedgerEventKind.MANDATE_WITHDRAWN,
        state: ConsentState.WITHDRAWN,
        mandate: row,
        actorId: person.personId,
        actorRole: by,
        now,
        details: { reason: `withdrawn-by-${by}` },
      });
    });
    return this.mustFind(id);
  }

  async expireDue(limit = 500): Promise<number> {
    const due = await this.mandates.dueForExpiry(this.clock.now(), limit);
    const outcomes = await Promise.allSettled(
      due.map((id) =>
        this.writer.record(async (tx) => {
          const row = await this.mandates.lockForChange(tx, id);
          const now = this.clock.now();
          if (!row || row.state !== ConsentState.GIVEN || row.valid_until.getTime() > now.getTime()) {
            throw new Error('already handled by another process');
          }
          await tx.query({ name: 'mandate-expire', text: `UPDATE mandates SET state = 'expired', ended_at = valid_until WHERE id = $1`, values: [id] });
          return this.event({ kind: LedgerEventKind.MANDATE_EXPIRED, state: ConsentState.EXPIRED, mandate: row, actorId: null, now, details: { reason: 'validity-ended' } });
        }),
      ),
    );
    return outcomes.filter((o) => o.status === 'fulfilled').length;
  }

  async list(caller: Caller): Promise<MandateView[]> {
    return this.mandates.ofPerson(this.access.requirePerson(caller).personId, this.clock.now());
  }

  async mandatingResidents(counsellorId: string): Promise<string[]> {
    return this.mandates.mandatingResidents(counsellorId, this.clock.now());
  }

  private event(params: {
    readonly kind: LedgerEventKind;
    readonly state: ConsentState;
    readonly mandate: Pick<MandateRow, 'id' | 'resident_id' | 'counsellor_id'>;
    readonly actorId: string | null;
    readonly actorRole?: 'resident' | 'counsellor';
    readonly now: Date;
    readonly details: { readonly validFrom?: Date; readonly validUntil?: Date; readonly textHash?: string; readonly reason?: string };
  }): EventToRecord<void> {
    const { mandate } = params;
    const { event, openings } = ledgerEvent({
      eventId: randomUUID(),
      kind: params.kind,
      recordId: mandate.id,
      state: params.state,
      eventTime: params.now,
      subject: this.pseudonyms.inLedger(mandate.resident_id),
      actor:
        params.actorId === null
          ? { role: 'coordinator', id: 'coordinator' }
          : { role: params.actorRole ?? 'resident', id: this.pseudonyms.inLedger(params.actorId) },
      creditors: [],
      details: { counsellor: this.pseudonyms.inLedger(mandate.counsellor_id), ...params.details },
    });
    return { event, openings, parties: [personParty(mandate.resident_id), personParty(mandate.counsellor_id)], result: undefined };
  }

  private async mustFind(id: string): Promise<MandateView> {
    const mandate = await this.mandates.byId(id, this.clock.now());
    if (!mandate) throw new Error(`Mandate ${id} vanished right after it was written.`);
    return mandate;
  }
}
