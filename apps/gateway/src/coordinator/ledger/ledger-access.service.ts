import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import { AuthErrorCode, LedgerErrorCode, PlatformRole } from '#contracts';
import { toBase64, type PartyOpening } from '#consent';
import { CoordinatorError } from '../common/coordinator-error.js';
import { PG_POOL } from '../database/database.module.js';
import type { Caller } from '../identity/caller.js';
import { creditorParty, personParty } from './ledger-parties.js';
import { LedgerRequestError } from './ledger-request.js';

/** An entry as a reader may see it: the leaf, plus the openings of the commitments they may open. */
export interface VisibleEntry {
  readonly index: number;
  readonly leaf: Uint8Array;
  readonly openings: readonly PartyOpening[];
}

/**
 * Who reads which entries (LEDGER.md): auditors all of them, every other party only the entries about
 * itself. A creditor gets only its own commitment's opening, so it can prove it is covered without
 * learning which other creditors the resident has.
 */
@Injectable()
export class LedgerAccess {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  async entries(caller: Caller, start: number, end: number): Promise<VisibleEntry[]> {
    const scope = this.scopeOf(caller);
    const { rows } = await this.pool.query<{ idx: string; leaf: Buffer; openings: PartyOpening[] }>({
      name: `ledger-visible-entries-${scope.kind}`,
      text:
        scope.kind === 'all'
          ? `SELECT e.idx, e.leaf, ${OPENINGS} FROM ledger_entries e WHERE e.idx >= $1 AND e.idx < $2 ORDER BY e.idx`
          : `SELECT e.idx, e.leaf, ${OPENINGS} FROM ledger_entry_parties p JOIN ledger_entries e ON e.idx = p.idx
             WHERE p.party = $4 AND p.idx >= $1 AND p.idx < $2 ORDER BY e.idx`,
      values: scope.kind === 'all' ? [start, end, null] : [start, end, scope.onlyCreditor, scope.party],
    });
    return rows.map((row) => ({ index: Number(row.idx), leaf: new Uint8Array(row.leaf), openings: row.openings }));
  }

  /** One entry the caller may see, or LEDGER_ENTRY_NOT_FOUND (also when it exists but is not theirs). */
  async entry(caller: Caller, index: number): Promise<VisibleEntry> {
    const [entry] = await this.entries(caller, index, index + 1);
    if (!entry) throw new LedgerRequestError(LedgerErrorCode.LEDGER_ENTRY_NOT_FOUND, `There is no entry ${index} that you may see.`);
    return entry;
  }

  private scopeOf(caller: Caller): { readonly kind: 'all' } | { readonly kind: 'party'; readonly party: string; readonly onlyCreditor: string | null } {
    switch (caller.kind) {
      case 'anonymous':
        throw new CoordinatorError(AuthErrorCode.UNAUTHENTICATED, 'Reading ledger entries needs an auditor or party credential.');
      case 'creditor':
        return { kind: 'party', party: creditorParty(caller.creditorId), onlyCreditor: caller.creditorId };
      case 'person':
        return caller.roles.has(PlatformRole.AUDITOR) ? { kind: 'all' } : { kind: 'party', party: personParty(caller.personId), onlyCreditor: null };
    }
  }
}

// $3 limits the openings to one creditor (a node reading); NULL means all of the entry's openings.
const OPENINGS = `COALESCE((SELECT json_agg(json_build_object('creditorId', o.creditor_id, 'nonce', o.nonce) ORDER BY o.creditor_id)
  FROM ledger_entry_openings o WHERE o.idx = e.idx AND ($3::text IS NULL OR o.creditor_id = $3)), '[]') AS openings`;

/** The JSON shape of an entry on the wire: base64 leaf (LEDGER.md), openings beside it. */
export function entryJson(entry: VisibleEntry): { index: number; leaf: string; openings: readonly PartyOpening[] } {
  return { index: entry.index, leaf: toBase64(entry.leaf), openings: entry.openings };
}
