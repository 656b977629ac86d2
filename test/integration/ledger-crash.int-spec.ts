import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import ts from 'typescript';
import { LEDGER_SCHEMA_SQL, LedgerAppender, canonicalJsonBytes, toBase64, verifyLedgerDatabase } from '#consent';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

/**
 * "Acknowledged means durable" and "a crash leaves no partial batch", with a real process and a real
 * SIGKILL: test/support/ledger-append-child.ts appends with 64 appends in flight and prints every
 * acknowledged (index, leaf hash); we kill it and hold the database to every line it printed.
 *
 * The child is compiled from the current sources into a scratch directory first (under a second), so
 * this test never runs a stale dist/ build of the appender it is meant to check.
 */

const REPO_ROOT = resolve(import.meta.dirname, '../..');
const CHILD_SOURCE = join(REPO_ROOT, 'test/support/ledger-append-child.ts');
const ACKS_BEFORE_KILL = 2_000;
const WAIT_TIMEOUT_MS = 8_000;

let database: TestDatabase;
let pool: pg.Pool;
let scratchDir: string;
let childScript: string;
const running: ChildProcess[] = [];

interface Ack {
  readonly index: number;
  readonly leafHash: string;
}

/** A running child, what it acknowledged so far, and how it ended. */
interface ChildRun {
  readonly process: ChildProcess;
  readonly acks: Ack[];
  readonly stderr: string[];
  /** Resolves when the process exited and its output was fully read. */
  readonly closed: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Emits the child and the library files it imports as ESM JavaScript into the scratch directory. */
function compileChild(outDir: string): string {
  const parsed = ts.getParsedCommandLineOfConfigFile(
    join(REPO_ROOT, 'tsconfig.json'),
    { outDir, noEmit: false, sourceMap: false, declaration: false },
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
        throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
      },
    },
  );
  if (!parsed) throw new Error('tsconfig.json could not be read');
  const emitted = ts.createProgram({ rootNames: [CHILD_SOURCE], options: parsed.options }).emit();
  if (emitted.emitSkipped) throw new Error(`The crash child did not compile: ${ts.formatDiagnostics(emitted.diagnostics, ts.createCompilerHost(parsed.options))}`);
  // Below node_modules/ no package.json of ours applies, so say that these .js files are ESM.
  writeFileSync(join(outDir, 'package.json'), JSON.stringify({ type: 'module' }));
  return join(outDir, 'test/support/ledger-append-child.js');
}

function startChild(run: string): ChildRun {
  const child = spawn(process.execPath, [childScript, database.url, run], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  running.push(child);
  const acks: Ack[] = [];
  const stderr: string[] = [];
  let partial = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    const lines = (partial + chunk).split('\n');
    // A line cut off by the kill was never fully acknowledged; keep only complete ones.
    partial = lines.pop() ?? '';
    for (const line of lines) {
      const [index, leafHash] = line.split(' ');
      acks.push({ index: Number(index), leafHash: leafHash ?? '' });
    }
  });
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => stderr.push(chunk));
  const closed = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) =>
    child.on('close', (code, signal) => done({ code, signal })),
  );
  return { process: child, acks, stderr, closed };
}

async function waitUntil(what: string, run: ChildRun, condition: () => boolean | Promise<boolean>): Promise<void> {
  const deadline = Date.now() + WAIT_TIMEOUT_MS;
  while (!(await condition())) {
    if (run.process.exitCode !== null) throw new Error(`The child exited (${run.process.exitCode}) before ${what}: ${run.stderr.join('')}`);
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}; the child said: ${run.stderr.join('')}`);
    await sleep(20);
  }
}

async function kill(run: ChildRun): Promise<void> {
  run.process.kill('SIGKILL');
  expect(await run.closed).toEqual({ code: null, signal: 'SIGKILL' });
}

/** The child's backend blocked in a half-written batch: entries inserted, subtrees waiting, no COMMIT. */
async function batchWaitingOnSubtrees(): Promise<number | undefined> {
  const { rows } = await pool.query<{ pid: number }>(
    `SELECT a.pid FROM pg_stat_activity a
     WHERE a.datname = current_database() AND a.wait_event_type = 'Lock' AND a.state = 'active'
       AND a.query LIKE 'INSERT INTO ledger_subtrees%'
       -- the lock its INSERT INTO ledger_entries took: this batch's entries are written, uncommitted
       AND EXISTS (SELECT 1 FROM pg_locks l WHERE l.pid = a.pid AND l.granted
                   AND l.relation = 'ledger_entries'::regclass AND l.mode = 'RowExclusiveLock')`,
  );
  return rows[0]?.pid;
}

async function backendGone(pid: number): Promise<boolean> {
  const { rows } = await pool.query<{ alive: boolean }>('SELECT EXISTS (SELECT 1 FROM pg_stat_activity WHERE pid = $1) AS alive', [pid]);
  return rows[0]?.alive === false;
}

/** Every acknowledged append is stored as acknowledged, and the tree is whole; returns its size. */
async function expectDurableAndWhole(acks: readonly Ack[]): Promise<number> {
  expect(acks.length).toBeGreaterThanOrEqual(ACKS_BEFORE_KILL);
  expect(new Set(acks.map((a) => a.index)).size).toBe(acks.length);
  const { rows } = await pool.query<{ idx: string; leaf_hash: Buffer }>('SELECT idx, leaf_hash FROM ledger_entries WHERE idx = ANY($1::bigint[])', [
    acks.map((a) => a.index),
  ]);
  const stored = new Map(rows.map((r) => [Number(r.idx), toBase64(new Uint8Array(r.leaf_hash))]));
  const lost = acks.filter((a) => stored.get(a.index) !== a.leafHash);
  expect(lost).toEqual([]);

  const report = await verifyLedgerDatabase({ pool });
  expect(report).toEqual({ ok: true, treeSize: report.treeSize, problems: [] });
  expect(report.treeSize).toBeGreaterThan(Math.max(...acks.map((a) => a.index)));
  return report.treeSize;
}

beforeAll(async () => {
  scratchDir = join(REPO_ROOT, 'node_modules/.cache', `ledger-crash-test-${randomBytes(4).toString('hex')}`);
  mkdirSync(scratchDir, { recursive: true });
  childScript = compileChild(scratchDir);
  database = await createTestDatabase('ledger_crash');
  pool = new pg.Pool({ connectionString: database.url, max: 4 });
  for (const statement of LEDGER_SCHEMA_SQL) await pool.query(statement);
});

afterAll(async () => {
  for (const child of running) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await pool?.end();
  await database?.drop();
  if (scratchDir) rmSync(scratchDir, { recursive: true, force: true });
});

describe('the ledger appender killed with SIGKILL', () => {
  it('loses no acknowledged append and leaves no partial batch, twice in a row, and a new appender carries on', async () => {
    // Kill 1, pinned mid-batch: hold a lock that the next batch's subtree INSERT must wait for, so the
    // child is killed with a batch's entries written but not committed.
    const first = startChild('first');
    await waitUntil(`${ACKS_BEFORE_KILL} acknowledgements`, first, () => first.acks.length >= ACKS_BEFORE_KILL);
    const blocker = await pool.connect();
    let stuckPid: number | undefined;
    try {
      await blocker.query('BEGIN');
      await blocker.query('LOCK TABLE ledger_subtrees IN SHARE MODE');
      await waitUntil('a batch blocked half-written', first, async () => (stuckPid = await batchWaitingOnSubtrees()) !== undefined);
      await kill(first);
    } finally {
      await blocker.query('ROLLBACK');
      blocker.release();
    }
    // The orphaned backend finishes its statement, finds its client gone, and rolls the batch back.
    await waitUntil('the killed batch to be rolled back', first, () => backendGone(stuckPid ?? -1));
    const sizeAfterFirst = await expectDurableAndWhole(first.acks);

    // Kill 2, at whatever moment the 2,000th acknowledgement arrives (with 64 in flight, mid-batch).
    const second = startChild('second');
    await waitUntil(`${ACKS_BEFORE_KILL} acknowledgements`, second, () => second.acks.length >= ACKS_BEFORE_KILL);
    await kill(second);
    expect(Math.min(...second.acks.map((a) => a.index))).toBeGreaterThanOrEqual(sizeAfterFirst);
    const sizeAfterSecond = await expectDurableAndWhole([...first.acks, ...second.acks]);

    // A fresh appender (as after a restart) picks up the head and extends the same tree.
    const appender = new LedgerAppender(pool);
    const appended = await Promise.all(
      Array.from({ length: 100 }, (_, n) => appender.append(canonicalJsonBytes({ type: 'consent.given', recordId: `after-${n}` }))),
    );
    expect(appended.map((a) => a.index).sort((a, b) => a - b)).toEqual(Array.from({ length: 100 }, (_, i) => sizeAfterSecond + i));
    expect(await verifyLedgerDatabase({ pool })).toEqual({ ok: true, treeSize: sizeAfterSecond + 100, problems: [] });
  }, 25_000);
});
