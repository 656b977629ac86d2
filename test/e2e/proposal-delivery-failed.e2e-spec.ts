import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { TestPlatform, eventually, type PlatformNode } from '../support/platform.js';

/**
 * A node that stays down (issue 6): after the last delivery attempt the delivery is marked failed, the
 * proposal needs a decision, and the resident and their counsellor are told in their inbox.
 */

let platform: TestPlatform;
let gone: PlatformNode;

beforeAll(async () => {
  platform = await TestPlatform.start({ label: 'delivery_failed', coordinatorEnv: { DELIVERY_ATTEMPTS: '2' } });
  await platform.addNode('steady-answers', { ACCEPTANCE_POLICY: 'automatic' });
  gone = await platform.addNode('gone-for-good', { ACCEPTANCE_POLICY: 'automatic' });
}, 120_000);

afterAll(async () => {
  await platform?.stop();
});

describe('a delivery that keeps failing', () => {
  it('is marked failed after the last attempt, and the resident and the counsellor are told', async () => {
    const resident = await platform.signIn('resident-unlucky', ['resident']);
    const counsellor = await platform.signIn('counsellor-piet', ['counsellor']);
    const steady = platform.nodes.get('steady-answers') as PlatformNode;
    await platform.linkAccount(resident, steady, 'A-1', [{ reference: 'A-1-1', principalCents: 30_000 }]);
    await platform.linkAccount(resident, gone, 'B-1', [{ reference: 'B-1-1', principalCents: 20_000 }]);
    await platform.consent(resident, 'COLLECTIVE_ARRANGEMENT', [steady.creditorId, gone.creditorId]);
    const { mandateText } = await platform.gql<{ mandateText: { version: string } }>(resident.token, '{ mandateText { version } }');
    await platform.gql(resident.token, 'mutation ($input: GiveMandateInput!) { giveMandate(input: $input) { id } }', {
      input: { counsellorId: counsellor.id, validUntil: new Date(Date.now() + 30 * 86_400_000).toISOString(), textVersion: mandateText.version },
    });
    await platform.gql(resident.token, 'mutation ($input: BudgetInput!) { setBudget(input: $input) { capacity } }', {
      input: { payDay: 25, household: 'SINGLE', ageBand: 'AGE_21_TO_AOW', netIncome: '220000' },
    });

    // The claims are gathered while the node is up; its delivery is held back a moment, and it dies.
    gone.proxy.delayOnlyPathsStartingWith = '/proposals/v1';
    gone.proxy.delayMs = 1_500;
    const { proposePlan } = await platform.gql<{ proposePlan: { id: string } }>(resident.token, 'mutation { proposePlan(input: { mode: REPAYMENT }) { id } }');
    await gone.service.kill();

    const failed = await eventually('the delivery to be given up', async () => {
      const { proposal } = await platform.gql<{ proposal: { outcome: string; creditors: { creditorId: string; delivery: string; deliveryAttempts: number }[] } }>(
        resident.token,
        'query ($id: ID!) { proposal(id: $id) { outcome creditors { creditorId delivery deliveryAttempts } } }',
        { id: proposePlan.id },
      );
      return proposal.creditors.find((c) => c.creditorId === gone.creditorId)?.delivery === 'FAILED' ? proposal : undefined;
    }, 30_000);
    expect(failed.outcome).toBe('NEEDS_DECISION');
    expect(failed.creditors.find((c) => c.creditorId === gone.creditorId)?.deliveryAttempts).toBe(2);

    for (const person of [resident, counsellor]) {
      const { notifications } = await platform.gql<{ notifications: { kind: string; residentId: string; text: string }[] }>(person.token, '{ notifications { kind residentId text } }');
      expect(notifications.filter((n) => n.kind === 'delivery_failed')).toEqual([{ kind: 'delivery_failed', residentId: resident.id, text: expect.stringContaining('Test gone-for-good') }]);
    }
  }, 60_000);
});
