import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { LinkAction, NODE_LINKS_PATH } from '#contracts';
import { issueLinkToken, issueConsentToken } from '#consent';
import { seedLinkedCustomer } from '../support/seed.js';
import { startInProcessNode, type InProcessNode } from '../support/in-process-node.js';
import { TEST_COORDINATOR_ISSUER } from '../support/tokens.js';

/** The node's link endpoint (issue 5, account linking): one uniform answer, rate limits, link tokens only. */

let node: InProcessNode;

async function linkToken(params: { pseudonym: string; action?: LinkAction; audience?: string; lifetimeSeconds?: number }): Promise<string> {
  return issueLinkToken({
    issuer: TEST_COORDINATOR_ISSUER,
    audience: params.audience ?? node.creditorId,
    subject: params.pseudonym,
    action: params.action ?? LinkAction.LINK,
    tokenId: randomUUID(),
    issuedAt: new Date(),
    lifetimeSeconds: params.lifetimeSeconds ?? 30,
    privateKey: node.coordinatorKey.privateKey,
    keyId: node.coordinatorKey.publicJwk.kid ?? 'coordinator-1',
  });
}

async function post(token: string | undefined, body: unknown): Promise<{ status: number; body: Record<string, unknown>; text: string }> {
  const response = await fetch(`${node.baseUrl}${NODE_LINKS_PATH}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token === undefined ? {} : { authorization: `Bearer ${token}` }) },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: JSON.parse(text) as Record<string, unknown>, text };
}

async function linksOf(pseudonym: string): Promise<string[]> {
  const rows = await node.db.query<{ reference: string }[]>(
    'SELECT c.reference FROM account_links l JOIN customers c ON c.id = l.customer_id WHERE l.pseudonym = $1 ORDER BY c.reference',
    [pseudonym],
  );
  return rows.map((r) => r.reference);
}

beforeAll(async () => {
  node = await startInProcessNode('links-node');
  await seedLinkedCustomer(node.db, { customerReference: 'K-1001', postcode: '3511AB', claims: [] });
  await node.db.query(`INSERT INTO customers (reference, postcode, birth_date) VALUES ('K-2002', '1234XY', NULL)`);
}, 60_000);

afterAll(async () => {
  await node.stop();
});

describe('POST /links/v1', () => {
  it('links the pseudonym when reference, postcode and birth date match (postcode in any spacing and case)', async () => {
    const answer = await post(await linkToken({ pseudonym: 'ps_a' }), { reference: 'K-1001', postcode: '3511 ab', birthDate: '1984-03-12' });
    expect(answer).toMatchObject({ status: 200, body: { linked: true } });
    expect(await linksOf('ps_a')).toEqual(['K-1001']);
    // Linking again changes nothing.
    expect((await post(await linkToken({ pseudonym: 'ps_a' }), { reference: 'K-1001', postcode: '3511AB', birthDate: '1984-03-12' })).body).toEqual({ linked: true });
    expect(await linksOf('ps_a')).toEqual(['K-1001']);
  });

  it('a customer without a birth date on file is checked on postcode alone', async () => {
    expect((await post(await linkToken({ pseudonym: 'ps_b' }), { reference: 'K-2002', postcode: '1234XY' })).body).toEqual({ linked: true });
  });

  it('answers an unknown reference and a wrong check in exactly the same way', async () => {
    const unknown = await post(await linkToken({ pseudonym: 'ps_c' }), { reference: 'K-9999', postcode: '3511AB', birthDate: '1984-03-12' });
    const wrongDate = await post(await linkToken({ pseudonym: 'ps_c' }), { reference: 'K-1001', postcode: '3511AB', birthDate: '1990-01-01' });
    const wrongPostcode = await post(await linkToken({ pseudonym: 'ps_c' }), { reference: 'K-1001', postcode: '9999ZZ', birthDate: '1984-03-12' });
    for (const answer of [unknown, wrongDate, wrongPostcode]) expect([answer.status, answer.text]).toEqual([200, '{"linked":false}']);
    expect(await linksOf('ps_c')).toEqual([]);
  });

  it('after 5 failures in an hour it answers "try again later" for that pseudonym only, even for a right check', async () => {
    for (let i = 0; i < 5; i += 1) await post(await linkToken({ pseudonym: 'ps_d' }), { reference: `K-X${i}`, postcode: '3511AB' });
    const limited = await post(await linkToken({ pseudonym: 'ps_d' }), { reference: 'K-1001', postcode: '3511AB', birthDate: '1984-03-12' });
    expect(limited.status).toBe(429);
    expect(limited.body).toMatchObject({ error: { code: 'LINK_RATE_LIMITED' } });
    expect(await linksOf('ps_d')).toEqual([]);
    expect((await post(await linkToken({ pseudonym: 'ps_e' }), { reference: 'K-2002', postcode: '1234XY' })).body).toEqual({ linked: true });
  });

  it('refuses without a valid link token: none, another node, an unlink token, a consent token', async () => {
    const check = { reference: 'K-1001', postcode: '3511AB', birthDate: '1984-03-12' };
    const consentToken = await issueConsentToken({
      issuer: TEST_COORDINATOR_ISSUER,
      audience: node.creditorId,
      subject: 'ps_f',
      consentId: randomUUID(),
      purpose: 'debt-overview',
      categories: ['claims'],
      tokenId: randomUUID(),
      issuedAt: new Date(),
      lifetimeSeconds: 60,
      privateKey: node.coordinatorKey.privateKey,
      keyId: node.coordinatorKey.publicJwk.kid ?? 'coordinator-1',
    });
    for (const token of [undefined, await linkToken({ pseudonym: 'ps_f', audience: 'other-node' }), await linkToken({ pseudonym: 'ps_f', action: LinkAction.UNLINK }), consentToken]) {
      const answer = await post(token, check);
      expect(answer.status).toBe(401);
      expect(answer.body).toMatchObject({ error: { code: 'LINK_TOKEN_INVALID' } });
    }
    expect(await linksOf('ps_f')).toEqual([]);
  });

  it('refuses a malformed check with 400, which says nothing about accounts', async () => {
    for (const body of [{ reference: 'K-1001' }, { reference: 'K-1001', postcode: 'nope' }, { reference: '', postcode: '3511AB' }, { reference: 'K-1001', postcode: '3511AB', birthDate: '12-03-1984' }]) {
      const answer = await post(await linkToken({ pseudonym: 'ps_g' }), body);
      expect(answer.status).toBe(400);
      expect(answer.body).toMatchObject({ error: { code: 'LINK_BAD_REQUEST' } });
    }
  });
});

describe('DELETE /links/v1', () => {
  it('removes the links of the pseudonym in the token, and only those', async () => {
    const response = await fetch(`${node.baseUrl}${NODE_LINKS_PATH}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${await linkToken({ pseudonym: 'ps_a', action: LinkAction.UNLINK })}` },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ unlinked: true });
    expect(await linksOf('ps_a')).toEqual([]);
    expect(await linksOf('ps_b')).toEqual(['K-2002']);
  });
});
