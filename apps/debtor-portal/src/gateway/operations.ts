/**
 * The GraphQL the portal sends, one document per page where it can, with the shapes it reads back.
 * Money stays a decimal string of cents (the Cents scalar) until a view formats it.
 */
export type WireCents = string;

export interface CreditorRef {
  readonly id: string;
  readonly name: string;
}

export interface DirectoryCreditor extends CreditorRef {
  readonly sector: string;
  readonly publicBody: boolean;
}

export interface AccountLinkView {
  readonly id: string;
  readonly creditor: CreditorRef;
  readonly linkedAt: string;
}

export interface LedgerEntryRef {
  readonly index: number;
  readonly kind: string;
  readonly receiptPath: string;
}

export interface ConsentView {
  readonly id: string;
  readonly purpose: 'DEBT_OVERVIEW' | 'COLLECTIVE_ARRANGEMENT';
  readonly creditors: readonly CreditorRef[];
  readonly categories: readonly string[];
  readonly validFrom: string;
  readonly validUntil: string;
  readonly state: 'GIVEN' | 'WITHDRAWN' | 'EXPIRED';
  readonly givenBy: string;
  readonly endedAt: string | null;
  readonly ledgerEntries: readonly LedgerEntryRef[];
}

export interface MandateView {
  readonly id: string;
  readonly residentId: string;
  readonly counsellorId: string;
  readonly validFrom: string;
  readonly validUntil: string;
  readonly state: 'GIVEN' | 'WITHDRAWN' | 'EXPIRED';
  readonly endedAt: string | null;
  readonly ledgerEntries: readonly LedgerEntryRef[];
}

export interface ConsentTextView {
  readonly version: string;
  readonly nl: string;
  readonly en: string;
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

export interface ProposalCreditorView {
  readonly creditorId: string;
  readonly creditor: CreditorRef | null;
  readonly claimCount: number;
  readonly total: WireCents;
  readonly totalPaid: WireCents;
  readonly delivery: 'PENDING' | 'DELIVERED' | 'FAILED';
  readonly decision: 'ACCEPT' | 'REJECT' | 'COUNTER' | 'NO_ANSWER' | null;
  readonly reasonText: string | null;
  readonly counterMonthly: WireCents | null;
  readonly counterTermMonths: number | null;
  readonly counterAnswer: string | null;
  readonly passedOn: WireCents;
}

export interface InstalmentStateView {
  readonly number: number;
  readonly dueDate: string;
  readonly amount: WireCents;
  readonly paid: WireCents;
  readonly outstanding: WireCents;
  readonly status: 'PAID' | 'PARTLY_PAID' | 'MISSED' | 'DUE' | 'UPCOMING';
  readonly graceEndsOn: string | null;
}

export interface ProposalView {
  readonly id: string;
  readonly residentId: string;
  readonly status: 'OPEN' | 'STARTED' | 'REPLACED' | 'WITHDRAWN' | 'AMENDED' | 'COMPLETED';
  readonly outcome: 'WAITING' | 'ALL_ACCEPTED' | 'NEEDS_DECISION';
  readonly mode: 'REPAYMENT' | 'SETTLEMENT';
  readonly capacity: WireCents;
  readonly termMonths: number;
  readonly totalToPay: WireCents;
  readonly proposedAt: string;
  readonly answerBy: string;
  readonly amends: string | null;
  readonly startedAt: string | null;
  readonly firstDueDate: string | null;
  readonly instalments: readonly { readonly number: number; readonly month: string; readonly dueDate: string; readonly amount: WireCents }[];
  readonly payments: {
    readonly paymentReference: string | null;
    readonly received: WireCents;
    readonly passedOn: WireCents;
    readonly held: WireCents;
    readonly instalments: readonly InstalmentStateView[];
  } | null;
  readonly creditors: readonly ProposalCreditorView[];
  readonly manualClaims: readonly { readonly creditorName: string; readonly reference: string; readonly amount: WireCents; readonly totalPaid: WireCents }[];
  readonly explanation: readonly string[];
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

const CONSENT_FIELDS = 'id purpose creditors { id name } categories validFrom validUntil state givenBy endedAt ledgerEntries { index kind receiptPath }';
const PROPOSAL_FIELDS = `id residentId status outcome mode capacity termMonths totalToPay proposedAt answerBy amends startedAt firstDueDate
  instalments { number month dueDate amount }
  payments { paymentReference received passedOn held instalments { number dueDate amount paid outstanding status graceEndsOn } }
  creditors { creditorId creditor { id name } claimCount total totalPaid delivery decision reasonText counterMonthly counterTermMonths counterAnswer passedOn }
  manualClaims { creditorName reference amount totalPaid }
  explanation(locale: $locale)`;

export const WHO_AM_I = '{ whoAmI { id roles mandatedResidents } }';

export const HOME = `query Home($residentId: ID) {
  accountLinks(residentId: $residentId) { id }
  consents(residentId: $residentId) { id purpose state }
  budget(residentId: $residentId) { capacity }
  proposals(residentId: $residentId) { id status outcome }
}`;

export const LINKS = `query Links($residentId: ID) {
  creditors { id name sector publicBody }
  accountLinks(residentId: $residentId) { id creditor { id name } linkedAt }
}`;

export const LINK_ACCOUNT = `mutation Link($input: LinkAccountInput!) { linkAccount(input: $input) { linked message creditor { id name } } }`;

export const CONSENT_PAGE = `query ConsentPage($residentId: ID) {
  accountLinks(residentId: $residentId) { id creditor { id name } linkedAt }
  overviewText: consentText(purpose: DEBT_OVERVIEW) { version nl en }
  arrangementText: consentText(purpose: COLLECTIVE_ARRANGEMENT) { version nl en }
  consents(residentId: $residentId) { ${CONSENT_FIELDS} }
}`;

export const GIVE_CONSENT = `mutation Give($input: GiveConsentInput!) { giveConsent(input: $input) { id } }`;

export const OVERVIEW_SELF = `{ me { id overviewCreditors { id name } creditorTotals { creditorId creditorName claimCount total } claims { id creditorId reference description total dueOn stage status } } }`;
export const OVERVIEW_FOR = `query Overview($residentId: ID!) { resident(id: $residentId) { id overviewCreditors { id name } creditorTotals { creditorId creditorName claimCount total } claims { id creditorId reference description total dueOn stage status } } }`;

export const BUDGET = `query Budget($residentId: ID, $locale: Locale) { budget(residentId: $residentId) { payDay netIncome beslagvrijeVoet capacity approximation explanation(locale: $locale) enteredAt } }`;
export const SET_BUDGET = `mutation SetBudget($input: BudgetInput!, $locale: Locale) { setBudget(input: $input) { payDay netIncome beslagvrijeVoet capacity approximation explanation(locale: $locale) enteredAt } }`;

export const PROPOSALS = `query Proposals($residentId: ID, $locale: Locale) {
  budget(residentId: $residentId) { capacity }
  proposals(residentId: $residentId) { ${PROPOSAL_FIELDS} }
}`;
export const PROPOSE_PLAN = `mutation Propose($input: ProposePlanInput!) { proposePlan(input: $input) { id } }`;
export const REPLAN = `mutation Replan($proposalId: ID!) { replanAmongAccepting(proposalId: $proposalId) { id } }`;
export const PAUSE = `mutation Pause($input: PaymentPauseInput!) { requestPaymentPause(input: $input) { id } }`;
export const AMEND = `mutation Amend($proposalId: ID!) { proposeAmendedPlan(proposalId: $proposalId) { id } }`;
export const ANSWER_COUNTER = `mutation AnswerCounter($input: CounterAnswerInput!) { answerCounterProposal(input: $input) { id } }`;
export const COURT_DOSSIER_PDF = `query Dossier($proposalId: ID!) { courtDossierPdf(proposalId: $proposalId) }`;

export const PRIVACY = `query Privacy($residentId: ID) {
  consents(residentId: $residentId) { ${CONSENT_FIELDS} }
  mandates { id residentId counsellorId validFrom validUntil state endedAt ledgerEntries { index kind receiptPath } }
  accountLinks(residentId: $residentId) { id creditor { id name } linkedAt }
}`;
export const WITHDRAW_CONSENT = `mutation Withdraw($id: ID!) { withdrawConsent(id: $id) { id state } }`;
export const WITHDRAW_MANDATE = `mutation WithdrawMandate($id: ID!) { withdrawMandate(id: $id) { id state } }`;

export const INBOX = `query Inbox($locale: Locale) { notifications { id kind proposalId residentId text(locale: $locale) createdAt read } }`;

export const CASELOAD = `query Caseload($locale: Locale) {
  whoAmI { id roles mandatedResidents }
  mandates { id residentId counsellorId validFrom validUntil state endedAt ledgerEntries { index kind receiptPath } }
  notifications { id kind proposalId residentId text(locale: $locale) createdAt read }
}`;

/** One document with every mandated resident's proposals, aliased r0, r1, …: one round trip for the caseload. */
export function caseloadProposals(count: number): string {
  if (count === 0) return '';
  const params = Array.from({ length: count }, (_, i) => `$r${i}: ID`).join(', ');
  const fields = Array.from({ length: count }, (_, i) => `r${i}: proposals(residentId: $r${i}) { id status outcome answerBy creditors { decision delivery } payments { instalments { status } } }`).join('\n  ');
  return `query CaseloadProposals(${params}) {\n  ${fields}\n}`;
}

export interface CaseloadProposal {
  readonly id: string;
  readonly status: ProposalView['status'];
  readonly outcome: ProposalView['outcome'];
  readonly answerBy: string;
  readonly creditors: readonly { readonly decision: ProposalCreditorView['decision']; readonly delivery: ProposalCreditorView['delivery'] }[];
  readonly payments: { readonly instalments: readonly { readonly status: InstalmentStateView['status'] }[] } | null;
}
