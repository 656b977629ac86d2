import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { DataSource } from 'typeorm';
import { RESIDENT_CLAIMS_QUERY, postGraphQL, residentRepresentation } from '../support/graphql-client.js';
import { startInProcessNode, type InProcessNode } from '../support/in-process-node.js';
import type { SigningKey } from '../support/key-set-server.js';
import { seedLinkedCustomer } from '../support/seed.js';
import { consentToken } from '../support/tokens.js';

const CREDITOR = 'gemeente-utrecht';
const PSEUDONYM = 'ps_resident-a';

describe('creditor subgraph on real PostgreSQL', () => {
  let node: InProcessNode;
  let coordinatorKey: SigningKey;
  let url: string;
  let db: DataSource;

  beforeAll(async () => {
    node = await startInProcessNode(CREDITOR);
    ({ coordinatorKey, db } = node);
    url = `${node.baseUrl}/graphql`;
    await seedLinkedCustomer(db, {
      customerReference: 'K-1001',
      pseudonym: PSEUDONYM,
      claims: [
        { reference: 'AJ-2025-0001', principalCents: 31_250, interestCents: 412, costsCents: 1_500 },
        { reference: 'AJ-2025-0002', principalCents: 9_900, preferential: true, issuedOn: '2025-03-31', dueOn: '2025-05-31' },
        { reference: 'AJ-2024-0099', principalCents: 5_000, status: 'paid' },
      ],
    });
    await seedLinkedCustomer(db, { customerReference: 'K-2002', pseudonym: 'ps_resident-b', claims: [{ reference: 'B-1', principalCents: 777 }] });
  });

  afterAll(async () => {
    await node?.stop();
  });

  it('discloses the owed claims of the resident named in a valid consent token, and logs it', async () => {
    const token = await consentToken({ key: coordinatorKey, audience: CREDITOR, subject: PSEUDONYM, consentId: 'consent-42' });
    const { status, body } = await postGraphQL(url, { query: RESIDENT_CLAIMS_QUERY, variables: residentRepresentation(PSEUDONYM) }, token);

    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(body.data).toEqual({
      _entities: [
        {
          id: PSEUDONYM,
          claims: [
            {
              id: 'gemeente-utrecht:AJ-2025-0001',
              creditorId: CREDITOR,
              reference: 'AJ-2025-0001',
              description: 'Afvalstoffenheffing 2025',
              principal: '31250',
              interest: '412',
              costs: '1500',
              total: '33162',
              issuedOn: '2025-02-28',
              dueOn: '2025-04-30',
              stage: 'REMINDER',
              preferential: false,
              status: 'OPEN',
            },
            expect.objectContaining({ id: 'gemeente-utrecht:AJ-2025-0002', total: '9900', preferential: true }),
          ],
        },
      ],
    });
    const log = await db.query<unknown[]>(`SELECT consent_id, pseudonym, claim_references FROM disclosures WHERE consent_id = 'consent-42'`);
    expect(log).toEqual([{ consent_id: 'consent-42', pseudonym: PSEUDONYM, claim_references: ['AJ-2025-0001', 'AJ-2025-0002'] }]);
  });

  it('refuses a token for another resident than the one asked about, and discloses nothing', async () => {
    const token = await consentToken({ key: coordinatorKey, audience: CREDITOR, subject: PSEUDONYM, consentId: 'consent-other' });
    const { body } = await postGraphQL(url, { query: RESIDENT_CLAIMS_QUERY, variables: residentRepresentation('ps_resident-b') }, token);

    expect(body.data).toEqual({ _entities: [{ id: 'ps_resident-b', claims: null }] });
    expect(body.errors?.map((e) => e.extensions?.code)).toEqual(['CONSENT_INVALID']);
    expect(await db.query(`SELECT 1 FROM disclosures WHERE consent_id = 'consent-other'`)).toEqual([]);
  });

  it('answers a claim reference only for the resident it belongs to', async () => {
    const query = `query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on Claim { id total } } }`;
    const token = await consentToken({ key: coordinatorKey, audience: CREDITOR, subject: PSEUDONYM });
    const mine = await postGraphQL(url, { query, variables: { representations: [{ __typename: 'Claim', id: 'gemeente-utrecht:AJ-2025-0001' }] } }, token);
    const theirs = await postGraphQL(url, { query, variables: { representations: [{ __typename: 'Claim', id: 'gemeente-utrecht:B-1' }] } }, token);
    const otherNode = await postGraphQL(url, { query, variables: { representations: [{ __typename: 'Claim', id: 'waterschap-x:AJ-2025-0001' }] } }, token);

    expect(mine.body.data).toEqual({ _entities: [{ id: 'gemeente-utrecht:AJ-2025-0001', total: '33162' }] });
    expect(theirs.body.data).toEqual({ _entities: [null] });
    expect(otherNode.body.data).toEqual({ _entities: [null] });
  });

  it('answers a request without any token with CONSENT_REQUIRED and no data', async () => {
    const { body } = await postGraphQL(url, { query: RESIDENT_CLAIMS_QUERY, variables: residentRepresentation(PSEUDONYM) });
    expect(body.data).toEqual({ _entities: [{ id: PSEUDONYM, claims: null }] });
    expect(body.errors?.[0]?.extensions?.code).toBe('CONSENT_REQUIRED');
  });
});
