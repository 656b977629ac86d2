import { Inject, Injectable } from '@nestjs/common';
import type { Pool, PoolClient } from 'pg';
import type { ConsentPurpose, DataCategory } from '#contracts';
import type { ConsentState } from '#consent';
import { PG_POOL } from '../database/database.module.js';

/** A consent as the API shows it, with the ledger entries that record its life. */
export interface ConsentView {
  readonly id: string;
  readonly residentId: string;
  readonly givenByRole: 'resident' | 'counsellor';
  readonly purpose: ConsentPurpose;
  readonly creditorIds: readonly string[];
  readonly categories: readonly DataCategory[];
  readonly validFrom: Date;
  readonly validUntil: Date;
  readonly textVersion: string;
  readonly textHash: string;
  readonly state: ConsentState;
  readonly endedAt: Date | null;
  readonly ledgerEntries: readonly { readonly index: number; readonly kind: string }[];
}

export interface ConsentRow {
  id: string;
  resident_id: string;
  given_by_role: 'resident' | 'counsellor';
  purpose: ConsentPurpose;
  creditor_ids: string[];
  categories: DataCategory[];
  valid_from: Date;
  valid_until: Date;
  text_version: string;
  text_hash: string;
  state: ConsentState;
  ended_at: Date | null;
}

interface ConsentRowWithEntries extends ConsentRow {
  entries: { index: number; kind: string }[];
}

const COLUMNS = `c.id, c.resident_id, c.given_by_role, c.purpose, c.creditor_ids, c.categories, c.valid_from, c.valid_until,
  c.text_version, c.text_hash, c.state, c.ended_at`;
const ENTRIES = `COALESCE((SELECT json_agg(json_build_object('index', e.idx, 'kind', e.kind) ORDER BY e.idx)
  FROM ledger_record_entries e WHERE e.record_id = c.id), '[]') AS entries`;

@Injectable()
export class ConsentRepository {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  async ofResident(residentId: string, now: Date): Promise<ConsentView[]> {
    const { rows } = await this.pool.query<ConsentRowWithEntries>({
      name: 'consents-of-resident',
      text: `SELECT ${COLUMNS}, ${ENTRIES} FROM consents c WHERE c.resident_id = $1 ORDER BY c.valid_from DESC, c.id`,
      values: [residentId],
    });
    return rows.map((row) => viewOf(row, now));
  }

  async byId(id: string, now: Date): Promise<ConsentView | null> {
    const { rows } = await this.pool.query<ConsentRowWithEntries>({
      name: 'consent-by-id',
      text: `SELECT ${COLUMNS}, ${ENTRIES} FROM consents c WHERE c.id = $1`,
      values: [id],
    });
    return rows[0] ? viewOf(rows[0], now) : null;
  }

  async dueForExpiry(now: Date, limit: number): Promise<string[]> {
    const { rows } = await this.pool.query<{ id: string }>({
      name: 'consents-due-for-expiry',
      text: `SELECT id FROM consents WHERE state = 'given' AND valid_until <= $1 ORDER BY valid_until LIMIT $2`,
      values: [now, limit],
    });
    return rows.map((r) => r.id);
  }

  async lockForChange(tx: PoolClient, id: string): Promise<ConsentRow | null> {
    const { rows } = await tx.query<ConsentRow>({
      name: 'consent-lock',
      text: `SELECT ${COLUMNS} FROM consents c WHERE c.id = $1 FOR UPDATE`,
      values: [id],
    });
    return rows[0] ?? null;
  }
}

/** A given consent past its end date is expired from that instant, even before the sweep records it. */
function viewOf(row: ConsentRowWithEntries, now: Date): ConsentView {
  const state: ConsentState = row.state === 'given' && row.valid_until.getTime() <= now.getTime() ? 'expired' : row.state;
  return {
    id: row.id,
    residentId: row.resident_id,
    givenByRole: row.given_by_role,
    purpose: row.purpose,
    creditorIds: row.creditor_ids,
    categories: row.categories,
    validFrom: row.valid_from,
    validUntil: row.valid_until,
    textVersion: row.text_version,
    textHash: row.text_hash,
    state,
    endedAt: row.ended_at,
    ledgerEntries: row.entries,
  };
}
