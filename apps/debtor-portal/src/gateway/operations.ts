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
