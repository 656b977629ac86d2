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
  "Proposals for a collective plan, the newest first; by default all of them."
  proposals(status: ProposalStatus): [Proposal!]!
  proposal(id: ID!): Proposal
}

type Mutation {
  "Creates or updates claims, all or nothing. Importing the same rows again changes nothing."
  importClaims(rows: [ClaimRowInput!]!): ImportClaimsResult!
  "Records a dispute, its resolution, or a payment in full, with the reason."
  recordClaimEvent(reference: String!, event: StaffClaimEvent!, reason: String!): Claim!
  "Accept, reject (with a reason) or counter-propose a proposal that waits for staff. Decided once."
  decideProposal(input: DecideProposalInput!): Proposal!
  """
  The resident paid us directly for a running plan: report it, so the plan counts it. Sent to the
  coordinator at once; the same reference twice is one payment, so trying again is safe.
  """
  reportPlanPayment(input: PlanPaymentInput!): PlanPaymentReport!
}

input PlanPaymentInput {
  proposalId: ID!
  "Our own reference for the payment (1 to 64 characters)."
  reference: String!
  amount: Cents!
  "YYYY-MM-DD: the day we received it."
  receivedOn: String!
}

type PlanPaymentReport {
  "False when the coordinator had this payment already."
  recorded: Boolean!
  duplicate: Boolean!
  "Instalments of the plan now paid in full and passed on."
  instalmentsPassedOn: Int!
}

enum ProposalStatus {
  "Waits for a decision by staff."
  AWAITING_STAFF
  "Answered (by policy or by staff); see answer."
  ANSWERED
  "Replaced by a new proposal, or withdrawn: collection on its claims may resume."
  WITHDRAWN
  "Every creditor accepted: the plan runs."
  STARTED
  "The plan ran, and an amended plan took over."
  AMENDED
  "Every instalment was paid."
  COMPLETED
}

enum ProposalDecision { ACCEPT REJECT COUNTER }

enum RejectionReason { SHARE_MISMATCH CLAIM_UNKNOWN AMOUNT_TOO_LOW TERM_TOO_LONG BUDGET_DOUBTED POLICY OTHER }

"A proposed collective plan, as far as it concerns this creditor."
type Proposal {
  id: ID!
  "Our pseudonym for the resident (find the customer through the account link)."
  pseudonym: String!
  status: ProposalStatus!
  "The earlier proposal this one replaces, if any."
  replaces: ID
  "An amended plan (after a change of income or household): the running plan it takes over from."
  amends: ID
  "The resident declined our counter-proposal, in these words: decide again."
  counterDeclinedNote: String
  receivedAt: DateTime!
  "After this moment, silence counts as no answer."
  answerBy: DateTime!
  "repayment or settlement"
  mode: String!
  "What the resident can pay all creditors together each month."
  capacity: Cents!
  termMonths: Int!
  "How many claims the whole plan holds (ours and other creditors')."
  claimCountInPlan: Int!
  "Our own check of our share: ok, or what is wrong with it."
  shareCheck: ShareCheck!
  claims: [ProposalClaim!]!
  answer: ProposalAnswer
}

type ShareCheck {
  ok: Boolean!
  problems: [ShareProblem!]!
}

type ShareProblem {
  code: String!
  message: String!
  claimId: String
  month: Int
}

type ProposalClaim {
  reference: String!
  amount: Cents!
  "What this claim receives in the plan's first month."
  firstMonth: Cents!
  "What this claim receives over the whole plan."
  totalPaid: Cents!
  "What the plan passed on to this claim so far."
  passedOn: Cents!
}

type ProposalAnswer {
  decision: ProposalDecision!
  reasonCode: RejectionReason
  reasonText: String
  counterMonthly: Cents
  counterTermMonths: Int
  "'policy', or the staff member who decided."
  decidedBy: String!
  decidedAt: DateTime!
  "Whether the coordinator has confirmed it received the answer."
  delivered: Boolean!
  "Set when the coordinator refused the answer for good (e.g. PROPOSAL_CLOSED)."
  refusedCode: String
  attempts: Int!
}

input DecideProposalInput {
  proposalId: ID!
  decision: ProposalDecision!
  "Required for REJECT."
  reasonCode: RejectionReason
  reasonText: String
  "Required for COUNTER: the monthly amount for our claims we would accept."
  counterMonthly: Cents
  counterTermMonths: Int
}
`;
