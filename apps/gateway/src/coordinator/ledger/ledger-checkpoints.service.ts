import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type { JSONWebKeySet } from 'jose';
import { LedgerCheckpointStore, LedgerSigningKeyStore, type StoredCheckpoint } from '#consent';
import { Clock } from '#service-kit';
import type { CoordinatorConfig } from '../config/coordinator-config.js';
import { COORDINATOR_CONFIG } from '../config/coordinator-config.token.js';

/**
 * Signed tree heads on a schedule (CHECKPOINT_INTERVAL_SECONDS), plus on demand when a receipt needs
 * one that covers a fresh entry. At boot the configured key becomes the active one; the key it
 * replaces stays published as retired, so every checkpoint ever signed stays verifiable.
 */
@Injectable()
export class LedgerCheckpoints implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('LedgerCheckpoints');
  private timer: NodeJS.Timeout | undefined;

  constructor(
    @Inject(COORDINATOR_CONFIG) private readonly config: CoordinatorConfig,
    private readonly checkpoints: LedgerCheckpointStore,
    private readonly keys: LedgerSigningKeyStore,
    private readonly clock: Clock,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const key = this.config.ledgerSigningKey;
    await this.keys.activate({ keyId: key.keyId, publicJwk: key.publicJwk, now: this.clock.now() });
    await this.checkpointNow();
    this.timer = setInterval(() => {
      this.checkpointNow().catch((error: unknown) => this.logger.error(`Could not sign a checkpoint: ${String(error)}`));
    }, this.config.checkpointIntervalSeconds * 1000);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }

  checkpointNow(): Promise<StoredCheckpoint> {
    const key = this.config.ledgerSigningKey;
    return this.checkpoints.checkpointNow({ origin: this.config.ledgerOrigin, privateKey: key.privateKey, keyId: key.keyId, now: this.clock.now() });
  }

  async latest(): Promise<StoredCheckpoint> {
    return (await this.checkpoints.latest()) ?? this.checkpointNow();
  }

  /** The oldest checkpoint that includes the first `treeSize` entries; signs one if none does yet. */
  async covering(treeSize: number): Promise<StoredCheckpoint> {
    return (await this.checkpoints.covering(treeSize)) ?? this.checkpointNow();
  }

  async publishedKeys(): Promise<JSONWebKeySet> {
    return this.keys.publishedKeySet();
  }
}
