import { Inject, Injectable } from '@nestjs/common';
import { LedgerReader, issueConsentReceipt, parseLedgerEventLeaf, type ConsentReceiptFile } from '#consent';
import { Clock } from '#service-kit';
import type { CoordinatorConfig } from '../config/coordinator-config.js';
import { COORDINATOR_CONFIG } from '../config/coordinator-config.token.js';
import type { Caller } from '../identity/caller.js';
import { LedgerAccess } from './ledger-access.service.js';
import { LedgerCheckpoints } from './ledger-checkpoints.service.js';

/**
 * A receipt for one ledger entry: the event, its inclusion proof and a checkpoint that covers it,
 * signed as one file the holder keeps and anyone can check offline (`npm run -s ledger -- verify
 * --receipt <file>`). Only a party of the entry (or an auditor) can get one.
 */
@Injectable()
export class LedgerReceipts {
  constructor(
    @Inject(COORDINATOR_CONFIG) private readonly config: CoordinatorConfig,
    private readonly access: LedgerAccess,
    private readonly reader: LedgerReader,
    private readonly checkpoints: LedgerCheckpoints,
    private readonly clock: Clock,
  ) {}

  async forEntry(caller: Caller, index: number): Promise<ConsentReceiptFile> {
    const entry = await this.access.entry(caller, index);
    const event = parseLedgerEventLeaf(entry.leaf);
    if (typeof event === 'string') throw new Error(`Ledger entry ${index} is not an event: ${event}`);
    const checkpoint = await this.checkpoints.covering(index + 1);
    const inclusionProof = await this.reader.inclusionProof(index, checkpoint.treeSize);
    const key = this.config.ledgerSigningKey;
    return issueConsentReceipt({
      origin: this.config.ledgerOrigin,
      recordId: event.recordId,
      leafIndex: index,
      treeSize: checkpoint.treeSize,
      leaf: entry.leaf,
      openings: entry.openings,
      inclusionProof,
      checkpoint: checkpoint.jws,
      keys: await this.checkpoints.publishedKeys(),
      privateKey: key.privateKey,
      keyId: key.keyId,
      issuedAt: this.clock.now(),
    });
  }
}
