import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { parseLedgerEventLeaf } from '#consent';
import { errorCodes, signIn, type SignedInPerson } from '../support/coordinator-client.js';
import { startInProcessCoordinator, type InProcessCoordinator } from '../support/in-process-coordinator.js';
import { startInProcessNode, type InProcessNode } from '../support/in-process-node.js';
import { seedLinkedCustomer } from '../support/seed.js';
import type { TestDatabase } from '../support/test-database.js';

/**
 * Account linking through the coordinator (issue 5), with a real node answering: the link is stored,
 * written to the ledger, and only then do consent tokens reach that node; a wrong check gets the same
 * answer as an unknown reference; attempts are rate-limited; unlinking stops the tokens.
 */

const LINK = `mutation ($input: LinkAccountInput!) { linkAccount(input: $input) { linked message creditor { id } } }`;
const UNLINK = `mutation ($creditorId: ID!, $residentId: ID) { unlinkAccount(creditorId: $creditorId, residentId: $residentId) }`;
const LINKS = `query ($residentId: ID) { accountLinks(residentId: $residentId) { creditor { id } linkedAt } }`;
const TOKENS = `mutation { issueConsentTokens(input: { purpose: DEBT_OVERVIEW, category: CLAIMS }) { creditorId pseudonym } }`;

let coordinator: InProcessCoordinator & { readonly database: TestDatabase };
let node: InProcessNode;
let admin: SignedInPerson;

async function consent(person: SignedInPerson): Promise<void> {
  const text = await person.gql<{ consentText: { version: string } }>('{ consentText(purpose: DEBT_OVERVIEW) { version } }');
  const given = await person.gql('mutation ($input: GiveConsentInput!) { giveConsent(input: $input) { id } }', {
    input: { purpose: 'DEBT_OVERVIEW', creditorIds: [node.creditorId], categories: ['CLAIMS'], validUntil: new Date(Date.now() + 86_400_000 * 30).toISOString(), textVersion: text.data?.consentText.version },
  });
  expect(given.errors).toBeUndefined();
}

async function ledgerKinds(): Promise<string[]> {
  const { rows } = await coordinator.pool.query<{ leaf: Buffer }>('SELECT leaf FROM ledger_entries ORDER BY idx');
  return rows.map((row) => {
    const event = parseLedgerEventLeaf(new Uint8Array(row.leaf));
    return typeof event === 'string' ? event : event.kind;
  });
}

beforeAll(async () => {
  coordinator = await startInProcessCoordinator({ label: 'coord_links' });
  node = await startInProcessNode('links-creditor', { coordinatorJwksUrl: `${coordinator.baseUrl}/consent/v1/jwks.json` });
  await seedLinkedCustomer(node.db, { customerReference: 'AS-4711', postcode: '3511AB', claims: [{ reference: 'AS-4711-1', principalCents: 12_345 }] });
  admin = await signIn(coordinator, ['admin']);
  const keySet = await (await fetch(`${node.baseUrl}/.well-known/jwks.json`)).text();
  const registered = await admin.gql('mutation ($input: RegisterCreditorInput!) { registerCreditor(input: $input) { id } }', {
    input: { id: node.creditorId, name: 'Gemeente Linkstad', sector: 'municipality', subgraphUrl: `${node.baseUrl}/graphql`, keySet },
  });
  expect(registered.errors).toBeUndefined();
}, 60_000);

afterAll(async () => {
  await node?.stop();
  await coordinator?.stop();
});

describe('linkAccount', () => {
  it('links when the node confirms, writes account.linked to the ledger, and only then mints tokens for that node', async () => {
    const resident = await signIn(coordinator, ['resident']);
    await consent(resident);
    expect(errorCodes(await resident.gql(TOKENS))).toEqual(['CONSENT_NOT_GIVEN']);

    const linked = await resident.gql<{ linkAccount: { linked: boolean; message: string } }>(LINK, {
      input: { creditorId: node.creditorId, reference: 'AS-4711', postcode: '3511 ab', birthDate: '1984-03-12' },
    });
    expect(linked.data?.linkAccount).toMatchObject({ linked: true });
    expect((await ledgerKinds()).at(-1)).toBe('account.linked');
    const links = await resident.gql<{ accountLinks: { creditor: { id: string } }[] }>(LINKS);
    expect(links.data?.accountLinks.map((l) => l.creditor.id)).toEqual([node.creditorId]);

    const tokens = await resident.gql<{ issueConsentTokens: { creditorId: string; pseudonym: string }[] }>(TOKENS);
    expect(tokens.data?.issueConsentTokens.map((t) => t.creditorId)).toEqual([node.creditorId]);
    // The node now knows the resident by that pseudonym, and by nothing else.
    const atNode = await node.db.query<{ pseudonym: string }[]>('SELECT pseudonym FROM account_links');
    expect(atNode.map((r) => r.pseudonym)).toEqual([tokens.data?.issueConsentTokens[0]?.pseudonym]);
    expect(JSON.stringify(atNode)).not.toContain(resident.id);

    // Linking again is harmless: no second ledger entry.
    const size = (await ledgerKinds()).length;
    expect((await resident.gql<{ linkAccount: { linked: boolean } }>(LINK, { input: { creditorId: node.creditorId, reference: 'AS-4711', postcode: '3511AB', birthDate: '1984-03-12' } })).data?.linkAccount.linked).toBe(true);
    expect((await ledgerKinds()).length).toBe(size);

    const unlinked = await resident.gql<{ unlinkAccount: boolean }>(UNLINK, { creditorId: node.creditorId });
    expect(unlinked.data?.unlinkAccount).toBe(true);
    expect((await ledgerKinds()).at(-1)).toBe('account.unlinked');
    expect(errorCodes(await resident.gql(TOKENS))).toEqual(['CONSENT_NOT_GIVEN']);
    expect(await node.db.query('SELECT pseudonym FROM account_links')).toEqual([]);
    expect(errorCodes(await resident.gql(UNLINK, { creditorId: node.creditorId }))).toEqual(['LINK_NOT_FOUND']);
  });

  it('gives the same answer for an unknown reference and a wrong check, and writes nothing to the ledger', async () => {
    const resident = await signIn(coordinator, ['resident']);
    const size = (await ledgerKinds()).length;
    const unknown = await resident.gql<{ linkAccount: { linked: boolean; message: string } }>(LINK, { input: { creditorId: node.creditorId, reference: 'AS-0000', postcode: '3511AB', birthDate: '1984-03-12' } });
    const wrong = await resident.gql<{ linkAccount: { linked: boolean; message: string } }>(LINK, { input: { creditorId: node.creditorId, reference: 'AS-4711', postcode: '3511AB', birthDate: '1999-09-09' } });
    expect(unknown.data?.linkAccount).toEqual(wrong.data?.linkAccount);
    expect(unknown.data?.linkAccount.linked).toBe(false);
    expect((await ledgerKinds()).length).toBe(size);
  });

  it('rate-limits failed attempts per resident: the 6th in an hour is refused before the node is asked', async () => {
    const resident = await signIn(coordinator, ['resident']);
    for (let i = 0; i < 5; i += 1) {
      await resident.gql(LINK, { input: { creditorId: node.creditorId, reference: `AS-9${i}`, postcode: '3511AB' } });
    }
    expect(errorCodes(await resident.gql(LINK, { input: { creditorId: node.creditorId, reference: 'AS-4711', postcode: '3511AB', birthDate: '1984-03-12' } }))).toEqual(['LINK_RATE_LIMITED']);
    // Another resident is not affected.
    const other = await signIn(coordinator, ['resident']);
    expect((await other.gql<{ linkAccount: { linked: boolean } }>(LINK, { input: { creditorId: node.creditorId, reference: 'AS-4711', postcode: '3511AB', birthDate: '1984-03-12' } })).data?.linkAccount.linked).toBe(true);
  });

  it('refuses bad input with every field named, an unknown creditor, and a counsellor without mandate', async () => {
    const resident = await signIn(coordinator, ['resident']);
    const bad = await resident.gql(LINK, { input: { creditorId: node.creditorId, reference: '', postcode: 'abc', birthDate: '1984-02-30' } });
    expect(errorCodes(bad)).toEqual(['BAD_USER_INPUT']);
    const fields = ((bad.errors?.[0]?.extensions as { problems?: { field: string }[] } | undefined)?.problems ?? []).map((p) => p.field).sort();
    expect(fields).toEqual(['birthDate', 'postcode', 'reference']);
    expect(errorCodes(await resident.gql(LINK, { input: { creditorId: 'nobody', reference: 'AS-4711', postcode: '3511AB' } }))).toEqual(['LINK_UNKNOWN_CREDITOR']);
    const counsellor = await signIn(coordinator, ['counsellor']);
    expect(errorCodes(await counsellor.gql(LINK, { input: { residentId: resident.id, creditorId: node.creditorId, reference: 'AS-4711', postcode: '3511AB' } }))).toEqual(['MANDATE_REQUIRED']);
  });

  it('says the creditor did not answer when its node is unreachable', async () => {
    const registered = await admin.gql('mutation ($input: RegisterCreditorInput!) { registerCreditor(input: $input) { id } }', {
      input: { id: 'offline-creditor', name: 'Offline BV', sector: 'retail', subgraphUrl: 'http://127.0.0.1:9/graphql', keySet: await (await fetch(`${node.baseUrl}/.well-known/jwks.json`)).text() },
    });
    expect(registered.errors).toBeUndefined();
    const resident = await signIn(coordinator, ['resident']);
    expect(errorCodes(await resident.gql(LINK, { input: { creditorId: 'offline-creditor', reference: 'X-1', postcode: '3511AB' } }))).toEqual(['CREDITOR_UNAVAILABLE']);
  });
});

