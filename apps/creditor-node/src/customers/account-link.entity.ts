import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * Links this node's pairwise pseudonym for a resident to one of the creditor's customers. The node
 * never learns the resident's platform id; one resident may hold several customer accounts here.
 */
@Entity({ name: 'account_links' })
export class AccountLinkEntity {
  @PrimaryColumn({ type: 'text' })
  pseudonym!: string;

  @PrimaryColumn({ name: 'customer_id', type: 'uuid' })
  customerId!: string;

  @CreateDateColumn({ name: 'linked_at', type: 'timestamptz' })
  linkedAt!: Date;

  @Column({ name: 'consent_id', type: 'text', nullable: true })
  consentId!: string | null;
}
