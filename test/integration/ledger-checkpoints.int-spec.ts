import { afterAll, describe, expect, it } from '@jest/globals';
import { exportJWK, generateKeyPair, type CryptoKey, type JWK } from 'jose';
import pg from 'pg';
import {
  EMPTY_ROOT,
  LEDGER_SCHEMA_SQL,
  LedgerAppender,
  LedgerCheckpointStore,
  LedgerReader,
  LedgerSigningKeyStore,
  canonicalJsonBytes,
  toBase64,
  verifyCheckpoint,
} from '#consent';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

const ORIGIN = 'samen-regelen.test/ledger/v1';
const databases: TestDatabase[] = [];
const pools: pg.Pool[] = [];

interface Ledger {
  readonly pool: pg.Pool;
  readonly url: string;
}

async function freshLedger(label: string): Promise<Ledger> {
  const database = await createTestDatabase(label);
  databases.push(database);
  const pool = connect(database.url);
  for (const statement of LEDGER_SCHEMA_SQL) await pool.query(statement);
  return { pool, url: database.url };
}

function connect(url: string): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  pools.push(pool);
  return pool;
}

interface TestKey {
  readonly keyId: string;
  readonly privateKey: CryptoKey;
  readonly publicJwk: JWK;
  readonly privateJwk: JWK;
}

async function newKey(keyId: string): Promise<TestKey> {
  const { privateKey, publicKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
  return { keyId, privateKey, publicJwk: await exportJWK(publicKey), privateJwk: await exportJWK(privateKey) };
}

function event(n: number): Uint8Array {
  return canonicalJsonBytes({ type: 'consent.given', recordId: `consent-${n}`, subject: `ps_${n}`, at: '2026-03-02T09:00:00Z' });
}

async function appendEvents(pool: pg.Pool, count: number): Promise<void> {
  const appender = new LedgerAppender(pool);
  await Promise.all(Array.from({ length: count }, (_, n) => appender.append(event(n))));
}

function checkpointWith(key: TestKey, now: string): { origin: string; privateKey: CryptoKey; keyId: string; now: Date } {
  return { origin: ORIGIN, privateKey: key.privateKey, keyId: key.keyId, now: new Date(now) };
}

afterAll(async () => {
  await Promise.all(pools.map((p) => p.end()));
  await Promise.all(databases.map((d) => d.drop()));
});

describe('ledger signing keys in PostgreSQL', () => {
  it('rotate: the new key signs, the old one stays published as retired and its checkpoints still verify', async () => {
    const { pool } = await freshLedger('keys_rotate');
    const keys = new LedgerSigningKeyStore(pool);
    const checkpoints = new LedgerCheckpointStore(pool);
    const first = await newKey('ledger-2026-01');
    const second = await newKey('ledger-2026-07');

    await keys.activate({ keyId: first.keyId, publicJwk: first.publicJwk, now: new Date('2026-01-01T00:00:00Z') });
    expect(await keys.publishedKeySet()).toEqual({
      keys: [{ kty: 'OKP', crv: 'Ed25519', x: first.publicJwk.x, kid: 'ledger-2026-01', alg: 'EdDSA', use: 'sig', status: 'active' }],
    });
    await appendEvents(pool, 5);
    const old = await checkpoints.checkpointNow(checkpointWith(first, '2026-03-01T00:00:00Z'));

    await keys.activate({ keyId: second.keyId, publicJwk: second.publicJwk, now: new Date('2026-07-01T00:00:00Z') });
    // A second boot with the same key changes nothing.
    await keys.activate({ keyId: second.keyId, publicJwk: second.publicJwk, now: new Date('2026-07-02T00:00:00Z') });
    const published = await keys.publishedKeySet();
    expect(published.keys.map((k) => [k.kid, k.status, k.retired_at, k.x])).toEqual([
      ['ledger-2026-07', 'active', undefined, second.publicJwk.x],
      ['ledger-2026-01', 'retired', '2026-07-01T00:00:00.000Z', first.publicJwk.x],
    ]);
    expect(published.keys.every((k) => k.d === undefined)).toBe(true);

    await appendEvents(pool, 3);
    const fresh = await checkpoints.checkpointNow(checkpointWith(second, '2026-08-01T00:00:00Z'));
    expect(await verifyCheckpoint({ jws: old.jws, keySet: published, origin: ORIGIN })).toMatchObject({ ok: true, keyId: 'ledger-2026-01' });
    expect(await verifyCheckpoint({ jws: fresh.jws, keySet: published, origin: ORIGIN })).toMatchObject({ ok: true, keyId: 'ledger-2026-07' });
  });

  it('never bring a retired key back, and never take another key under a known key id', async () => {
    const { pool } = await freshLedger('keys_retired');
    const keys = new LedgerSigningKeyStore(pool);
    const first = await newKey('k1');
    const second = await newKey('k2');
    await keys.activate({ keyId: first.keyId, publicJwk: first.publicJwk, now: new Date('2026-01-01T00:00:00Z') });
    await keys.activate({ keyId: second.keyId, publicJwk: second.publicJwk, now: new Date('2026-02-01T00:00:00Z') });
    const before = await keys.publishedKeySet();

    await expect(keys.activate({ keyId: first.keyId, publicJwk: first.publicJwk, now: new Date('2026-03-01T00:00:00Z') })).rejects.toThrow(
      'Ledger signing key "k1" was retired at 2026-02-01T00:00:00.000Z and may not sign again',
    );
    await expect(keys.activate({ keyId: second.keyId, publicJwk: first.publicJwk, now: new Date('2026-03-01T00:00:00Z') })).rejects.toThrow(
      /already registered with a different public key/,
    );
    expect(await keys.publishedKeySet()).toEqual(before);
  });

  it('refuse a JWK holding the private key, or one that is not an Ed25519 public key', async () => {
    const { pool } = await freshLedger('keys_private');
    const keys = new LedgerSigningKeyStore(pool);
    const key = await newKey('k1');
    expect(typeof key.privateJwk.d).toBe('string');

    await expect(keys.activate({ keyId: 'k1', publicJwk: key.privateJwk, now: new Date() })).rejects.toThrow(/private key material \(d\)/);
    await expect(keys.activate({ keyId: 'k1', publicJwk: { ...key.publicJwk, crv: 'X25519' }, now: new Date() })).rejects.toThrow(/Ed25519 public JWK/);
    const { rows } = await pool.query<{ count: string }>('SELECT count(*) FROM ledger_signing_keys');
    expect(rows[0]?.count).toBe('0');
  });

  it('cannot be deleted, changed or un-retired, even with plain SQL', async () => {
    const { pool } = await freshLedger('keys_refuse');
    const keys = new LedgerSigningKeyStore(pool);
    const [first, second, other] = await Promise.all([newKey('k1'), newKey('k2'), newKey('k3')]);
    await keys.activate({ keyId: first.keyId, publicJwk: first.publicJwk, now: new Date('2026-01-01T00:00:00Z') });
    await keys.activate({ keyId: second.keyId, publicJwk: second.publicJwk, now: new Date('2026-02-01T00:00:00Z') });

    await expect(pool.query(`DELETE FROM ledger_signing_keys WHERE key_id = 'k1'`)).rejects.toThrow(/append-only/);
    await expect(pool.query(`UPDATE ledger_signing_keys SET public_jwk = $1 WHERE key_id = 'k2'`, [JSON.stringify(other.publicJwk)])).rejects.toThrow(
      /can only be retired, once/,
    );
    await expect(pool.query(`UPDATE ledger_signing_keys SET retired_at = NULL WHERE key_id = 'k1'`)).rejects.toThrow(/can only be retired, once/);
    await expect(
      pool.query(`INSERT INTO ledger_signing_keys (key_id, public_jwk) VALUES ('k3', $1)`, [JSON.stringify(other.publicJwk)]),
    ).rejects.toThrow(/ledger_signing_keys_one_active/);
    expect((await keys.publishedKeySet()).keys.map((k) => [k.kid, k.status, k.x])).toEqual([
      ['k2', 'active', second.publicJwk.x],
      ['k1', 'retired', first.publicJwk.x],
    ]);
  });

  it('leave exactly one active key when several coordinator processes boot with the same new key at once', async () => {
    const { pool, url } = await freshLedger('keys_boot_race');
    const old = await newKey('old');
    const next = await newKey('next');
    await new LedgerSigningKeyStore(pool).activate({ keyId: old.keyId, publicJwk: old.publicJwk, now: new Date('2026-01-01T00:00:00Z') });

    // Each "process" has its own pool, so the activations really run in parallel transactions.
    const processes = Array.from({ length: 6 }, () => new LedgerSigningKeyStore(connect(url)));
    const outcomes = await Promise.allSettled(
      processes.map((store) => store.activate({ keyId: next.keyId, publicJwk: next.publicJwk, now: new Date('2026-07-01T00:00:00Z') })),
    );

    expect(outcomes.map((o) => o.status)).toEqual(processes.map(() => 'fulfilled'));
    const { rows } = await pool.query<{ key_id: string; retired_at: Date | null }>('SELECT key_id, retired_at FROM ledger_signing_keys ORDER BY key_id');
    expect(rows).toEqual([
      { key_id: 'next', retired_at: null },
      { key_id: 'old', retired_at: new Date('2026-07-01T00:00:00Z') },
    ]);
  });
});

describe('ledger checkpoints in PostgreSQL', () => {
  it('sign the empty tree: size 0 and the SHA-256 of nothing', async () => {
    const { pool } = await freshLedger('checkpoint_empty');
    const key = await newKey('k1');
    const keys = new LedgerSigningKeyStore(pool);
    await keys.activate({ keyId: key.keyId, publicJwk: key.publicJwk, now: new Date('2026-01-01T00:00:00Z') });
    const checkpoints = new LedgerCheckpointStore(pool);
    expect(await checkpoints.latest()).toBeNull();

    const empty = await checkpoints.checkpointNow(checkpointWith(key, '2026-01-01T00:00:01Z'));
    expect(empty).toMatchObject({ treeSize: 0, keyId: 'k1', issuedAt: new Date('2026-01-01T00:00:01Z') });
    expect(toBase64(empty.rootHash)).toBe(toBase64(EMPTY_ROOT));
    const verified = await verifyCheckpoint({ jws: empty.jws, keySet: await keys.publishedKeySet(), origin: ORIGIN });
    expect(verified).toEqual({
      ok: true,
      keyId: 'k1',
      checkpoint: { origin: ORIGIN, treeSize: 0, rootHash: empty.rootHash, issuedAt: new Date('2026-01-01T00:00:01Z') },
    });
    expect(await checkpoints.latest()).toEqual(empty);
  });

  it('sign the head after appends, and hand out the same checkpoint while the tree has not grown', async () => {
    const { pool } = await freshLedger('checkpoint_head');
    const key = await newKey('k1');
    const keys = new LedgerSigningKeyStore(pool);
    await keys.activate({ keyId: key.keyId, publicJwk: key.publicJwk, now: new Date('2026-01-01T00:00:00Z') });
    const checkpoints = new LedgerCheckpointStore(pool);
    await checkpoints.checkpointNow(checkpointWith(key, '2026-01-01T00:00:01Z'));

    await appendEvents(pool, 37);
    const head = await new LedgerReader(pool).head();
    const signed = await checkpoints.checkpointNow(checkpointWith(key, '2026-01-02T00:00:00Z'));
    expect(signed.treeSize).toBe(37);
    expect(toBase64(signed.rootHash)).toBe(toBase64(head.rootHash));
    const verified = await verifyCheckpoint({ jws: signed.jws, keySet: await keys.publishedKeySet(), origin: ORIGIN });
    expect(verified.ok && verified.checkpoint.treeSize === 37 && toBase64(verified.checkpoint.rootHash) === toBase64(head.rootHash)).toBe(true);

    const again = await checkpoints.checkpointNow(checkpointWith(key, '2026-01-03T00:00:00Z'));
    expect(again).toEqual(signed);
    const { rows } = await pool.query<{ tree_size: string }>('SELECT tree_size FROM ledger_checkpoints ORDER BY tree_size');
    expect(rows.map((r) => r.tree_size)).toEqual(['0', '37']);
  });

  it('give concurrent signers (several processes) one and the same checkpoint per size', async () => {
    const { pool, url } = await freshLedger('checkpoint_race');
    const key = await newKey('k1');
    await appendEvents(pool, 12);
    const stores = Array.from({ length: 8 }, () => new LedgerCheckpointStore(connect(url)));

    const results = await Promise.all(stores.map((store, i) => store.checkpointNow(checkpointWith(key, `2026-01-01T00:00:0${i}Z`))));

    expect(new Set(results.map((r) => r.jws)).size).toBe(1);
    expect(results[0]?.treeSize).toBe(12);
    const { rows } = await pool.query<{ jws: string }>('SELECT jws FROM ledger_checkpoints');
    expect(rows).toEqual([{ jws: results[0]?.jws }]);
  });

  it('find the oldest checkpoint that covers a size', async () => {
    const { pool } = await freshLedger('checkpoint_covering');
    const key = await newKey('k1');
    const checkpoints = new LedgerCheckpointStore(pool);
    const signAt = (now: string): Promise<unknown> => checkpoints.checkpointNow(checkpointWith(key, now));
    await signAt('2026-01-01T00:00:00Z');
    await appendEvents(pool, 10);
    await signAt('2026-01-02T00:00:00Z');
    await appendEvents(pool, 15);
    await signAt('2026-01-03T00:00:00Z');

    const sizeCovering = async (n: number): Promise<number | undefined> => (await checkpoints.covering(n))?.treeSize;
    expect(await sizeCovering(0)).toBe(0);
    expect(await sizeCovering(1)).toBe(10);
    expect(await sizeCovering(10)).toBe(10);
    expect(await sizeCovering(11)).toBe(25);
    expect(await sizeCovering(25)).toBe(25);
    expect(await checkpoints.covering(26)).toBeNull();
    expect((await checkpoints.latest())?.treeSize).toBe(25);
    await expect(checkpoints.covering(-1)).rejects.toThrow(RangeError);
  });

  it('refuse to sign over a stored checkpoint whose root is not the ledger root at its size (a fork)', async () => {
    const { pool } = await freshLedger('checkpoint_fork');
    const key = await newKey('k1');
    await appendEvents(pool, 3);
    // Inserting is allowed by the table (it is append-only, not insert-proof): a forged row for size 3.
    await pool.query(`INSERT INTO ledger_checkpoints (tree_size, root_hash, jws, key_id, issued_at) VALUES (3, $1, 'forged', 'k1', now())`, [
      Buffer.alloc(32, 7),
    ]);
    await expect(new LedgerCheckpointStore(pool).checkpointNow(checkpointWith(key, '2026-01-01T00:00:00Z'))).rejects.toThrow(/the ledger forked/);
  });

  it('cannot be changed or deleted, even with plain SQL', async () => {
    const { pool } = await freshLedger('checkpoint_refuse');
    const key = await newKey('k1');
    const checkpoints = new LedgerCheckpointStore(pool);
    const stored = await checkpoints.checkpointNow(checkpointWith(key, '2026-01-01T00:00:00Z'));

    await expect(pool.query(`UPDATE ledger_checkpoints SET jws = 'x'`)).rejects.toThrow(/append-only/);
    await expect(pool.query(`UPDATE ledger_checkpoints SET tree_size = 5`)).rejects.toThrow(/append-only/);
    await expect(pool.query(`DELETE FROM ledger_checkpoints`)).rejects.toThrow(/append-only/);
    await expect(pool.query(`TRUNCATE ledger_checkpoints`)).rejects.toThrow(/append-only/);
    expect(await checkpoints.latest()).toEqual(stored);
  });
});
