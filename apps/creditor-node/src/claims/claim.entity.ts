import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { Cents } from '#contracts';
import { centsTransformer } from '../database/cents.transformer.js';
import type { ClaimStatus } from './domain/claim-status.js';
import type { CollectionStage } from './domain/collection-stage.js';

/** One amount a customer owes this creditor. Amounts are bigint cents; the database checks them too. */
@Entity({ name: 'claims' })
export class ClaimEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** The creditor's own claim id; globally the claim is `<creditorId>:<reference>`. */
  @Column({ type: 'text', unique: true })
  reference!: string;

  @Column({ name: 'customer_id', type: 'uuid' })
  customerId!: string;

  @Column({ type: 'text' })
  description!: string;

  @Column({ name: 'principal_cents', type: 'bigint', transformer: centsTransformer })
  principalCents!: Cents;

  @Column({ name: 'interest_cents', type: 'bigint', transformer: centsTransformer })
  interestCents!: Cents;

  @Column({ name: 'costs_cents', type: 'bigint', transformer: centsTransformer })
  costsCents!: Cents;

  @Column({ name: 'issued_on', type: 'date' })
  issuedOn!: string;

  @Column({ name: 'due_on', type: 'date' })
  dueOn!: string;

  @Column({ type: 'text' })
  stage!: CollectionStage;

  @Column({ type: 'boolean' })
  preferential!: boolean;

  @Column({ type: 'text' })
  status!: ClaimStatus;

  /** Goes up by one on every change, so an audit trail and optimistic checks can refer to it. */
  @Column({ type: 'integer' })
  revision!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
