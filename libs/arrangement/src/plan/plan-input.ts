/** What a plan is computed from (RULES.md §2 and the `plan` command-line contract, §4). */
export type PlanMode = 'repayment' | 'settlement';

export interface PlanClaim {
  /** Unique within the plan; the stable key that breaks every tie. */
  readonly id: string;
  readonly creditorId: string;
  /** The amount owed at plan start in cents (principal, interest and costs, frozen at plan start). */
  readonly amountCents: number;
  readonly preferential: boolean;
}

export interface PlanInput {
  readonly mode: PlanMode;
  /** What the resident can pay each month, in cents (net income minus the beslagvrije voet). */
  readonly capacityCents: number;
  /** Settlement only: the term in months (default 18). */
  readonly termMonths?: number;
  /** How much more a preferential claim weighs than an ordinary one (default 2). */
  readonly preferentialWeight?: number;
  /** A claim's payment smaller than this is held and paid once it reaches it (default 0). */
  readonly minimumInstalmentCents?: number;
  readonly claims: readonly PlanClaim[];
}

export const DEFAULT_SETTLEMENT_TERM_MONTHS = 18;
export const DEFAULT_PREFERENTIAL_WEIGHT = 2;
/** A repayment plan longer than this (50 years) is not a plan; the engine refuses it. */
export const MAX_PLAN_MONTHS = 600;
