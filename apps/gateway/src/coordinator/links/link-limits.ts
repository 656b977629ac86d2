/**
 * The coordinator's own limits on link attempts that failed in the last hour: per creditor (guessing
 * one creditor's references) and in all (trying many creditors). The node keeps its own limit too.
 */
export const COORDINATOR_LINK_LIMITS = {
  windowMinutes: 60,
  failuresPerCreditor: 5,
  failuresInAll: 20,
  /** How long a node may take to answer a link check. */
  nodeTimeoutMs: 5_000,
} as const;
