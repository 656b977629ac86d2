/**
 * Diagnostics only (not part of `npm run bench`): what one creditor node spends per proposal it
 * receives, alone (`POST /proposals/v1`, a few clients at once) and in batches (`POST /proposals/v1/batch`)
 * of 5 and of 20. One node process on its own database, 600 residents with one claim each, every
 * proposal a 14-creditor plan. Run after a build: `node dist/bench/diagnostics/inbox-batches.js`.
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { NODE_PROPOSAL_BATCH_PATH, NODE_PROPOSALS_PATH } from '#contracts';
import { commitPlanShares, computePlan, discloseShareTo } from '#arrangement';
import { issueProposalToken } from '#consent';
import { KeySetServer, generatePrivateJwkJson, generateSigningKey } from '../../test/support/key-set-server.js';
import { nodeEnv } from '../../test/support/node-env.js';
import { rowsOf, seedLinkedCustomer } from '../../test/support/seed.js';
import { ENTRYPOINTS, ServiceProcess } from '../../test/support/service-process.js';
import { createTestDatabase } from '../../test/support/test-database.js';
import { TEST_COORDINATOR_ISSUER } from '../../test/support/tokens.js';
import { processCpuMs } from '../cpu.js';

const CREDITOR = 'diagnostic-creditor';
const RESIDENTS = 600;
const WARM_UP = 20;

async function main(): Promise<void> {
  const key = await generateSigningKey('consent-1');
  const keys = await KeySetServer.start([key]);
  const staff = await KeySetServer.start([await generateSigningKey('staff-1')]);
  const database = await createTestDatabase('diag_inbox');
  const pool = new pg.Pool({ connectionString: database.url, max: 2 });
  const node = await ServiceProcess.start({
    label: CREDITOR,
    entrypoint: ENTRYPOINTS.node,
    env: {
      ...nodeEnv({ creditorId: CREDITOR, databaseUrl: database.url, port: 0, coordinatorJwksUrl: keys.url, staffJwksUrl: staff.url, signingKeyJson: await generatePrivateJwkJson('node-1') }),
      DATABASE_POOL_SIZE: '4',
      ACCEPTANCE_POLICY: 'staff',
    },
  });
  try {
    const tokensFor = async (): Promise<string[]> =>
      Promise.all(
        Array.from({ length: RESIDENTS }, (_, r) => {
          const claims = [{ id: `${CREDITOR}:R${r}-1`, creditorId: CREDITOR, amountCents: 20_000 + r, preferential: false }];
          for (let other = 0; other < 13; other += 1) claims.push({ id: `other-${other}:X${r}`, creditorId: `other-${other}`, amountCents: 20_000 + other, preferential: false });
          const plan = computePlan({ mode: 'repayment', capacityCents: 100_000, minimumInstalmentCents: 500, claims });
          const share = discloseShareTo({ plan, commitment: commitPlanShares({ plan }), creditorId: CREDITOR });
          return issueProposalToken({
            issuer: TEST_COORDINATOR_ISSUER,
            audience: CREDITOR,
            proposal: { proposalId: randomUUID(), pseudonym: `ps-${r}`, answerBy: new Date(Date.now() + 86_400_000).toISOString(), share },
            tokenId: randomUUID(),
            issuedAt: new Date(),
            lifetimeSeconds: 300,
            privateKey: key.privateKey,
            keyId: key.kid,
          });
        }),
      );
    for (let r = 0; r < RESIDENTS; r += 1) {
      await seedLinkedCustomer(rowsOf(pool), { customerReference: `R${r}`, pseudonym: `ps-${r}`, claims: [{ reference: `R${r}-1`, principalCents: 20_000 + r }] });
    }
    for (const [label, batch, clients] of [
      ['alone, 5 clients', 1, 5],
      ['batches of 5, 2 clients', 5, 2],
      ['batches of 20, 1 client', 20, 1],
    ] as const) {
      // Every run its own proposals over the same claims: a claim already proposed stays usable.
      const tokens = await tokensFor();
      const send = async (from: number, to: number): Promise<void> => {
        const response =
          batch === 1
            ? await fetch(`${node.baseUrl}${NODE_PROPOSALS_PATH}`, { method: 'POST', headers: { authorization: `Bearer ${tokens[from] ?? ''}` } })
            : await fetch(`${node.baseUrl}${NODE_PROPOSAL_BATCH_PATH}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ proposals: tokens.slice(from, to) }) });
        if (!response.ok) throw new Error(`node answered ${response.status}: ${await response.text()}`);
        await response.text();
      };
      for (let i = 0; i < WARM_UP; i += batch) await send(i, Math.min(WARM_UP, i + batch));
      const cpuBefore = (await processCpuMs(node.pid)) ?? 0;
      const started = performance.now();
      let next = WARM_UP;
      await Promise.all(
        Array.from({ length: clients }, async () => {
          while (next < RESIDENTS) {
            const from = next;
            next = Math.min(RESIDENTS, next + batch);
            await send(from, next);
          }
        }),
      );
      const elapsed = performance.now() - started;
      const count = RESIDENTS - WARM_UP;
      process.stdout.write(`${label.padEnd(26)} ${(count / (elapsed / 1000)).toFixed(0).padStart(5)} proposals/s, node CPU ${((((await processCpuMs(node.pid)) ?? 0) - cpuBefore) / count).toFixed(2)} ms per proposal\n`);
    }
  } finally {
    await node.stop();
    await pool.end();
    await database.drop();
    await keys.stop();
    await staff.stop();
  }
}

void main();
