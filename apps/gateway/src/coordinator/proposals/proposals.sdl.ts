/** The proposal workflow's part of the coordinator subgraph (issue 6): budgets, plans and their answers. */
export const PROPOSALS_SDL = /* GraphQL */ `
"An amount of money in whole euro cents, as a decimal string (\\"12345\\" is EUR 123.45)."
scalar Cents

extend type Query {
  "Your budget, or (for a counsellor) that of a resident who gave you a mandate."
  budget(residentId: ID): Budget
  "One proposal, if it is yours (or a mandated resident's)."
  proposal(id: ID!): Proposal
  "Your proposals, the newest first."
  proposals(residentId: ID): [Proposal!]!
  """
  For a forced settlement (dwangakkoord): the budget, this proposal and the ones it replaced, every
  creditor's answer with its reasons, and their ledger entries. A JSON document (schema
  samen-regelen/court-dossier/v1); no name or BSN in it.
  """
  courtDossier(proposalId: ID!): String!
  "The same court dossier as a PDF document (A4, for the court and the parties), base64-encoded."
  courtDossierPdf(proposalId: ID!): String!
  "Your inbox: what happened with your plans (for a counsellor: with the plans of residents you help)."
  notifications: [Notification!]!
}

type Notification {
  id: ID!
  """
  plan_started, plan_amended, plan_completed, creditor_rejected, creditor_countered, creditor_silent,
  delivery_failed, payment_reminder, payment_paused, payment_received, instalment_missed or grace_ended
  """
  kind: String!
  proposalId: ID
  "The resident it is about."
  residentId: ID!
  text(locale: Locale = NL): String!
  createdAt: DateTime!
  read: Boolean!
}

extend type Mutation {
  "Enter income and household: gives the beslagvrije voet and what is left for creditors each month."
  setBudget(input: BudgetInput!): Budget!
  "Propose one plan to all consented creditors (plus claims added by hand) at once."
  proposePlan(input: ProposePlanInput!): Proposal!
  "A new proposal among the creditors that accepted this one; it replaces this one."
  replanAmongAccepting(proposalId: ID!): Proposal!
  "Ask for a payment pause on a running plan: no payments for some months, at no cost, within the policy."
  requestPaymentPause(input: PaymentPauseInput!): Proposal!
  """
  After a change of income or household (enter it first with setBudget): an amended plan over what is
  still owed, proposed to every creditor in the running plan. The running plan goes on until all accept.
  """
  proposeAmendedPlan(proposalId: ID!): Proposal!
  """
  Answer a creditor's counter-proposal. Accept: a new proposal to all creditors, with the lowest
  monthly amount that gives this creditor what it asked (every creditor gets more alike). Decline: the
  creditor hears why and decides again.
  """
  answerCounterProposal(input: CounterAnswerInput!): Proposal!
}

input CounterAnswerInput {
  proposalId: ID!
  creditorId: ID!
  accept: Boolean!
  "Your words to the creditor (at most 1,000 characters)."
  note: String
}

"The money of a running plan: what came in, what went on to the creditors, and each instalment."
type PlanPayments {
  "Quote this when you pay (betalingskenmerk). It stays the same when the plan is amended."
  paymentReference: String
  received: Cents!
  "Passed on to the creditors: whole instalments only."
  passedOn: Cents!
  "Received, not yet passed on: a part of the next instalment (or money beyond the plan)."
  held: Cents!
  instalmentsPassedOn: Int!
  instalments: [InstalmentState!]!
  payments: [PlanPayment!]!
}

enum InstalmentStatus { PAID PARTLY_PAID MISSED DUE UPCOMING }

type InstalmentState {
  number: Int!
  "YYYY-MM-DD"
  dueDate: String!
  amount: Cents!
  paid: Cents!
  outstanding: Cents!
  status: InstalmentStatus!
  "After a missed instalment: until this day (YYYY-MM-DD) there is time, at no cost. The plan never ends because of it."
  graceEndsOn: String
  "What happens now, in plain words."
  explanation(locale: Locale = NL): [String!]!
}

enum PaymentSource {
  "Paid into the plan's account (the payment provider told us)."
  PROVIDER
  "Paid to a creditor directly (that creditor's node told us)."
  NODE
  "Carried over from the plan an amended plan took over from."
  CARRIED_OVER
}

type PlanPayment {
  amount: Cents!
  "YYYY-MM-DD"
  receivedOn: String!
  source: PaymentSource!
  "NODE: the creditor that was paid."
  creditorId: ID
}

input PaymentPauseInput {
  proposalId: ID!
  "YYYY-MM: the month of the first instalment to skip."
  fromMonth: String!
  months: Int!
  "How much lower your income is than when the plan started, in percent: a drop of half or more allows a longer pause."
  incomeDropPercent: Int
}

"One monthly payment of a running plan."
type Instalment {
  number: Int!
  "YYYY-MM"
  month: String!
  "YYYY-MM-DD"
  dueDate: String!
  amount: Cents!
}

enum Household { SINGLE SINGLE_PARENT COUPLE COUPLE_WITH_CHILDREN }
"Age: 18 to 20, 21 up to the state pension age (AOW), or AOW age."
enum AgeBand { AGE_18_20 AGE_21_TO_AOW AOW_AGE }
enum PlanMode {
  "Pay everything, over as many months as it takes (collectief afbetalingsplan)."
  REPAYMENT
  "Pay what is possible for a fixed term; the rest is forgiven at the end (minnelijke regeling)."
  SETTLEMENT
}
enum Locale { NL EN }

input BudgetInput {
  "For a counsellor: the resident you act for."
  residentId: ID
  "The day of the month your income arrives (1-31; 31 means the last day in shorter months)."
  payDay: Int!
  household: Household!
  ageBand: AgeBand!
  partnerAgeBand: AgeBand
  "Net income per month, holiday allowance included (with a partner: both together)."
  netIncome: Cents!
  taxableAnnualIncome: Cents
  noFixedAddress: Boolean
  art475eRequest: Boolean
  housingIncrease: Cents
  "The amount on an official notice (beslagvrije voet in a letter): it is used as it is."
  officialBvv: Cents
  "A counsellor's higher floor (e.g. a VTLB); never lower than the beslagvrije voet."
  counsellorFloor: Cents
}

type Budget {
  residentId: ID!
  payDay: Int!
  netIncome: Cents!
  "What you keep to live on: the law protects it (beslagvrije voet)."
  beslagvrijeVoet: Cents!
  "What is left for all creditors together each month."
  capacity: Cents!
  incomeGroup: String!
  parameterSet: String!
  "True when part of the computation is an approximation (see the explanation)."
  approximation: Boolean!
  parametersOutdated: Boolean!
  "How it was computed, step by step, in plain words."
  explanation(locale: Locale = NL): [String!]!
  enteredAt: DateTime!
}

input ManualClaimInput {
  "A creditor that is not on the platform."
  creditorName: String!
  reference: String!
  amount: Cents!
  preferential: Boolean
}

input ProposePlanInput {
  residentId: ID
  mode: PlanMode! = REPAYMENT
  "Settlement only: the term in months (default 18)."
  termMonths: Int
  "Claims of creditors not on the platform: in the plan, handled outside it."
  manualClaims: [ManualClaimInput!]
}

enum ProposalStatus {
  "Sent to the creditors; waiting for their answers."
  OPEN
  "Every creditor accepted: the plan runs."
  STARTED
  "Replaced by a new proposal (a re-plan)."
  REPLACED
  WITHDRAWN
  "It ran, and an amended plan (after a change of income or household) took over."
  AMENDED
  "Every instalment was paid and passed on."
  COMPLETED
}

enum ProposalOutcome {
  "Not every creditor answered yet."
  WAITING
  ALL_ACCEPTED
  "A creditor rejected or made a counter-proposal, or a delivery failed: you decide what next."
  NEEDS_DECISION
}

enum DeliveryStatus { PENDING DELIVERED FAILED }
enum CreditorDecision { ACCEPT REJECT COUNTER NO_ANSWER }

type Proposal {
  id: ID!
  residentId: ID!
  status: ProposalStatus!
  outcome: ProposalOutcome!
  mode: PlanMode!
  capacity: Cents!
  termMonths: Int!
  "What the resident pays over the whole plan."
  totalToPay: Cents!
  proposedAt: DateTime!
  "After this moment, silence is recorded as no answer."
  answerBy: DateTime!
  replaces: ID
  "An amended plan: the running plan it takes over from once every creditor accepts."
  amends: ID
  startedAt: DateTime
  "The first instalment's due date (YYYY-MM-DD), once the plan started."
  firstDueDate: String
  "The payments, once the plan started (moved by any pause)."
  instalments: [Instalment!]!
  "Once the plan started: what was paid and passed on, and the state of each instalment."
  payments: PlanPayments
  creditors: [ProposalCreditor!]!
  manualClaims: [ManualClaim!]!
  "Why the plan divides the money this way, in plain words."
  explanation(locale: Locale = NL): [String!]!
}

type ProposalCreditor {
  creditorId: ID!
  creditor: Creditor
  claimCount: Int!
  total: Cents!
  totalPaid: Cents!
  delivery: DeliveryStatus!
  deliveryAttempts: Int!
  decision: CreditorDecision
  reasonCode: String
  reasonText: String
  counterMonthly: Cents
  counterTermMonths: Int
  "How the counter-proposal was answered: accepted or declined."
  counterAnswer: String
  counterNote: String
  "What the running plan passed on to this creditor so far."
  passedOn: Cents!
  answeredAt: DateTime
}

type ManualClaim {
  creditorName: String!
  reference: String!
  amount: Cents!
  preferential: Boolean!
  totalPaid: Cents!
}
`;
