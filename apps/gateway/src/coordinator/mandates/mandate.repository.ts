import { Inject, Injectable } from '@nestjs/common';
import type { Pool, PoolClient } from 'pg';
import type { ConsentState } from '#consent';
import { PG_POOL } from '../database/database.module.js';

export interface MandateView {
  readonly id: string;
  readonly residentId: string;
  readonly counsellorId: string;
  /** From the invitation the mandate was given with; null when it was given by the counsellor's id. */
  readonly counsellorName: string | null;
  readonly validFrom: Date;
  readonly validUntil: Date;
  readonly textVersion: string;
  readonly textHash: string;
  readonly state: ConsentState;
  readonly endedAt: Date | null;
  readonly ledgerEntries: readonly { readonly index: number; readonly kind: string }[];
}

export interface MandateRow {
  id: string;
  resident_id: string;
  counsellor_id: string;
  valid_from: Date;
  valid_until: Date;
  text_version: string;
  text_hash: string;
  state: ConsentState;
  ended_at: Date | null;
  counsellor_name: string | null;
}

const COLUMNS = `m.id, m.resident_id, m.counsellor_id, m.valid_from, m.valid_until, m.text_version, m.text_hash, m.state, m.ended_at,
  (SELECT i.counsellor_name FROM mandate_invitations i WHERE i.mandate_id = m.id) AS counsellor_name`;
const ENTRIES = `COALESCE((SELECT json_agg(json_build_object('index', e.idx, 'kind', e.kind) ORDER BY e.idx)
  FROM ledger_record_entries e WHERE e.record_id = m.id), '[]') AS entries`;

@Injectable()
export class MandateRepository {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  /** Mandates the person gave (as a resident) or received (as a counsellor). */
  async ofPerson(personId: string, now: Date): Promise<MandateView[]> {
    const { rows } = await this.pool.query<MandateRow & { entries: MandateView['ledgerEntries'] }>({
      name: 'mandates-of-person',
      text: `SELECT ${COLUMNS}, ${ENTRIES} FROM mandates m WHERE m.resident_id = $1 OR m.counsellor_id = $1
             ORDER BY m.valid_from DESC, m.id`,
      values: [personId],
    });
    return rows.map((row) => viewOf(row, now));
  }

  async byId(id: string, now: Date): Promise<MandateView | null> {
    const { rows } = await this.pool.query<MandateRow & { entries: MandateView['ledgerEntries'] }>({
      name: 'mandate-by-id',
      text: `SELECT ${COLUMNS}, ${ENTRIES} FROM mandates m WHERE m.id = $1`,
      values: [id],
    });
    return rows[0] ? viewOf(rows[0], now) : null;
  }

  /** Residents whose mandate to this counsellor is in force now. */
  async mandatingResidents(counsellorId: string, now: Date): Promise<string[]> {
    const { rows } = await this.pool.query<{ resident_id: string }>({
      name: 'mandating-residents',
      text: `SELECT DISTINCT resident_id FROM mandates
             WHERE counsellor_id = $1 AND state = 'given' AND valid_from <= $2 AND valid_until > $2 ORDER BY resident_id`,
      values: [counsellorId, now],
    });
    return rows.map((r) => r.resident_id);
  }

  async isCounsellor(personId: string): Promise<boolean> {
    const { rows } = await this.pool.query({ name: 'is-counsellor', text: 'SELECT 1 FROM counsellors WHERE person_id = $1', values: [personId] });
    return rows.length > 0;
  }

  async dueForExpiry(now: Date, limit: number): Promise<string[]> {
    const { rows } = await this.pool.query<{ id: string }>({
      name: 'mandates-due-for-expiry',
      text: `SELECT id FROM mandates WHERE state = 'given' AND valid_until <= $1 ORDER BY valid_until LIMIT $2`,
      values: [now, limit],
    });
    return rows.map((r) => r.id);
  }

  async lockForChange(tx: PoolClient, id: string): Promise<MandateRow | null> {
    const { rows } = await tx.query<MandateRow>({
      name: 'mandate-lock',
      text: `SELECT ${COLUMNS} FROM mandates m WHERE m.id = $1 FOR UPDATE`,
      values: [id],
    });
    return rows[0] ?? null;
  }
}

function viewOf(row: MandateRow & { entries: MandateView['ledgerEntries'] }, now: Date): MandateView {
  const state: ConsentState = row.state === 'given' && row.valid_until.getTime() <= now.getTime() ? 'expired' : row.state;
  return {
    id: row.id,
    residentId: row.resident_id,
    counsellorId: row.counsellor_id,
    counsellorName: row.counsellor_name,
    validFrom: row.valid_from,
    validUntil: row.valid_until,
    textVersion: row.text_version,
    textHash: row.text_hash,
    state,
    endedAt: row.ended_at,
    ledgerEntries: row.entries,
  };
}
