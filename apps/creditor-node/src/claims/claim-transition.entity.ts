import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { ClaimEvent } from './domain/claim-lifecycle.js';
import type { ClaimStatus } from './domain/claim-status.js';

/** One step in a claim's life, with why and by whom. Never updated or deleted. */
@Entity({ name: 'claim_transitions' })
export class ClaimTransitionEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  id!: string;

  @Column({ name: 'claim_id', type: 'uuid' })
  claimId!: string;

  @Column({ name: 'from_status', type: 'text', nullable: true })
  fromStatus!: ClaimStatus | null;

  @Column({ name: 'to_status', type: 'text' })
  toStatus!: ClaimStatus;

  /** Null only for the first entry, when the claim was imported. */
  @Column({ type: 'text', nullable: true })
  event!: ClaimEvent | null;

  @Column({ type: 'text' })
  reason!: string;

  @Column({ type: 'text' })
  actor!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  at!: Date;
}
