import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** What this node disclosed, when, to whom (pseudonym) and under which consent. Append-only. */
@Entity({ name: 'disclosures' })
export class DisclosureEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  id!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  at!: Date;

  @Column({ name: 'consent_id', type: 'text' })
  consentId!: string;

  /** The consent token's jti. */
  @Column({ name: 'token_id', type: 'text' })
  tokenId!: string;

  @Column({ type: 'text' })
  pseudonym!: string;

  @Column({ type: 'text' })
  purpose!: string;

  @Column({ type: 'text', array: true })
  categories!: string[];

  /** The creditor's claim references that were disclosed (may be empty: "no claims" is disclosed too). */
  @Column({ name: 'claim_references', type: 'text', array: true })
  claimReferences!: string[];
}
