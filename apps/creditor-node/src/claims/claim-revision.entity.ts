import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** The audit trail of imports: what a claim looked like before and after an import changed it. */
@Entity({ name: 'claim_revisions' })
export class ClaimRevisionEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  id!: string;

  @Column({ name: 'claim_id', type: 'uuid' })
  claimId!: string;

  @Column({ name: 'import_id', type: 'uuid' })
  importId!: string;

  @Column({ type: 'integer' })
  revision!: number;

  @Column({ type: 'text' })
  change!: 'created' | 'updated';

  @Column({ type: 'jsonb', nullable: true })
  before!: Record<string, unknown> | null;

  @Column({ type: 'jsonb' })
  after!: Record<string, unknown>;

  @CreateDateColumn({ type: 'timestamptz' })
  at!: Date;
}
