import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { PoolClient } from 'pg';
import { AuthErrorCode, CoordinatorErrorCode, type ConsentPurpose, type DataCategory } from '#contracts';
import {
  ConsentEvent,
  ConsentState,
  LedgerEventKind,
  checkConsentRequest,
  ledgerEvent,
  nextConsentState,
  openCommitmentFor,
} from '#consent';
import { Clock } from '#service-kit';
import { CoordinatorError, type Problem } from '../common/coordinator-error.js';
import { requireUuid } from '../common/ids.js';
import { CreditorDirectory } from '../directory/creditor-directory.repository.js';
import type { Caller } from '../identity/caller.js';
import { ResidentAccess, type Acting } from '../identity/resident-access.service.js';
import { creditorParty, personParty } from '../ledger/ledger-parties.js';
import { LedgerWriter, type EventToRecord } from '../ledger/ledger-writer.service.js';
import { Pseudonyms } from '../pseudonyms/pseudonyms.service.js';
import { ConsentRepository, type ConsentRow, type ConsentView } from './consent.repository.js';
import { consentTextOf } from './consent-texts.js';

export interface GiveConsentRequest {
  readonly residentId?: string | null;
  readonly purpose: ConsentPurpose;
  readonly creditorIds: readonly string[];
  readonly categories: readonly DataCategory[];
  readonly validUntil: Date;
  readonly textVersion: string;
}

/**
 * Giving, withdrawing and expiring consents. Every change is written with its ledger event in one
 * transaction (LedgerWriter): there is no consent without its entry, and no entry without its change.
 */
@Injectable()
export class ConsentService {
  constructor(
    private readonly consents: ConsentRepository,
    private readonly directory: CreditorDirectory,
    private readonly access: ResidentAccess,
    private readonly writer: LedgerWriter,
    private readonly pseudonyms: Pseudonyms,
    private readonly clock: Clock,
  ) {}

  async give(caller: Caller, request: GiveConsentRequest): Promise<ConsentView> {
    const acting = await this.access.actingFor(caller, request.residentId);
    const text = consentTextOf(request.purpose, request.textVersion);
    const creditorIds = [...new Set(request.creditorIds)];
    const categories = [...new Set(request.categories)];
    const known = await this.directory.byIds(creditorIds);
    const now = this.clock.now();
    const problems: Problem[] = checkConsentRequest({
      purpose: request.purpose,
      creditorIds,
      categories,
      validUntil: request.validUntil,
      knownCreditorIds: new Set(known.keys()),
      now,
    });
    const [first, ...rest] = problems;
    if (first) throw CoordinatorError.fromProblems([first, ...rest]);

    const id = randomUUID();
    await this.writer.record(async (tx, _index) => {
      // A counsellor's mandate is checked again inside the transaction: a withdrawal that committed
      // a moment ago wins.
      if (acting.actor.role === 'counsellor') await this.access.actingFor(caller, acting.residentId, tx);
      await tx.query({
        name: 'consent-insert',
        text: `INSERT INTO consents (id, resident_id, given_by_role, given_by, purpose, creditor_ids, categories,
                 valid_from, valid_until, text_version, text_hash, state)
               VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 'given')`,
        values: [id, acting.residentId, acting.actor.role, acting.actor.personId, request.purpose, creditorIds, categories, now, request.validUntil, text.version, text.hash],
      });
      return this.event({
        kind: LedgerEventKind.CONSENT_GIVEN,
        state: ConsentState.GIVEN,
        consent: { id, residentId: acting.residentId, creditorIds, purpose: request.purpose, categories },
        acting,
        now,
        details: { validFrom: now, validUntil: request.validUntil, textHash: text.hash },
      });
    });
    return this.mustFind(id);
  }

  async withdraw(caller: Caller, consentId: string): Promise<ConsentView> {
    const id = requireUuid(consentId, 'id');
    await this.writer.record(async (tx) => {
      const row = await this.consents.lockForChange(tx, id);
      const acting = row ? await this.actingOrHidden(caller, row.resident_id, tx) : null;
      if (!row || !acting) throw notFound();
      const now = this.clock.now();
      refuseUnlessGiven(row, now);
      const transition = nextConsentState(row.state, ConsentEvent.WITHDRAW);
      if (!transition.ok) throw new CoordinatorError(CoordinatorErrorCode.CONSENT_ALREADY_WITHDRAWN, 'This consent has ended already.');
      await tx.query({
        name: 'consent-withdraw',
        text: `UPDATE consents SET state = $2, ended_at = $3, ended_by = $4 WHERE id = $1`,
        values: [id, transition.to, now, acting.actor.personId],
      });
      return this.event({
        kind: LedgerEventKind.CONSENT_WITHDRAWN,
        state: transition.to,
        consent: { id, residentId: row.resident_id, creditorIds: row.creditor_ids, purpose: row.purpose, categories: row.categories },
        acting,
        now,
        details: { reason: `withdrawn-by-${acting.actor.role}` },
      });
    });
    return this.mustFind(id);
  }

  /**
   * Records the expiry of every given consent whose end date has passed. Safe to run in several
   * processes at once: each consent is re-checked under its row lock, and one that another process
   * already ended is skipped.
   */
  async expireDue(limit = 500): Promise<number> {
    const due = await this.consents.dueForExpiry(this.clock.now(), limit);
    const outcomes = await Promise.allSettled(due.map((id) => this.expire(id)));
    return outcomes.filter((o) => o.status === 'fulfilled' && o.value).length;
  }

  private async expire(id: string): Promise<boolean> {
    try {
      await this.writer.record(async (tx) => {
        const row = await this.consents.lockForChange(tx, id);
        const now = this.clock.now();
        if (!row || row.state !== ConsentState.GIVEN || row.valid_until.getTime() > now.getTime()) throw new AlreadyHandled();
        await tx.query({
          name: 'consent-expire',
          text: `UPDATE consents SET state = 'expired', ended_at = valid_until WHERE id = $1`,
          values: [id],
        });
        return this.event({
          kind: LedgerEventKind.CONSENT_EXPIRED,
          state: ConsentState.EXPIRED,
          consent: { id, residentId: row.resident_id, creditorIds: row.creditor_ids, purpose: row.purpose, categories: row.categories },
          acting: null,
          now,
          details: { reason: 'validity-ended' },
        });
      });
      return true;
    } catch (error) {
      if (error instanceof AlreadyHandled) return false;
      throw error;
    }
  }

  async list(caller: Caller, residentId?: string | null): Promise<ConsentView[]> {
    const acting = await this.access.actingFor(caller, residentId);
    return this.consents.ofResident(acting.residentId, this.clock.now());
  }

  async get(caller: Caller, consentId: string): Promise<ConsentView | null> {
    const consent = await this.consents.byId(requireUuid(consentId, 'id'), this.clock.now());
    if (!consent) return null;
    return (await this.actingOrHidden(caller, consent.residentId)) ? consent : null;
  }

  /** The event for a consent change, with fresh commitments to its creditors. */
  private event(params: {
    readonly kind: LedgerEventKind;
    readonly state: ConsentState;
    readonly consent: Pick<ConsentRow, 'id' | 'purpose'> & {
      readonly residentId: string;
      readonly creditorIds: readonly string[];
      readonly categories: readonly DataCategory[];
    };
    readonly acting: Acting | null;
    readonly now: Date;
    readonly details: { readonly validFrom?: Date; readonly validUntil?: Date; readonly textHash?: string; readonly reason?: string };
  }): EventToRecord<void> {
    const { consent, acting } = params;
    const { event, openings } = ledgerEvent({
      eventId: randomUUID(),
      kind: params.kind,
      recordId: consent.id,
      state: params.state,
      eventTime: params.now,
      subject: this.pseudonyms.inLedger(consent.residentId),
      actor: acting
        ? { role: acting.actor.role, id: this.pseudonyms.inLedger(acting.actor.personId) }
        : { role: 'coordinator', id: 'coordinator' },
      creditors: consent.creditorIds.map(openCommitmentFor),
      details: { purpose: consent.purpose, categories: [...consent.categories].sort(), ...params.details },
    });
    const parties = [
      personParty(consent.residentId),
      ...(acting ? [personParty(acting.actor.personId)] : []),
      ...consent.creditorIds.map(creditorParty),
    ];
    return { event, openings, parties, result: undefined };
  }

  /** Someone who may not act for the resident learns nothing, not even that the consent exists. */
  private async actingOrHidden(caller: Caller, residentId: string, tx?: PoolClient): Promise<Acting | null> {
    try {
      return await this.access.actingFor(caller, residentId, tx);
    } catch (error) {
      if (error instanceof CoordinatorError && (error.code === CoordinatorErrorCode.MANDATE_REQUIRED || error.code === AuthErrorCode.FORBIDDEN)) {
        return null;
      }
      throw error;
    }
  }

  private async mustFind(id: string): Promise<ConsentView> {
    const consent = await this.consents.byId(id, this.clock.now());
    if (!consent) throw new Error(`Consent ${id} vanished right after it was written.`);
    return consent;
  }
}

class AlreadyHandled extends Error {}

function notFound(): CoordinatorError {
  return new CoordinatorError(CoordinatorErrorCode.CONSENT_NOT_FOUND, 'There is no such consent (or it is not yours).');
}

function refuseUnlessGiven(row: ConsentRow, now: Date): void {
  if (row.state === ConsentState.WITHDRAWN) {
    throw new CoordinatorError(CoordinatorErrorCode.CONSENT_ALREADY_WITHDRAWN, 'This consent was withdrawn already.');
  }
  if (row.state === ConsentState.EXPIRED || row.valid_until.getTime() <= now.getTime()) {
    throw new CoordinatorError(CoordinatorErrorCode.CONSENT_ALREADY_EXPIRED, 'This consent has expired already; there is nothing to withdraw.');
  }
}
