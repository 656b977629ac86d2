import { PROPOSALS_SDL } from '../proposals/proposals.sdl.js';

/**
 * The coordinator's subgraph: who the caller is, the creditor directory, consents and mandates, and
 * (PROPOSALS_SDL) budgets and proposals.
 * Composed with the creditor subgraph into the supergraph; owns the Resident entity. Fields that only
 * the gateway itself may call (consent tokens) are @inaccessible: they are not in the public graph.
 */
export const COORDINATOR_SDL = /* GraphQL */ `
extend schema
  @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@inaccessible"])

"An instant, RFC 3339 in UTC (2026-11-22T09:30:00.000Z)."
scalar DateTime

type Query {
  "The signed-in resident (null for a person without the resident role)."
  me: Resident
  """
  A resident you may act for: yourself, or (as a counsellor) a resident whose mandate to you is in force.
  Anyone else is refused (MANDATE_REQUIRED), so nobody reads another resident by id.
  """
  resident(id: ID!): Resident
  "The signed-in person: roles and, for a counsellor, the residents who gave a mandate."
  whoAmI: Person!
  "Creditors on the platform. Public: residents choose from it when giving consent."
  creditors: [Creditor!]!
  "Consents of the resident (yourself, or a resident who gave you a mandate)."
  consents(residentId: ID): [Consent!]!
  consent(id: ID!): Consent
  "Mandates you gave (as a resident) or received (as a counsellor)."
  mandates: [Mandate!]!
  "The text a resident is shown before giving consent; its version is recorded with the consent."
  consentText(purpose: ConsentPurpose!): ConsentText!
  "The text a resident is shown before giving a mandate."
  mandateText: ConsentText!
  "As a resident: whose mandate invitation code this is, to check before giving the mandate. MANDATE_INVITATION_INVALID when it is unknown, used or expired."
  mandateInvitation(code: String!): MandateInvitationPreview!
  "The creditors the resident (yourself, or a resident who gave you a mandate) linked an account at."
  accountLinks(residentId: ID): [AccountLink!]!
}

type Mutation {
  "Administrators only: add a creditor node to the directory."
  registerCreditor(input: RegisterCreditorInput!): Creditor!
  "Give consent. A counsellor with a mandate may do this for the resident (residentId)."
  giveConsent(input: GiveConsentInput!): Consent!
  "Withdraw a consent. Takes effect at once: no new consent tokens from this moment."
  withdrawConsent(id: ID!): Consent!
  "Let a counsellor act for you: name them by the invitation code they gave you (or by their id)."
  giveMandate(input: GiveMandateInput!): Mandate!
  "As a counsellor: a one-time code for a resident to give you a mandate with, valid for 14 days."
  createMandateInvitation(input: CreateMandateInvitationInput!): MandateInvitation!
  "End a mandate (the resident or the counsellor may)."
  withdrawMandate(id: ID!): Mandate!
  """
  Link an account at a creditor: the customer or assessment number from its letter, with the postcode
  and date of birth the creditor knows. The creditor answers yes or no; a no never says which part was wrong.
  """
  linkAccount(input: LinkAccountInput!): LinkAccountResult!
  "Remove the link to a creditor: from now on it is not asked for the resident's data."
  unlinkAccount(creditorId: ID!, residentId: ID): Boolean!
  "For the gateway only: one short-lived consent token per node the resident's consents cover."
  issueConsentTokens(input: IssueConsentTokensInput!): [ConsentTokenGrant!]! @inaccessible
}

type Resident @key(fields: "id") {
  id: ID!
  """
  The creditors a debt overview gathers from: linked, and covered by a consent in force for a debt
  overview of claims. Compare with creditorTotals to see which of them did not answer.
  """
  overviewCreditors: [Creditor!]!
}

type Person {
  id: ID!
  roles: [Role!]!
  "Residents who gave you (as a counsellor) a mandate that is in force."
  mandatedResidents: [ID!]!
}

enum Role {
  RESIDENT
  COUNSELLOR
  ADMIN
  AUDITOR
}

type Creditor {
  id: ID!
  name: String!
  "municipality, water_board, central_government, energy, health_insurer, housing, telecom, lender, retail or other."
  sector: String!
  "A public body (municipality, water board, state) rather than a private company."
  publicBody: Boolean!
  registeredAt: DateTime!
}

input RegisterCreditorInput {
  id: ID!
  name: String!
  sector: String!
  "Where the gateway reaches the node's creditor subgraph (http or https)."
  subgraphUrl: String!
  "The node's public keys (a JWKS), with which it signs its answers and credentials."
  keySet: String!
}

enum ConsentPurpose {
  DEBT_OVERVIEW
  COLLECTIVE_ARRANGEMENT
}

enum DataCategory {
  CLAIMS
  ARRANGEMENT
}

enum ConsentState {
  GIVEN
  WITHDRAWN
  EXPIRED
}

enum ActorRole {
  RESIDENT
  COUNSELLOR
  COORDINATOR
}

type ConsentText {
  version: String!
  "Dutch (B1), as shown to the resident."
  nl: String!
  en: String!
  "SHA-256 (hex) of the exact text; recorded with the consent and in the ledger."
  hash: String!
}

input GiveConsentInput {
  "Only for a counsellor acting under a mandate."
  residentId: ID
  purpose: ConsentPurpose!
  creditorIds: [ID!]!
  categories: [DataCategory!]!
  validUntil: DateTime!
  "The version of the consent text that was shown."
  textVersion: String!
}

type Consent {
  id: ID!
  residentId: ID!
  purpose: ConsentPurpose!
  creditors: [Creditor!]!
  categories: [DataCategory!]!
  validFrom: DateTime!
  validUntil: DateTime!
  state: ConsentState!
  givenBy: ActorRole!
  textVersion: String!
  textHash: String!
  endedAt: DateTime
  "The ledger entries about this consent (given, then withdrawn or expired)."
  ledgerEntries: [LedgerEntryRef!]!
}

type LedgerEntryRef {
  index: Int!
  kind: String!
  "Where to download the signed receipt for this entry (GET, with your access token)."
  receiptPath: String!
}

input GiveMandateInput {
  "Exactly one of counsellorId and invitationCode."
  counsellorId: ID
  "The code the counsellor gave you, e.g. K7QM-2XPA (case, spaces and dashes do not matter). Used once."
  invitationCode: String
  validUntil: DateTime!
  textVersion: String!
}

input CreateMandateInvitationInput {
  "Your name as the resident will see it before saying yes (as your identity provider gives it)."
  counsellorName: String!
}

type MandateInvitation {
  "Give this to the resident: on paper, in person. It is shown only now."
  code: String!
  expiresAt: DateTime!
}

type MandateInvitationPreview {
  counsellorName: String!
  expiresAt: DateTime!
}

type Mandate {
  id: ID!
  residentId: ID!
  counsellorId: ID!
  "The counsellor's name, when the mandate was given with their invitation code."
  counsellorName: String
  validFrom: DateTime!
  validUntil: DateTime!
  state: ConsentState!
  textVersion: String!
  textHash: String!
  endedAt: DateTime
  ledgerEntries: [LedgerEntryRef!]!
}

input LinkAccountInput {
  "Only for a counsellor acting under a mandate."
  residentId: ID
  creditorId: ID!
  "The customer or assessment number, as on the creditor's letter."
  reference: String!
  "The postcode the creditor has for you, e.g. 3511 AB."
  postcode: String!
  "YYYY-MM-DD; needed where the creditor knows it."
  birthDate: String
}

type LinkAccountResult {
  linked: Boolean!
  "What to tell the resident, in plain words."
  message: String!
  creditor: Creditor!
}

type AccountLink {
  id: ID!
  creditor: Creditor!
  linkedAt: DateTime!
}

input IssueConsentTokensInput @inaccessible {
  "Only for a counsellor acting under a mandate."
  residentId: ID
  purpose: ConsentPurpose!
  category: DataCategory!
}

type ConsentTokenGrant @inaccessible {
  creditorId: ID!
  subgraphUrl: String!
  "The node's pairwise pseudonym for the resident (the token's sub): the only id the node is given."
  pseudonym: ID!
  token: String!
  expiresAt: DateTime!
}
` + PROPOSALS_SDL;
