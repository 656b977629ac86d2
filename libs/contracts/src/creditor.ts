/** Facts about creditors shared by the coordinator, the nodes and the portal. */

/** A creditor id: lower-case letters, digits and hyphens; it prefixes every global claim id. */
export const CREDITOR_ID_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

export const CreditorSector = {
  MUNICIPALITY: 'municipality',
  WATER_BOARD: 'water_board',
  CENTRAL_GOVERNMENT: 'central_government',
  ENERGY: 'energy',
  HEALTH_INSURER: 'health_insurer',
  HOUSING: 'housing',
  TELECOM: 'telecom',
  LENDER: 'lender',
  RETAIL: 'retail',
  OTHER: 'other',
} as const;
export type CreditorSector = (typeof CreditorSector)[keyof typeof CreditorSector];
export const CREDITOR_SECTORS: readonly CreditorSector[] = Object.values(CreditorSector);

/**
 * Public bodies may process the BSN; private creditors may not (Wabb, AVG art. 87 UAVG).
 * The platform never sends a BSN to a private creditor.
 */
export function isPublicBody(sector: CreditorSector): boolean {
  switch (sector) {
    case CreditorSector.MUNICIPALITY:
    case CreditorSector.WATER_BOARD:
    case CreditorSector.CENTRAL_GOVERNMENT:
      return true;
    case CreditorSector.ENERGY:
    case CreditorSector.HEALTH_INSURER:
    case CreditorSector.HOUSING:
    case CreditorSector.TELECOM:
    case CreditorSector.LENDER:
    case CreditorSector.RETAIL:
    case CreditorSector.OTHER:
      return false;
  }
}

/** A claim's global id: the creditor id, a colon, the creditor's own reference. */
export function globalClaimId(creditorId: string, reference: string): string {
  return `${creditorId}:${reference}`;
}

/** Splits a global claim id; null when it is not one. */
export function parseGlobalClaimId(id: string): { creditorId: string; reference: string } | null {
  const colon = id.indexOf(':');
  if (colon <= 0) return null;
  const creditorId = id.slice(0, colon);
  const reference = id.slice(colon + 1);
  if (!CREDITOR_ID_PATTERN.test(creditorId) || reference.length === 0) return null;
  return { creditorId, reference };
}
