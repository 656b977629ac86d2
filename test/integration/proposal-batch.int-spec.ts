import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { NODE_PROPOSAL_BATCH_PATH, type NodeProposal } from '#contracts';
import { commitPlanShares, computePlan, discloseShareTo } from '#arrangement';
import { issueProposalToken } from '#consent';
import { startInProcessNode, type InProcessNode } from '../support/in-process-node.js';
import { generateSigningKey, type SigningKey } from '../support/key-set-server.js';
import { rowsOf, seedLinkedCustomer } from '../support/seed.js';
import { TEST_COORDINATOR_ISSUER } from '../support/tokens.js';

/**
 * Several proposals in one request to a node (the worker's batches): each gets the receipt it would
 * have got alone, in order; a repeat, in the same batch or a later one, changes nothing; a forged
 * token is refused on its own; a share that does not check out is rejected by the node, whatever else
 * is in the batch.
 */
const CREDITOR = 'gemeente-batch';
let node: InProcessNode;
let forger: SigningKey;

function proposalFor(residentIndex: number, amountCents: number, extra: Partial<NodeProposal> = {}): NodeProposal {
  const plan = computePlan({
    mode: 'repayment',
    capacityCents: 20_000,
    minimumInstalmentCents: 500,
    claims: [
      { id: `${CREDITOR}:B-${residentIndex}`, creditorId: CREDITOR, amountCents, preferential: false },
      { id: `waterschap:W-${residentIndex}`, creditorId: 'waterschap', amountCents: 30_000, preferential: false },
    ],
  });
  return {
    proposalId: randomUUID(),
    pseudonym: `pseudonym-${residentIndex}`,
    answerBy: new Date(Date.now() + 86_400_000).toISOString(),
    share: discloseShareTo({ plan, commitment: commitPlanShares({ plan }), creditorId: CREDITOR }),
    ...extra,
  };
}

function sign(proposal: NodeProposal, key: SigningKey = node.coordinatorKey): Promise<string> {
  return issueProposalToken({
    issuer: TEST_COORDINATOR_ISSUER,
    audience: CREDITOR,
    proposal,
    tokenId: randomUUID(),
    issuedAt: new Date(),
    lifetimeSeconds: 120,
    privateKey: key.privateKey,
    keyId: key.kid,
  });
}

async function sendBatch(tokens: unknown[]): Promise<{ status: number; body: { receipts?: { status: number; duplicate?: boolean; state?: string; error?: { code: string } }[] } }> {
  const response = await fetch(`${node.baseUrl}${NODE_PROPOSAL_BATCH_PATH}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ proposals: tokens }) });
  return { status: response.status, body: (await response.json()) as { receipts?: { status: number; duplicate?: boolean; state?: string; error?: { code: string } }[] } };
}

async function claimStatus(reference: string): Promise<{ status: string; transitions: number }> {
  const [row] = await node.db.query<{ status: string; transitions: string }[]>(
    `SELECT c.status, (SELECT count(*) FROM claim_transitions t WHERE t.claim_id = c.id)::text AS transitions FROM claims c WHERE c.reference = $1`,
    [reference],
  );
  return { status: row?.status ?? 'missing', transitions: Number(row?.transitions) };
}

beforeAll(async () => {
  node = await startInProcessNode(CREDITOR);
  forger = await generateSigningKey('coordinator-1');
  for (let i = 1; i <= 5; i += 1) {
    await seedLinkedCustomer(rowsOf({ query: async (sql, parameters) => ({ rows: await node.db.query(sql, parameters) }) }), {
      customerReference: `K-${i}`,
      pseudonym: `pseudonym-${i}`,
      claims: [{ reference: `B-${i}`, principalCents: 40_000 }],
    });
  }
}, 60_000);

afterAll(async () => {
  await node?.stop();
});

describe('a batch of proposals at a node', () => {
  const first = (): NodeProposal => proposalFor(1, 40_000);
  let one: NodeProposal;

  it('gives each proposal its own receipt, in order, and pauses collection once per claim', async () => {
    one = first();
    const tokens = [await sign(one), await sign(proposalFor(2, 40_000)), await sign(proposalFor(3, 40_000)), await sign(one), await sign(proposalFor(4, 40_000), forger)];
    const { status, body } = await sendBatch(tokens);
    expect(status).toBe(200);
    expect(body.receipts?.map((r) => [r.status, r.duplicate ?? null, r.state ?? r.error?.code])).toEqual([
      [202, false, 'awaiting_staff'],
      [202, false, 'awaiting_staff'],
      [202, false, 'awaiting_staff'],
      [202, true, 'awaiting_staff'],
      [401, null, 'PROPOSAL_TOKEN_INVALID'],
    ]);
    expect(await claimStatus('B-1')).toEqual({ status: 'proposed', transitions: 1 });
    expect(await claimStatus('B-3')).toEqual({ status: 'proposed', transitions: 1 });
    expect(await claimStatus('B-4')).toEqual({ status: 'open', transitions: 0 });
    const [held] = await node.db.query<{ count: string }[]>(`SELECT count(*)::text AS count FROM proposal_claims`);
    expect(held?.count).toBe('3');
  });

  it('changes nothing when the same proposals come again', async () => {
    const again = await sendBatch([await sign(one)]);
    expect(again.body.receipts).toEqual([expect.objectContaining({ status: 202, duplicate: true })]);
    expect(await claimStatus('B-1')).toEqual({ status: 'proposed', transitions: 1 });
  });

  it("rejects a share that does not check out, in the same batch as a good one, and keeps that claim's collection going", async () => {
    const wrong = proposalFor(4, 39_000);
    const good = proposalFor(5, 40_000);
    const { body } = await sendBatch([await sign(wrong), await sign(good)]);
    expect(body.receipts?.map((r) => r.state)).toEqual(['answered', 'awaiting_staff']);
    const [answer] = await node.db.query<{ decision: string; reason_code: string }[]>(`SELECT decision, reason_code FROM proposal_answers WHERE proposal_id = $1`, [wrong.proposalId]);
    expect(answer).toEqual({ decision: 'reject', reason_code: 'SHARE_MISMATCH' });
    expect(await claimStatus('B-4')).toEqual({ status: 'open', transitions: 0 });
    expect(await claimStatus('B-5')).toEqual({ status: 'proposed', transitions: 1 });
  });

  it('takes a re-plan in a batch one by one: the earlier proposal is withdrawn, the claim stays paused', async () => {
    const replan = proposalFor(1, 40_000, { replaces: one.proposalId });
    const { body } = await sendBatch([await sign(replan), await sign(proposalFor(2, 40_000))]);
    expect(body.receipts?.map((r) => r.status)).toEqual([202, 202]);
    const [old] = await node.db.query<{ status: string }[]>(`SELECT status FROM proposals WHERE id = $1`, [one.proposalId]);
    expect(old?.status).toBe('withdrawn');
    expect((await claimStatus('B-1')).status).toBe('proposed');
  });

  it('refuses an empty batch, or one of more than 50, as a whole', async () => {
    expect((await sendBatch([])).status).toBe(400);
    expect((await sendBatch(Array.from({ length: 51 }, () => 'x'))).status).toBe(400);
  });
});
