/**
 * The GraphQL the portal sends, one document per page where it can, with the shapes it reads back.
 * Money stays a decimal string of cents (the Cents scalar) until a view formats it.
 */

export type WireCents = string;

export interface CreditorRef {
  readonly id: string;
  readonly name: string;
}

export interface ClaimView {
  readonly id: string;
  readonly creditorId: string;
  readonly reference: string;
  readonly description: string;
  readonly total: WireCents;
  readonly dueOn: string;
  readonly stage: string;
  readonly status: string;
}

export interface CreditorTotalView {
  readonly creditorId: string;
  readonly creditorName: string;
  readonly claimCount: number;
  readonly total: WireCents;
}

export interface OverviewView {
  readonly id: string;
  readonly overviewCreditors: readonly CreditorRef[];
  readonly creditorTotals: readonly CreditorTotalView[] | null;
  readonly claims: readonly ClaimView[] | null;
}

export interface BudgetView {
  readonly payDay: number;
  readonly netIncome: WireCents;
  readonly beslagvrijeVoet: WireCents;
  readonly capacity: WireCents;
  readonly approximation: boolean;
  readonly explanation: readonly string[];
  readonly enteredAt: string;
}

export interface NotificationView {
  readonly id: string;
  readonly kind: string;
  readonly proposalId: string | null;
  readonly residentId: string;
  readonly text: string;
  readonly createdAt: string;
  readonly read: boolean;
}

export interface WhoAmI {
  readonly id: string;
  readonly roles: readonly string[];
  readonly mandatedResidents: readonly string[];
}

export const WHO_AM_I = '{ whoAmI { id roles mandatedResidents } }';

export const HOME = `query Home($residentId: ID) {
  accountLinks(residentId: $residentId) { id }
  consents(residentId: $residentId) { id purpose state }
  budget(residentId: $residentId) { capacity }
  proposals(residentId: $residentId) { id status outcome }
  notifications { read }
}`;

export const OVERVIEW_SELF = `{ me { id overviewCreditors { id name } creditorTotals { creditorId creditorName claimCount total } claims { id creditorId reference description total dueOn stage status } } }`;

export const BUDGET = `query Budget($residentId: ID, $locale: Locale) { budget(residentId: $residentId) { payDay netIncome beslagvrijeVoet capacity approximation explanation(locale: $locale) enteredAt } }`;

export const SET_BUDGET = `mutation SetBudget($input: BudgetInput!, $locale: Locale) { setBudget(input: $input) { payDay netIncome beslagvrijeVoet capacity approximation explanation(locale: $locale) enteredAt } }`;

export const INBOX = `query Inbox($locale: Locale) { notifications { id kind proposalId residentId text(locale: $locale) createdAt read } }`;

export const OVERVIEW_CLIENT = `query ClientOverview($residentId: ID!) { resident(id: $residentId) { id overviewCreditors { id name } creditorTotals { creditorId creditorName claimCount total } claims { id creditorId reference description total dueOn stage status } } }`;

export interface AccountLinkView {
  readonly id: string;
  readonly creditor: CreditorRef;
  readonly linkedAt: string;
}

export const LINKS = `query Links($residentId: ID) { creditors { id name } accountLinks(residentId: $residentId) { id creditor { id name } linkedAt } }`;

export const LINK_ACCOUNT = `mutation LinkAccount($input: LinkAccountInput!) { linkAccount(input: $input) { linked message creditor { id name } } }`;

export const UNLINK_ACCOUNT = `mutation Unlink($creditorId: ID!, $residentId: ID) { unlinkAccount(creditorId: $creditorId, residentId: $residentId) }`;

export interface LedgerEntryView {
  readonly index: number;
  readonly kind: string;
  readonly receiptPath: string;
}

export interface ConsentView {
  readonly id: string;
  readonly purpose: string;
  readonly state: string;
  readonly creditors: readonly CreditorRef[];
  readonly categories: readonly string[];
  readonly validFrom: string;
  readonly validUntil: string;
  readonly endedAt: string | null;
  readonly givenBy: string;
  readonly ledgerEntries: readonly LedgerEntryView[];
}

export interface ConsentTextView {
  readonly version: string;
  readonly nl: string;
  readonly en: string;
}

const CONSENT_FIELDS = 'id purpose state creditors { id name } categories validFrom validUntil endedAt givenBy ledgerEntries { index kind receiptPath }';

export const CONSENT_PAGE = `query ConsentPage($residentId: ID) {
  accountLinks(residentId: $residentId) { id creditor { id name } linkedAt }
  consents(residentId: $residentId) { ${CONSENT_FIELDS} }
  overviewText: consentText(purpose: DEBT_OVERVIEW) { version nl en }
  arrangementText: consentText(purpose: COLLECTIVE_ARRANGEMENT) { version nl en }
}`;

export const GIVE_CONSENT = `mutation GiveConsent($input: GiveConsentInput!) { giveConsent(input: $input) { id } }`;

export const WITHDRAW_CONSENT = `mutation WithdrawConsent($id: ID!) { withdrawConsent(id: $id) { id state } }`;

export interface MandateView {
  readonly id: string;
  readonly residentId: string;
  readonly counsellorId: string;
  /** Known when the mandate was given with the counsellor's invitation code. */
  readonly counsellorName: string | null;
  readonly validFrom: string;
  readonly validUntil: string;
  readonly state: string;
  readonly endedAt: string | null;
  readonly ledgerEntries: readonly LedgerEntryView[];
}

const MANDATE_FIELDS = 'id residentId counsellorId counsellorName validFrom validUntil state endedAt ledgerEntries { index kind receiptPath }';

export const PRIVACY = `query Privacy($residentId: ID) {
  consents(residentId: $residentId) { ${CONSENT_FIELDS} }
  accountLinks(residentId: $residentId) { id creditor { id name } linkedAt }
  mandates { ${MANDATE_FIELDS} }
  proposals(residentId: $residentId) { id proposedAt creditors { creditorId creditor { id name } } }
}`;

/** A proposal as the privacy page shows it: when it went to which creditors. */
export interface SharedProposalView {
  readonly id: string;
  readonly proposedAt: string;
  readonly creditors: readonly { readonly creditorId: string; readonly creditor: CreditorRef | null }[];
}

export const WITHDRAW_MANDATE = `mutation WithdrawMandate($id: ID!) { withdrawMandate(id: $id) { id state } }`;

export const MANDATE_TEXT = `query MandateText { mandateText { version nl en } }`;

export const MANDATE_INVITATION = `query MandateInvitation($code: String!) { mandateInvitation(code: $code) { counsellorName expiresAt } }`;

export const GIVE_MANDATE = `mutation GiveMandate($input: GiveMandateInput!) { giveMandate(input: $input) { id counsellorName } }`;

export const CREATE_MANDATE_INVITATION = `mutation CreateMandateInvitation($name: String!) { createMandateInvitation(input: { counsellorName: $name }) { code expiresAt } }`;

export interface InstalmentStateView {
  readonly number: number;
  readonly dueDate: string;
  readonly amount: WireCents;
  readonly paid: WireCents;
  readonly outstanding: WireCents;
  readonly status: string;
  readonly graceEndsOn: string | null;
  readonly explanation: readonly string[];
}

export interface ProposalCreditorView {
  readonly creditorId: string;
  readonly creditor: CreditorRef | null;
  readonly claimCount: number;
  readonly total: WireCents;
  readonly totalPaid: WireCents;
  readonly delivery: string;
  readonly decision: string | null;
  readonly reasonText: string | null;
  readonly counterMonthly: WireCents | null;
  readonly counterTermMonths: number | null;
  readonly counterAnswer: string | null;
  readonly passedOn: WireCents;
}

export interface ProposalView {
  readonly id: string;
  readonly status: string;
  readonly outcome: string;
  readonly mode: string;
  readonly capacity: WireCents;
  readonly termMonths: number;
  readonly totalToPay: WireCents;
  readonly proposedAt: string;
  readonly answerBy: string;
  readonly amends: string | null;
  readonly startedAt: string | null;
  readonly instalments: readonly { readonly number: number; readonly month: string; readonly dueDate: string; readonly amount: WireCents }[];
  readonly payments: {
    readonly paymentReference: string | null;
    readonly received: WireCents;
    readonly passedOn: WireCents;
    readonly instalments: readonly InstalmentStateView[];
  } | null;
  readonly creditors: readonly ProposalCreditorView[];
  readonly manualClaims: readonly { readonly creditorName: string; readonly reference: string; readonly amount: WireCents; readonly totalPaid: WireCents }[];
  readonly explanation: readonly string[];
}

const PROPOSAL_FIELDS = `id status outcome mode capacity termMonths totalToPay proposedAt answerBy amends startedAt
  instalments { number month dueDate amount }
  payments { paymentReference received passedOn instalments { number dueDate amount paid outstanding status graceEndsOn explanation(locale: $locale) } }
  creditors { creditorId creditor { id name } claimCount total totalPaid delivery decision reasonText counterMonthly counterTermMonths counterAnswer passedOn }
  manualClaims { creditorName reference amount totalPaid }
  explanation(locale: $locale)`;

export const PLAN = `query Plan($residentId: ID, $locale: Locale) {
  budget(residentId: $residentId) { capacity enteredAt }
  proposals(residentId: $residentId) { ${PROPOSAL_FIELDS} }
}`;

export const PROPOSE_PLAN = `mutation ProposePlan($input: ProposePlanInput!) { proposePlan(input: $input) { id } }`;

export const REPLAN = `mutation Replan($proposalId: ID!) { replanAmongAccepting(proposalId: $proposalId) { id } }`;

export const ANSWER_COUNTER = `mutation AnswerCounter($input: CounterAnswerInput!) { answerCounterProposal(input: $input) { id } }`;

export const REQUEST_PAUSE = `mutation Pause($input: PaymentPauseInput!) { requestPaymentPause(input: $input) { id } }`;

export const PROPOSE_AMENDED = `mutation Amend($input: BudgetInput!, $proposalId: ID!) {
  setBudget(input: $input) { capacity }
  proposeAmendedPlan(proposalId: $proposalId) { id }
}`;

export const CASELOAD = `query Caseload { whoAmI { id mandatedResidents } mandates { ${MANDATE_FIELDS} } notifications { id kind proposalId residentId createdAt read } }`;

export const COURT_DOSSIER_PDF = `query Dossier($proposalId: ID!) { courtDossierPdf(proposalId: $proposalId) }`;
