import type { ConsentPurpose, DataCategory } from '#contracts';
import { canonicalJsonBytes } from '../ledger/canonical-json.js';
import { creditorCommitment, type PartyOpening } from './party-commitment.js';

/** The kinds of event LEDGER.md names. One leaf per event. */
export const LedgerEventKind = {
  CONSENT_GIVEN: 'consent.given',
  CONSENT_WITHDRAWN: 'consent.withdrawn',
  CONSENT_EXPIRED: 'consent.expired',
  MANDATE_GIVEN: 'mandate.given',
  MANDATE_WITHDRAWN: 'mandate.withdrawn',
  MANDATE_EXPIRED: 'mandate.expired',
  ACCOUNT_LINKED: 'account.linked',
  ACCOUNT_UNLINKED: 'account.unlinked',
  DATA_DISCLOSED: 'data.disclosed',
  PLAN_PROPOSED: 'plan.proposed',
  PROPOSAL_ANSWERED: 'proposal.answered',
  PLAN_STARTED: 'plan.started',
  PLAN_AMENDED: 'plan.amended',
  PLAN_ENDED: 'plan.ended',
} as const;
export type LedgerEventKind = (typeof LedgerEventKind)[keyof typeof LedgerEventKind];
export const LEDGER_EVENT_KINDS: readonly LedgerEventKind[] = Object.values(LedgerEventKind);

export const LEDGER_EVENT_SCHEMA = 'samen-regelen/ledger-event/v1';

/** Who caused an event. Ids are pseudonymous: never a name, e-mail or BSN. */
export interface LedgerActor {
  readonly role: 'resident' | 'counsellor' | 'coordinator' | 'creditor';
  readonly id: string;
}

/**
 * One ledger event, shaped after ISO/IEC TS 27560 (record id, event type and state, event time,
 * purpose, parties, validity, text version hash). Nothing in it identifies a person in clear:
 * `subject` is the resident's ledger pseudonym, creditors appear only as commitments.
 */
export interface LedgerEvent {
  readonly schema: typeof LEDGER_EVENT_SCHEMA;
  readonly eventId: string;
  readonly kind: LedgerEventKind;
  /** The consent, mandate, link or plan the event is about. */
  readonly recordId: string;
  /** The record's state after this event. */
  readonly state: string;
  /** RFC 3339, UTC, milliseconds. */
  readonly eventTime: string;
  /** The resident's ledger pseudonym. */
  readonly subject: string;
  readonly actor: LedgerActor;
  /** Commitments to the creditors concerned (sorted); see party-commitment.ts. */
  readonly creditors: readonly string[];
  readonly purpose?: ConsentPurpose;
  readonly categories?: readonly DataCategory[];
  /** The counsellor's pseudonym, for mandate events. */
  readonly counsellor?: string;
  readonly validFrom?: string;
  readonly validUntil?: string;
  /** SHA-256 (hex) of the exact text version shown. */
  readonly textHash?: string;
  /** Why, in a stable code (e.g. for a withdrawal: 'resident-request'); never free text. */
  readonly reason?: string;
  /**
   * Plan events: SHA-256 (hex) of the plan as proposed (RFC 8785 canonical JSON of the engine's
   * plan), so anyone holding the plan can show it is the one recorded, and nobody else learns it.
   */
  readonly planHash?: string;
}

/** An event plus what only the coordinator knows: which creditor each commitment stands for. */
export interface LedgerEventWithOpenings {
  readonly event: LedgerEvent;
  readonly openings: readonly PartyOpening[];
}

/** Builds an event, turning the creditors into commitments with fresh openings. */
export function ledgerEvent(params: {
  readonly eventId: string;
  readonly kind: LedgerEventKind;
  readonly recordId: string;
  readonly state: string;
  readonly eventTime: Date;
  readonly subject: string;
  readonly actor: LedgerActor;
  readonly creditors: readonly PartyOpening[];
  readonly details?: Pick<LedgerEvent, 'purpose' | 'categories' | 'counsellor' | 'textHash' | 'reason' | 'planHash'> & {
    readonly validFrom?: Date;
    readonly validUntil?: Date;
  };
}): LedgerEventWithOpenings {
  const { validFrom, validUntil, ...rest } = params.details ?? {};
  const event: LedgerEvent = {
    schema: LEDGER_EVENT_SCHEMA,
    eventId: params.eventId,
    kind: params.kind,
    recordId: params.recordId,
    state: params.state,
    eventTime: params.eventTime.toISOString(),
    subject: params.subject,
    actor: params.actor,
    creditors: params.creditors.map(creditorCommitment).sort(),
    ...rest,
    ...(validFrom ? { validFrom: validFrom.toISOString() } : {}),
    ...(validUntil ? { validUntil: validUntil.toISOString() } : {}),
  };
  return { event, openings: params.creditors };
}

/** The leaf bytes of an event: UTF-8 of its RFC 8785 canonical JSON, as LEDGER.md fixes it. */
export function ledgerEventLeaf(event: LedgerEvent): Uint8Array {
  return canonicalJsonBytes(event);
}

/**
 * Reads a leaf back as an event, checking the shape a verifier relies on. Returns a reason when the
 * bytes are not a canonical v1 event (a verifier reports it; it never throws on foreign input).
 */
export function parseLedgerEventLeaf(leaf: Uint8Array): LedgerEvent | string {
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(leaf));
  } catch {
    return 'the leaf is not UTF-8 JSON';
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'the leaf is not a JSON object';
  const event = value as Partial<LedgerEvent>;
  if (event.schema !== LEDGER_EVENT_SCHEMA) return 'the leaf is not a v1 ledger event';
  if (!LEDGER_EVENT_KINDS.includes(event.kind as LedgerEventKind)) return `unknown event kind ${String(event.kind)}`;
  for (const field of ['eventId', 'recordId', 'state', 'eventTime', 'subject'] as const) {
    if (typeof event[field] !== 'string') return `the event lacks ${field}`;
  }
  if (!Array.isArray(event.creditors) || !event.creditors.every((c) => typeof c === 'string')) return 'the event lacks its creditors';
  const canonical = canonicalJsonBytes(value);
  if (Buffer.compare(Buffer.from(canonical), Buffer.from(leaf)) !== 0) return 'the leaf is not in canonical JSON form';
  return event as LedgerEvent;
}
