import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { COORDINATOR_PROPOSAL_ANSWERS_PATH, NODE_PROPOSAL_BATCH_PATH } from '#contracts';
import { TestPlatform, eventually, type Person, type PlatformNode } from '../support/platform.js';
import type { ServiceProcess } from '../support/service-process.js';

/**
 * Issue 8, observability: the coordinator's API and its delivery worker as separate processes (as in
 * production), one correlation id followed from the request that proposes a plan, through the outbox
 * and the queue, to the node that receives it, back with the node's answer from the node's outbox, and
 * on to the job that tells the node the plan started; and the gauges an operator watches at GET /metrics.
 */

let platform: TestPlatform;
let node: PlatformNode;
let resident: Person;

const gauge = (metrics: string, series: string): number => {
  const line = metrics.split('\n').find((l) => l.startsWith(`${series} `));
  if (line === undefined) throw new Error(`no ${series} in:\n${metrics}`);
  return Number(line.slice(series.length + 1));
};
const metricsOf = async (service: ServiceProcess): Promise<string> => (await fetch(`${service.baseUrl}/metrics`)).text();

beforeAll(async () => {
  platform = await TestPlatform.start({ label: 'observability', coordinatorEnv: { DELIVERY_WORKER: 'false', LOG_LEVEL: 'info' } });
  node = await platform.addNode('watched-node', { ACCEPTANCE_POLICY: 'automatic', LOG_LEVEL: 'info' });
  resident = await platform.signIn('resident-observed', ['resident']);
  await platform.linkAccount(resident, node, 'W-1', [{ reference: 'W-1-1', principalCents: 40_000 }]);
  await platform.consent(resident, 'COLLECTIVE_ARRANGEMENT', [node.creditorId]);
  await platform.gql(resident.token, 'mutation ($input: BudgetInput!) { setBudget(input: $input) { capacity } }', {
    input: { payDay: 25, household: 'SINGLE', ageBand: 'AGE_21_TO_AOW', netIncome: '220000' },
  });
}, 120_000);

afterAll(async () => {
  await platform?.stop();
});

describe('a proposal followed by its correlation id, with the worker in its own process', () => {
  const correlationId = 'propose-plan-test-0001';
  let worker: ServiceProcess;

  it('waits in the outbox while no worker runs, and the coordinator shows how long it waits', async () => {
    const { data, errors } = await platform.gqlRaw<{ proposePlan: { id: string } }>(resident.token, 'mutation { proposePlan(input: { mode: REPAYMENT }) { id } }', undefined, {
      'x-correlation-id': correlationId,
    });
    expect(errors).toBeUndefined();
    expect(data?.proposePlan.id).toMatch(/^[0-9a-f-]{36}$/);
    await new Promise((resolve) => setTimeout(resolve, 1_200));
    const metrics = await metricsOf(platform.coordinator);
    expect(gauge(metrics, 'delivery_outbox_unfinished')).toBe(1);
    expect(gauge(metrics, 'delivery_oldest_unfinished_age_seconds')).toBeGreaterThanOrEqual(1);
    expect(gauge(metrics, 'delivery_queue_jobs{state="waiting"}')).toBe(1);
    expect(gauge(metrics, 'proposals{state="open"}')).toBe(1);
    expect(gauge(metrics, 'proposal_deliveries{delivery="pending"}')).toBe(1);
    // Link, consent and proposal are each in the ledger; the gauge is its tree size.
    expect(gauge(metrics, 'ledger_entries')).toBeGreaterThanOrEqual(3);
  });

  it('is delivered once the worker starts, and the worker and the node log it under the same id', async () => {
    worker = await platform.startWorker({ LOG_LEVEL: 'info' });
    expect((await fetch(`${worker.baseUrl}/health/ready`)).status).toBe(200);
    const jobLine = await eventually('the worker to log the delivery', () => Promise.resolve(worker.logLines(correlationId).find((line) => line.msg === 'job')), 20_000);
    expect(jobLine).toMatchObject({ service: 'worker', level: 'info', job: 'deliver-proposal', creditorId: node.creditorId, attempt: 1, outcome: 'done', correlationId });
    const nodeLine = await eventually('the node to log the delivery', () =>
      Promise.resolve(node.service.logLines(correlationId).find((line) => line.msg === 'request' && line['path'] === NODE_PROPOSAL_BATCH_PATH)),
    );
    expect(nodeLine).toMatchObject({ service: `node:${node.creditorId}`, method: 'POST', status: 200, correlationId });
    // The node's policy accepted at once: its answer leaves from the node's outbox under the same id,
    // and so does the job the coordinator writes when the plan starts on that answer.
    const answerLine = await eventually('the coordinator to log the node\'s answer', () =>
      Promise.resolve(platform.coordinator.logLines(correlationId).find((line) => line.path === COORDINATOR_PROPOSAL_ANSWERS_PATH)),
    );
    expect(answerLine).toMatchObject({ service: 'coordinator', msg: 'request', method: 'POST', status: 200, correlationId });
    const startLine = await eventually('the worker to tell the node the plan started', () =>
      Promise.resolve(worker.logLines(correlationId).find((line) => line.msg === 'job' && line['job'] === 'deliver-plan-event')),
    );
    expect(startLine).toMatchObject({ creditorId: node.creditorId, outcome: 'done', correlationId });
    expect(platform.coordinator.logLines(correlationId).map((line) => line.path)).toEqual(['/graphql', COORDINATOR_PROPOSAL_ANSWERS_PATH]);
    // The API process delivered nothing itself: it has no worker.
    expect(platform.coordinator.logLines().filter((line) => line.msg === 'job')).toEqual([]);
  }, 40_000);

  it('shows the delivery done in the gauges of both processes', async () => {
    for (const service of [platform.coordinator, worker]) {
      const metrics = await eventually('the delivery to be finished', async () => {
        const text = await metricsOf(service);
        return gauge(text, 'delivery_outbox_unfinished') === 0 ? text : undefined;
      });
      expect(gauge(metrics, 'delivery_oldest_unfinished_age_seconds')).toBe(0);
      expect(gauge(metrics, 'delivery_queue_jobs{state="waiting"}')).toBe(0);
      expect(gauge(metrics, 'delivery_queue_jobs{state="failed"}')).toBe(0);
      expect(gauge(metrics, 'proposal_deliveries{delivery="delivered"}')).toBe(1);
    }
  });

  it('sends a staff decision to the coordinator under the id of the staff member\'s request', async () => {
    const staffed = await platform.addNode('staffed-node', { ACCEPTANCE_POLICY: 'staff', LOG_LEVEL: 'info' });
    const other = await platform.signIn('resident-decided-by-staff', ['resident']);
    await platform.linkAccount(other, staffed, 'D-1', [{ reference: 'D-1-1', principalCents: 30_000 }]);
    await platform.consent(other, 'COLLECTIVE_ARRANGEMENT', [staffed.creditorId]);
    await platform.gql(other.token, 'mutation ($input: BudgetInput!) { setBudget(input: $input) { capacity } }', {
      input: { payDay: 25, household: 'SINGLE', ageBand: 'AGE_21_TO_AOW', netIncome: '220000' },
    });
    const { proposePlan } = await platform.gql<{ proposePlan: { id: string } }>(other.token, 'mutation { proposePlan(input: { mode: REPAYMENT }) { id } }');
    await eventually('the node to hold the proposal', async () => {
      const { rows } = await staffed.pool.query<{ status: string }>('SELECT status FROM proposals WHERE id = $1', [proposePlan.id]);
      return rows[0]?.status === 'awaiting_staff' ? true : undefined;
    });
    const decisionId = 'staff-decision-test-0001';
    const decided = await platform.backoffice(
      staffed,
      'mutation ($input: DecideProposalInput!) { decideProposal(input: $input) { status } }',
      { input: { proposalId: proposePlan.id, decision: 'ACCEPT' } },
      { 'x-correlation-id': decisionId },
    );
    expect(decided.errors).toBeUndefined();
    const answerLine = await eventually('the coordinator to log the staff answer', () =>
      Promise.resolve(platform.coordinator.logLines(decisionId).find((line) => line.path === COORDINATOR_PROPOSAL_ANSWERS_PATH)),
    );
    expect(answerLine).toMatchObject({ method: 'POST', status: 200, correlationId: decisionId });
    const { rows } = await staffed.pool.query<{ correlation_id: string }>('SELECT correlation_id FROM proposal_answers WHERE proposal_id = $1', [proposePlan.id]);
    expect(rows).toEqual([{ correlation_id: decisionId }]);
  }, 60_000);

  it('counts GraphQL errors by their code, which a 200 answer would otherwise hide', async () => {
    const before = await metricsOf(platform.coordinator);
    const count = (text: string): number => Number(/graphql_errors_total\{service="coordinator",code="PROPOSAL_NOT_FOUND"\} (\d+)/.exec(text)?.[1] ?? 0);
    const { errors } = await platform.gqlRaw(resident.token, 'query ($id: ID!) { proposal(id: $id) { id } }', { id: '00000000-0000-4000-8000-000000000000' });
    expect(errors?.[0]?.extensions?.code).toBe('PROPOSAL_NOT_FOUND');
    expect(count(await metricsOf(platform.coordinator)) - count(before)).toBe(1);
  });
});
