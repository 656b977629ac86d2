import { CoordinatorErrorCode } from '#contracts';
import { coordinatorGraphQL, CoordinatorRefusalError } from './coordinator-client.js';
import { signIn, signInResident, type CoordinatorSession } from './coordinator-sessions.js';
import { DEMO_ADMIN_SUBJECT, DEMO_COUNSELLOR, nodeUrl, type DemoNode, type DemoResident } from './demo-nodes.js';
import { logInToCoordinator } from './demo-tokens.js';

/**
 * What the demo puts into the coordinator once every service is up, through the same GraphQL API an
 * administrator, a resident or a counsellor uses, each with the access token they got by logging in
 * at the identity provider: nothing is written to its database directly. Each step first looks
 * whether it was done already, so `--keep` can run it again.
 */

/** Half a year: a kept demo does not run out soon, and it is well within the 366-day maximum. */
const VALIDITY_DAYS = 180;

export type SetupOutcome = 'done now' | 'already there';

/** An administrator adds each node to the creditor directory, with the key set the node publishes. */
export async function registerDemoCreditors(nodes: readonly DemoNode[]): Promise<Map<string, SetupOutcome>> {
  const adminToken = await logInToCoordinator(DEMO_ADMIN_SUBJECT);
  const outcomes = new Map<string, SetupOutcome>();
  for (const node of nodes) {
    const input = {
      id: node.creditorId,
      name: node.name,
      sector: node.sector,
      subgraphUrl: `${nodeUrl(node)}/graphql`,
      keySet: await publishedKeySet(node),
    };
    try {
      await coordinatorGraphQL(adminToken, 'mutation ($input: RegisterCreditorInput!) { registerCreditor(input: $input) { id } }', { input });
      outcomes.set(node.creditorId, 'done now');
    } catch (error) {
      // Registered by an earlier run (--keep): the directory keeps the first registration.
      if (!(error instanceof CoordinatorRefusalError && error.codes.includes(CoordinatorErrorCode.CREDITOR_ALREADY_REGISTERED))) throw error;
      outcomes.set(node.creditorId, 'already there');
    }
  }
  return outcomes;
}

/** Each demo resident signs in once; the coordinator gives each a platform id (resident id → session). */
export async function signInDemoResidents(residents: readonly DemoResident[]): Promise<Map<string, CoordinatorSession>> {
  const sessions = await Promise.all(residents.map(async (r) => [r.residentId, await signInResident(r.residentId)] as const));
  return new Map(sessions);
}

/**
 * The resident consents, for one purpose (a debt overview, or a collective arrangement), to the use of
 * their claims at every creditor where they have an account.
 */
export async function giveDemoConsent(session: CoordinatorSession, resident: DemoResident, purpose: 'DEBT_OVERVIEW' | 'COLLECTIVE_ARRANGEMENT'): Promise<SetupOutcome> {
  const { consents } = await session.graphql<{ consents: { state: string; purpose: string }[] }>('{ consents { state purpose } }');
  if (consents.some((c) => c.state === 'GIVEN' && c.purpose === purpose)) return 'already there';
  const { consentText } = await session.graphql<{ consentText: { version: string } }>(`{ consentText(purpose: ${purpose}) { version } }`);
  await session.graphql('mutation ($input: GiveConsentInput!) { giveConsent(input: $input) { id } }', {
    input: {
      purpose,
      creditorIds: Object.keys(resident.accounts),
      categories: ['CLAIMS'],
      validUntil: daysAhead(VALIDITY_DAYS),
      // The version of the text the resident was shown: the demo "shows" the current one.
      textVersion: consentText.version,
    },
  });
  return 'done now';
}

/**
 * The demo counsellor signs in once (which is how the coordinator learns she is a counsellor), then the
 * resident gives her a mandate. Returns her session too: the summary shows her reading the resident.
 */
export async function giveDemoMandate(resident: CoordinatorSession): Promise<{ counsellor: CoordinatorSession; outcome: SetupOutcome }> {
  const counsellor = await signIn(DEMO_COUNSELLOR.subject);
  const counsellorId = counsellor.platformId;
  const { mandates } = await resident.graphql<{ mandates: { counsellorId: string; state: string }[] }>('{ mandates { counsellorId state } }');
  if (mandates.some((m) => m.counsellorId === counsellorId && m.state === 'GIVEN')) return { counsellor, outcome: 'already there' };
  const { mandateText } = await resident.graphql<{ mandateText: { version: string } }>('{ mandateText { version } }');
  await resident.graphql('mutation ($input: GiveMandateInput!) { giveMandate(input: $input) { id } }', {
    input: { counsellorId, validUntil: daysAhead(VALIDITY_DAYS), textVersion: mandateText.version },
  });
  return { counsellor, outcome: 'done now' };
}

/** The JWKS the node serves, passed on as it is: the coordinator checks it holds only public keys. */
async function publishedKeySet(node: DemoNode): Promise<string> {
  const url = `${nodeUrl(node)}/.well-known/jwks.json`;
  const response = await fetch(url, { signal: AbortSignal.timeout(5_000) });
  if (!response.ok) throw new Error(`${node.creditorId} did not serve its key set at ${url} (HTTP ${response.status}).`);
  return response.text();
}

function daysAhead(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString();
}
