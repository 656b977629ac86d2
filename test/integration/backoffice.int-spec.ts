import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { postGraphQL } from '../support/graphql-client.js';
import { startInProcessNode, type InProcessNode } from '../support/in-process-node.js';
import { generateSigningKey } from '../support/key-set-server.js';
import { staffToken } from '../support/tokens.js';

const CREDITOR = 'waterschap-vallei';

const IMPORT = `mutation ($rows: [ClaimRowInput!]!) {
  importClaims(rows: $rows) {
    __typename
    ... on ClaimsImported { importId created updated unchanged }
    ... on ClaimImportRejected { code message errors { row field code message } }
  }
}`;

function row(reference: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    claimReference: reference,
    customerReference: 'WV-778812',
    customerPostcode: '3811 AB',
    customerBirthDate: '1979-11-02',
    description: 'Watersysteemheffing 2025',
    principal: '18450',
    interest: '0',
    costs: '0',
    issuedOn: '2025-02-28',
    dueOn: '2025-04-30',
    stage: 'REMINDER',
    preferential: false,
    ...overrides,
  };
}

async function csvUpload(node: InProcessNode, token: string | undefined, body: string | Uint8Array, contentType = 'text/csv') {
  const response = await fetch(`${node.baseUrl}/backoffice/claims/import`, {
    method: 'POST',
    headers: { 'content-type': contentType, 'x-file-name': 'vorderingen.csv', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body,
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('back-office on real PostgreSQL', () => {
  let node: InProcessNode;
  let token: string;
  let gql: string;

  beforeAll(async () => {
    node = await startInProcessNode(CREDITOR);
    token = await staffToken({ key: node.staffKey, creditorId: CREDITOR, subject: 'medewerker-invordering-7' });
    gql = `${node.baseUrl}/backoffice/graphql`;
  });
  afterAll(async () => {
    await node?.stop();
  });

  it('refuses a request without a token, with a token of another creditor, and with a token from an unknown key', async () => {
    const query = { query: '{ claims { items { id } } }' };
    const none = await postGraphQL(gql, query);
    const otherBackoffice = await postGraphQL(gql, query, await staffToken({ key: node.staffKey, creditorId: 'gemeente-ede' }));
    const otherCreditor = await postGraphQL(
      gql,
      query,
      await staffToken({ key: node.staffKey, creditorId: 'gemeente-ede', audience: `backoffice:${CREDITOR}` }),
    );
    const noRole = await postGraphQL(gql, query, await staffToken({ key: node.staffKey, creditorId: CREDITOR, roles: ['resident'] }));
    const forged = await postGraphQL(gql, query, await staffToken({ key: await generateSigningKey('idp-1'), creditorId: CREDITOR }));

    expect(none.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(otherBackoffice.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(otherCreditor.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(noRole.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(forged.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    for (const response of [none, otherBackoffice, otherCreditor, noRole, forged]) expect(response.body.data ?? null).toBeNull();

    const csv = await csvUpload(
      node,
      await staffToken({ key: node.staffKey, creditorId: 'gemeente-ede', audience: `backoffice:${CREDITOR}` }),
      'x',
    );
    expect(csv.status).toBe(403);
    expect(csv.body).toMatchObject({ error: { code: 'FORBIDDEN' } });
  });

  it('imports rows through GraphQL, then treats the same rows again as unchanged, and audits a change', async () => {
    const rows = [row('WV-2025-0001'), row('WV-2025-0002', { principal: '9900', stage: 'FORMAL_DEMAND', costs: '1100' })];
    const first = await postGraphQL(gql, { query: IMPORT, variables: { rows } }, token);
    expect(first.body.data).toMatchObject({ importClaims: { __typename: 'ClaimsImported', created: 2, updated: 0, unchanged: 0 } });

    const again = await postGraphQL(gql, { query: IMPORT, variables: { rows } }, token);
    expect(again.body.data).toMatchObject({ importClaims: { __typename: 'ClaimsImported', created: 0, updated: 0, unchanged: 2 } });

    const changed = await postGraphQL(gql, { query: IMPORT, variables: { rows: [row('WV-2025-0001', { interest: '250' })] } }, token);
    expect(changed.body.data).toMatchObject({ importClaims: { created: 0, updated: 1, unchanged: 0 } });

    const claims = await node.db.query<unknown[]>(`SELECT reference, interest_cents::int AS interest, revision FROM claims ORDER BY reference`);
    expect(claims).toEqual([
      { reference: 'WV-2025-0001', interest: 250, revision: 2 },
      { reference: 'WV-2025-0002', interest: 0, revision: 1 },
    ]);
    const audit = await node.db.query<unknown[]>(
      `SELECT r.change, r.revision, r.before->>'interestCents' AS before, r.after->>'interestCents' AS after, i.actor
         FROM claim_revisions r JOIN claims c ON c.id = r.claim_id JOIN claim_imports i ON i.id = r.import_id
        WHERE c.reference = 'WV-2025-0001' ORDER BY r.revision`,
    );
    expect(audit).toEqual([
      { change: 'created', revision: 1, before: null, after: '0', actor: 'medewerker-invordering-7' },
      { change: 'updated', revision: 2, before: '0', after: '250', actor: 'medewerker-invordering-7' },
    ]);
  });

  it('rejects a list with one bad row as a whole, naming the row and field, and writes nothing', async () => {
    const before = await node.db.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM claims`);
    const rows = [row('WV-2025-0100'), row('WV-2025-0101', { principal: '-500' }), row('WV-2025-0100')];
    const { body } = await postGraphQL(gql, { query: IMPORT, variables: { rows } }, token);

    expect(body.data).toMatchObject({ importClaims: { __typename: 'ClaimImportRejected', code: 'IMPORT_INVALID' } });
    const errors = (body.data as { importClaims: { errors: { row: number; field: string; code: string }[] } }).importClaims.errors;
    expect(errors.map((e) => [e.row, e.field, e.code])).toEqual([
      [2, 'principal', 'AMOUNT_NOT_POSITIVE'],
      [3, 'claimReference', 'DUPLICATE_CLAIM_ID'],
    ]);
    const after = await node.db.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM claims`);
    expect(after).toEqual(before);
  });

  it('imports a semicolon CSV with a BOM, and rejects a CSV with problems with 422 and every problem', async () => {
    const good = [
      '\uFEFFclaim_id;customer_id;customer_postcode;customer_birth_date;description;principal_cents;interest_cents;costs_cents;issued_on;due_on;stage;preferential',
      'WV-2024-0777;WV-112233;8011 CD;;"Zuiveringsheffing 2024; aanslag";25600;312;0;2024-03-31;2024-05-31;writ;nee',
    ].join('\r\n');
    const ok = await csvUpload(node, token, good);
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ created: 1, updated: 0, unchanged: 0 });

    const bad = [
      'claim_id,customer_id,customer_postcode,description,principal_cents,issued_on,due_on,stage,preferential',
      'WV-2024-0900,WV-1,8011CD,Heffing,0,2024-03-31,2024-05-31,writ,false',
      'WV-2024-0901,WV-1,8011CD,Heffing,1200000000,2024-02-30,2024-05-31,beslag,false',
    ].join('\n');
    const rejected = await csvUpload(node, token, bad);
    expect(rejected.status).toBe(422);
    const rows = (rejected.body as { error: { code: string; rows: { row: number; code: string }[] } }).error;
    expect(rows.code).toBe('IMPORT_INVALID');
    expect(rows.rows.map((e) => [e.row, e.code])).toEqual(
      expect.arrayContaining([
        [2, 'AMOUNT_NOT_POSITIVE'],
        [3, 'AMOUNT_TOO_LARGE'],
        [3, 'INVALID_DATE'],
        [3, 'UNKNOWN_STAGE'],
      ]),
    );
    expect(await node.db.query(`SELECT 1 FROM claims WHERE reference LIKE 'WV-2024-09%'`)).toEqual([]);

    const latin1 = await csvUpload(node, token, new Uint8Array([...Buffer.from('claim_id,description\nA-1,Caf'), 0xe9, 0x0a]));
    expect(latin1.status).toBe(422);
    expect(JSON.stringify(latin1.body)).toContain('INVALID_ENCODING');

    const notCsv = await csvUpload(node, token, JSON.stringify({ a: 1 }), 'application/json');
    expect(notCsv.status).toBe(415);
  });

  it('refuses a file over 5 MB with 413 before reading it', async () => {
    const header = 'claim_id,customer_id,customer_postcode,description,principal_cents,issued_on,due_on,stage,preferential\n';
    const line = 'WV-X,WV-1,8011CD,Heffing,100,2024-03-31,2024-05-31,writ,false\n';
    const huge = header + line.repeat(Math.ceil((5 * 1024 * 1024) / line.length) + 10);
    const response = await csvUpload(node, token, huge);
    expect(response.status).toBe(413);
    expect(JSON.stringify(response.body)).not.toMatch(/at .*\.js:\d+/); // no stack trace
  });

  it('records lifecycle events with their reason, refuses impossible ones, and freezes amounts in a proposal', async () => {
    const record = `mutation ($reference: String!, $event: StaffClaimEvent!, $reason: String!) {
      recordClaimEvent(reference: $reference, event: $event, reason: $reason) { status collectionPaused transitions { from to event reason actor } }
    }`;
    const disputed = await postGraphQL(gql, { query: record, variables: { reference: 'WV-2025-0002', event: 'DISPUTE_RAISED', reason: 'Bewoner betwist de aanslag' } }, token);
    expect(disputed.body.data).toMatchObject({
      recordClaimEvent: {
        status: 'DISPUTED',
        collectionPaused: true,
        transitions: [
          { from: null, to: 'OPEN', event: null, reason: 'imported (graphql)', actor: 'medewerker-invordering-7' },
          { from: 'OPEN', to: 'DISPUTED', event: 'dispute_raised', reason: 'Bewoner betwist de aanslag', actor: 'medewerker-invordering-7' },
        ],
      },
    });
    const twice = await postGraphQL(gql, { query: record, variables: { reference: 'WV-2025-0002', event: 'DISPUTE_RAISED', reason: 'nog eens' } }, token);
    expect(twice.body.errors?.[0]?.extensions?.code).toBe('CLAIM_TRANSITION_NOT_ALLOWED');
    const unknown = await postGraphQL(gql, { query: record, variables: { reference: 'NOPE-1', event: 'PAID_IN_FULL', reason: 'x' } }, token);
    expect(unknown.body.errors?.[0]?.extensions?.code).toBe('CLAIM_NOT_FOUND');

    // A claim in a proposal keeps its amounts: the proposal workflow is the only way to change them.
    await node.db.query(`UPDATE claims SET status = 'proposed' WHERE reference = 'WV-2025-0001'`);
    const locked = await postGraphQL(gql, { query: IMPORT, variables: { rows: [row('WV-2025-0001', { principal: '1' })] } }, token);
    expect(locked.body.data).toMatchObject({
      importClaims: { __typename: 'ClaimImportRejected', errors: [{ row: 1, field: 'principal', code: 'CLAIM_LOCKED' }] },
    });
  });

  it('lists and searches claims in pages, and shows the disclosure log', async () => {
    const list = `query ($search: ClaimSearch, $after: String) { claims(search: $search, first: 2, after: $after) { items { id reference total } nextCursor } }`;
    const page1 = await postGraphQL<{ claims: { items: { reference: string }[]; nextCursor: string | null } }>(gql, { query: list, variables: {} }, token);
    const page2 = await postGraphQL<{ claims: { items: { reference: string }[]; nextCursor: string | null } }>(gql, { query: list, variables: { after: page1.body.data?.claims.nextCursor } }, token);
    expect(page1.body.data?.claims.items.map((c) => c.reference)).toEqual(['WV-2024-0777', 'WV-2025-0001']);
    expect(page2.body.data?.claims).toEqual({ items: [{ id: `${CREDITOR}:WV-2025-0002`, reference: 'WV-2025-0002', total: '11000' }], nextCursor: null });

    const search = await postGraphQL<{ claims: { items: { reference: string }[] } }>(gql, { query: list, variables: { search: { text: 'zuivering' } } }, token);
    expect(search.body.data?.claims.items.map((c) => c.reference)).toEqual(['WV-2024-0777']);

    const log = await postGraphQL(gql, { query: '{ disclosures { items { consentId } nextCursor } }' }, token);
    expect(log.body).toEqual({ data: { disclosures: { items: [], nextCursor: null } } });
  });
});
