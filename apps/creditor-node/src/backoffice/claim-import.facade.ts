import { Injectable } from '@nestjs/common';
import type { Cents } from '#contracts';
import { Clock, dutchDate } from '#service-kit';
import { ClaimImportService, type ClaimImportOutcome } from '../claims/claim-import.service.js';
import { GRAPHQL_FIELD_LABELS, type ClaimFieldLabels } from '../claims/import/claim-import-row.js';
import { CSV_FIELD_LABELS } from '../claims/import/claim-csv-columns.js';
import { parseClaimCsv } from '../claims/import/parse-claim-csv.js';
import { validateClaimRows } from '../claims/import/validate-claim-rows.js';
import type { StaffMember } from './staff-member.js';

/** A row as the GraphQL mutation receives it (money and dates already parsed by their scalars). */
export interface ClaimRowInput {
  readonly claimReference: string;
  readonly customerReference: string;
  readonly customerPostcode: string;
  readonly customerBirthDate?: string | null;
  readonly description: string;
  readonly principal: Cents;
  readonly interest?: Cents | null;
  readonly costs?: Cents | null;
  readonly issuedOn: string;
  readonly dueOn: string;
  readonly stage: string;
  readonly preferential: boolean;
}

export const MAX_IMPORT_ROWS = 10_000;

/** Errors name the fields as ClaimRowInput does: its amounts are `principal`, `interest`, `costs`. */
const MUTATION_FIELD_LABELS: ClaimFieldLabels = {
  ...GRAPHQL_FIELD_LABELS,
  principalCents: 'principal',
  interestCents: 'interest',
  costsCents: 'costs',
};


/**
 * The two ways in (GraphQL rows, CSV file) share one validation and one writer, so a claim is
 * judged the same however it arrives.
 */
@Injectable()
export class ClaimImportFacade {
  constructor(
    private readonly writer: ClaimImportService,
    private readonly clock: Clock,
  ) {}

  async importRows(rows: readonly ClaimRowInput[], staff: StaffMember): Promise<ClaimImportOutcome> {
    const numbered = rows.map((row, index) => ({
      row: index + 1,
      input: {
        claimReference: row.claimReference,
        customerReference: row.customerReference,
        customerPostcode: row.customerPostcode,
        customerBirthDate: row.customerBirthDate ?? undefined,
        description: row.description,
        principalCents: String(row.principal),
        interestCents: row.interest === undefined || row.interest === null ? undefined : String(row.interest),
        costsCents: row.costs === undefined || row.costs === null ? undefined : String(row.costs),
        issuedOn: row.issuedOn,
        dueOn: row.dueOn,
        stage: row.stage,
        preferential: row.preferential,
      },
    }));
    const validated = validateClaimRows({
      rows: numbered,
      today: dutchDate(this.clock.now()),
      maxRows: MAX_IMPORT_ROWS,
      fieldLabels: MUTATION_FIELD_LABELS,
    });
    if (!validated.ok) return { ok: false, errors: validated.errors };
    return this.writer.apply({
      rows: validated.rows,
      source: 'graphql',
      actor: staff.subject,
      fileName: null,
      contentSha256: ClaimImportService.fingerprint(JSON.stringify(rows)),
      fieldLabels: MUTATION_FIELD_LABELS,
    });
  }

  async importCsv(bytes: Uint8Array, fileName: string | null, staff: StaffMember): Promise<ClaimImportOutcome> {
    const parsed = parseClaimCsv({ bytes, today: dutchDate(this.clock.now()), maxRows: MAX_IMPORT_ROWS });
    if (!parsed.ok) return { ok: false, errors: parsed.errors };
    return this.writer.apply({
      rows: parsed.rows,
      source: 'csv',
      actor: staff.subject,
      fileName,
      contentSha256: ClaimImportService.fingerprint(bytes),
      fieldLabels: CSV_FIELD_LABELS,
    });
  }
}
