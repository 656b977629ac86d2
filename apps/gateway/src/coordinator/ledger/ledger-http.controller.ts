import { Controller, Get, Headers, Param, Query, Res, UseFilters } from '@nestjs/common';
import type { Response } from 'express';
import { LedgerReader, toBase64 } from '#consent';
import { CallerAuthenticator } from '../identity/caller-authenticator.js';
import { LedgerAccess, entryJson } from './ledger-access.service.js';
import { LedgerCheckpoints } from './ledger-checkpoints.service.js';
import { LedgerHttpErrors } from './ledger-http-errors.filter.js';
import { LedgerReceipts } from './ledger-receipts.service.js';
import { consistencyRequest, entriesRange, entryIndex, inclusionRequest } from './ledger-request.js';

type QueryParams = Record<string, unknown>;

/**
 * The ledger's HTTP API exactly as LEDGER.md fixes it. Checkpoints, proofs and keys are public (they
 * reveal nothing); entries and receipts need a party or auditor credential. Errors are mapped to
 * `{ error: { code, message } }` by LedgerHttpErrors.
 */
@Controller()
@UseFilters(LedgerHttpErrors)
export class LedgerHttpController {
  constructor(
    private readonly reader: LedgerReader,
    private readonly access: LedgerAccess,
    private readonly checkpoints: LedgerCheckpoints,
    private readonly receipts: LedgerReceipts,
    private readonly callers: CallerAuthenticator,
  ) {}

  @Get('.well-known/jwks.json')
  async jwks(@Res({ passthrough: true }) res: Response): Promise<unknown> {
    res.setHeader('cache-control', 'public, max-age=300');
    return this.checkpoints.publishedKeys();
  }

  @Get('ledger/v1/checkpoint')
  async checkpoint(@Res({ passthrough: true }) res: Response): Promise<{ checkpoint: string }> {
    res.setHeader('cache-control', 'no-cache');
    return { checkpoint: (await this.checkpoints.latest()).jws };
  }

  @Get('ledger/v1/entries')
  async entries(@Query() query: QueryParams, @Headers('authorization') authorization: string | undefined): Promise<unknown> {
    const caller = await this.callers.authenticate(authorization);
    const { start, end } = entriesRange(query, (await this.reader.head()).treeSize);
    const entries = await this.access.entries(caller, start, end);
    return { entries: entries.map(entryJson) };
  }

  @Get('ledger/v1/proof/inclusion')
  async inclusion(@Query() query: QueryParams): Promise<{ leafIndex: number; treeSize: number; proof: string[] }> {
    const { index, treeSize } = inclusionRequest(query, (await this.reader.head()).treeSize);
    const proof = await this.reader.inclusionProof(index, treeSize);
    return { leafIndex: index, treeSize, proof: proof.map(toBase64) };
  }

  @Get('ledger/v1/proof/consistency')
  async consistency(@Query() query: QueryParams): Promise<{ from: number; to: number; proof: string[] }> {
    const { from, to } = consistencyRequest(query, (await this.reader.head()).treeSize);
    const proof = await this.reader.consistencyProof(from, to);
    return { from, to, proof: proof.map(toBase64) };
  }

  @Get('ledger/v1/receipts/:index')
  async receipt(
    @Param('index') indexText: string,
    @Headers('authorization') authorization: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<unknown> {
    const caller = await this.callers.authenticate(authorization);
    const index = entryIndex(indexText, (await this.reader.head()).treeSize);
    const receipt = await this.receipts.forEntry(caller, index);
    res.setHeader('content-disposition', `attachment; filename="samen-regelen-receipt-${index}.json"`);
    res.setHeader('cache-control', 'no-store');
    return receipt;
  }
}
