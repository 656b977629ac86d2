import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { derivePairwisePseudonym } from '#consent';
import { postGraphQL, type GraphQLResponse } from '../support/graphql-client.js';
import { DelayingProxy } from '../support/delaying-proxy.js';
import { coordinatorEnvWithFreshKeys } from '../support/coordinator-env.js';
import { KeySetServer, generatePrivateJwkJson, generateSigningKey, type SigningKey } from '../support/key-set-server.js';
import { nodeEnv } from '../support/node-env.js';
import { rowsOf, seedLinkedCustomer, type SeedClaim } from '../support/seed.js';
import { ENTRYPOINTS, ServiceProcess } from '../support/service-process.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { personToken } from '../support/tokens.js';

/**
 * The federation over real processes (issue 5): the coordinator, three creditor nodes with their own
 * databases, and the gateway, all built from dist/ and talking HTTP. People's access tokens come from a
 * test identity provider's key set.
 */

const NODE_TIMEOUT_MS = 2_000;

interface NodeSpec {
  readonly creditorId: string;
  readonly claims: readonly SeedClaim[];
}

const NODES: readonly NodeSpec[] = [
  { creditorId: 'gemeente-test', claims: [{ reference: 'G-1', principalCents: 31_250 }, { reference: 'G-2', principalCents: 9_900, stage: 'invoice' }] },
  { creditorId: 'waterschap-test', claims: [{ reference: 'W-1', principalCents: 18_733, costsCents: 750, stage: 'formal_demand' }] },
  { creditorId: 'energie-test', claims: [{ reference: 'E-1', principalCents: 72_996 }, { reference: 'E-2', principalCents: 14_200, preferential: true }] },
];

interface RunningNode {
  readonly spec: NodeSpec;
  readonly database: TestDatabase;
  readonly pool: pg.Pool;
  readonly service: ServiceProcess;
  /** What the directory holds as its subgraph URL: a proxy in front of it, so the test can slow it. */
  readonly proxy: DelayingProxy;
}

interface Claim {
  readonly id: string;
  readonly creditorId: string;
  readonly total: string;
}

type Overview = GraphQLResponse<{ me: { id: string; claims: Claim[] | null } | null }>;

const OVERVIEW = '{ me { id claims { id creditorId total } } }';
const RESIDENT_OVERVIEW = 'query ($id: ID!) { resident(id: $id) { id claims { id creditorId } } }';

let idpKey: SigningKey;
let idp: KeySetServer;
let coordinatorDatabase: TestDatabase;
let coordinator: ServiceProcess;
let gateway: ServiceProcess;
const nodes: RunningNode[] = [];
const pseudonymSecret = randomBytes(32);

let sanne: { token: string; id: string };
let consentForThird: string;

async function coordinatorGql<T>(token: string, query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>> {
  return (await postGraphQL<T>(`${coordinator.baseUrl}/graphql`, { query, ...(variables ? { variables } : {}) }, token)).body;
}

async function gatewayGql<T>(token: string | undefined, query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>> {
  return (await postGraphQL<T>(`${gateway.baseUrl}/graphql`, { query, ...(variables ? { variables } : {}) }, token)).body;
}

async function signIn(subject: string, roles: string[]): Promise<{ token: string; id: string }> {
  const token = await personToken({ key: idpKey, subject, roles, expiresInSeconds: 900 });
  const who = await coordinatorGql<{ whoAmI: { id: string } }>(token, '{ whoAmI { id } }');
  const id = who.data?.whoAmI.id;
  if (id === undefined) throw new Error(`sign-in failed: ${JSON.stringify(who.errors)}`);
  return { token, id };
}

async function giveConsent(person: { token: string }, creditorIds: string[]): Promise<string> {
  const text = await coordinatorGql<{ consentText: { version: string } }>(person.token, '{ consentText(purpose: DEBT_OVERVIEW) { version } }');
  const given = await coordinatorGql<{ giveConsent: { id: string } }>(
    person.token,
    'mutation ($input: GiveConsentInput!) { giveConsent(input: $input) { id } }',
    {
      input: {
        purpose: 'DEBT_OVERVIEW',
        creditorIds,
        categories: ['CLAIMS'],
        validUntil: new Date(Date.now() + 30 * 86_400_000).toISOString(),
        textVersion: text.data?.consentText.version,
      },
    },
  );
  const id = given.data?.giveConsent.id;
  if (id === undefined) throw new Error(`consent failed: ${JSON.stringify(given.errors)}`);
  return id;
}

async function disclosedPseudonyms(node: RunningNode): Promise<string[]> {
  const { rows } = await node.pool.query<{ pseudonym: string }>('SELECT DISTINCT pseudonym FROM disclosures ORDER BY pseudonym');
  return rows.map((row) => row.pseudonym);
}

async function disclosureCount(node: RunningNode): Promise<number> {
  const { rows } = await node.pool.query<{ n: string }>('SELECT count(*) AS n FROM disclosures');
  return Number(rows[0]?.n ?? 0);
}

const claimIdsOf = (overview: Overview): string[] => (overview.data?.me?.claims ?? []).map((c) => c.id).sort();
const idsOf = (spec: NodeSpec): string[] => spec.claims.map((c) => `${spec.creditorId}:${c.reference}`);

beforeAll(async () => {
  idpKey = await generateSigningKey('test-idp-1');
  idp = await KeySetServer.start([idpKey]);
  coordinatorDatabase = await createTestDatabase('fed_coordinator');
  coordinator = await ServiceProcess.start({
    label: 'coordinator',
    entrypoint: ENTRYPOINTS.coordinator,
    env: await coordinatorEnvWithFreshKeys({
      databaseUrl: coordinatorDatabase.url,
      oidcJwksUrl: idp.url,
      pseudonymSecret: pseudonymSecret.toString('base64'),
    }),
  });
  for (const spec of NODES) {
    const database = await createTestDatabase(`fed_${spec.creditorId}`);
    const service = await ServiceProcess.start({
      label: spec.creditorId,
      entrypoint: ENTRYPOINTS.node,
      env: nodeEnv({
        creditorId: spec.creditorId,
        databaseUrl: database.url,
        port: 0,
        coordinatorJwksUrl: `${coordinator.baseUrl}/consent/v1/jwks.json`,
        staffJwksUrl: idp.url,
        signingKeyJson: await generatePrivateJwkJson(`${spec.creditorId}-1`),
      }),
    });
    const proxy = await DelayingProxy.start(service.baseUrl);
    nodes.push({ spec, database, pool: new pg.Pool({ connectionString: database.url, max: 2 }), service, proxy });
  }
  gateway = await ServiceProcess.start({
    label: 'gateway',
    entrypoint: ENTRYPOINTS.gateway,
    env: { COORDINATOR_URL: `${coordinator.baseUrl}/graphql`, NODE_TIMEOUT_MS: String(NODE_TIMEOUT_MS), GRAPHQL_INTROSPECTION: 'true', LOG_LEVEL: 'error' },
  });

  const admin = await signIn('test-admin', ['admin']);
  for (const node of nodes) {
    const keySet = await (await fetch(`${node.service.baseUrl}/.well-known/jwks.json`)).text();
    const registered = await coordinatorGql(admin.token, 'mutation ($input: RegisterCreditorInput!) { registerCreditor(input: $input) { id } }', {
      input: { id: node.spec.creditorId, name: `Test ${node.spec.creditorId}`, sector: 'municipality', subgraphUrl: `${node.proxy.url}/graphql`, keySet },
    });
    if (registered.errors !== undefined) throw new Error(`register failed: ${JSON.stringify(registered.errors)}`);
  }

  sanne = await signIn('resident-sanne', ['resident']);
  // Sanne links her account at every creditor the real way: reference, postcode and birth date, checked by the node.
  for (const [index, node] of nodes.entries()) {
    await seedLinkedCustomer(rowsOf(node.pool), { customerReference: `C-${index}`, postcode: '3511AB', claims: [...node.spec.claims] });
    const linked = await coordinatorGql<{ linkAccount: { linked: boolean } }>(sanne.token, 'mutation ($input: LinkAccountInput!) { linkAccount(input: $input) { linked } }', {
      input: { creditorId: node.spec.creditorId, reference: `C-${index}`, postcode: '3511 AB', birthDate: '1984-03-12' },
    });
    if (linked.data?.linkAccount.linked !== true) throw new Error(`linking failed: ${JSON.stringify(linked)}`);
  }
  await giveConsent(sanne, [NODES[0]?.creditorId ?? '', NODES[1]?.creditorId ?? '']);
  consentForThird = await giveConsent(sanne, [NODES[2]?.creditorId ?? '']);
}, 120_000);

afterAll(async () => {
  await gateway?.stop();
  for (const node of nodes) {
    await node.proxy.stop();
    await node.service.stop();
    await node.pool.end();
    await node.database.drop();
  }
  await coordinator?.stop();
  await coordinatorDatabase?.drop();
  await idp?.stop();
});

describe('the overview through the gateway', () => {
  it('merges the claims of all three nodes into one answer', async () => {
    const overview = await gatewayGql<Overview['data']>(sanne.token, OVERVIEW);
    expect(overview.errors).toBeUndefined();
    expect(overview.data?.me?.id).toBe(sanne.id);
    expect(claimIdsOf(overview as Overview)).toEqual(NODES.flatMap(idsOf).sort());
    const total = (overview.data?.me?.claims ?? []).find((c) => c.id === 'waterschap-test:W-1')?.total;
    expect(total).toBe('19483');
  });

  it('one query gives the totals per creditor and overall, and whom it asked', async () => {
    const overview = await gatewayGql<{
      me: { overviewCreditors: { id: string }[]; creditorTotals: { creditorId: string; claimCount: number; total: string }[]; claims: { stage: string }[] };
    }>(sanne.token, '{ me { overviewCreditors { id } creditorTotals { creditorId claimCount total } claims { stage } } }');
    expect(overview.errors).toBeUndefined();
    const me = overview.data?.me;
    expect(me?.overviewCreditors.map((c) => c.id).sort()).toEqual(NODES.map((n) => n.creditorId).sort());
    const totals = Object.fromEntries((me?.creditorTotals ?? []).map((t) => [t.creditorId, [t.claimCount, t.total]]));
    expect(totals).toEqual({ 'gemeente-test': [2, '41150'], 'waterschap-test': [1, '19483'], 'energie-test': [2, '87196'] });
    const overall = (me?.creditorTotals ?? []).reduce((sum, t) => sum + BigInt(t.total), 0n);
    expect(overall).toBe(147_829n);
    expect(new Set(me?.claims.map((c) => c.stage))).toEqual(new Set(['REMINDER', 'INVOICE', 'FORMAL_DEMAND']));
    // claims and creditorTotals in one query: each node disclosed (and logged) once.
    for (const node of nodes) expect(await disclosureCount(node)).toBe(2);
  });

  it("each node's disclosure log shows only its own pseudonym, never the platform id", async () => {
    for (const node of nodes) {
      const own = derivePairwisePseudonym({ secret: pseudonymSecret, residentId: sanne.id, creditorId: node.spec.creditorId });
      expect(await disclosedPseudonyms(node)).toEqual([own]);
      const { rows } = await node.pool.query<{ n: string }>("SELECT count(*) AS n FROM disclosures WHERE pseudonym = $1 OR pseudonym LIKE '%' || $1 || '%'", [sanne.id]);
      expect(Number(rows[0]?.n)).toBe(0);
    }
  });

  it('a node that sleeps: the answer comes within the timeout + 10%, partial, naming the late creditor', async () => {
    const slow = nodes[2] as RunningNode;
    slow.proxy.delayMs = 10_000;
    try {
      const started = performance.now();
      const overview = (await gatewayGql<Overview['data']>(sanne.token, OVERVIEW)) as Overview;
      const elapsed = performance.now() - started;
      expect(elapsed).toBeLessThanOrEqual(NODE_TIMEOUT_MS * 1.1);
      expect(claimIdsOf(overview)).toEqual([...idsOf(NODES[0] as NodeSpec), ...idsOf(NODES[1] as NodeSpec)].sort());
      expect(overview.errors?.map((e) => [e.extensions?.code, (e.extensions as { creditorId?: string } | undefined)?.creditorId])).toEqual([['CREDITOR_UNAVAILABLE', slow.spec.creditorId]]);
      expect(JSON.stringify(overview.errors)).not.toMatch(/127\.0\.0\.1|http:/);
    } finally {
      slow.proxy.delayMs = 0;
    }
  });

  it('after a consent is withdrawn, the next overview gets nothing from its node', async () => {
    const third = nodes[2] as RunningNode;
    const before = await disclosureCount(third);
    const withdrawn = await coordinatorGql(sanne.token, 'mutation ($id: ID!) { withdrawConsent(id: $id) { state } }', { id: consentForThird });
    expect(withdrawn.errors).toBeUndefined();
    const overview = (await gatewayGql<Overview['data']>(sanne.token, OVERVIEW)) as Overview;
    expect(overview.errors).toBeUndefined();
    expect(claimIdsOf(overview)).toEqual([...idsOf(NODES[0] as NodeSpec), ...idsOf(NODES[1] as NodeSpec)].sort());
    expect(await disclosureCount(third)).toBe(before);
  });
});

describe('who may see whom', () => {
  it('a resident cannot read another resident by id', async () => {
    const ahmed = await signIn('resident-ahmed', ['resident']);
    const counts = await Promise.all(nodes.map(disclosureCount));
    const answer = await gatewayGql<{ resident: unknown }>(ahmed.token, RESIDENT_OVERVIEW, { id: sanne.id });
    expect(answer.data?.resident ?? null).toBeNull();
    expect(answer.errors?.map((e) => e.extensions?.code)).toEqual(['MANDATE_REQUIRED']);
    expect(await Promise.all(nodes.map(disclosureCount))).toEqual(counts);
  });

  it('a counsellor without a mandate is refused; with one, sees the resident', async () => {
    const fatima = await signIn('counsellor-fatima', ['counsellor']);
    const refused = await gatewayGql<{ resident: unknown }>(fatima.token, RESIDENT_OVERVIEW, { id: sanne.id });
    expect(refused.errors?.map((e) => e.extensions?.code)).toEqual(['MANDATE_REQUIRED']);

    const text = await coordinatorGql<{ mandateText: { version: string } }>(sanne.token, '{ mandateText { version } }');
    const mandate = await coordinatorGql(sanne.token, 'mutation ($input: GiveMandateInput!) { giveMandate(input: $input) { id } }', {
      input: { counsellorId: fatima.id, validUntil: new Date(Date.now() + 30 * 86_400_000).toISOString(), textVersion: text.data?.mandateText.version },
    });
    expect(mandate.errors).toBeUndefined();
    const allowed = await gatewayGql<{ resident: { id: string; claims: Claim[] } }>(fatima.token, RESIDENT_OVERVIEW, { id: sanne.id });
    expect(allowed.errors).toBeUndefined();
    expect((allowed.data?.resident.claims ?? []).map((c) => c.id).sort()).toEqual([...idsOf(NODES[0] as NodeSpec), ...idsOf(NODES[1] as NodeSpec)].sort());
  });

  it('without a token the gateway answers nothing about residents', async () => {
    const answer = await gatewayGql<Overview['data']>(undefined, OVERVIEW);
    expect(answer.data?.me ?? null).toBeNull();
    expect(answer.errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
  });
});

describe('a node that is down', () => {
  it('gives a partial answer with CREDITOR_UNAVAILABLE naming it, never a failed query', async () => {
    const down = nodes[1] as RunningNode;
    await down.service.kill();
    const unavailableCount = async (): Promise<number> =>
      Number(/graphql_errors_total\{service="gateway",code="CREDITOR_UNAVAILABLE"\} (\d+)/.exec(await (await fetch(`${gateway.baseUrl}/metrics`)).text())?.[1] ?? 0);
    const countBefore = await unavailableCount();
    const overview = (await gatewayGql<Overview['data']>(sanne.token, OVERVIEW)) as Overview;
    // Answered with 200, so only this counter shows an operator that a node is missing from overviews.
    expect((await unavailableCount()) - countBefore).toBe(1);
    expect(claimIdsOf(overview)).toEqual(idsOf(NODES[0] as NodeSpec).sort());
    // Whom the overview asked, against who answered: the missing creditor is visible as data too.
    const asked = await gatewayGql<{ me: { overviewCreditors: { id: string }[]; creditorTotals: { creditorId: string }[] } }>(
      sanne.token,
      '{ me { overviewCreditors { id } creditorTotals { creditorId } } }',
    );
    const answered = new Set(asked.data?.me.creditorTotals.map((t) => t.creditorId));
    expect(asked.data?.me.overviewCreditors.map((c) => c.id).filter((id) => !answered.has(id))).toEqual([down.spec.creditorId]);
    expect(overview.errors?.map((e) => [e.extensions?.code, (e.extensions as { creditorId?: string } | undefined)?.creditorId])).toEqual([['CREDITOR_UNAVAILABLE', down.spec.creditorId]]);
  });
});
