/**
 * The creditor subgraph SDL: one schema served by every creditor node, composed into the supergraph
 * with the coordinator's SDL. Kept as a string so build output and tests read the same source.
 */
export const CREDITOR_SUBGRAPH_SDL = /* GraphQL */ `
# The creditor subgraph: one SDL, served by every creditor node.
# The coordinator owns the Resident entity; each node adds the claims it holds for that resident.
# Fields served by nodes are nullable at the federation boundary, so one node that is down or slow
# yields partial data, never a failed query.

extend schema
  @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])

"""
An amount of money in whole euro cents, as a decimal string ("12345" is EUR 123.45).
A string, because JSON numbers lose precision and must never carry money.
"""
scalar Cents

"A calendar date, ISO 8601 (YYYY-MM-DD), in the Europe/Amsterdam calendar."
scalar Date

"How far collection of a claim has gone."
enum CollectionStage {
  "The first bill or tax assessment (aanslag), not yet overdue."
  INVOICE
  "A reminder was sent (herinnering); a free reminder adds no costs."
  REMINDER
  "A formal demand (aanmaning) was sent."
  FORMAL_DEMAND
  "An enforcement writ (dwangbevel) or court judgment was issued."
  WRIT
}

"Where a claim is in its life at the creditor."
enum ClaimStatus {
  "Open; normal collection applies."
  OPEN
  "Part of a proposed collective plan; collection is paused."
  PROPOSED
  "Part of an accepted collective plan."
  IN_PLAN
  "Paid in full."
  PAID
  "Ended by a settlement; the rest was forgiven."
  SETTLED
  "The resident disputes the claim; collection is paused."
  DISPUTED
}

"A resident. The coordinator owns this entity; a node knows the resident only by its own pseudonym."
type Resident @key(fields: "id") {
  id: ID!
  "The claims this creditor holds for the resident. Null when the creditor could not answer."
  claims: [Claim!]
  """
  What the resident owes this creditor in all: one entry per creditor (a node adds its own, so the
  gateway's answer lists every creditor that answered). Null when the creditor could not answer.
  """
  creditorTotals: [CreditorTotal!]
}

"The sums of one creditor's owed claims for a resident."
type CreditorTotal {
  creditorId: ID!
  "The name residents see."
  creditorName: String!
  claimCount: Int!
  principal: Cents!
  interest: Cents!
  costs: Cents!
  "principal + interest + costs"
  total: Cents!
}

"One amount owed to one creditor."
type Claim @key(fields: "id") {
  "Global id: the creditor id, a colon, and the creditor's own claim reference."
  id: ID!
  creditorId: ID!
  "The creditor's own reference for this claim (e.g. the assessment number)."
  reference: String!
  description: String!
  principal: Cents!
  interest: Cents!
  costs: Cents!
  "principal + interest + costs"
  total: Cents!
  issuedOn: Date!
  dueOn: Date!
  stage: CollectionStage!
  "Preferential claims (e.g. Belastingdienst, UWV) weigh double in a collective plan."
  preferential: Boolean!
  status: ClaimStatus!
}
`;
