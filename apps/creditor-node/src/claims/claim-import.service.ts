import { createHash } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { ClaimImportSource } from './claim-import.entity.js';
import { CLAIM_RECORD_COLUMNS, toClaimRecord, type ClaimRecord, type ClaimRecordRow } from './claim-record.js';
import { areAmountsEditable } from './domain/claim-lifecycle.js';
import type {
  ClaimFieldLabels,
  ClaimImportRow,
  ImportRowError,
  NumberedClaimImportRow as NumberedClaimRow,
} from './import/claim-import-row.js';

/** Problems that only the stored claims can reveal, on top of the row validation's codes. */
export const StoredClaimConflict = {
  /** The claim is in a proposal or plan: its amounts are frozen. */
  CLAIM_LOCKED: 'CLAIM_LOCKED',
  /** The claim already belongs to another customer; a claim never moves between customers. */
  CLAIM_CUSTOMER_CHANGED: 'CLAIM_CUSTOMER_CHANGED',
} as const;
export type StoredClaimConflict = (typeof StoredClaimConflict)[keyof typeof StoredClaimConflict];

export type ClaimImportError = Omit<ImportRowError, 'code'> & { readonly code: ImportRowError['code'] | StoredClaimConflict };

export type ClaimImportOutcome =
  | { readonly ok: true; readonly importId: string; readonly created: number; readonly updated: number; readonly unchanged: number }
  | { readonly ok: false; readonly errors: readonly ClaimImportError[] };

interface StoredClaim extends ClaimRecordRow {
  id: string;
  customer_reference: string;
  revision: number;
}

/** A stored claim with its parsed record. */
interface Existing {
  readonly stored: StoredClaim;
  readonly record: ClaimRecord;
}

/** The claim fields an import sets, in the shape stored in the audit trail. */
function auditShape(claim: ClaimImportRow): Record<string, unknown> {
  return {
    customerReference: claim.customerReference,
    description: claim.description,
    principalCents: claim.principalCents,
    interestCents: claim.interestCents,
    costsCents: claim.costsCents,
    issuedOn: claim.issuedOn,
    dueOn: claim.dueOn,
    stage: claim.stage,
    preferential: claim.preferential,
  };
}

function storedShape({ stored, record }: Existing): Record<string, unknown> {
  return {
    customerReference: stored.customer_reference,
    description: record.description,
    principalCents: record.principalCents,
    interestCents: record.interestCents,
    costsCents: record.costsCents,
    issuedOn: record.issuedOn,
    dueOn: record.dueOn,
    stage: record.stage,
    preferential: record.preferential,
  };
}

function sameContent(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  return Object.keys(a).every((key) => a[key] === b[key]);
}

function amountsDiffer(record: ClaimRecord, claim: ClaimImportRow): boolean {
  return (
    record.principalCents !== claim.principalCents ||
    record.interestCents !== claim.interestCents ||
    record.costsCents !== claim.costsCents
  );
}

const MAX_ATTEMPTS = 3;
// 40001 serialization_failure, 40P01 deadlock, 23505 unique_violation: another import won a race.
const RETRYABLE = new Set(['40001', '40P01', '23505']);

/**
 * Writes validated claim rows: all or nothing, in one serializable transaction. A claim id seen
 * before is updated only if something changed, and every creation and change is kept in the audit
 * trail (claim_revisions) under the import's id. Re-running the same import changes nothing.
 */
@Injectable()
export class ClaimImportService {
  private readonly logger = new Logger(ClaimImportService.name);

  constructor(private readonly db: DataSource) {}

  static fingerprint(content: Uint8Array | string): string {
    return createHash('sha256').update(content).digest('hex');
  }

  async apply(params: {
    readonly rows: readonly NumberedClaimRow[];
    readonly source: ClaimImportSource;
    readonly actor: string;
    readonly fileName: string | null;
    readonly contentSha256: string;
    /** How the caller names fields in errors: CSV column names or GraphQL field names. */
    readonly fieldLabels: ClaimFieldLabels;
  }): Promise<ClaimImportOutcome> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await this.db.transaction('SERIALIZABLE', (tx) => this.applyInTransaction(tx, params));
      } catch (error) {
        const code = (error as { code?: unknown }).code;
        if (attempt < MAX_ATTEMPTS && typeof code === 'string' && RETRYABLE.has(code)) {
          this.logger.warn(`Import collided with another write (${code}); trying again (${attempt}/${MAX_ATTEMPTS}).`);
          continue;
        }
        throw error;
      }
    }
  }

  private async applyInTransaction(
    tx: EntityManager,
    params: Parameters<ClaimImportService['apply']>[0],
  ): Promise<ClaimImportOutcome> {
    const references = params.rows.map((r) => r.claim.claimReference);
    const stored = await tx.query<StoredClaim[]>(
      `SELECT c.id, cu.reference AS customer_reference, c.revision, ${CLAIM_RECORD_COLUMNS}
         FROM claims c JOIN customers cu ON cu.id = c.customer_id
        WHERE c.reference = ANY($1::text[])
        FOR UPDATE OF c`,
      [references],
    );
    // Each stored claim is parsed once; comparisons below use the parsed record.
    const storedByReference = new Map<string, Existing>(stored.map((s) => [s.reference, { stored: s, record: toClaimRecord(s) }]));

    const errors: ClaimImportError[] = [];
    const creates: NumberedClaimRow[] = [];
    const updates: { row: NumberedClaimRow; existing: Existing }[] = [];
    let unchanged = 0;
    for (const row of params.rows) {
      const existing = storedByReference.get(row.claim.claimReference);
      if (existing === undefined) {
        creates.push(row);
      } else if (existing.stored.customer_reference !== row.claim.customerReference) {
        errors.push({
          row: row.row,
          field: params.fieldLabels.customerReference,
          code: StoredClaimConflict.CLAIM_CUSTOMER_CHANGED,
          message: `Claim ${row.claim.claimReference} belongs to customer ${existing.stored.customer_reference}, not ${row.claim.customerReference}; a claim cannot move to another customer.`,
        });
      } else if (sameContent(auditShape(row.claim), storedShape(existing))) {
        unchanged += 1;
      } else if (amountsDiffer(existing.record, row.claim) && !areAmountsEditable(existing.record.status)) {
        errors.push({
          row: row.row,
          field: params.fieldLabels.principalCents,
          code: StoredClaimConflict.CLAIM_LOCKED,
          message: `Claim ${row.claim.claimReference} is ${existing.record.status}: its amounts are frozen by a payment plan proposal.`,
        });
      } else {
        updates.push({ row, existing });
      }
    }
    if (errors.length > 0) return { ok: false, errors };

    const customerIds = await this.upsertCustomers(tx, params.rows);
    const [batch] = await tx.query<{ id: string }[]>(
      `INSERT INTO claim_imports (source, actor, file_name, content_sha256, row_count, created, updated, unchanged)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
      [params.source, params.actor, params.fileName, params.contentSha256, params.rows.length, creates.length, updates.length, unchanged],
    );
    if (!batch) throw new Error('claim_imports insert returned no id');

    for (const { claim } of creates) {
      const [inserted] = await tx.query<{ id: string }[]>(
        `INSERT INTO claims (reference, customer_id, description, principal_cents, interest_cents, costs_cents,
                             issued_on, due_on, stage, preferential, status, revision)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'open', 1) RETURNING id`,
        [
          claim.claimReference,
          customerIds.get(claim.customerReference),
          claim.description,
          claim.principalCents,
          claim.interestCents,
          claim.costsCents,
          claim.issuedOn,
          claim.dueOn,
          claim.stage,
          claim.preferential,
        ],
      );
      if (!inserted) throw new Error('claims insert returned no id');
      await tx.query(
        `INSERT INTO claim_transitions (claim_id, from_status, to_status, event, reason, actor)
         VALUES ($1, NULL, 'open', NULL, $2, $3)`,
        [inserted.id, `imported (${params.source})`, params.actor],
      );
      await tx.query(
        `INSERT INTO claim_revisions (claim_id, import_id, revision, change, before, after) VALUES ($1, $2, 1, 'created', NULL, $3)`,
        [inserted.id, batch.id, auditShape(claim)],
      );
    }
    for (const { row, existing: before } of updates) {
      const claim = row.claim;
      await tx.query(
        `UPDATE claims SET description = $2, principal_cents = $3, interest_cents = $4, costs_cents = $5,
                issued_on = $6, due_on = $7, stage = $8, preferential = $9, revision = revision + 1, updated_at = now()
          WHERE id = $1`,
        [before.stored.id, claim.description, claim.principalCents, claim.interestCents, claim.costsCents, claim.issuedOn, claim.dueOn, claim.stage, claim.preferential],
      );
      await tx.query(
        `INSERT INTO claim_revisions (claim_id, import_id, revision, change, before, after) VALUES ($1, $2, $3, 'updated', $4, $5)`,
        [before.stored.id, batch.id, before.stored.revision + 1, storedShape(before), auditShape(claim)],
      );
    }
    return { ok: true, importId: batch.id, created: creates.length, updated: updates.length, unchanged };
  }

  /** Creates unknown customers and refreshes the verification attributes of known ones. */
  private async upsertCustomers(tx: EntityManager, rows: readonly NumberedClaimRow[]): Promise<Map<string, string>> {
    const byReference = new Map(rows.map((r) => [r.claim.customerReference, r.claim]));
    const ids = new Map<string, string>();
    for (const [reference, claim] of byReference) {
      const [customer] = await tx.query<{ id: string }[]>(
        `INSERT INTO customers (reference, postcode, birth_date) VALUES ($1, $2, $3)
         ON CONFLICT (reference) DO UPDATE SET postcode = EXCLUDED.postcode, birth_date = EXCLUDED.birth_date,
           updated_at = CASE WHEN (customers.postcode, customers.birth_date) IS DISTINCT FROM (EXCLUDED.postcode, EXCLUDED.birth_date)
                             THEN now() ELSE customers.updated_at END
         RETURNING id`,
        [reference, claim.customerPostcode, claim.customerBirthDate],
      );
      if (!customer) throw new Error('customer upsert returned no id');
      ids.set(reference, customer.id);
    }
    return ids;
  }
}
