/**
 * How the side index names the parties of a ledger entry: a person (as resident or counsellor) or a
 * creditor. The index decides who may read an entry; it is never part of the hashed leaf.
 */
export function personParty(personId: string): string {
  return `person:${personId}`;
}

export function creditorParty(creditorId: string): string {
  return `creditor:${creditorId}`;
}
