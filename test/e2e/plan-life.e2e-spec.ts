import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { addDays } from '#arrangement';
import { signPaymentCallback } from '#consent';
import { dutchDate } from '#service-kit';
import { TEST_PAYMENT_PROVIDER_SECRET } from '../support/coordinator-env.js';
import { TestPlatform, eventually, type Person, type PlatformNode } from '../support/platform.js';
import { ENTRYPOINTS, ServiceProcess } from '../support/service-process.js';

/**
 * A plan's life over real processes (issue 6): the coordinator with its queue, two creditor nodes
 * (one accepts by policy, one through staff) and the simulated payment provider. A counter-proposal
 * is first declined, then met; the plan starts; money comes in through the provider's signed
 * callback and a node's report and is passed on an instalment at a time; a missed instalment gets a
 * reminder, contact and a grace period (never an ending); a change of income gives an amended plan
 * every node checks against what is still owed; the last payment ends the plan.
 */

const AUTO = 'gemeente-plan';
const STAFF = 'waterschap-plan';

const PAYMENTS = `payments { paymentReference received passedOn held instalmentsPassedOn
  instalments { number dueDate amount paid outstanding status graceEndsOn explanation }
  payments { amount receivedOn source creditorId } }`;
const FIELDS = `id status outcome capacity totalToPay replaces amends ${PAYMENTS}
  instalments { number dueDate amount }
  creditors { creditorId decision counterMonthly counterAnswer counterNote passedOn }`;

interface Instalment {
  number: number;
  dueDate: string;
  amount: string;
  paid: string;
  outstanding: string;
  status: string;
  graceEndsOn: string | null;
  explanation: string[];
}
interface Proposal {
  id: string;
  status: string;
  outcome: string;
  capacity: string;
  totalToPay: string;
  replaces: string | null;
  amends: string | null;
  payments: {
    paymentReference: string;
    received: string;
    passedOn: string;
    held: string;
    instalmentsPassedOn: number;
    instalments: Instalment[];
    payments: { amount: string; receivedOn: string; source: string; creditorId: string | null }[];
  } | null;
  instalments: { number: number; dueDate: string; amount: string }[];
  creditors: { creditorId: string; decision: string | null; counterMonthly: string | null; counterAnswer: string | null; counterNote: string | null; passedOn: string }[];
}

let platform: TestPlatform;
let provider: ServiceProcess;
let resident: Person;
let counsellor: Person;
const node = (id: string): PlatformNode => platform.nodes.get(id) as PlatformNode;
const today = (): string => dutchDate(new Date());
// Calendar days back from today's Dutch date: subtracting 24-hour blocks lands on the wrong day for an hour
// each night when a daylight-saving change lies in between.
const daysAgo = (days: number): string => addDays({ date: today(), days: -days });

async function proposal(id: string): Promise<Proposal> {
  return (await platform.gql<{ proposal: Proposal }>(resident.token, `query ($id: ID!) { proposal(id: $id) { ${FIELDS} } }`, { id })).proposal;
}
const creditor = (p: Proposal, id: string): Proposal['creditors'][number] => p.creditors.find((c) => c.creditorId === id) as Proposal['creditors'][number];

async function decide(n: PlatformNode, input: Record<string, unknown>): Promise<{ errors?: { extensions?: { code?: string } }[] }> {
  return platform.backoffice(n, 'mutation ($input: DecideProposalInput!) { decideProposal(input: $input) { status } }', { input });
}

async function nodeProposal(n: PlatformNode, id: string): Promise<{ status: string; counter_declined_note: string | null } | undefined> {
  return (await n.pool.query<{ status: string; counter_declined_note: string | null }>('SELECT status, counter_declined_note FROM proposals WHERE id = $1', [id])).rows[0];
}

async function nodePassedOn(n: PlatformNode, proposalId: string): Promise<number> {
  const { rows } = await n.pool.query<{ total: string }>('SELECT coalesce(sum(passed_on_cents), 0)::text AS total FROM proposal_claims WHERE proposal_id = $1', [proposalId]);
  return Number(rows[0]?.total);
}

async function answerCounter(person: Person, input: Record<string, unknown>): Promise<{ data?: { answerCounterProposal: Proposal } | null; errors?: { extensions?: { code?: string } }[] }> {
  return platform.gqlRaw<{ answerCounterProposal: Proposal }>(person.token, `mutation ($input: CounterAnswerInput!) { answerCounterProposal(input: $input) { ${FIELDS} } }`, { input });
}

async function setBudget(person: Person, input: Record<string, unknown>): Promise<{ beslagvrijeVoet: string; capacity: string }> {
  return (
    await platform.gql<{ setBudget: { beslagvrijeVoet: string; capacity: string } }>(person.token, 'mutation ($input: BudgetInput!) { setBudget(input: $input) { beslagvrijeVoet capacity } }', {
      input: { payDay: 25, household: 'SINGLE', ageBand: 'AGE_21_TO_AOW', ...input },
    })
  ).setBudget;
}

/** Pays through the simulated provider, as the resident's bank would. */
async function pay(reference: string, amountCents: number): Promise<void> {
  const response = await fetch(`${provider.baseUrl}/v1/payments`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ reference, amountCents }) });
  expect(response.status).toBe(201);
}

/** A callback as the provider sends it, signed here with the shared secret (or not). */
async function callback(body: Record<string, unknown>, secret = TEST_PAYMENT_PROVIDER_SECRET): Promise<{ status: number; body: { duplicate?: boolean; error?: { code: string } } }> {
  const raw = JSON.stringify(body);
  const response = await fetch(`${platform.coordinator.baseUrl}/payments/v1/callback`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'payment-signature': signPaymentCallback({ secret, body: raw, now: new Date() }) },
    body: raw,
  });
  return { status: response.status, body: (await response.json()) as { duplicate?: boolean; error?: { code: string } } };
}

async function notificationKinds(person: Person): Promise<string[]> {
  return (await platform.gql<{ notifications: { kind: string }[] }>(person.token, '{ notifications { kind } }')).notifications.map((n) => n.kind);
}

const REPORT = 'mutation ($input: PlanPaymentInput!) { reportPlanPayment(input: $input) { recorded duplicate instalmentsPassedOn } }';

beforeAll(async () => {
  platform = await TestPlatform.start({ label: 'plan_life', coordinatorEnv: { EXPIRY_SWEEP_SECONDS: '1' } });
  await platform.addNode(AUTO, { ACCEPTANCE_POLICY: 'automatic' });
  await platform.addNode(STAFF, { ACCEPTANCE_POLICY: 'staff' });
  provider = await ServiceProcess.start({
    label: 'payment-provider',
    entrypoint: ENTRYPOINTS.paymentProvider,
    env: { PAYMENT_PROVIDER_SECRET: TEST_PAYMENT_PROVIDER_SECRET, COORDINATOR_URL: platform.coordinator.baseUrl },
  });
  resident = await platform.signIn('resident-lotte', ['resident']);
  counsellor = await platform.signIn('counsellor-ahmed', ['counsellor']);
  await platform.linkAccount(resident, node(AUTO), 'G-700', [{ reference: 'G-7', principalCents: 600_000 }]);
  await platform.linkAccount(resident, node(STAFF), 'W-700', [{ reference: 'W-7', principalCents: 300_000 }]);
  await platform.consent(resident, 'COLLECTIVE_ARRANGEMENT', [AUTO, STAFF]);
  const { mandateText } = await platform.gql<{ mandateText: { version: string } }>(resident.token, '{ mandateText { version } }');
  await platform.gql(resident.token, 'mutation ($input: GiveMandateInput!) { giveMandate(input: $input) { id } }', {
    input: { counsellorId: counsellor.id, validUntil: new Date(Date.now() + 30 * 86_400_000).toISOString(), textVersion: mandateText.version },
  });
}, 120_000);

afterAll(async () => {
  await provider?.stop();
  await platform?.stop();
});

describe("a plan's life", () => {
  let first: Proposal;
  let running: Proposal;
  let amended: Proposal;
  let bvv: number;
  const income = 250_000;

  it('answers a counter-proposal: one it cannot afford is refused, a declined one goes back to the creditor, a met one replaces the proposal', async () => {
    bvv = Number((await setBudget(resident, { netIncome: String(income) })).beslagvrijeVoet);
    // The counsellor keeps a higher floor (a VTLB): € 300,00 a month for the creditors, with room above it.
    expect((await setBudget(counsellor, { residentId: resident.id, netIncome: String(income), counsellorFloor: String(income - 30_000) })).capacity).toBe('30000');
    expect(income - bvv).toBeGreaterThan(36_000);
    first = (await platform.gql<{ proposePlan: Proposal }>(resident.token, `mutation { proposePlan(input: { mode: REPAYMENT }) { ${FIELDS} } }`)).proposePlan;
    await eventually('the staff node to hold the proposal', async () => (await nodeProposal(node(STAFF), first.id))?.status === 'awaiting_staff' || undefined);

    expect((await decide(node(STAFF), { proposalId: first.id, decision: 'COUNTER', counterMonthly: '1000000' })).errors).toBeUndefined();
    await eventually('the counter-proposal', async () => creditor(await proposal(first.id), STAFF).decision === 'COUNTER' || undefined);
    const tooMuch = await answerCounter(counsellor, { proposalId: first.id, creditorId: STAFF, accept: true });
    expect(tooMuch.errors?.[0]?.extensions).toMatchObject({ code: 'COUNTER_NOT_AFFORDABLE' });
    const notACounter = await answerCounter(resident, { proposalId: first.id, creditorId: AUTO, accept: false });
    expect(notACounter.errors?.[0]?.extensions).toMatchObject({ code: 'COUNTER_NOT_OPEN' });
    expect((await proposal(first.id)).status).toBe('OPEN');

    const declined = await answerCounter(counsellor, { proposalId: first.id, creditorId: STAFF, accept: false, note: 'Meer kan echt niet.' });
    expect(declined.errors).toBeUndefined();
    expect(creditor(declined.data?.answerCounterProposal as Proposal, STAFF)).toMatchObject({ decision: null, counterAnswer: 'declined', counterNote: 'Meer kan echt niet.' });
    const back = await eventually('the node to ask its staff again', async () => {
      const held = await nodeProposal(node(STAFF), first.id);
      return held?.status === 'awaiting_staff' && held.counter_declined_note !== null ? held : undefined;
    });
    expect(back.counter_declined_note).toBe('Meer kan echt niet.');
    const twice = await answerCounter(counsellor, { proposalId: first.id, creditorId: STAFF, accept: false });
    expect(twice.errors?.[0]?.extensions).toMatchObject({ code: 'COUNTER_NOT_OPEN' });

    // Staff decide again: € 120,00 a month instead of the € 100,00 the plan gives.
    expect((await decide(node(STAFF), { proposalId: first.id, decision: 'COUNTER', counterMonthly: '12000' })).errors).toBeUndefined();
    await eventually('the second counter-proposal', async () => creditor(await proposal(first.id), STAFF).decision === 'COUNTER' || undefined);
    const met = await answerCounter(resident, { proposalId: first.id, creditorId: STAFF, accept: true, note: 'Akkoord.' });
    expect(met.errors).toBeUndefined();
    const second = met.data?.answerCounterProposal as Proposal;
    expect(second).toMatchObject({ status: 'OPEN', replaces: first.id, capacity: '36000' });
    expect(creditor(await proposal(first.id), STAFF).counterAnswer).toBe('accepted');
    expect((await proposal(first.id)).status).toBe('REPLACED');

    await eventually('the automatic node to accept the new proposal', async () => creditor(await proposal(second.id), AUTO).decision === 'ACCEPT' || undefined);
    await eventually('the staff node to hold the new proposal', async () => (await nodeProposal(node(STAFF), second.id))?.status === 'awaiting_staff' || undefined);
    expect((await decide(node(STAFF), { proposalId: second.id, decision: 'ACCEPT' })).errors).toBeUndefined();
    running = await eventually('the plan to start', async () => {
      const p = await proposal(second.id);
      return p.status === 'STARTED' ? p : undefined;
    });
    expect(running.payments?.paymentReference).toMatch(/^\d{16}$/);
    const secondPlan = await platform.gqlRaw(resident.token, 'mutation { proposePlan(input: { mode: REPAYMENT }) { id } }');
    expect(secondPlan.errors?.[0]?.extensions).toMatchObject({ code: 'PLAN_ALREADY_RUNNING' });
    expect(running.payments).toMatchObject({ received: '0', passedOn: '0', instalmentsPassedOn: 0 });
  });

  it('passes a paid instalment on to every creditor, and each node records what its claims received', async () => {
    const reference = running.payments?.paymentReference ?? '';
    const firstAmount = Number(running.instalments[0]?.amount);
    expect(firstAmount).toBe(36_000);
    await pay(reference, firstAmount);
    const paid = await eventually('the first instalment passed on', async () => {
      const p = await proposal(running.id);
      return p.payments?.instalmentsPassedOn === 1 ? p : undefined;
    });
    expect(paid.payments).toMatchObject({ received: '36000', passedOn: '36000', held: '0' });
    expect(paid.payments?.instalments[0]).toMatchObject({ status: 'PAID', paid: '36000', outstanding: '0' });
    expect(creditor(paid, AUTO).passedOn).toBe('24000');
    expect(creditor(paid, STAFF).passedOn).toBe('12000');
    await eventually('both nodes to record what they received', async () => ((await nodePassedOn(node(AUTO), running.id)) === 24_000 && (await nodePassedOn(node(STAFF), running.id)) === 12_000) || undefined);
    expect(await notificationKinds(resident)).toContain('payment_received');
  });

  it('records a provider payment once, and refuses a forged, conflicting, unknown or future one with a stable code', async () => {
    const reference = running.payments?.paymentReference ?? '';
    const body = { id: 'pay_test_replay_1', reference, amountCents: 1_000, receivedOn: today(), status: 'paid' };
    expect((await callback(body)).status).toBe(200);
    expect(await callback(body)).toMatchObject({ status: 200, body: { duplicate: true } });
    expect(await callback({ ...body, amountCents: 2_000 })).toMatchObject({ status: 409, body: { error: { code: 'PAYMENT_CONFLICT' } } });
    expect(await callback({ ...body, id: 'pay_forged' }, 'not-the-secret-not-the-secret-not-the-secret')).toMatchObject({ status: 401, body: { error: { code: 'PAYMENT_SIGNATURE_INVALID' } } });
    expect(await callback({ ...body, id: 'pay_unknown', reference: '0000000000000000' })).toMatchObject({ status: 422, body: { error: { code: 'PAYMENT_INVALID' } } });
    expect(await callback({ ...body, id: 'pay_future', receivedOn: '2999-01-01' })).toMatchObject({ status: 422, body: { error: { code: 'PAYMENT_INVALID' } } });
    expect(await callback({ ...body, id: 'pay_no_amount', amountCents: -5 })).toMatchObject({ status: 422, body: { error: { code: 'PAYMENT_INVALID' } } });
    const after = await proposal(running.id);
    // One payment of € 10,00 counted: a part of the second instalment, held until it is complete.
    expect(after.payments).toMatchObject({ received: '37000', passedOn: '36000', held: '1000', instalmentsPassedOn: 1 });
    expect(after.payments?.instalments[1]).toMatchObject({ status: 'PARTLY_PAID', paid: '1000' });
  });

  it('counts a payment a node reports, once; the instalment it completes is passed on', async () => {
    const input = { proposalId: running.id, reference: 'KAS-2026-1', amount: '35000', receivedOn: today() };
    const reported = await platform.backoffice<{ reportPlanPayment: { recorded: boolean; instalmentsPassedOn: number } }>(node(STAFF), REPORT, { input });
    expect(reported.data?.reportPlanPayment).toEqual({ recorded: true, duplicate: false, instalmentsPassedOn: 2 });
    const again = await platform.backoffice<{ reportPlanPayment: { duplicate: boolean } }>(node(STAFF), REPORT, { input });
    expect(again.data?.reportPlanPayment).toMatchObject({ recorded: false, duplicate: true });
    const conflicting = await platform.backoffice(node(STAFF), REPORT, { input: { ...input, amount: '1' } });
    expect(conflicting.errors?.[0]?.extensions).toMatchObject({ code: 'PAYMENT_CONFLICT' });
    const badDate = await platform.backoffice(node(STAFF), REPORT, { input: { ...input, reference: 'KAS-X', receivedOn: '2026-02-30' } });
    expect(badDate.errors?.[0]?.extensions).toMatchObject({ code: 'PAYMENT_INVALID' });
    const p = await proposal(running.id);
    expect(p.payments).toMatchObject({ received: '72000', passedOn: '72000', held: '0', instalmentsPassedOn: 2 });
    expect(p.payments?.payments.map((x) => x.source)).toEqual(['PROVIDER', 'PROVIDER', 'NODE']);
    await eventually('the nodes to hear of the second instalment', async () => ((await nodePassedOn(node(AUTO), running.id)) === 48_000 && (await nodePassedOn(node(STAFF), running.id)) === 24_000) || undefined);
  });

  it('meets a missed instalment with a free reminder, contact and a grace period, once, and never ends the plan', async () => {
    // As if the plan started months ago: the third instalment fell due 40 days back, past its 30 days' grace.
    await platform.coordinatorPool().query(
      `UPDATE proposals SET schedule = jsonb_set(jsonb_set(jsonb_set(schedule, '{instalments,0,dueDate}', to_jsonb($2::text)), '{instalments,1,dueDate}', to_jsonb($3::text)), '{instalments,2,dueDate}', to_jsonb($4::text)) WHERE id = $1`,
      [running.id, daysAgo(100), daysAgo(70), daysAgo(40)],
    );
    const missed = await eventually('the follow-ups', async () => {
      const kinds = await notificationKinds(resident);
      return kinds.includes('instalment_missed') && kinds.includes('grace_ended') ? kinds : undefined;
    });
    expect(missed.filter((k) => k === 'instalment_missed')).toHaveLength(1);
    const forCounsellor = await notificationKinds(counsellor);
    expect(forCounsellor).toEqual(expect.arrayContaining(['instalment_missed', 'grace_ended']));
    const p = await proposal(running.id);
    expect(p.status).toBe('STARTED');
    expect(p.payments?.instalments[2]).toMatchObject({ status: 'MISSED', outstanding: '36000', graceEndsOn: daysAgo(10) });
    expect(p.payments?.instalments[2]?.explanation.join(' ')).toMatch(/\S/);
    // More sweeps change nothing: each follow-up happens once.
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    expect((await notificationKinds(resident)).filter((k) => k === 'instalment_missed')).toHaveLength(1);
    expect((await notificationKinds(resident)).filter((k) => k === 'grace_ended')).toHaveLength(1);
  });

  let rejectedAmendment: Proposal;

  it('keeps the running plan as it is when a creditor rejects an amended plan, and holds no money back for it', async () => {
    const noChange = await platform.gqlRaw(resident.token, 'mutation ($id: ID!) { proposeAmendedPlan(proposalId: $id) { id } }', { id: running.id });
    expect(noChange.errors?.[0]?.extensions).toMatchObject({ code: 'AMENDMENT_NO_CHANGE' });
    expect((await setBudget(counsellor, { residentId: resident.id, netIncome: String(income), counsellorFloor: String(income - 25_000) })).capacity).toBe('25000');
    rejectedAmendment = (await platform.gql<{ proposeAmendedPlan: Proposal }>(resident.token, `mutation ($id: ID!) { proposeAmendedPlan(proposalId: $id) { ${FIELDS} } }`, { id: running.id }))
      .proposeAmendedPlan;
    await eventually('the staff node to hold the amended plan', async () => (await nodeProposal(node(STAFF), rejectedAmendment.id))?.status === 'awaiting_staff' || undefined);
    expect((await decide(node(STAFF), { proposalId: rejectedAmendment.id, decision: 'REJECT', reasonCode: 'AMOUNT_TOO_LOW' })).errors).toBeUndefined();
    await eventually('the rejection', async () => creditor(await proposal(rejectedAmendment.id), STAFF).decision === 'REJECT' || undefined);
    // The missed instalment is paid after all: it is passed on, the rejected amendment holds nothing back.
    await pay(running.payments?.paymentReference ?? '', 36_000);
    const caughtUp = await eventually('the third instalment passed on', async () => {
      const p = await proposal(running.id);
      return p.payments?.instalmentsPassedOn === 3 ? p : undefined;
    });
    expect(caughtUp).toMatchObject({ status: 'STARTED', capacity: '36000' });
    const { rows } = await node(STAFF).pool.query<{ status: string }>('SELECT status FROM claims');
    expect(rows).toEqual([{ status: 'in_plan' }]);
  });

  it('proposes an amended plan after a change of income, which every node checks against what is still owed', async () => {
    expect((await setBudget(counsellor, { residentId: resident.id, netIncome: String(income), counsellorFloor: String(income - 20_000) })).capacity).toBe('20000');
    // A part payment while the amendment waits stays in the plan's account and moves with it.
    await pay(running.payments?.paymentReference ?? '', 5_000);
    await eventually('the part payment', async () => (await proposal(running.id)).payments?.received === '113000' || undefined);

    const proposed = await platform.gql<{ proposeAmendedPlan: Proposal }>(counsellor.token, `mutation ($id: ID!) { proposeAmendedPlan(proposalId: $id) { ${FIELDS} } }`, { id: running.id });
    amended = proposed.proposeAmendedPlan;
    expect(amended).toMatchObject({ status: 'OPEN', amends: running.id, capacity: '20000', replaces: rejectedAmendment.id });
    expect((await proposal(rejectedAmendment.id)).status).toBe('REPLACED');
    // Over what is still owed: € 9.000 minus the € 1.080 passed on.
    expect(amended.totalToPay).toBe(String(900_000 - 108_000));
    const accepted = await eventually('the automatic node to accept, its share checked against what is left', async () => {
      const p = await proposal(amended.id);
      return creditor(p, AUTO).decision === 'ACCEPT' ? p : undefined;
    });
    expect(accepted.status).toBe('OPEN');
    const { rows } = await node(AUTO).pool.query<{ share_check: { ok: boolean } }>('SELECT share_check FROM proposals WHERE id = $1', [amended.id]);
    expect(rows[0]?.share_check.ok).toBe(true);
    expect((await proposal(running.id)).status).toBe('STARTED');

    await eventually('the staff node to hold the amended plan', async () => (await nodeProposal(node(STAFF), amended.id))?.status === 'awaiting_staff' || undefined);
    expect((await decide(node(STAFF), { proposalId: amended.id, decision: 'ACCEPT' })).errors).toBeUndefined();
    const started = await eventually('the amended plan to take over', async () => {
      const p = await proposal(amended.id);
      return p.status === 'STARTED' ? p : undefined;
    });
    expect((await proposal(running.id)).status).toBe('AMENDED');
    expect(started.payments?.paymentReference).toBe(running.payments?.paymentReference);
    expect(started.payments?.payments).toEqual([{ amount: '5000', receivedOn: today(), source: 'CARRIED_OVER', creditorId: null }]);
    await eventually('the nodes to switch plans', async () => ((await nodeProposal(node(AUTO), running.id))?.status === 'amended' && (await nodeProposal(node(AUTO), amended.id))?.status === 'started') || undefined);
    const { rows: claims } = await node(AUTO).pool.query<{ status: string }>('SELECT status FROM claims');
    expect(claims).toEqual([{ status: 'in_plan' }]);
    expect(await notificationKinds(resident)).toContain('plan_amended');
  });

  it('ends the plan with its last payment: every claim paid, the nodes told, plan.ended in the ledger', async () => {
    const rest = Number(amended.totalToPay) - 5_000;
    await pay(amended.payments?.paymentReference ?? running.payments?.paymentReference ?? '', rest);
    const done = await eventually('the plan to end', async () => {
      const p = await proposal(amended.id);
      return p.status === 'COMPLETED' ? p : undefined;
    });
    expect(done.payments?.instalments.every((i) => i.status === 'PAID')).toBe(true);
    await eventually('both nodes to mark their claims paid', async () => {
      const a = await node(AUTO).pool.query<{ status: string }>('SELECT status FROM claims');
      const s = await node(STAFF).pool.query<{ status: string }>('SELECT status FROM claims');
      return a.rows[0]?.status === 'paid' && s.rows[0]?.status === 'paid' || undefined;
    });
    expect((await nodeProposal(node(STAFF), amended.id))?.status).toBe('completed');
    expect(await notificationKinds(resident)).toContain('plan_completed');
    const { rows } = await platform.coordinatorPool().query<{ kind: string }>('SELECT kind FROM ledger_record_entries WHERE record_id = $1 ORDER BY idx', [amended.id]);
    expect(rows.map((r) => r.kind)).toEqual(['plan.proposed', 'proposal.answered', 'proposal.answered', 'plan.started', 'plan.ended']);
  });

  it('exports the court dossier as a PDF, with every answer and the reasons', async () => {
    const { courtDossierPdf } = await platform.gql<{ courtDossierPdf: string }>(counsellor.token, 'query ($id: ID!) { courtDossierPdf(proposalId: $id) }', { id: first.id });
    const pdf = Buffer.from(courtDossierPdf, 'base64').toString('latin1');
    expect(pdf.startsWith('%PDF-1.4')).toBe(true);
    expect(pdf).toContain(`Test ${STAFF}`);
    expect(pdf).toContain('Meer kan echt niet.');
    expect(pdf.trimEnd().endsWith('%%EOF')).toBe(true);
  });
});
