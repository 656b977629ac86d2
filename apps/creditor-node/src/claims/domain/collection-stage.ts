import { isOneOf } from '#contracts';

/** How far collection of a claim has gone; the values mirror the subgraph enum in lower case. */
export const CollectionStage = {
  /** The first bill or tax assessment (aanslag). */
  INVOICE: 'invoice',
  /** A reminder (herinnering). */
  REMINDER: 'reminder',
  /** A formal demand (aanmaning). */
  FORMAL_DEMAND: 'formal_demand',
  /** An enforcement writ (dwangbevel) or judgment. */
  WRIT: 'writ',
} as const;
export type CollectionStage = (typeof CollectionStage)[keyof typeof CollectionStage];
export const COLLECTION_STAGES: readonly CollectionStage[] = Object.values(CollectionStage);

export function isCollectionStage(value: unknown): value is CollectionStage {
  return isOneOf(COLLECTION_STAGES, value);
}
