import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportJWK, type JSONWebKeySet } from 'jose';
import pg from 'pg';
import {
  LEDGER_SCHEMA_SQL,
  LedgerAppender,
  MemorySubtreeReader,
  inclusionProof,
  issueConsentReceipt,
  leafHash,
  parseLedgerEventLeaf,
  signCheckpoint,
} from '#consent';
import {
  buildTestLedger,
  generateTestKey,
  testCheckpoint,
  testKeySet,
  TestLedgerServer,
  TEST_ORIGIN,
  type TestKey,
  type TestLedger,
} from '../../libs/consent/src/ledger-client/ledger-http.test-fixtures.js';
import { runLedgerCli } from '../../tools/ledger-cli.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  /** The one JSON report on stdout (undefined when nothing was printed). */
  readonly report: { ok: boolean; treeSize: number; problems: string[]; [field: string]: unknown } | undefined;
}

async function cli(args: readonly string[], env: { token?: string } = {}): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const code = await runLedgerCli(args, {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    env: { token: env.token },
  });
  return { code, stdout, stderr, report: stdout === '' ? undefined : (JSON.parse(stdout) as Run['report']) };
}

let dir: string;
const cleanups: (() => Promise<void>)[] = [];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ledger-cli-'));
});

afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  await rm(dir, { recursive: true, force: true });
});

describe('ledger CLI: usage', () => {
  it.each([
    ['no command', []],
    ['an unknown command', ['check', '--url', 'http://x']],
    ['no source', ['verify']],
    ['a flag without its value', ['verify', '--url']],
    ['an empty value', ['verify', '--url=']],
    ['an unknown flag', ['verify', '--url', 'http://x', '--bogus', '1']],
    ['two sources', ['verify', '--url', 'http://x', '--database', 'postgres://x']],
    ['a flag of another source', ['verify', '--receipt', 'r.json', '--token', 't']],
    ['a stray argument', ['verify', 'extra', '--url', 'http://x']],
  ])('exits 2 with the usage on stderr for %s, printing no report', async (_label, args) => {
    const run = await cli(args);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('Usage:');
  });
});

describe('ledger CLI: verify --url', () => {
  const TOKEN = 'auditor-token';
  let key: TestKey;
  let server: TestLedgerServer;

  beforeAll(async () => {
    key = await generateTestKey('ledger-2026-01');
    const ledger = buildTestLedger(300);
    server = await TestLedgerServer.start({ ledger, checkpoint: await testCheckpoint({ ledger, treeSize: 300, key }), keySet: await testKeySet(key), token: TOKEN });
    cleanups.push(() => server.stop());
  });

  async function publish(ledger: TestLedger): Promise<string> {
    server.ledger = ledger;
    server.checkpoint = await testCheckpoint({ ledger, treeSize: ledger.leaves.length, key });
    return server.checkpoint;
  }

  it('keeps the checkpoint in the state file and catches a fork on the next run', async () => {
    const state = join(dir, 'auditor-state.jws');
    const first = await cli(['verify', '--url', server.baseUrl, '--token', TOKEN, '--state', state]);
    expect(first.code).toBe(0);
    expect(first.report).toEqual({ ok: true, treeSize: 300, problems: [], checkpoint: server.checkpoint });
    expect((await readFile(state, 'utf8')).trim()).toBe(server.checkpoint);

    // The operator rewrites history: a validly signed checkpoint over other entries.
    const kept = await readFile(state, 'utf8');
    await publish(buildTestLedger(400, 'rewritten'));
    const forked = await cli(['verify', '--url', server.baseUrl, '--state', state], { token: TOKEN });
    expect(forked.code).toBe(1);
    expect(forked.report?.problems).toEqual([expect.stringContaining('is not consistent with the previous one (300 entries)')]);
    expect(await readFile(state, 'utf8')).toBe(kept);
  });

  it('takes the token from the environment (LEDGER_TOKEN), and advances the state only while the log grows honestly', async () => {
    const base = buildTestLedger(500, 'honest');
    const before = base.leaves.slice(0, 200);
    await publish({ leaves: before, reader: new MemorySubtreeReader(before.map((leaf) => leafHash(leaf))) });
    const state = join(dir, 'node-state.jws');
    expect((await cli(['verify', '--url', server.baseUrl, '--state', state], { token: TOKEN })).code).toBe(0);
    const grown = await publish(base);
    const run = await cli(['verify', '--url', server.baseUrl, '--state', state], { token: TOKEN });
    expect(run.report).toMatchObject({ ok: true, treeSize: 500, problems: [] });
    expect((await readFile(state, 'utf8')).trim()).toBe(grown);
  });

  it('exits 1 with the HTTP status when the credential is refused', async () => {
    const run = await cli(['verify', '--url', server.baseUrl, '--token', 'not-an-auditor']);
    expect(run.code).toBe(1);
    expect(run.report?.problems).toEqual([expect.stringContaining('answered 401: UNAUTHENTICATED')]);
  });
});

describe('ledger CLI: verify --receipt', () => {
  let key: TestKey;
  let keySet: JSONWebKeySet;
  let receiptFile: string;
  let server: TestLedgerServer;

  beforeAll(async () => {
    key = await generateTestKey('ledger-2026-01');
    keySet = await testKeySet(key);
    const ledger = buildTestLedger(20);
    const checkpoint = await testCheckpoint({ ledger, treeSize: 20, key });
    const leaf = ledger.leaves[13] as Uint8Array;
    const event = parseLedgerEventLeaf(leaf);
    if (typeof event === 'string') throw new Error(event);
    const file = await issueConsentReceipt({
      origin: TEST_ORIGIN,
      recordId: event.recordId,
      leafIndex: 13,
      treeSize: 20,
      leaf,
      openings: [],
      inclusionProof: inclusionProof({ index: 13, treeSize: 20, reader: ledger.reader }),
      checkpoint,
      keys: keySet,
      privateKey: key.privateKey,
      keyId: key.keyId,
      issuedAt: new Date('2026-03-02T10:00:00Z'),
    });
    receiptFile = join(dir, 'receipt-13.json');
    await writeFile(receiptFile, JSON.stringify(file, null, 2));
    server = await TestLedgerServer.start({ ledger, checkpoint, keySet });
    cleanups.push(() => server.stop());
  });

  it('checks a receipt with the keys inside it, and says that those keys were not checked', async () => {
    const run = await cli(['verify', '--receipt', receiptFile]);
    expect(run.code).toBe(0);
    expect(run.report).toMatchObject({ ok: true, treeSize: 20, leafIndex: 13, problems: [], event: { recordId: 'consent-2' }, creditors: [] });
    expect(run.report?.['note']).toBe('checked against the keys inside the receipt; compare them with the published key set');
  });

  it('checks a receipt against a key set from a file or from the published URL', async () => {
    const jwksFile = join(dir, 'jwks.json');
    await writeFile(jwksFile, JSON.stringify(keySet));
    for (const jwks of [jwksFile, `${server.baseUrl}/.well-known/jwks.json`]) {
      const run = await cli(['verify', '--receipt', receiptFile, '--jwks', jwks, '--origin', TEST_ORIGIN]);
      expect(run.code).toBe(0);
      expect(run.report).toMatchObject({ ok: true, problems: [] });
      expect(run.report?.['note']).toBeUndefined();
    }
  });

  it('exits 1 when the published keys did not sign it, or the file is not a receipt', async () => {
    const otherKeys = join(dir, 'other-jwks.json');
    await writeFile(otherKeys, JSON.stringify(await testKeySet(await generateTestKey('ledger-2026-01'))));
    const foreign = await cli(['verify', '--receipt', receiptFile, '--jwks', otherKeys]);
    expect(foreign.code).toBe(1);
    expect(foreign.report?.problems).toEqual([expect.stringContaining("the receipt's signature does not verify against the given key set")]);

    const garbage = join(dir, 'garbage.json');
    await writeFile(garbage, 'not json');
    const notJson = await cli(['verify', '--receipt', garbage]);
    expect(notJson.code).toBe(1);
    expect(notJson.report?.problems).toEqual([expect.stringContaining('could not be read as JSON')]);
    expect((await cli(['verify', '--receipt', join(dir, 'missing.json')])).code).toBe(1);
  });
});

describe('ledger CLI: verify --database', () => {
  let database: TestDatabase;
  let pool: pg.Pool;
  let key: TestKey;

  beforeAll(async () => {
    database = await createTestDatabase('ledger_cli');
    pool = new pg.Pool({ connectionString: database.url, max: 2 });
    cleanups.push(() => database.drop());
    cleanups.push(() => pool.end());
    for (const statement of LEDGER_SCHEMA_SQL) await pool.query(statement);
    const appender = new LedgerAppender(pool);
    for (const leaf of buildTestLedger(120).leaves) await appender.append(leaf);
    key = await generateTestKey('ledger-2026-01');
    await pool.query('INSERT INTO ledger_signing_keys (key_id, public_jwk) VALUES ($1, $2)', [key.keyId, await exportJWK(key.publicKey)]);
  });

  async function storeCheckpoint(signer: TestKey): Promise<void> {
    const { rows } = await pool.query<{ tree_size: string; root_hash: Buffer }>('SELECT tree_size, root_hash FROM ledger_head');
    const head = rows[0];
    if (!head) throw new Error('no head');
    const issuedAt = new Date();
    const jws = await signCheckpoint({
      checkpoint: { origin: TEST_ORIGIN, treeSize: Number(head.tree_size), rootHash: new Uint8Array(head.root_hash), issuedAt },
      privateKey: signer.privateKey,
      keyId: signer.keyId,
    });
    await pool.query('INSERT INTO ledger_checkpoints (tree_size, root_hash, jws, key_id, issued_at) VALUES ($1, $2, $3, $4, $5)', [
      head.tree_size,
      head.root_hash,
      jws,
      signer.keyId,
      issuedAt,
    ]);
  }

  it('verifies the tables alone, then against the newest signed checkpoint', async () => {
    expect(await cli(['verify', '--database', database.url])).toMatchObject({ code: 0, report: { ok: true, treeSize: 120, problems: [] } });
    await storeCheckpoint(key);
    const run = await cli(['verify', '--database', database.url, '--origin', TEST_ORIGIN]);
    expect(run.code).toBe(0);
    expect(run.report).toMatchObject({ ok: true, treeSize: 120, problems: [], checkpoint: expect.any(String) });
    const otherLog = await cli(['verify', '--database', database.url, '--origin', 'another.example/ledger/v1']);
    expect(otherLog.code).toBe(1);
    expect(otherLog.report?.problems).toEqual([expect.stringContaining('checkpoint of another log')]);
  });

  it('still verifies after the signing key was retired', async () => {
    await pool.query('UPDATE ledger_signing_keys SET retired_at = now() WHERE key_id = $1', [key.keyId]);
    const next = await generateTestKey('ledger-2026-07');
    await pool.query('INSERT INTO ledger_signing_keys (key_id, public_jwk) VALUES ($1, $2)', [next.keyId, await exportJWK(next.publicKey)]);
    expect(await cli(['verify', '--database', database.url])).toMatchObject({ code: 0, report: { ok: true, problems: [] } });
  });

  it('exits 1 for a newest checkpoint signed by a key that is not stored, and merges the table problems', async () => {
    const appender = new LedgerAppender(pool);
    for (const leaf of buildTestLedger(5, 'later').leaves) await appender.append(leaf);
    await storeCheckpoint(await generateTestKey('rogue'));
    // A superuser rewrites one entry behind the triggers' back.
    await pool.query('ALTER TABLE ledger_entries DISABLE TRIGGER ledger_entries_append_only');
    await pool.query(`UPDATE ledger_entries SET leaf = convert_to('{"forged":true}', 'UTF8') WHERE idx = 3`);
    await pool.query('ALTER TABLE ledger_entries ENABLE TRIGGER ledger_entries_append_only');
    const run = await cli(['verify', '--database', database.url]);
    expect(run.code).toBe(1);
    const problems = run.report?.problems ?? [];
    expect(problems[0]).toMatch(/^the newest checkpoint \(125 entries\) does not verify against ledger_signing_keys: signature not valid/);
    expect(problems[1]).toBe('entry 3: the stored leaf hash does not match the leaf');
    expect(problems).toContain('subtree level 1 #1 is altered');
    expect(problems[problems.length - 1]).toMatch(/^the head's root .* is not the root of the entries/);
  });

  it('exits 1 with a problem when the database cannot be read', async () => {
    const run = await cli(['verify', '--database', 'postgres://postgres@127.0.0.1:1/nothing']);
    expect(run.code).toBe(1);
    expect(run.report).toMatchObject({ ok: false, treeSize: 0, problems: [expect.stringContaining('the ledger database could not be read')] });
  });
});
