import { afterAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import {
  LEDGER_SCHEMA_SQL,
  LedgerAppender,
  LedgerReader,
  canonicalJsonBytes,
  toBase64,
  verifyLedgerDatabase,
  type AtomicAppend,
} from '#consent';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

/**
 * appendAtomically on real PostgreSQL, with a stand-in for the coordinator's consent table: a state
 * change and its ledger entry must commit together or not at all, also when batched with others.
 */

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
  await pool.query(`CREATE TABLE consents (id text PRIMARY KEY, state text NOT NULL, ledger_index bigint)`);
  await pool.query(`CREATE TABLE consent_audit (consent_id text NOT NULL, note text NOT NULL)`);
  return { pool, url: database.url };
}

function connect(url: string): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  pools.push(pool);
  return pool;
}

async function seedConsents(pool: pg.Pool, consents: readonly { id: string; state: 'given' | 'withdrawn' }[]): Promise<void> {
  await pool.query(`INSERT INTO consents (id, state) SELECT * FROM unnest($1::text[], $2::text[])`, [consents.map((c) => c.id), consents.map((c) => c.state)]);
}

/** The domain error a withdrawal of a consent that is not (or no longer) given raises. */
class ConsentNotGiven extends Error {
  constructor(readonly consentId: string) {
    super(`Consent ${consentId} is not given.`);
    this.name = 'ConsentNotGiven';
  }
}

function withdrawnLeaf(consentId: string): Uint8Array {
  return canonicalJsonBytes({ type: 'consent.withdrawn', recordId: consentId, at: '2026-03-02T09:00:00Z' });
}

interface Observed {
  /** The transaction each attempt ran in, to show that failing and succeeding work shared a batch. */
  readonly txids: Map<string, string>;
  /** The exact error each failing attempt threw. */
  readonly thrown: Map<string, ConsentNotGiven>;
}

function observe(): Observed {
  return { txids: new Map(), thrown: new Map() };
}

/** What the coordinator does on "withdraw": audit, move given → withdrawn, record the ledger index. */
function withdraw(consentId: string, observed: Observed = observe()): AtomicAppend<string> {
  return async (tx, index) => {
    const { rows } = await tx.query<{ txid: string }>('SELECT txid_current()::text AS txid');
    observed.txids.set(consentId, rows[0]?.txid ?? '');
    // Written before the check, so a failed attempt leaves something to roll back.
    await tx.query(`INSERT INTO consent_audit (consent_id, note) VALUES ($1, 'withdrawn')`, [consentId]);
    const updated = await tx.query(`UPDATE consents SET state = 'withdrawn', ledger_index = $2 WHERE id = $1 AND state = 'given'`, [consentId, index]);
    if (updated.rowCount !== 1) {
      const error = new ConsentNotGiven(consentId);
      observed.thrown.set(consentId, error);
      throw error;
    }
    return { leaf: withdrawnLeaf(consentId), result: consentId };
  };
}

async function consentRows(pool: pg.Pool): Promise<Map<string, { state: string; ledgerIndex: number | null }>> {
  const { rows } = await pool.query<{ id: string; state: string; ledger_index: string | null }>('SELECT id, state, ledger_index FROM consents');
  return new Map(rows.map((r) => [r.id, { state: r.state, ledgerIndex: r.ledger_index === null ? null : Number(r.ledger_index) }]));
}

async function auditedIds(pool: pg.Pool): Promise<string[]> {
  const { rows } = await pool.query<{ consent_id: string }>('SELECT consent_id FROM consent_audit ORDER BY consent_id');
  return rows.map((r) => r.consent_id);
}

afterAll(async () => {
  await Promise.all(pools.map((p) => p.end()));
  await Promise.all(databases.map((d) => d.drop()));
});

describe('appendAtomically on real PostgreSQL', () => {
  it("commits the work's writes with its leaf, and the work learns the index its leaf receives", async () => {
    const { pool } = await freshLedger('atomic_commit');
    await seedConsents(pool, [{ id: 'c1', state: 'given' }]);
    const appender = new LedgerAppender(pool);
    for (let n = 0; n < 5; n += 1) await appender.append(canonicalJsonBytes({ type: 'consent.given', recordId: `earlier-${n}` }));

    const appended = await appender.appendAtomically(withdraw('c1'));

    expect(appended.index).toBe(5);
    expect(appended.result).toBe('c1');
    expect((await consentRows(pool)).get('c1')).toEqual({ state: 'withdrawn', ledgerIndex: 5 });
    const [entry] = await new LedgerReader(pool).entries(5, 6);
    expect(entry && toBase64(entry.leaf)).toBe(toBase64(withdrawnLeaf('c1')));
    expect(await auditedIds(pool)).toEqual(['c1']);
    expect(await verifyLedgerDatabase({ pool })).toEqual({ ok: true, treeSize: 6, problems: [] });
  });

  it("rolls the work's writes back when its leaf cannot be written", async () => {
    const { pool } = await freshLedger('atomic_no_leaf');
    await seedConsents(pool, [{ id: 'c1', state: 'given' }]);
    // The ledger refuses this one leaf, after the work already ran inside the batch transaction.
    const refused = withdrawnLeaf('c1');
    await pool.query(`ALTER TABLE ledger_entries ADD CONSTRAINT test_refuses_one_leaf CHECK (leaf <> $$\\x${Buffer.from(refused).toString('hex')}$$::bytea)`);

    await expect(new LedgerAppender(pool).appendAtomically(withdraw('c1'))).rejects.toThrow(/test_refuses_one_leaf/);

    expect((await consentRows(pool)).get('c1')).toEqual({ state: 'given', ledgerIndex: null });
    expect(await auditedIds(pool)).toEqual([]);
    expect((await new LedgerReader(pool).head()).treeSize).toBe(0);
  });

  it('fails only the caller whose work throws, with its own error, and keeps the batch and the tree whole', async () => {
    const { pool } = await freshLedger('atomic_batch');
    // Every fifth consent is already withdrawn, so withdrawing it again throws inside the batch.
    const consents = Array.from({ length: 50 }, (_, i) => ({ id: `c${String(i).padStart(2, '0')}`, state: i % 5 === 0 ? ('withdrawn' as const) : ('given' as const) }));
    await seedConsents(pool, consents);
    const appender = new LedgerAppender(pool);
    const observed = observe();

    const outcomes = await Promise.allSettled(consents.map((c) => appender.appendAtomically(withdraw(c.id, observed))));

    const succeeded: { id: string; index: number }[] = [];
    outcomes.forEach((outcome, i) => {
      const { id, state } = consents[i] ?? { id: '', state: '' };
      if (state === 'withdrawn') {
        expect(outcome.status).toBe('rejected');
        if (outcome.status === 'rejected') expect(outcome.reason).toBe(observed.thrown.get(id));
      } else {
        expect(outcome.status).toBe('fulfilled');
        if (outcome.status === 'fulfilled') succeeded.push({ id: outcome.value.result, index: outcome.value.index });
      }
    });
    expect(observed.thrown.size).toBe(10);
    expect(succeeded.map((s) => s.index).sort((a, b) => a - b)).toEqual(Array.from({ length: 40 }, (_, i) => i));
    // Failing and succeeding work really ran in one transaction (one batch).
    const batchTxids = new Set(succeeded.map((s) => observed.txids.get(s.id)));
    expect([...observed.thrown.keys()].filter((id) => batchTxids.has(observed.txids.get(id))).length).toBeGreaterThan(0);

    const rows = await consentRows(pool);
    for (const { id, index } of succeeded) expect(rows.get(id)).toEqual({ state: 'withdrawn', ledgerIndex: index });
    for (const id of observed.thrown.keys()) expect(rows.get(id)).toEqual({ state: 'withdrawn', ledgerIndex: null });
    expect(await auditedIds(pool)).toEqual(succeeded.map((s) => s.id).sort());

    const entries = await new LedgerReader(pool).entries(0, 100);
    expect(entries.map((e) => toBase64(e.leaf))).toEqual(
      [...succeeded].sort((a, b) => a.index - b.index).map((s) => toBase64(withdrawnLeaf(s.id))),
    );
    expect(await verifyLedgerDatabase({ pool })).toEqual({ ok: true, treeSize: 40, problems: [] });
  });

  it('lets exactly one of twenty concurrent withdrawals of one consent through, with one ledger entry', async () => {
    const { pool, url } = await freshLedger('atomic_withdraw_twice');
    await seedConsents(pool, [{ id: 'c1', state: 'given' }]);
    // Two appenders on two pools, as two coordinator processes: the race crosses batches and processes.
    const [first, second] = [new LedgerAppender(pool), new LedgerAppender(connect(url))];
    const observed = observe();

    const outcomes = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? first : second).appendAtomically(withdraw('c1', observed))),
    );

    const fulfilled = outcomes.filter((o) => o.status === 'fulfilled');
    const rejected = outcomes.filter((o) => o.status === 'rejected');
    expect(fulfilled).toHaveLength(1);
    expect(rejected).toHaveLength(19);
    for (const outcome of rejected) expect(outcome.reason).toBeInstanceOf(ConsentNotGiven);
    expect((await consentRows(pool)).get('c1')).toEqual({ state: 'withdrawn', ledgerIndex: 0 });
    expect(await auditedIds(pool)).toEqual(['c1']);
    expect(await verifyLedgerDatabase({ pool })).toEqual({ ok: true, treeSize: 1, problems: [] });
  });
});
