import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CLAIM_RECORD_COLUMNS, toClaimRecord, type ClaimRecord, type ClaimRecordRow } from '../claims/claim-record.js';
import { isCollectionPaused } from '../claims/domain/claim-lifecycle.js';
import type { ClaimStatus } from '../claims/domain/claim-status.js';
import type { CollectionStage } from '../claims/domain/collection-stage.js';

export interface ClaimSearch {
  readonly text?: string | null;
  readonly status?: ClaimStatus | null;
  readonly stage?: CollectionStage | null;
  readonly customerReference?: string | null;
}

/** A claim as staff see it: the record plus who owes it and its bookkeeping. */
export interface BackofficeClaim extends ClaimRecord {
  /** Internal row id: used to fetch the claim's history. */
  readonly id: string;
  readonly customerReference: string;
  readonly collectionPaused: boolean;
  readonly revision: number;
  readonly updatedAt: Date;
}

export interface Page<T> {
  readonly items: readonly T[];
  /** Pass as `after` to get the next page; null on the last page. */
  readonly nextCursor: string | null;
}

interface BackofficeClaimRow extends ClaimRecordRow {
  id: string;
  customer_reference: string;
  revision: number;
  updated_at: Date;
}

const MAX_PAGE = 200;

const CLAIM_SELECT = `SELECT c.id, cu.reference AS customer_reference, c.revision, c.updated_at, ${CLAIM_RECORD_COLUMNS}
    FROM claims c JOIN customers cu ON cu.id = c.customer_id`;

/** Read side of the back-office: claims, their history and the disclosure log, in keyset pages. */
@Injectable()
export class BackofficeQueries {
  constructor(private readonly db: DataSource) {}

  async claims(search: ClaimSearch, first: number, after: string | null): Promise<Page<BackofficeClaim>> {
    const limit = Math.min(Math.max(first, 1), MAX_PAGE);
    const where: string[] = [];
    const values: unknown[] = [];
    const add = (sql: string, value: unknown): void => {
      values.push(value);
      where.push(sql.replaceAll('?', `$${values.length}`));
    };
    const text = search.text?.trim();
    if (text) add('(c.reference ILIKE ? OR c.description ILIKE ?)', `%${escapeLike(text)}%`);
    if (search.status) add('c.status = ?', search.status);
    if (search.stage) add('c.stage = ?', search.stage);
    if (search.customerReference) add('cu.reference = ?', search.customerReference);
    if (after) add('c.reference > ?', after);
    values.push(limit + 1);
    const rows = await this.db.query<BackofficeClaimRow[]>(
      `${CLAIM_SELECT}
        ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY c.reference
        LIMIT $${values.length}`,
      values,
    );
    const items = rows.slice(0, limit).map(toBackofficeClaim);
    return { items, nextCursor: rows.length > limit ? (items[items.length - 1]?.reference ?? null) : null };
  }

  async claim(reference: string): Promise<BackofficeClaim | null> {
    const rows = await this.db.query<BackofficeClaimRow[]>(
      `${CLAIM_SELECT} WHERE c.reference = $1`,
      [reference],
    );
    return rows[0] === undefined ? null : toBackofficeClaim(rows[0]);
  }

  async transitions(claimId: string): Promise<readonly ClaimTransitionView[]> {
    return await this.db.query<ClaimTransitionView[]>(
      `SELECT from_status AS "from", to_status AS "to", event, reason, actor, at
         FROM claim_transitions WHERE claim_id = $1 ORDER BY id`,
      [claimId],
    );
  }

  async disclosures(filter: { pseudonym?: string | null; consentId?: string | null }, first: number, after: string | null): Promise<Page<DisclosureView>> {
    const limit = Math.min(Math.max(first, 1), MAX_PAGE);
    const where: string[] = [];
    const values: unknown[] = [];
    if (filter.pseudonym) where.push(`pseudonym = $${values.push(filter.pseudonym)}`);
    if (filter.consentId) where.push(`consent_id = $${values.push(filter.consentId)}`);
    if (after) {
      if (!/^[0-9]{1,18}$/.test(after)) return { items: [], nextCursor: null };
      where.push(`id < $${values.push(after)}`);
    }
    values.push(limit + 1);
    const rows = await this.db.query<DisclosureView[]>(
      `SELECT id::text AS id, at, consent_id AS "consentId", token_id AS "tokenId", pseudonym, purpose, categories,
              claim_references AS "claimReferences"
         FROM disclosures ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY id DESC LIMIT $${values.length}`,
      values,
    );
    const items = rows.slice(0, limit);
    return { items, nextCursor: rows.length > limit ? (items[items.length - 1]?.id ?? null) : null };
  }
}

export interface ClaimTransitionView {
  readonly from: ClaimStatus | null;
  readonly to: ClaimStatus;
  readonly event: string | null;
  readonly reason: string;
  readonly actor: string;
  readonly at: Date;
}

export interface DisclosureView {
  readonly id: string;
  readonly at: Date;
  readonly consentId: string;
  readonly tokenId: string;
  readonly pseudonym: string;
  readonly purpose: string;
  readonly categories: readonly string[];
  readonly claimReferences: readonly string[];
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function toBackofficeClaim(row: BackofficeClaimRow): BackofficeClaim {
  const record = toClaimRecord(row);
  return {
    ...record,
    id: row.id,
    customerReference: row.customer_reference,
    collectionPaused: isCollectionPaused(record.status),
    revision: row.revision,
    updatedAt: row.updated_at,
  };
}
