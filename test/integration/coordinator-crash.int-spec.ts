import { afterAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { parseLedgerEventLeaf, verifyLedgerDatabase } from '#consent';
import { coordinatorEnvWithFreshKeys } from '../support/coordinator-env.js';
import { CoordinatorProcess } from '../support/coordinator-process.js';
import { postGraphQL } from '../support/graphql-client.js';
import { KeySetServer, generateSigningKey } from '../support/key-set-server.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { personToken } from '../support/tokens.js';

/**
 * The coordinator is killed (SIGKILL) while residents give consents as fast as they can. Whatever it
 * acknowledged must be there after a restart, in the database AND in the ledger, and nothing may be
 * half-written: no consent without its ledger entry, no entry without its consent.
 */

const GIVE = `mutation ($input: GiveConsentInput!) { giveConsent(input: $input) { id ledgerEntries { index } } }`;
const RESIDENTS = 16;

let database: TestDatabase | undefined;
const cleanup: (() => Promise<void>)[] = [];

afterAll(async () => {
  for (const step of cleanup.reverse()) await step();
  await database?.drop();
});

describe('a coordinator killed in the middle of appends', () => {
  it('keeps every acknowledged consent and its ledger entry, and nothing half-written', async () => {
    database = await createTestDatabase('coordinator_crash');
    const idpKey = await generateSigningKey('idp-1');
    const idp = await KeySetServer.start([idpKey]);
    cleanup.push(() => idp.stop());
    const env = await coordinatorEnvWithFreshKeys({
      databaseUrl: database.url,
      oidcJwksUrl: idp.url,
    });
    const pool = new pg.Pool({ connectionString: database.url, max: 2 });
    cleanup.push(() => pool.end());

    const first = await CoordinatorProcess.start(env);
    cleanup.push(() => first.kill());
    const admin = await personToken({ key: idpKey, subject: 'admin', roles: ['admin'] });
    const { publicJwk } = await generateSigningKey('node-1');
    const registered = await postGraphQL(
      first.graphqlUrl,
      {
        query: 'mutation ($input: RegisterCreditorInput!) { registerCreditor(input: $input) { id } }',
        variables: { input: { id: 'gemeente-utrecht', name: 'Gemeente Utrecht', sector: 'municipality', subgraphUrl: 'http://127.0.0.1:9/graphql', keySet: JSON.stringify({ keys: [publicJwk] }) } },
      },
      admin,
    );
    expect(registered.body.errors).toBeUndefined();

    const tokens = await Promise.all(Array.from({ length: RESIDENTS }, (_, i) => personToken({ key: idpKey, subject: `resident-${i}`, roles: ['resident'] })));
    const acknowledged: { id: string; index: number }[] = [];
    let stop = false;
    const validUntil = new Date(Date.now() + 30 * 86_400_000).toISOString();
    const input = { purpose: 'DEBT_OVERVIEW', creditorIds: ['gemeente-utrecht'], categories: ['CLAIMS'], validUntil, textVersion: 'debt-overview/2026-11/1' };
    const resident = async (token: string): Promise<void> => {
      while (!stop) {
        try {
          const answer = await postGraphQL<{ giveConsent: { id: string; ledgerEntries: { index: number }[] } }>(first.graphqlUrl, { query: GIVE, variables: { input } }, token);
          const consent = answer.body.data?.giveConsent;
          if (consent) acknowledged.push({ id: consent.id, index: consent.ledgerEntries[0]?.index ?? -1 });
        } catch {
          return; // the connection died with the process
        }
      }
    };
    const load = tokens.map(resident);
    while (acknowledged.length < 300) await new Promise((done) => setTimeout(done, 20));
    await first.kill();
    stop = true;
    await Promise.all(load);

    const second = await CoordinatorProcess.start(env);
    cleanup.push(() => second.stop());

    const { rows } = await pool.query<{ id: string; state: string; idx: string; leaf: Buffer }>(
      `SELECT c.id, c.state, e.idx, l.leaf FROM consents c
       JOIN ledger_record_entries e ON e.record_id = c.id JOIN ledger_entries l ON l.idx = e.idx`,
    );
    const stored = new Map(rows.map((r) => [r.id, r]));
    for (const { id, index } of acknowledged) {
      const row = stored.get(id);
      expect(row?.state).toBe('given');
      expect(Number(row?.idx)).toBe(index);
      const event = parseLedgerEventLeaf(new Uint8Array(row?.leaf ?? []));
      expect(typeof event === 'object' && event.recordId).toBe(id);
    }
    const orphans = await pool.query<{ consents: string; entries: string }>(
      `SELECT (SELECT count(*) FROM consents c WHERE NOT EXISTS (SELECT 1 FROM ledger_record_entries e WHERE e.record_id = c.id)) AS consents,
              (SELECT count(*) FROM ledger_entries l WHERE NOT EXISTS (SELECT 1 FROM ledger_record_entries e WHERE e.idx = l.idx)) AS entries`,
    );
    expect(orphans.rows[0]).toEqual({ consents: '0', entries: '0' });
    expect(await verifyLedgerDatabase({ pool })).toMatchObject({ ok: true, problems: [] });

    // And it carries on where it stopped.
    const after = await postGraphQL<{ giveConsent: { ledgerEntries: { index: number }[] } }>(second.graphqlUrl, { query: GIVE, variables: { input } }, tokens[0]);
    expect(after.body.errors).toBeUndefined();
    const { rows: head } = await pool.query<{ tree_size: string }>('SELECT tree_size FROM ledger_head');
    expect(after.body.data?.giveConsent.ledgerEntries[0]?.index).toBe(Number(head[0]?.tree_size) - 1);
  }, 90_000);
});
