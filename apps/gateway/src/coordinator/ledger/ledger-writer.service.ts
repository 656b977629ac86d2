import { Injectable } from '@nestjs/common';
import type { PoolClient } from 'pg';
import { LedgerAppender, ledgerEventLeaf, type LedgerEvent, type PartyOpening } from '#consent';

/** What a change hands the ledger: its event, the openings of its commitments, and who it concerns. */
export interface EventToRecord<T> {
  readonly event: LedgerEvent;
  readonly openings: readonly PartyOpening[];
  readonly parties: readonly string[];
  readonly result: T;
}

/** Thrown inside a change by `nothingToRecord()`: the transaction rolls back and `recordIfDue` answers null. */
class NothingToRecord extends Error {}

/** Inside a `recordIfDue` change: there is nothing to record after all (a repeat, a state not reached yet). */
export function nothingToRecord(): never {
  throw new NothingToRecord();
}

/**
 * Writes a state change and its ledger event as ONE transaction: the change (e.g. a consent marked
 * withdrawn), the leaf, and the side index (record, parties, openings) commit together or not at all.
 * The promise resolves only after COMMIT, so an acknowledged change is durable and in the ledger.
 */
@Injectable()
export class LedgerWriter {
  constructor(private readonly appender: LedgerAppender) {}

  async record<T>(change: (tx: PoolClient, index: number) => Promise<EventToRecord<T>>): Promise<{ readonly index: number; readonly result: T }> {
    const appended = await this.appender.appendAtomically(async (tx, index) => {
      const { event, openings, parties, result } = await change(tx, index);
      await tx.query({
        name: 'ledger-record-entry',
        text: 'INSERT INTO ledger_record_entries (record_id, idx, kind) VALUES ($1, $2, $3)',
        values: [event.recordId, index, event.kind],
      });
      await tx.query({
        name: 'ledger-entry-parties',
        text: 'INSERT INTO ledger_entry_parties (party, idx) SELECT DISTINCT unnest($1::text[]), $2::bigint',
        values: [parties, index],
      });
      if (openings.length > 0) {
        await tx.query({
          name: 'ledger-entry-openings',
          text: 'INSERT INTO ledger_entry_openings (idx, creditor_id, nonce) SELECT $1::bigint, * FROM unnest($2::text[], $3::text[])',
          values: [index, openings.map((o) => o.creditorId), openings.map((o) => o.nonce)],
        });
      }
      return { leaf: ledgerEventLeaf(event), result };
    });
    return { index: appended.index, result: appended.result };
  }

  /** Like `record`, for a change that may find nothing to do (it calls `nothingToRecord()`): then null, and nothing written. */
  async recordIfDue<T>(change: (tx: PoolClient, index: number) => Promise<EventToRecord<T>>): Promise<{ readonly index: number; readonly result: T } | null> {
    try {
      return await this.record(change);
    } catch (error) {
      if (error instanceof NothingToRecord) return null;
      throw error;
    }
  }
}
