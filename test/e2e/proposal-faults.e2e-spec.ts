import { addDays, formatDateText } from '#arrangement';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import Bull from 'bull';
import pg from 'pg';
import { dutchDate } from '#service-kit';
import { TestPlatform, eventually, type Person, type PlatformNode } from '../support/platform.js';

/**
 * The proposal workflow when things break (issue 6): a node that is down while its proposal is
 * delivered, a coordinator killed while deliveries wait for retry, and a Redis that lost every job.
 * Each time the node receives the proposal exactly once when it is back, and the plan starts.
 */

const QUEUE_PREFIX = `sr-test-faults-${randomBytes(4).toString('hex')}`;
const PROPOSAL_STATE = `query ($id: ID!) { proposal(id: $id) { status creditors { creditorId delivery deliveryAttempts decision } } }`;
const BUDGET = { payDay: 25, household: 'SINGLE', ageBand: 'AGE_21_TO_AOW', netIncome: '220000' };

interface State {
  status: string;
  creditors: { creditorId: string; delivery: string; deliveryAttempts: number; decision: string | null }[];
}

let platform: TestPlatform;
let steady: PlatformNode;
let flaky: PlatformNode;
let silent: PlatformNode;

/** A resident linked at both nodes, consented for a collective arrangement, with a budget. */
async function residentReadyToPropose(subject: string, index: number): Promise<Person> {
  const person = await platform.signIn(subject, ['resident']);
  await platform.linkAccount(person, steady, `S-${index}`, [{ reference: `S-${index}-1`, principalCents: 25_000 }]);
  await platform.linkAccount(person, flaky, `F-${index}`, [{ reference: `F-${index}-1`, principalCents: 35_000 }, { reference: `F-${index}-2`, principalCents: 5_000 }]);
  await platform.consent(person, 'COLLECTIVE_ARRANGEMENT', [steady.creditorId, flaky.creditorId]);
  await platform.gql(person.token, 'mutation ($input: BudgetInput!) { setBudget(input: $input) { capacity } }', { input: BUDGET });
  return person;
}

/**
 * Proposes while the flaky node is up (the claims are gathered from it), with its deliveries held
 * back a moment, and kills it in that moment: the node is down when its proposal comes.
 */
async function proposeThenKillFlaky(person: Person): Promise<string> {
  flaky.proxy.delayOnlyPathsStartingWith = '/proposals/v1';
  flaky.proxy.delayMs = 1_500;
  const { proposePlan } = await platform.gql<{ proposePlan: { id: string } }>(person.token, 'mutation { proposePlan(input: { mode: REPAYMENT }) { id } }');
  await flaky.service.kill();
  flaky.proxy.delayMs = 0;
  return proposePlan.id;
}

const state = async (person: Person, id: string): Promise<State> => (await platform.gql<{ proposal: State }>(person.token, PROPOSAL_STATE, { id })).proposal;
const flakyDelivery = (s: State): State['creditors'][number] | undefined => s.creditors.find((c) => c.creditorId === flaky.creditorId);

/** What the flaky node did with the proposal: how often it stored it, and how often it paused each claim. */
async function receivedAtFlaky(proposalId: string): Promise<{ proposals: number; pauses: number }> {
  const { rows } = await flaky.pool.query<{ proposals: string; pauses: string }>(
    `SELECT (SELECT count(*) FROM proposals WHERE id = $1) AS proposals,
            (SELECT count(*) FROM claim_transitions WHERE event = 'proposal_received' AND reason LIKE '%' || $1 || '%') AS pauses`,
    [proposalId],
  );
  return { proposals: Number(rows[0]?.proposals), pauses: Number(rows[0]?.pauses) };
}

async function waitUntilRetried(person: Person, proposalId: string, attempts: number): Promise<void> {
  await eventually(`${attempts} failed deliveries`, async () => {
    const s = await state(person, proposalId);
    return (flakyDelivery(s)?.deliveryAttempts ?? 0) >= attempts && flakyDelivery(s)?.delivery === 'PENDING' ? true : undefined;
  });
}

async function expectStartedWithOneDelivery(person: Person, proposalId: string): Promise<void> {
  const started = await eventually('the plan to start', async () => {
    const s = await state(person, proposalId);
    return s.status === 'STARTED' ? s : undefined;
  }, 40_000);
  expect(flakyDelivery(started)).toMatchObject({ delivery: 'DELIVERED', decision: 'ACCEPT' });
  expect(await receivedAtFlaky(proposalId)).toEqual({ proposals: 1, pauses: 2 });
}

beforeAll(async () => {
  platform = await TestPlatform.start({ label: 'proposal_faults', coordinatorEnv: { QUEUE_PREFIX, QUEUE_RECONCILE_AFTER_SECONDS: '1', DELIVERY_ATTEMPTS: '30', EXPIRY_SWEEP_SECONDS: '1' } });
  steady = await platform.addNode('steady-node', { ACCEPTANCE_POLICY: 'automatic' });
  flaky = await platform.addNode('flaky-node', { ACCEPTANCE_POLICY: 'automatic' });
  silent = await platform.addNode('silent-node', { ACCEPTANCE_POLICY: 'staff' });
}, 120_000);

afterAll(async () => {
  await platform?.stop();
});

describe('proposals when things break', () => {
  it('refuses a plan without a budget with BUDGET_REQUIRED, and records nothing', async () => {
    const person = await platform.signIn('resident-no-budget', ['resident']);
    const answer = await platform.gqlRaw(person.token, 'mutation { proposePlan(input: { mode: REPAYMENT }) { id } }');
    expect(answer.errors?.[0]?.extensions).toMatchObject({ code: 'BUDGET_REQUIRED' });
    expect((await platform.gql<{ proposals: unknown[] }>(person.token, '{ proposals { id } }')).proposals).toEqual([]);
  });

  it('a node that is down during delivery receives the proposal exactly once when it is back', async () => {
    const person = await residentReadyToPropose('resident-down-node', 1);
    const id = await proposeThenKillFlaky(person);
    await waitUntilRetried(person, id, 2);
    await platform.restartNode(flaky);
    await expectStartedWithOneDelivery(person, id);
  }, 60_000);

  it('a coordinator killed while deliveries wait for their retry loses none of them', async () => {
    const person = await residentReadyToPropose('resident-coordinator-killed', 2);
    const id = await proposeThenKillFlaky(person);
    await waitUntilRetried(person, id, 1);
    await platform.restartCoordinator();
    await platform.restartNode(flaky);
    await expectStartedWithOneDelivery(person, id);
  }, 60_000);

  it('a Redis that lost every job (a restart without persistence) delays the delivery but loses nothing', async () => {
    const person = await residentReadyToPropose('resident-redis-lost', 3);
    const id = await proposeThenKillFlaky(person);
    await waitUntilRetried(person, id, 1);
    const queue = new Bull('plan-delivery', 'redis://127.0.0.1:6379', { prefix: QUEUE_PREFIX });
    await queue.obliterate({ force: true });
    expect(await queue.getJobCounts()).toMatchObject({ waiting: 0, delayed: 0, active: 0 });
    await queue.close();
    await platform.restartNode(flaky);
    await expectStartedWithOneDelivery(person, id);
  }, 60_000);

  it("records a creditor's silence once the answer date has passed, and the counsellor can re-plan without it", async () => {
    const person = await platform.signIn('resident-silence', ['resident']);
    await platform.linkAccount(person, steady, 'S-9', [{ reference: 'S-9-1', principalCents: 25_000 }]);
    await platform.linkAccount(person, silent, 'Q-9', [{ reference: 'Q-9-1', principalCents: 45_000 }]);
    await platform.consent(person, 'COLLECTIVE_ARRANGEMENT', [steady.creditorId, silent.creditorId]);
    await platform.gql(person.token, 'mutation ($input: BudgetInput!) { setBudget(input: $input) { capacity } }', { input: BUDGET });
    const { proposePlan } = await platform.gql<{ proposePlan: { id: string } }>(person.token, 'mutation { proposePlan(input: { mode: REPAYMENT }) { id } }');
    const silentOf = (s: State): State['creditors'][number] | undefined => s.creditors.find((c) => c.creditorId === silent.creditorId);
    await eventually('the delivery to the silent node', async () => {
      const s = await state(person, proposePlan.id);
      return silentOf(s)?.delivery === 'DELIVERED' ? true : undefined;
    });
    expect(silentOf(await state(person, proposePlan.id))?.decision).toBeNull();

    // Eight weeks later, as far as this proposal is concerned:
    const coordinatorDb = new pg.Client({ connectionString: platform.coordinatorDatabase.url });
    await coordinatorDb.connect();
    await coordinatorDb.query(`UPDATE proposals SET answer_by = now() - interval '1 minute' WHERE id = $1`, [proposePlan.id]);
    const recorded = await eventually('the silence to be recorded', async () => {
      const s = await state(person, proposePlan.id);
      return silentOf(s)?.decision === 'NO_ANSWER' ? s : undefined;
    });
    const { rows } = await coordinatorDb.query<{ kind: string }>(`SELECT kind FROM ledger_record_entries WHERE record_id = $1 ORDER BY idx`, [proposePlan.id]);
    await coordinatorDb.end();
    expect(rows.map((r) => r.kind)).toEqual(['plan.proposed', 'proposal.answered', 'proposal.answered']);
    expect(recorded.status).toBe('OPEN');

    const { replanAmongAccepting } = await platform.gql<{ replanAmongAccepting: { id: string } }>(person.token, 'mutation ($id: ID!) { replanAmongAccepting(proposalId: $id) { id } }', { id: proposePlan.id });
    await eventually('the re-plan to start', async () => ((await state(person, replanAmongAccepting.id)).status === 'STARTED' ? true : undefined));
    await eventually('the silent node to be told its proposal was withdrawn', async () => {
      const { rows: at } = await silent.pool.query<{ status: string }>('SELECT status FROM proposals WHERE id = $1', [proposePlan.id]);
      return at[0]?.status === 'withdrawn' ? true : undefined;
    });
    const { rows: claims } = await silent.pool.query<{ status: string }>(`SELECT status FROM claims WHERE reference = 'Q-9-1'`);
    expect(claims[0]?.status).toBe('open');
  }, 60_000);

  it('sends the free reminder before the first instalment once, into the inbox and the e-mail and SMS queues', async () => {
    const person = await platform.signIn('resident-reminded', ['resident']);
    await platform.linkAccount(person, steady, 'S-7', [{ reference: 'S-7-1', principalCents: 60_000 }]);
    await platform.consent(person, 'COLLECTIVE_ARRANGEMENT', [steady.creditorId]);
    // Paid tomorrow: the first instalment falls the day after, within the reminder's five days.
    const tomorrow = Number(addDays({ date: dutchDate(new Date()), days: 1 }).slice(8));
    await platform.gql(person.token, 'mutation ($input: BudgetInput!) { setBudget(input: $input) { capacity } }', { input: { ...BUDGET, payDay: tomorrow } });
    const { proposePlan } = await platform.gql<{ proposePlan: { id: string } }>(person.token, 'mutation { proposePlan(input: { mode: REPAYMENT }) { id } }');
    const reminders = async (): Promise<{ kind: string; text: string }[]> =>
      (await platform.gql<{ notifications: { kind: string; text: string }[] }>(person.token, '{ notifications { kind text } }')).notifications.filter((n) => n.kind === 'payment_reminder');
    const [first] = await eventually('the reminder', async () => {
      const found = await reminders();
      return found.length > 0 ? found : undefined;
    });
    const { firstDueDate } = (await platform.gql<{ proposal: { firstDueDate: string } }>(person.token, 'query ($id: ID!) { proposal(id: $id) { firstDueDate } }', { id: proposePlan.id })).proposal;
    expect(first?.text).toContain('zonder kosten');
    expect(first?.text).toContain(formatDateText({ date: firstDueDate, locale: 'nl' }));
    await new Promise((r) => setTimeout(r, 2_500)); // two more sweeps
    expect(await reminders()).toHaveLength(1);
    const db = new pg.Client({ connectionString: platform.coordinatorDatabase.url });
    await db.connect();
    const { rows: queued } = await db.query<{ channel: string }>(
      `SELECT o.channel FROM channel_outbox o JOIN notifications n ON n.id = o.notification_id WHERE n.kind = 'payment_reminder' AND n.proposal_id = $1 ORDER BY o.channel`,
      [proposePlan.id],
    );
    await db.end();
    expect(queued.map((q) => q.channel)).toEqual(['email', 'sms']);
  }, 60_000);
});
