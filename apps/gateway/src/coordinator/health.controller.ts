import { Controller, Get } from '@nestjs/common';
import { LedgerReader } from '#consent';

/** Liveness and readiness: ready means the database answers and the ledger head is readable. */
@Controller('health')
export class HealthController {
  constructor(private readonly ledger: LedgerReader) {}

  @Get('live')
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  async ready(): Promise<{ status: 'ok'; treeSize: number }> {
    return { status: 'ok', treeSize: (await this.ledger.head()).treeSize };
  }
}
