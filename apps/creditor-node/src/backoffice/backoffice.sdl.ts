/** The back-office API for the creditor's own staff. Not part of the federation. */
export const BACKOFFICE_SDL = /* GraphQL */ `
"An amount in whole euro cents, as a decimal string."
scalar Cents
"A calendar date, YYYY-MM-DD."
scalar Date
"A moment in time, ISO 8601 with time zone."
scalar DateTime

enum CollectionStage { INVOICE REMINDER FORMAL_DEMAND WRIT }
enum ClaimStatus { OPEN PROPOSED IN_PLAN PAID SETTLED DISPUTED }

"Events staff may record themselves; proposal and plan events come from the payment-plan workflow."
enum StaffClaimEvent { DISPUTE_RAISED DISPUTE_RESOLVED PAID_IN_FULL }

type Claim {
  "Global id: <creditorId>:<reference>."
  id: ID!
  reference: String!
  customerReference: String!
  description: String!
  principal: Cents!
  interest: Cents!
  costs: Cents!
  total: Cents!
  issuedOn: Date!
  dueOn: Date!
  stage: CollectionStage!
  preferential: Boolean!
  status: ClaimStatus!
  "True while a proposal, plan or dispute means: no reminders, costs or writs."
  collectionPaused: Boolean!
  revision: Int!
  updatedAt: DateTime!
  "Every status change, oldest first, with its reason and who made it."
  transitions: [ClaimTransition!]!
}

type ClaimTransition {
  from: ClaimStatus
  to: ClaimStatus!
  event: String
  reason: String!
  actor: String!
  at: DateTime!
}

type ClaimPage {
  items: [Claim!]!
  nextCursor: String
}

input ClaimSearch {
  "Part of a claim reference or description."
  text: String
  status: ClaimStatus
  stage: CollectionStage
  customerReference: String
}

"One disclosure of claims to the federation: when, under which consent, for which pseudonym."
type Disclosure {
  id: ID!
  at: DateTime!
  consentId: String!
  tokenId: String!
  pseudonym: String!
  purpose: String!
  categories: [String!]!
  claimReferences: [String!]!
}

type DisclosurePage {
  items: [Disclosure!]!
  nextCursor: String
}

input ClaimRowInput {
  claimReference: String!
  customerReference: String!
  customerPostcode: String!
  customerBirthDate: Date
  description: String!
  principal: Cents!
  interest: Cents
  costs: Cents
  issuedOn: Date!
  dueOn: Date!
  stage: CollectionStage!
  preferential: Boolean!
}

type ClaimsImported {
  importId: ID!
  created: Int!
  updated: Int!
  unchanged: Int!
}

type ImportRowError {
  "1-based position in the list."
  row: Int!
  field: String
  code: String!
  message: String!
}

"Nothing was imported: fix every listed row and send the whole list again."
type ClaimImportRejected {
  code: String!
  message: String!
  errors: [ImportRowError!]!
}

union ImportClaimsResult = ClaimsImported | ClaimImportRejected

type Query {
  claims(search: ClaimSearch, first: Int = 50, after: String): ClaimPage!
  claim(reference: String!): Claim
  disclosures(pseudonym: String, consentId: String, first: Int = 50, after: String): DisclosurePage!
}

type Mutation {
  "Creates or updates claims, all or nothing. Importing the same rows again changes nothing."
  importClaims(rows: [ClaimRowInput!]!): ImportClaimsResult!
  "Records a dispute, its resolution, or a payment in full, with the reason."
  recordClaimEvent(reference: String!, event: StaffClaimEvent!, reason: String!): Claim!
}
`;
