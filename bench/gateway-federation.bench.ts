/**
 * The federation through the gateway (issue 5), everything on this machine as real processes: the
 * coordinator, 14 creditor nodes with their own databases (each able to wait before it answers, standing
 * in for network distance: bench/distant-node.ts), and the gateway.
 * (a) fan-out: with 20 ms added per node, the overview of a resident linked to 14 nodes against one
 *     linked to 1 (p50, one connection): parallel fan-out keeps the ratio near 1;
 * (b) the same 3-node overview with 3 creditors registered and with 100 registered: the directory's size
 *     must not matter;
 * (c) no delays, 20 connections: the overview for 1 and for 14 linked nodes, next to one node queried
 *     directly; and the gateway's memory.
 */
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import pg from 'pg';
import { coordinatorEnvWithFreshKeys } from '../test/support/coordinator-env.js';
import { postGraphQL } from '../test/support/graphql-client.js';
import { RESIDENT_CLAIMS_QUERY, residentRepresentation } from '../test/support/graphql-client.js';
import { KeySetServer, generatePrivateJwkJson, generateSigningKey, type SigningKey } from '../test/support/key-set-server.js';
import { nodeEnv } from '../test/support/node-env.js';
import { rowsOf, seedLinkedCustomer } from '../test/support/seed.js';
import { ENTRYPOINTS, ServiceProcess } from '../test/support/service-process.js';
import { createTestDatabase, type TestDatabase } from '../test/support/test-database.js';
import { personToken } from '../test/support/tokens.js';
import { failures, load, result, type BenchResult, type Benchmark, type LoadResult, percentile, benchLog } from './benchmark.js';
import { postgresCpuMs, processCpuMs } from './cpu.js';

const NODE_COUNT = 14;
const REGISTERED_IN_ALL = 100;
const DELAY_MS = 20;
const SEQUENTIAL_SAMPLES = 300;
const CLAIMS_PER_NODE = 3;
const OVERVIEW = '{ me { id claims { id creditorId total stage } } }';

const log = benchLog('gateway-federation');

interface Node {
  /** Customer numbers at this node end in it: ONE-<index>, THREE-<index>, ALL-<index>. */
  readonly index: number;
  readonly creditorId: string;
  readonly database: TestDatabase;
  readonly pool: pg.Pool;
  readonly service: ServiceProcess;
}

/** The creditor node as main.ts starts it, plus a wait before each request that the benchmark sets. */
const DISTANT_NODE = 'dist/bench/distant-node.js';

interface Person {
  readonly token: string;
  readonly id: string;
}

async function sequentialP50(samples: number, request: () => Promise<void>): Promise<number> {
  // Warm-up: the JIT of every process on the path, and the connections, before anything counts.
  for (let i = 0; i < 100; i += 1) await request();
  const times: number[] = [];
  for (let i = 0; i < samples; i += 1) {
    const start = performance.now();
    await request();
    times.push(performance.now() - start);
  }
  return percentile(times.sort((a, b) => a - b), 50);
}

async function peakRssMb(pid: number | undefined): Promise<{ rss: number; peak: number }> {
  if (pid === undefined) return { rss: Number.NaN, peak: Number.NaN };
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string): number => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN);
  return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
}

async function runFederationBenchmark(): Promise<BenchResult[]> {
  const cleanup: (() => Promise<void>)[] = [];
  try {
    const idpKey: SigningKey = await generateSigningKey('bench-idp');
    const idp = await KeySetServer.start([idpKey]);
    cleanup.push(() => idp.stop());
    const coordinatorDatabase = await createTestDatabase('bench_fed_coordinator');
    cleanup.push(() => coordinatorDatabase.drop());
    const coordinator = await ServiceProcess.start({
      label: 'coordinator',
      entrypoint: ENTRYPOINTS.coordinator,
      env: {
        ...(await coordinatorEnvWithFreshKeys({
          databaseUrl: coordinatorDatabase.url,
          oidcJwksUrl: idp.url,
          pseudonymSecret: randomBytes(32).toString('base64'),
        })),
        DATABASE_POOL_SIZE: '4',
      },
    });
    cleanup.push(() => coordinator.stop());
    const coordinatorGql = async <T>(token: string, query: string, variables?: Record<string, unknown>): Promise<T> => {
      const { body } = await postGraphQL<T>(`${coordinator.baseUrl}/graphql`, { query, ...(variables ? { variables } : {}) }, token);
      if (body.errors !== undefined || body.data === undefined || body.data === null) throw new Error(`coordinator: ${JSON.stringify(body.errors)}`);
      return body.data;
    };
    const signIn = async (subject: string, roles: string[]): Promise<Person> => {
      const token = await personToken({ key: idpKey, subject, roles, expiresInSeconds: 3600 });
      return { token, id: (await coordinatorGql<{ whoAmI: { id: string } }>(token, '{ whoAmI { id } }')).whoAmI.id };
    };

    log(`starting ${NODE_COUNT} creditor nodes …`);
    const nodes: Node[] = await Promise.all(
      Array.from({ length: NODE_COUNT }, async (_, index): Promise<Node> => {
        const creditorId = `bench-creditor-${String(index + 1).padStart(2, '0')}`;
        const database = await createTestDatabase(`bench_fed_${index}`);
        const service = await ServiceProcess.start({
          label: creditorId,
          entrypoint: DISTANT_NODE,
          ipc: true,
          env: {
            ...nodeEnv({
              creditorId,
              databaseUrl: database.url,
              port: 0,
              coordinatorJwksUrl: `${coordinator.baseUrl}/consent/v1/jwks.json`,
              staffJwksUrl: idp.url,
              signingKeyJson: await generatePrivateJwkJson(`${creditorId}-1`),
            }),
            DATABASE_POOL_SIZE: '2',
            GRAPHQL_INTROSPECTION: 'false',
          },
        });
        return { index, creditorId, database, pool: new pg.Pool({ connectionString: database.url, max: 1 }), service };
      }),
    );
    for (const node of nodes) {
      cleanup.push(async () => {
        await node.service.stop();
        await node.pool.end();
        await node.database.drop();
      });
    }
    const gateway = await ServiceProcess.start({
      label: 'gateway',
      entrypoint: ENTRYPOINTS.gateway,
      env: { COORDINATOR_URL: `${coordinator.baseUrl}/graphql`, NODE_TIMEOUT_MS: '5000', LOG_LEVEL: 'error' },
    });
    cleanup.push(() => gateway.stop());

    const admin = await signIn('bench-admin', ['admin']);
    const keySet = await (await fetch(`${nodes[0]?.service.baseUrl ?? ''}/.well-known/jwks.json`)).text();
    const register = (id: string, subgraphUrl: string): Promise<unknown> =>
      coordinatorGql(admin.token, 'mutation ($input: RegisterCreditorInput!) { registerCreditor(input: $input) { id } }', {
        input: { id, name: `Bench ${id}`, sector: 'other', subgraphUrl, keySet },
      });
    const residents = { one: await signIn('bench-one', ['resident']), three: await signIn('bench-three', ['resident']), all: await signIn('bench-all', ['resident']) };
    // Links the resident's account at every node of `reach` (customer number <who>-<index>), then one consent for them all.
    const linkAndConsent = async (person: Person, reach: readonly Node[], who: string): Promise<void> => {
      for (const node of reach) {
        const reference = `${who}-${node.index}`;
        const linked = await coordinatorGql<{ linkAccount: { linked: boolean } }>(person.token, 'mutation ($input: LinkAccountInput!) { linkAccount(input: $input) { linked } }', {
          input: { creditorId: node.creditorId, reference, postcode: '3511AB', birthDate: '1984-03-12' },
        });
        if (!linked.linkAccount.linked) throw new Error(`could not link ${reference} at ${node.creditorId}`);
      }
      const { consentText } = await coordinatorGql<{ consentText: { version: string } }>(person.token, '{ consentText(purpose: DEBT_OVERVIEW) { version } }');
      await coordinatorGql(person.token, 'mutation ($input: GiveConsentInput!) { giveConsent(input: $input) { id } }', {
        input: { purpose: 'DEBT_OVERVIEW', creditorIds: reach.map((n) => n.creditorId), categories: ['CLAIMS'], validUntil: new Date(Date.now() + 86_400_000).toISOString(), textVersion: consentText.version },
      });
    };
    for (const [index, node] of nodes.entries()) {
      for (const who of ['ONE', 'THREE', 'ALL']) {
        await seedLinkedCustomer(rowsOf(node.pool), {
          customerReference: `${who}-${index}`,
          claims: Array.from({ length: CLAIMS_PER_NODE }, (_, c) => ({ reference: `${who}-${index}-${c}`, principalCents: 10_000 + c })),
        });
      }
    }
    const overviewOf = (person: Person) => async (): Promise<void> => {
      const { body } = await postGraphQL<{ me: { claims: unknown[] | null } }>(`${gateway.baseUrl}/graphql`, { query: OVERVIEW }, person.token);
      if (body.errors !== undefined) throw new Error(`gateway: ${JSON.stringify(body.errors)}`);
    };

    // (b) 3 linked of 3 registered, then of 100 registered (the other 97 never answer: nobody should ask them).
    const firstThree = nodes.slice(0, 3);
    for (const node of firstThree) await register(node.creditorId, `${node.service.baseUrl}/graphql`);
    await linkAndConsent(residents.three, firstThree, 'THREE');
    const threeWithThree = await sequentialP50(SEQUENTIAL_SAMPLES, overviewOf(residents.three));
    for (const node of nodes.slice(3)) await register(node.creditorId, `${node.service.baseUrl}/graphql`);
    for (let i = NODE_COUNT; i < REGISTERED_IN_ALL; i += 1) await register(`bench-absent-${i}`, `http://127.0.0.1:9/absent-${i}/graphql`);
    const threeWithHundred = await sequentialP50(SEQUENTIAL_SAMPLES, overviewOf(residents.three));
    log(`(b) 3 linked: ${threeWithThree.toFixed(2)} ms with 3 registered, ${threeWithHundred.toFixed(2)} ms with ${REGISTERED_IN_ALL}`);

    await linkAndConsent(residents.one, nodes.slice(0, 1), 'ONE');
    await linkAndConsent(residents.all, nodes, 'ALL');

    // (a) 20 ms of network distance per node. Where the CPU goes per overview is logged too: on two
    // cores, 14 node processes answering at once compete for them, which no fan-out can hide.
    const cpuSplit = async (samples: number, person: Person): Promise<string> => {
      const pids = { gateway: gateway.pid, coordinator: coordinator.pid };
      const read = async (): Promise<number[]> => [
        (await processCpuMs(pids.gateway)) ?? 0,
        (await processCpuMs(pids.coordinator)) ?? 0,
        (await Promise.all(nodes.map((n) => processCpuMs(n.service.pid)))).reduce<number>((sum, ms) => sum + (ms ?? 0), 0),
        await postgresCpuMs(),
        process.cpuUsage().user / 1000 + process.cpuUsage().system / 1000,
      ];
      const before = await read();
      for (let i = 0; i < samples; i += 1) await overviewOf(person)();
      const after = await read();
      const per = after.map((value, i) => (value - (before[i] ?? 0)) / samples);
      return `CPU per overview: gateway ${per[0]?.toFixed(1)} ms, coordinator ${per[1]?.toFixed(1)} ms, nodes ${per[2]?.toFixed(1)} ms, PostgreSQL ${per[3]?.toFixed(1)} ms, client ${per[4]?.toFixed(1)} ms`;
    };
    for (const node of nodes) node.service.send({ delayMs: DELAY_MS });
    const delayedOne = await sequentialP50(200, overviewOf(residents.one));
    const delayedAll = await sequentialP50(200, overviewOf(residents.all));
    const splitOne = await cpuSplit(100, residents.one);
    const splitAll = await cpuSplit(100, residents.all);
    for (const node of nodes) node.service.send({ delayMs: 0 });
    log(`(a) with ${DELAY_MS} ms per node: 1 linked ${delayedOne.toFixed(1)} ms, ${NODE_COUNT} linked ${delayedAll.toFixed(1)} ms`);
    log(`    1 linked: ${splitOne}`);
    log(`    ${NODE_COUNT} linked: ${splitAll}`);

    // (c) throughput at 20 connections, no delays; the node directly as the baseline.
    const grants = await coordinatorGql<{ issueConsentTokens: { creditorId: string; token: string; pseudonym: string; subgraphUrl: string }[] }>(
      residents.one.token,
      'mutation { issueConsentTokens(input: { purpose: DEBT_OVERVIEW, category: CLAIMS }) { creditorId token pseudonym subgraphUrl } }',
    );
    const grant = grants.issueConsentTokens[0];
    if (grant === undefined) throw new Error('no grant for the direct node baseline');
    const directNode = nodes[0] as Node;
    const okBody = (body: string): boolean => !body.includes('"errors"');
    const loadOf = (url: string, token: string, body: string): Promise<LoadResult> =>
      load({
        url,
        connections: 20,
        warmupSeconds: 3,
        seconds: 8,
        nextRequest: () => ({ body, headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` } }),
        checkBody: okBody,
        serverPid: undefined,
        retriesWhenDisturbed: 0,
      });
    const direct = await loadOf(
      `${directNode.service.baseUrl}/graphql`,
      grant.token,
      JSON.stringify({ query: RESIDENT_CLAIMS_QUERY, variables: residentRepresentation(grant.pseudonym) }),
    );
    const viaOne = await loadOf(`${gateway.baseUrl}/graphql`, residents.one.token, JSON.stringify({ query: OVERVIEW }));
    const viaAll = await loadOf(`${gateway.baseUrl}/graphql`, residents.all.token, JSON.stringify({ query: OVERVIEW }));
    const memory = await peakRssMb(gateway.pid);
    const describe = (l: LoadResult): string => `${l.requestsPerSecond.toFixed(0)} req/s, p50 ${l.p50Ms} ms, p99 ${l.p99Ms} ms, ${failures(l)} failures`;
    log(`(c) node directly: ${describe(direct)}; gateway 1 linked: ${describe(viaOne)}; gateway ${NODE_COUNT} linked: ${describe(viaAll)}; gateway RSS ${memory.rss.toFixed(0)} MB (peak ${memory.peak.toFixed(0)} MB)`);

    const loadResults = (name: string, l: LoadResult, baseline: LoadResult, note: string): BenchResult[] => [
      result({ name: `${name}: throughput`, value: l.requestsPerSecond, unit: 'req/s', baseline: baseline.requestsPerSecond, valid: failures(l) === 0, note }),
      result({ name: `${name}: p50`, value: l.p50Ms, unit: 'ms', baseline: baseline.p50Ms }),
      result({ name: `${name}: p99`, value: l.p99Ms, unit: 'ms', baseline: baseline.p99Ms }),
    ];
    return [
      result({
        name: `gateway: overview p50 with ${DELAY_MS} ms per node, ${NODE_COUNT} linked vs 1`,
        value: delayedAll,
        unit: 'ms',
        baseline: delayedOne,
        target: { op: '<=', limit: Math.round(delayedOne * 1.3 * 100) / 100 },
        note: `One connection, ${200} sequential overviews each after warm-up; the ratio is what counts (target ≤ 1.3). Each node waits ${DELAY_MS} ms before it handles a request. ${NODE_COUNT} linked, ${splitAll}.`,
      }),
      result({
        name: `gateway: 3-node overview p50, ${REGISTERED_IN_ALL} registered vs 3`,
        value: threeWithHundred,
        unit: 'ms',
        baseline: threeWithThree,
        target: { op: '<=', limit: Math.round(threeWithThree * 1.15 * 100) / 100 },
        note: `One connection, ${SEQUENTIAL_SAMPLES} sequential overviews each; ${REGISTERED_IN_ALL - NODE_COUNT} of the registered creditors do not even exist. Target: the same within noise (≤ 1.15×).`,
      }),
      ...loadResults('gateway: overview, 1 linked node, 20 connections', viaOne, direct, 'Baseline: the same claims asked of the node directly with a consent token.'),
      ...loadResults(`gateway: overview, ${NODE_COUNT} linked nodes, 20 connections`, viaAll, direct, `Baseline: one node directly. ${NODE_COUNT} nodes, the coordinator, PostgreSQL, the gateway and autocannon share 2 cores.`),
      result({ name: 'gateway: resident memory after the runs (peak)', value: memory.peak, unit: 'MB', note: `RSS now ${memory.rss.toFixed(0)} MB.` }),
    ];
  } finally {
    for (const step of cleanup.reverse()) await step().catch(() => undefined);
  }
}

export const benchmark: Benchmark = {
  name: 'gateway-federation',
  maxSeconds: 600,
  run: runFederationBenchmark,
};
