import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type ClaimImportSource = 'graphql' | 'csv';

/** One accepted import (a file or a mutation), with its counts; rejected imports change nothing. */
@Entity({ name: 'claim_imports' })
export class ClaimImportEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  source!: ClaimImportSource;

  /** The staff member's OpenID subject. */
  @Column({ type: 'text' })
  actor!: string;

  @Column({ name: 'file_name', type: 'text', nullable: true })
  fileName!: string | null;

  /** SHA-256 of the uploaded bytes or of the canonical mutation input. */
  @Column({ name: 'content_sha256', type: 'text' })
  contentSha256!: string;

  @Column({ name: 'row_count', type: 'integer' })
  rowCount!: number;

  @Column({ type: 'integer' })
  created!: number;

  @Column({ type: 'integer' })
  updated!: number;

  @Column({ type: 'integer' })
  unchanged!: number;

  @CreateDateColumn({ type: 'timestamptz' })
  at!: Date;
}
