import { formatDateText } from '#arrangement';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { importJWK } from 'jose';
import pg from 'pg';
import { COORDINATOR_PROPOSAL_ANSWERS_PATH } from '#contracts';
import { signProposalAnswer } from '#consent';
import { generateSigningKey } from '../support/key-set-server.js';
import { TestPlatform, eventually, type Person, type PlatformNode } from '../support/platform.js';

/**
 * One plan for all creditors, over real processes (issue 6): the coordinator (with its bull queue on
 * the real Redis) and three creditor nodes with their own databases. One node accepts by policy, one
 * through its staff in the back-office, one rejects; then the counsellor re-plans among the two that
 * accepted, and the plan starts.
 */

const AUTO = 'gemeente-auto';
const STAFF = 'waterschap-staff';
const REJECTS = 'energie-rejects';

const PROPOSAL_FIELDS = `id status outcome mode capacity termMonths totalToPay replaces firstDueDate
  creditors { creditorId claimCount total delivery deliveryAttempts decision reasonCode reasonText }`;

interface ProposalCreditor {
  creditorId: string;
  claimCount: number;
  total: string;
  delivery: string;
  deliveryAttempts: number;
  decision: string | null;
  reasonCode: string | null;
  reasonText: string | null;
}
interface Proposal {
  id: string;
  status: string;
  outcome: string;
  capacity: string;
  termMonths: number;
  totalToPay: string;
  replaces: string | null;
  firstDueDate: string | null;
  creditors: ProposalCreditor[];
}

let platform: TestPlatform;
let sanne: Person;
let counsellor: Person;
const node = (id: string): PlatformNode => platform.nodes.get(id) as PlatformNode;

const BUDGET = 'mutation ($input: BudgetInput!) { setBudget(input: $input) { residentId payDay netIncome beslagvrijeVoet capacity explanation } }';
const PROPOSE = `mutation ($input: ProposePlanInput!) { proposePlan(input: $input) { ${PROPOSAL_FIELDS} } }`;

async function proposal(person: Person, id: string): Promise<Proposal> {
  return (await platform.gql<{ proposal: Proposal }>(person.token, `query ($id: ID!) { proposal(id: $id) { ${PROPOSAL_FIELDS} } }`, { id })).proposal;
}

const creditorOf = (p: Proposal, creditorId: string): ProposalCreditor | undefined => p.creditors.find((c) => c.creditorId === creditorId);

async function claimStatuses(n: PlatformNode): Promise<Record<string, string>> {
  const { rows } = await n.pool.query<{ reference: string; status: string }>('SELECT reference, status FROM claims ORDER BY reference');
  return Object.fromEntries(rows.map((r) => [r.reference, r.status]));
}

beforeAll(async () => {
  platform = await TestPlatform.start({ label: 'proposals' });
  await platform.addNode(AUTO, { ACCEPTANCE_POLICY: 'automatic' });
  await platform.addNode(STAFF, { ACCEPTANCE_POLICY: 'staff' });
  await platform.addNode(REJECTS, { ACCEPTANCE_POLICY: 'staff' });
  sanne = await platform.signIn('resident-sanne', ['resident']);
  counsellor = await platform.signIn('counsellor-karin', ['counsellor']);
  await platform.linkAccount(sanne, node(AUTO), 'G-100', [{ reference: 'G-1', principalCents: 40_000 }, { reference: 'G-2', principalCents: 12_000 }]);
  await platform.linkAccount(sanne, node(STAFF), 'W-100', [{ reference: 'W-1', principalCents: 30_000, costsCents: 1_500 }]);
  await platform.linkAccount(sanne, node(REJECTS), 'E-100', [{ reference: 'E-1', principalCents: 90_000, preferential: true }]);
  await platform.consent(sanne, 'COLLECTIVE_ARRANGEMENT', [AUTO, STAFF, REJECTS]);
}, 120_000);

afterAll(async () => {
  await platform?.stop();
});

describe('the budget', () => {
  it.each([
    ['a negative income', { netIncome: '-100' }, 'netIncomeCents'],
    ['a pay day of 32', { payDay: 32 }, 'payDay'],
    ["a counsellor's floor below the beslagvrije voet", { counsellorFloor: '100' }, 'counsellorFloorCents'],
  ])('refuses %s with BUDGET_INVALID naming the field, and stores nothing', async (_what, change, field) => {
    const answer = await platform.gqlRaw(sanne.token, BUDGET, { input: { payDay: 25, household: 'SINGLE', ageBand: 'AGE_21_TO_AOW', netIncome: '200000', ...change } });
    expect(answer.errors?.[0]?.extensions).toMatchObject({ code: 'BUDGET_INVALID' });
    expect(JSON.stringify(answer.errors?.[0]?.extensions)).toContain(field);
    expect((await platform.gql<{ budget: unknown }>(sanne.token, '{ budget { capacity } }')).budget).toBeNull();
  });

  it('computes the beslagvrije voet and the capacity above it, with an explanation; a pay day of 31 is fine', async () => {
    const { setBudget } = await platform.gql<{ setBudget: { payDay: number; netIncome: string; beslagvrijeVoet: string; capacity: string; explanation: string[] } }>(sanne.token, BUDGET, {
      input: { payDay: 31, household: 'SINGLE', ageBand: 'AGE_21_TO_AOW', netIncome: '200000' },
    });
    expect(setBudget.payDay).toBe(31);
    expect(Number(setBudget.beslagvrijeVoet)).toBeGreaterThan(100_000);
    expect(Number(setBudget.beslagvrijeVoet) + Number(setBudget.capacity)).toBe(200_000);
    expect(setBudget.explanation.length).toBeGreaterThan(0);
  });

  it('refuses a counsellor without a mandate, and a plan without a budget', async () => {
    const refused = await platform.gqlRaw(counsellor.token, BUDGET, { input: { residentId: sanne.id, payDay: 25, household: 'SINGLE', ageBand: 'AGE_21_TO_AOW', netIncome: '200000' } });
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'MANDATE_REQUIRED' });
    const proposed = await platform.gqlRaw(counsellor.token, PROPOSE, { input: { residentId: sanne.id } });
    expect(proposed.errors?.[0]?.extensions).toMatchObject({ code: 'MANDATE_REQUIRED' });
  });
});

describe('a proposal to three creditors', () => {
  let first: Proposal;

  it('goes to every node; one accepts by policy, the others wait for staff with collection paused', async () => {
    first = (await platform.gql<{ proposePlan: Proposal }>(sanne.token, PROPOSE, { input: { mode: 'REPAYMENT' } })).proposePlan;
    expect(first.status).toBe('OPEN');
    expect(first.creditors.map((c) => c.creditorId).sort()).toEqual([AUTO, REJECTS, STAFF].sort());
    expect(creditorOf(first, AUTO)).toMatchObject({ claimCount: 2, total: '52000' });

    const answered = await eventually('the automatic acceptance', async () => {
      const p = await proposal(sanne, first.id);
      return creditorOf(p, AUTO)?.decision === 'ACCEPT' && p.creditors.every((c) => c.delivery === 'DELIVERED') ? p : undefined;
    });
    expect(answered.outcome).toBe('WAITING');
    expect(creditorOf(answered, STAFF)?.decision).toBeNull();
    expect(await claimStatuses(node(STAFF))).toEqual({ 'W-1': 'proposed' });
    expect(await claimStatuses(node(AUTO))).toEqual({ 'G-1': 'proposed', 'G-2': 'proposed' });

    // Each node holds only its own share: its own claims' entries, none of another creditor's.
    const { rows } = await node(STAFF).pool.query<{ share: { ownEntries: { claimId: string }[]; treeSize: number }; share_check: { ok: boolean } }>('SELECT share, share_check FROM proposals');
    expect(rows).toHaveLength(1);
    expect(rows[0]?.share.ownEntries.map((e) => e.claimId)).toEqual([`${STAFF}:W-1`]);
    expect(rows[0]?.share.treeSize).toBe(4);
    expect(rows[0]?.share_check.ok).toBe(true);
  });

  it('staff see the proposal with their own check, and accept or reject it with a reason; a second decision is refused', async () => {
    const listed = await platform.backoffice<{ proposals: { id: string; status: string; shareCheck: { ok: boolean }; claims: { reference: string; firstMonth: string }[] }[] }>(
      node(STAFF),
      '{ proposals(status: AWAITING_STAFF) { id status shareCheck { ok } claims { reference firstMonth } } }',
    );
    expect(listed.errors).toBeUndefined();
    expect(listed.data?.proposals).toEqual([{ id: first.id, status: 'AWAITING_STAFF', shareCheck: { ok: true }, claims: [{ reference: 'W-1', firstMonth: expect.any(String) }] }]);

    const DECIDE = 'mutation ($input: DecideProposalInput!) { decideProposal(input: $input) { status answer { decision reasonCode decidedBy } } }';
    const accepted = await platform.backoffice<{ decideProposal: { status: string; answer: { decision: string; decidedBy: string } } }>(node(STAFF), DECIDE, {
      input: { proposalId: first.id, decision: 'ACCEPT' },
    });
    expect(accepted.data?.decideProposal).toMatchObject({ status: 'ANSWERED', answer: { decision: 'ACCEPT', decidedBy: 'staff-member-1' } });
    const again = await platform.backoffice(node(STAFF), DECIDE, { input: { proposalId: first.id, decision: 'REJECT', reasonCode: 'OTHER' } });
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'PROPOSAL_CLOSED' });

    const noReason = await platform.backoffice(node(REJECTS), DECIDE, { input: { proposalId: first.id, decision: 'REJECT' } });
    expect(noReason.errors?.[0]?.extensions).toMatchObject({ code: 'ANSWER_INVALID' });
    const rejected = await platform.backoffice(node(REJECTS), DECIDE, {
      input: { proposalId: first.id, decision: 'REJECT', reasonCode: 'AMOUNT_TOO_LOW', reasonText: 'Wij vragen minimaal 50 euro per maand.' },
    });
    expect(rejected.errors).toBeUndefined();
    expect(await claimStatuses(node(REJECTS))).toEqual({ 'E-1': 'open' });

    const decided = await eventually('both answers at the coordinator', async () => {
      const p = await proposal(sanne, first.id);
      return p.creditors.every((c) => c.decision !== null) ? p : undefined;
    });
    expect(decided.outcome).toBe('NEEDS_DECISION');
    expect(decided.status).toBe('OPEN');
    expect(creditorOf(decided, REJECTS)).toMatchObject({ decision: 'REJECT', reasonCode: 'AMOUNT_TOO_LOW', reasonText: 'Wij vragen minimaal 50 euro per maand.' });

    // Sanne is told, in her inbox, in plain Dutch (and English), with the creditor's own reason.
    const { notifications } = await platform.gql<{ notifications: { kind: string; nl: string; en: string; proposalId: string }[] }>(
      sanne.token,
      '{ notifications { kind proposalId nl: text en: text(locale: EN) } }',
    );
    expect(notifications).toEqual([
      { kind: 'creditor_rejected', proposalId: first.id, nl: expect.stringContaining('zegt nee tegen het betaalplan. De reden: "Wij vragen minimaal 50 euro per maand."'), en: expect.stringContaining('said no') },
    ]);
  });

  it('refuses a forged answer, and records a replayed one only once', async () => {
    const url = `${platform.coordinator.baseUrl}${COORDINATOR_PROPOSAL_ANSWERS_PATH}`;
    const post = async (token: string): Promise<{ status: number; body: { error?: { code: string }; duplicate?: boolean } }> => {
      const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ answer: token }) });
      return { status: response.status, body: (await response.json()) as { error?: { code: string }; duplicate?: boolean } };
    };
    const { rows } = await node(AUTO).pool.query<{ id: string; pseudonym: string }>('SELECT a.id, p.pseudonym FROM proposal_answers a JOIN proposals p ON p.id = a.proposal_id');
    const pseudonym = rows[0]?.pseudonym ?? '';
    const forger = await generateSigningKey('forger-1');
    const forged = await signProposalAnswer({
      creditorId: REJECTS,
      audience: 'samen-regelen-coordinator',
      pseudonym,
      answer: { proposalId: first.id, decision: 'accept', decidedBy: 'policy' },
      answerId: randomUUID(),
      issuedAt: new Date(),
      privateKey: forger.privateKey,
      keyId: forger.kid,
    });
    expect(await post(forged)).toMatchObject({ status: 401, body: { error: { code: 'ANSWER_SIGNATURE_INVALID' } } });

    // The node's own key, the node's own answer id: what a replay of its delivered answer looks like.
    const nodeKey = JSON.parse(node(AUTO).env.NODE_SIGNING_KEY ?? '{}') as { kid?: string };
    const replay = await signProposalAnswer({
      creditorId: AUTO,
      audience: 'samen-regelen-coordinator',
      pseudonym,
      answer: { proposalId: first.id, decision: 'accept', decidedBy: 'policy' },
      answerId: rows[0]?.id ?? '',
      issuedAt: new Date(),
      privateKey: (await importJWK(nodeKey, 'EdDSA')),
      keyId: nodeKey.kid ?? '',
    });
    expect(await post(replay)).toMatchObject({ status: 200, body: { duplicate: true } });
    const otherAnswer = await signProposalAnswer({
      creditorId: AUTO,
      audience: 'samen-regelen-coordinator',
      pseudonym,
      answer: { proposalId: first.id, decision: 'reject', reasonCode: 'OTHER', decidedBy: 'policy' },
      answerId: randomUUID(),
      issuedAt: new Date(),
      privateKey: (await importJWK(nodeKey, 'EdDSA')),
      keyId: nodeKey.kid ?? '',
    });
    expect(await post(otherAnswer)).toMatchObject({ status: 409, body: { error: { code: 'PROPOSAL_ALREADY_ANSWERED' } } });
    expect(creditorOf(await proposal(sanne, first.id), AUTO)?.decision).toBe('ACCEPT');
  });

  it('re-plans among the two that accepted; when both accept, the plan starts and the nodes put the claims in it', async () => {
    const { replanAmongAccepting: second } = await platform.gql<{ replanAmongAccepting: Proposal }>(
      sanne.token,
      `mutation ($id: ID!) { replanAmongAccepting(proposalId: $id) { ${PROPOSAL_FIELDS} } }`,
      { id: first.id },
    );
    expect(second.replaces).toBe(first.id);
    expect(second.creditors.map((c) => c.creditorId).sort()).toEqual([AUTO, STAFF].sort());
    expect((await proposal(sanne, first.id)).status).toBe('REPLACED');
    const closed = await platform.gqlRaw(sanne.token, 'mutation ($id: ID!) { replanAmongAccepting(proposalId: $id) { id } }', { id: first.id });
    expect(closed.errors?.[0]?.extensions).toMatchObject({ code: 'PROPOSAL_CLOSED' });

    await eventually('the proposal at the staff node', async () => {
      const { rows } = await node(STAFF).pool.query<{ status: string }>('SELECT status FROM proposals WHERE id = $1', [second.id]);
      return rows[0]?.status === 'awaiting_staff' ? true : undefined;
    });
    const { rows: old } = await node(STAFF).pool.query<{ status: string }>('SELECT status FROM proposals WHERE id = $1', [first.id]);
    expect(old[0]?.status).toBe('withdrawn');
    const accepted = await platform.backoffice(node(STAFF), 'mutation ($input: DecideProposalInput!) { decideProposal(input: $input) { status } }', {
      input: { proposalId: second.id, decision: 'ACCEPT' },
    });
    expect(accepted.errors).toBeUndefined();

    const started = await eventually('the plan to start', async () => {
      const p = await proposal(sanne, second.id);
      return p.status === 'STARTED' ? p : undefined;
    });
    expect(started.outcome).toBe('ALL_ACCEPTED');
    expect(started.firstDueDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await eventually('the claims in the plan at both nodes', async () => {
      const [auto, staff] = [await claimStatuses(node(AUTO)), await claimStatuses(node(STAFF))];
      return Object.values({ ...auto, ...staff }).every((status) => status === 'in_plan') ? true : undefined;
    });
    expect(await claimStatuses(node(REJECTS))).toEqual({ 'E-1': 'open' });
    const { notifications } = await platform.gql<{ notifications: { kind: string; text: string }[] }>(sanne.token, '{ notifications { kind text } }');
    // (Near a month's end a payment reminder may follow at once: look for the start itself.)
    expect(notifications.find((n) => n.kind === 'plan_started')).toEqual({ kind: 'plan_started', text: expect.stringContaining(`Je eerste betaling is op ${formatDateText({ date: started.firstDueDate ?? undefined, locale: 'nl' }) ?? ''}`) });

    // A payment pause within the policy moves the rest of the schedule at no cost; beyond it, or twice over the same month, it is refused.
    type Instalments = { instalments: { number: number; month: string; dueDate: string; amount: string }[] };
    const PAUSE = `mutation ($input: PaymentPauseInput!) { requestPaymentPause(input: $input) { instalments { number month dueDate amount } } }`;
    const before = (await platform.gql<{ proposal: Instalments }>(sanne.token, 'query ($id: ID!) { proposal(id: $id) { instalments { number month dueDate amount } } }', { id: second.id })).proposal.instalments;
    const firstMonth = before[0]?.month ?? '';
    const tooLong = await platform.gqlRaw(sanne.token, PAUSE, { input: { proposalId: second.id, fromMonth: firstMonth, months: 3 } });
    expect(tooLong.errors?.[0]?.extensions).toMatchObject({ code: 'PAUSE_TOO_LONG' });
    const paused = (await platform.gql<{ requestPaymentPause: Instalments }>(sanne.token, PAUSE, { input: { proposalId: second.id, fromMonth: firstMonth, months: 1 } })).requestPaymentPause.instalments;
    expect(paused.map((i) => i.amount)).toEqual(before.map((i) => i.amount));
    expect((paused[0]?.month ?? '') > firstMonth).toBe(true);
    const again = await platform.gqlRaw(sanne.token, PAUSE, { input: { proposalId: second.id, fromMonth: firstMonth, months: 1 } });
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'PAUSE_OVERLAPS' });
    const stranger = await platform.gqlRaw(counsellor.token, PAUSE, { input: { proposalId: second.id, fromMonth: paused[0]?.month, months: 1 } });
    expect(stranger.errors?.[0]?.extensions).toMatchObject({ code: 'PROPOSAL_NOT_FOUND' });
    const notRunning = await platform.gqlRaw(sanne.token, PAUSE, { input: { proposalId: first.id, fromMonth: firstMonth, months: 1 } });
    expect(notRunning.errors?.[0]?.extensions).toMatchObject({ code: 'PLAN_NOT_RUNNING' });

    // The dossier for a court holds the chain of proposals with every answer and its reasons.
    const { courtDossier } = await platform.gql<{ courtDossier: string }>(sanne.token, 'query ($id: ID!) { courtDossier(proposalId: $id) }', { id: second.id });
    const dossier = JSON.parse(courtDossier) as { schema: string; budget: { capacityCents: number }; proposals: { id: string; answers: { creditorId: string; decision: string; reasonText: string | null }[]; ledgerEntries: { kind: string }[] }[] };
    expect(dossier.schema).toBe('samen-regelen/court-dossier/v1');
    expect(dossier.proposals.map((p) => p.id)).toEqual([second.id, first.id]);
    expect(dossier.proposals[1]?.answers.find((a) => a.creditorId === REJECTS)).toMatchObject({ decision: 'reject', reasonText: 'Wij vragen minimaal 50 euro per maand.' });
    expect(dossier.proposals[0]?.ledgerEntries.map((e) => e.kind)).toEqual(['plan.proposed', 'proposal.answered', 'proposal.answered', 'plan.started', 'plan.amended']);
    expect(courtDossier).not.toContain('resident-sanne');
    const strangers = await platform.gqlRaw(counsellor.token, 'query ($id: ID!) { courtDossier(proposalId: $id) }', { id: second.id });
    expect(strangers.errors?.[0]?.extensions).toMatchObject({ code: 'PROPOSAL_NOT_FOUND' });

    // The ledger holds the whole story, with no personal data in clear.
    const ledger = new pg.Client({ connectionString: platform.coordinatorDatabase.url });
    await ledger.connect();
    const { rows: kinds } = await ledger.query<{ kind: string }>('SELECT kind FROM ledger_record_entries WHERE record_id = ANY($1) ORDER BY idx', [[first.id, second.id]]);
    await ledger.end();
    expect(kinds.map((k) => k.kind)).toEqual(['plan.proposed', 'proposal.answered', 'proposal.answered', 'proposal.answered', 'plan.proposed', 'proposal.answered', 'proposal.answered', 'plan.started', 'plan.amended']);
  });
});
