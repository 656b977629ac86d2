/**
 * The proposal workflow's delivery (issue 6), everything on this machine as real processes: the
 * coordinator with its bull queue on the real Redis, and 14 creditor nodes with their own databases.
 * (a) latency: from submitting a proposal until all 14 nodes hold it (their 202 after their commit),
 *     p50/p95 over sequential proposals; baseline: the proposePlan call's own answer time;
 * (b) throughput through the queue: proposals submitted while no worker runs (the coordinator serves
 *     the API only), then a worker process starts and delivers them all; baseline: the same run's
 *     submission rate. Also reported: submissions and deliveries at once (API and worker together).
 * Nodes wait for staff (no answers flow back), so what is measured is the delivery.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { derivePairwisePseudonym } from '#consent';
import { coordinatorEnvWithFreshKeys } from '../test/support/coordinator-env.js';
import { recordLinksDirectly } from '../test/support/coordinator-links.js';
import { postGraphQL } from '../test/support/graphql-client.js';
import { KeySetServer, generatePrivateJwkJson, generateSigningKey } from '../test/support/key-set-server.js';
import { nodeEnv } from '../test/support/node-env.js';
import { rowsOf, seedLinkedCustomer } from '../test/support/seed.js';
import { ENTRYPOINTS, ServiceProcess } from '../test/support/service-process.js';
import { createTestDatabase, type TestDatabase } from '../test/support/test-database.js';
import { personToken } from '../test/support/tokens.js';
import { benchEnv } from './bench-env.js';
import { result, type BenchResult, type Benchmark, percentile, benchLog } from './benchmark.js';
import { namedProcessCpuMs, postgresCpuMs, processCpuMs } from './cpu.js';

const NODE_COUNT = 14;
const RESIDENTS = 100;
const SEQUENTIAL = 60;
const CONCURRENT_PROPOSALS = 400;
const CLIENTS = 8;
const NODE_STARTS_AT_ONCE = 4;

const log = benchLog('proposal-delivery');

async function runProposalDeliveryBenchmark(): Promise<BenchResult[]> {
  const cleanup: (() => Promise<void>)[] = [];
  try {
    const idpKey = await generateSigningKey('bench-idp');
    const idp = await KeySetServer.start([idpKey]);
    cleanup.push(() => idp.stop());
    const secret = randomBytes(32);
    const coordinatorDatabase = await createTestDatabase('bench_prop_coordinator');
    cleanup.push(() => coordinatorDatabase.drop());
    const coordinatorEnvironment = {
      ...(await coordinatorEnvWithFreshKeys({
        databaseUrl: coordinatorDatabase.url,
        oidcJwksUrl: idp.url,
        pseudonymSecret: secret.toString('base64'),
      })),
      DATABASE_POOL_SIZE: '12',
      DELIVERY_CONCURRENCY: '256',
    };
    const startCoordinator = (label: string, env: Record<string, string>, port?: number): Promise<ServiceProcess> =>
      ServiceProcess.start({ label, entrypoint: ENTRYPOINTS.coordinator, env: { ...coordinatorEnvironment, ...env }, ...(port === undefined ? {} : { port }) });
    let coordinator = await startCoordinator('coordinator', {});
    cleanup.push(() => coordinator.stop());
    const coordinatorPool = new pg.Pool({ connectionString: coordinatorDatabase.url, max: 2 });
    cleanup.push(() => coordinatorPool.end());
    const gql = async <T>(token: string, query: string, variables?: Record<string, unknown>): Promise<T> => {
      const { body } = await postGraphQL<T>(`${coordinator.baseUrl}/graphql`, { query, ...(variables ? { variables } : {}) }, token);
      if (body.errors !== undefined || body.data === undefined || body.data === null) throw new Error(`coordinator: ${JSON.stringify(body.errors)}`);
      return body.data;
    };

    log(`starting ${NODE_COUNT} creditor nodes …`);
    // A few at a time: fourteen Node.js processes starting at once on two cores can take longer than a start may.
    const nodes = await inBatches(
      NODE_STARTS_AT_ONCE,
      Array.from({ length: NODE_COUNT }, (_, index) => async () => {
        const creditorId = `bench-creditor-${String(index + 1).padStart(2, '0')}`;
        const database: TestDatabase = await createTestDatabase(`bench_prop_${index}`);
        cleanup.push(() => database.drop());
        const service = await ServiceProcess.start({
          label: creditorId,
          entrypoint: ENTRYPOINTS.node,
          env: {
            ...nodeEnv({
              creditorId,
              databaseUrl: database.url,
              port: 0,
              coordinatorJwksUrl: `${coordinator.baseUrl}/consent/v1/jwks.json`,
              staffJwksUrl: idp.url,
              signingKeyJson: await generatePrivateJwkJson(`${creditorId}-1`),
            }),
            DATABASE_POOL_SIZE: '4',
            ACCEPTANCE_POLICY: 'staff',
          },
          nodeFlags: index === 0 ? benchEnv.nodeFlags : [],
        });
        const node = { creditorId, database, service, pool: new pg.Pool({ connectionString: database.url, max: 2 }) };
        // Registered at once, so a node that started is stopped even when another one fails to start.
        cleanup.push(async () => {
          await node.service.stop();
          await node.pool.end();
        });
        return node;
      }),
    );
    const admin = await personToken({ key: idpKey, subject: 'bench-admin', roles: ['admin'], expiresInSeconds: 3600 });
    for (const node of nodes) {
      const keySet = await (await fetch(`${node.service.baseUrl}/.well-known/jwks.json`)).text();
      await gql(admin, 'mutation ($input: RegisterCreditorInput!) { registerCreditor(input: $input) { id } }', {
        input: { id: node.creditorId, name: `Bench ${node.creditorId}`, sector: 'other', subgraphUrl: `${node.service.baseUrl}/graphql`, keySet },
      });
    }

    log(`preparing ${RESIDENTS} residents, each linked at all ${NODE_COUNT} nodes with a consent and a budget …`);
    const residents: string[] = [];
    const { consentText } = await gql<{ consentText: { version: string } }>(admin, '{ consentText(purpose: COLLECTIVE_ARRANGEMENT) { version } }');
    for (let r = 0; r < RESIDENTS; r += 1) {
      const token = await personToken({ key: idpKey, subject: `bench-resident-${r}`, roles: ['resident'], expiresInSeconds: 3600 });
      const { whoAmI } = await gql<{ whoAmI: { id: string } }>(token, '{ whoAmI { id } }');
      await recordLinksDirectly(coordinatorPool, whoAmI.id, nodes.map((n) => n.creditorId));
      for (const node of nodes) {
        await seedLinkedCustomer(rowsOf(node.pool), {
          customerReference: `R${r}`,
          pseudonym: derivePairwisePseudonym({ secret, residentId: whoAmI.id, creditorId: node.creditorId }),
          claims: [{ reference: `R${r}-1`, principalCents: 20_000 + r }],
        });
      }
      await gql(token, 'mutation ($input: GiveConsentInput!) { giveConsent(input: $input) { id } }', {
        input: { purpose: 'COLLECTIVE_ARRANGEMENT', creditorIds: nodes.map((n) => n.creditorId), categories: ['CLAIMS'], validUntil: new Date(Date.now() + 86_400_000).toISOString(), textVersion: consentText.version },
      });
      await gql(token, 'mutation ($input: BudgetInput!) { setBudget(input: $input) { capacity } }', {
        input: { payDay: 25, household: 'SINGLE', ageBand: 'AGE_21_TO_AOW', netIncome: '250000' },
      });
      residents.push(token);
    }

    const propose = async (token: string): Promise<string> => (await gql<{ proposePlan: { id: string } }>(token, 'mutation { proposePlan(input: { mode: REPAYMENT }) { id } }')).proposePlan.id;
    const deliveredAt = async (ids: readonly string[]): Promise<{ delivered: number; lastMs: number }> => {
      const { rows } = await coordinatorPool.query<{ delivered: string; last_ms: string | null }>(
        `SELECT count(*) FILTER (WHERE delivery = 'delivered') AS delivered, extract(epoch FROM max(delivered_at)) * 1000 AS last_ms
           FROM proposal_creditors WHERE proposal_id = ANY($1::uuid[])`,
        [ids],
      );
      return { delivered: Number(rows[0]?.delivered ?? 0), lastMs: Number(rows[0]?.last_ms ?? Number.NaN) };
    };
    const untilDelivered = async (ids: readonly string[]): Promise<number> => {
      for (;;) {
        const state = await deliveredAt(ids);
        if (state.delivered === ids.length * NODE_COUNT) return state.lastMs;
        await new Promise((r) => setTimeout(r, 5));
      }
    };

    // (a) one at a time: submission to the last node holding it.
    const latencies: number[] = [];
    const answerTimes: number[] = [];
    for (let i = 0; i < SEQUENTIAL + 10; i += 1) {
      const started = Date.now();
      const id = await propose(residents[i % RESIDENTS] as string);
      const answered = Date.now();
      const last = await untilDelivered([id]);
      if (i >= 10) {
        latencies.push(last - started);
        answerTimes.push(answered - started);
      }
    }
    latencies.sort((a, b) => a - b);
    answerTimes.sort((a, b) => a - b);
    const heldP50 = percentile(latencies, 50);
    const heldP95 = percentile(latencies, 95);
    const answeredP50 = percentile(answerTimes, 50);
    const answeredP95 = percentile(answerTimes, 95);
    log(`(a) all ${NODE_COUNT} nodes hold it: p50 ${heldP50.toFixed(1)} ms, p95 ${heldP95.toFixed(1)} ms; proposePlan answers p50 ${answeredP50.toFixed(1)} ms, p95 ${answeredP95.toFixed(1)} ms`);

    const submitMany = async (count: number): Promise<{ ids: string[]; ms: number }> => {
      const ids: string[] = [];
      const startedAt = Date.now();
      let next = 0;
      await Promise.all(
        Array.from({ length: CLIENTS }, async () => {
          while (next < count) {
            const mine = next;
            next += 1;
            ids.push(await propose(residents[mine % RESIDENTS] as string));
          }
        }),
      );
      return { ids, ms: Date.now() - startedAt };
    };

    // (b) through the queue: submitted while no worker runs, then one worker process drains them.
    const port = coordinator.port;
    await coordinator.stop();
    coordinator = await startCoordinator('coordinator-api', { DELIVERY_WORKER: 'false' }, port);
    const queued = await submitMany(CONCURRENT_PROPOSALS);
    const submittedPerMinute = (CONCURRENT_PROPOSALS / queued.ms) * 60_000;
    const cpuNow = async (workerPid: number | undefined): Promise<number[]> => [
      (await processCpuMs(workerPid)) ?? 0,
      (await Promise.all(nodes.map((n) => processCpuMs(n.service.pid)))).reduce<number>((sum, ms) => sum + (ms ?? 0), 0),
      await postgresCpuMs(),
      await namedProcessCpuMs('redis-server'),
    ];
    const workerStarted = Date.now();
    const worker = await startCoordinator('coordinator-worker', { DELIVERY_WORKER: 'true' });
    cleanup.push(() => worker.stop());
    const cpuBefore = await cpuNow(worker.pid);
    const lastDelivery = await untilDelivered(queued.ids);
    const drained = lastDelivery - workerStarted;
    // Sustained: from the worker's first delivery to its last, its start-up left out.
    const { rows: firstRows } = await coordinatorPool.query<{ first_ms: string }>(
      `SELECT extract(epoch FROM min(delivered_at)) * 1000 AS first_ms FROM proposal_creditors WHERE proposal_id = ANY($1::uuid[])`,
      [queued.ids],
    );
    const sustainedMs = lastDelivery - Number(firstRows[0]?.first_ms);
    const cpuAfter = await cpuNow(worker.pid);
    const perDelivery = cpuAfter.map((ms, i) => ((ms - (cpuBefore[i] ?? 0)) / (CONCURRENT_PROPOSALS * NODE_COUNT)).toFixed(2));
    const cpuSplit = `CPU per delivery: worker ${perDelivery[0]} ms, node ${perDelivery[1]} ms, PostgreSQL ${perDelivery[2]} ms, Redis ${perDelivery[3]} ms`;
    log(`    ${cpuSplit}`);
    const perMinute = (CONCURRENT_PROPOSALS / sustainedMs) * 60_000;
    const withStartPerMinute = (CONCURRENT_PROPOSALS / drained) * 60_000;
    log(
      `(b) ${CONCURRENT_PROPOSALS} proposals queued in ${queued.ms} ms (${submittedPerMinute.toFixed(0)}/min); one worker delivered them to all ${NODE_COUNT} nodes in ` +
        `${sustainedMs.toFixed(0)} ms from its first delivery to its last (${perMinute.toFixed(0)}/min), ${drained.toFixed(0)} ms with its start-up (${withStartPerMinute.toFixed(0)}/min)`,
    );

    // And everything at once: clients submitting while the worker delivers.
    const togetherStarted = Date.now();
    const together = await submitMany(CONCURRENT_PROPOSALS);
    const togetherMs = (await untilDelivered(together.ids)) - togetherStarted;
    const togetherPerMinute = (CONCURRENT_PROPOSALS / togetherMs) * 60_000;
    log(`    submitting and delivering at once: ${togetherPerMinute.toFixed(0)}/min (the API's gathering of claims from ${NODE_COUNT} nodes per proposal sets the pace)`);

    return [
      result({
        name: `proposals: submission until all ${NODE_COUNT} nodes hold it, p95`,
        value: heldP95,
        unit: 'ms',
        baseline: answeredP95,
        target: { op: '<=', limit: 2_000 },
        note: `${SEQUENTIAL} proposals one after another (each gathers the claims from ${NODE_COUNT} nodes, then is delivered to each through the outbox and bull). p50 ${heldP50.toFixed(1)} ms. Baseline: proposePlan's own answer time (p95).`,
      }),
      result({
        name: `proposals: sustained throughput to ${NODE_COUNT} nodes`,
        value: perMinute,
        unit: 'proposals/min',
        baseline: submittedPerMinute,
        target: { op: '>=', limit: 1_000 },
        note: `${CONCURRENT_PROPOSALS} proposals queued (by ${CLIENTS} clients, no worker running), then one worker process delivers all ${CONCURRENT_PROPOSALS * NODE_COUNT}: from its first delivery to its last (with its start-up: ${withStartPerMinute.toFixed(0)}/min). ${cpuSplit}. Baseline: the rate the API took them in.`,
      }),
      result({
        name: 'proposals: submitted and delivered at once',
        value: togetherPerMinute,
        unit: 'proposals/min',
        baseline: submittedPerMinute,
        note: `${CONCURRENT_PROPOSALS} proposals from ${CLIENTS} clients while the worker delivers, until every node holds every one.`,
      }),
    ];
  } finally {
    for (const step of cleanup.reverse()) await step().catch(() => undefined);
  }
}

export const benchmark: Benchmark = {
  name: 'proposal-delivery',
  maxSeconds: 900,
  run: runProposalDeliveryBenchmark,
};

async function inBatches<T>(size: number, tasks: readonly (() => Promise<T>)[]): Promise<T[]> {
  const results: T[] = [];
  for (let i = 0; i < tasks.length; i += size) results.push(...(await Promise.all(tasks.slice(i, i + size).map((task) => task()))));
  return results;
}
