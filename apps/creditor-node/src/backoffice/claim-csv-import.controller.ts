import { Controller, Headers, HttpCode, Post, Req, UnprocessableEntityException, UnsupportedMediaTypeException, UseGuards } from '@nestjs/common';
import type { Request } from 'express';
import { ClaimErrorCode } from '#contracts';
import { ClaimImportFacade } from './claim-import.facade.js';
import { CurrentStaff, StaffAuthGuard } from './staff-auth.guard.js';
import type { StaffMember } from './staff-member.js';

export const MAX_CSV_BYTES = 5 * 1024 * 1024;

/**
 * CSV upload: `POST /backoffice/claims/import` with the file as the body (`Content-Type: text/csv`).
 * 200 with the counts, or 422 with every problem per row; a rejected file changes nothing.
 */
@Controller('backoffice/claims')
@UseGuards(StaffAuthGuard)
export class ClaimCsvImportController {
  constructor(private readonly imports: ClaimImportFacade) {}

  @Post('import')
  @HttpCode(200)
  async importCsv(
    @Req() req: Request,
    @Headers('x-file-name') fileName: string | undefined,
    @CurrentStaff() staff: StaffMember,
  ): Promise<{ importId: string; created: number; updated: number; unchanged: number }> {
    if (!Buffer.isBuffer(req.body)) {
      throw new UnsupportedMediaTypeException({
        error: { code: ClaimErrorCode.IMPORT_INVALID, message: 'Send the CSV file as the request body with Content-Type: text/csv.' },
      });
    }
    const outcome = await this.imports.importCsv(new Uint8Array(req.body), fileName?.slice(0, 200) ?? null, staff);
    if (!outcome.ok) {
      throw new UnprocessableEntityException({
        error: {
          code: ClaimErrorCode.IMPORT_INVALID,
          message: `Nothing was imported: ${outcome.errors.length} problem(s) found. Fix them and upload the file again.`,
          rows: outcome.errors,
        },
      });
    }
    const { importId, created, updated, unchanged } = outcome;
    return { importId, created, updated, unchanged };
  }
}
