/**
 * How many failed link attempts a node accepts before it answers "try again later": per pseudonym
 * (one resident guessing references) and for the whole node (many residents, or one coordinator gone
 * wrong). Counted over the last hour; a successful link does not count.
 */
export const LINK_LIMITS = {
  windowMinutes: 60,
  failuresPerPseudonym: 5,
  failuresPerNode: 500,
} as const;
