import { randomInt } from 'node:crypto';
import pg from 'pg';
import {
  LedgerAppender,
  LedgerEventKind,
  LedgerReader,
  ledgerEvent,
  ledgerEventLeaf,
  openCommitmentFor,
  verifyLedgerDatabase,
  verifyLedgerOverHttp,
} from '#consent';
import { PlatformRole } from '#contracts';
import { runMigrationsExclusively } from '#service-kit';
import { loadCoordinatorConfig } from '../apps/gateway/src/coordinator/config/coordinator-config.js';
import { createCoordinatorDataSource } from '../apps/gateway/src/coordinator/database/coordinator-data-source.js';
import { createCoordinatorApp } from '../apps/gateway/src/coordinator-main.js';
import { coordinatorEnv } from '../test/support/coordinator-env.js';
import { KeySetServer, generatePrivateJwkJson, generateSigningKey } from '../test/support/key-set-server.js';
import { createTestDatabase, type TestDatabase } from '../test/support/test-database.js';
import { personToken } from '../test/support/tokens.js';
import { result, within, type BenchResult, type Benchmark, percentile, benchLog } from './benchmark.js';

const TARGET_APPENDS_PER_SECOND = 5_000;
const TARGET_VERIFY_SECONDS = 10;
const TARGET_PROOF_P99_MS = 5;
const LEDGER_SIZE = 1_000_000;
const APPEND_RUN = 50_000;
/** Appends in flight at once: many residents and counsellors acting at the same moment. */
const IN_FLIGHT = 2_000;

const log = benchLog('ledger-store');

const EVENT_TIME = new Date('2026-03-02T09:00:00Z');

/** A ledger event as the coordinator writes it: pseudonyms and a creditor commitment, no personal data. */
function event(n: number): Uint8Array {
  const { event: disclosed } = ledgerEvent({
    eventId: `bench-${n}`,
    kind: LedgerEventKind.DATA_DISCLOSED,
    recordId: `consent-${n % 9973}`,
    state: 'disclosed',
    eventTime: EVENT_TIME,
    subject: `ps_${n.toString(36).padStart(12, '0')}`,
    actor: { role: 'creditor', id: 'gemeente-utrecht' },
    creditors: [openCommitmentFor('gemeente-utrecht')],
    details: { categories: ['claims'] },
  });
  return ledgerEventLeaf(disclosed);
}

/**
 * Serves the filled ledger through the real coordinator (in this process) and verifies it over HTTP
 * the way an auditor's `npm run -s ledger -- verify --url` does: every page, every hash, the signature.
 */
async function verifyOverHttpSeconds(database: TestDatabase): Promise<{ seconds: number; ok: boolean; treeSize: number }> {
  const idpKey = await generateSigningKey('bench-idp');
  const idp = await KeySetServer.start([idpKey]);
  const config = await loadCoordinatorConfig({
    ...coordinatorEnv({
      databaseUrl: database.url,
      oidcJwksUrl: idp.url,
      consentSigningKeyJson: await generatePrivateJwkJson('bench-consent'),
      ledgerSigningKeyJson: await generatePrivateJwkJson('bench-ledger'),
    }),
    LOG_LEVEL: 'warn',
  });
  const app = await createCoordinatorApp(config);
  try {
    await app.listen(0, '127.0.0.1');
    const baseUrl = (await app.getUrl()).replace('[::1]', '127.0.0.1');
    const token = await personToken({ key: idpKey, subject: 'bench-auditor', roles: [PlatformRole.AUDITOR], expiresInSeconds: 3600 });
    const start = performance.now();
    const report = await verifyLedgerOverHttp({ baseUrl, token });
    return { seconds: (performance.now() - start) / 1000, ok: report.ok, treeSize: report.treeSize };
  } finally {
    await app.close();
    await idp.stop();
  }
}

/** Runs `count` appends with at most IN_FLIGHT outstanding; returns appends per second. */
async function appendMany(appender: LedgerAppender, from: number, count: number): Promise<number> {
  const start = performance.now();
  let next = from;
  const worker = async (): Promise<void> => {
    while (next < from + count) {
      const n = next;
      next += 1;
      await appender.append(event(n));
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
  return count / ((performance.now() - start) / 1000);
}

/** The naive alternative in the same run: one durable INSERT per transaction, 20 concurrent writers. */
async function singleCommitInsertsPerSecond(pool: pg.Pool, seconds: number): Promise<number> {
  await pool.query('CREATE TABLE naive_log (idx bigserial PRIMARY KEY, leaf bytea NOT NULL)');
  const deadline = performance.now() + seconds * 1000;
  let done = 0;
  const writer = async (): Promise<void> => {
    while (performance.now() < deadline) {
      await pool.query('INSERT INTO naive_log (leaf) VALUES ($1)', [Buffer.from(event(done))]);
      done += 1;
    }
  };
  const start = performance.now();
  await Promise.all(Array.from({ length: 20 }, writer));
  return done / ((performance.now() - start) / 1000);
}

async function latencies(samples: number, run: () => Promise<unknown>): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < samples; i += 1) {
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b);
}

async function runLedgerBenchmark(): Promise<BenchResult[]> {
  let database: TestDatabase | undefined;
  let pool: pg.Pool | undefined;
  try {
    database = await createTestDatabase('bench_ledger');
    // The coordinator's own schema (the ledger tables included), so the same database can be served.
    // Two connections: runMigrationsExclusively holds one for its advisory lock while migrating on another.
    const dataSource = createCoordinatorDataSource({ url: database.url, poolSize: 2 });
    await dataSource.initialize();
    await runMigrationsExclusively(dataSource);
    await dataSource.destroy();
    pool = new pg.Pool({ connectionString: database.url, max: 20 });
    const appender = new LedgerAppender(pool);
    const reader = new LedgerReader(pool);

    const naive = await within('single-commit baseline', 60_000, singleCommitInsertsPerSecond(pool, 5));
    log(`baseline: ${naive.toFixed(0)} single-commit inserts/s`);
    const grouped = await within('group-commit appends', 120_000, appendMany(appender, 0, APPEND_RUN));
    log(`group commit: ${grouped.toFixed(0)} durable appends/s`);

    const fillStart = performance.now();
    await within('filling to 1,000,000', 600_000, appendMany(appender, APPEND_RUN, LEDGER_SIZE - APPEND_RUN));
    log(`filled to ${LEDGER_SIZE} entries in ${((performance.now() - fillStart) / 1000).toFixed(1)} s`);
    await pool.query('VACUUM ANALYZE ledger_entries');
    await pool.query('VACUUM ANALYZE ledger_subtrees');

    const scanStart = performance.now();
    await pool.query('SELECT sum(length(leaf)) FROM ledger_entries');
    const scanSeconds = (performance.now() - scanStart) / 1000;
    const verifyStart = performance.now();
    const report = await within('verify', 300_000, verifyLedgerDatabase({ pool }));
    const verifySeconds = (performance.now() - verifyStart) / 1000;
    log(`verify: ${verifySeconds.toFixed(1)} s, ok ${report.ok}, ${report.treeSize} entries (plain scan ${scanSeconds.toFixed(2)} s)`);

    const overHttp = await within('verify over HTTP', 600_000, verifyOverHttpSeconds(database));
    log(`verify over HTTP: ${overHttp.seconds.toFixed(1)} s, ok ${overHttp.ok}, ${overHttp.treeSize} entries`);

    const head = await reader.head();
    const proofTimes = await latencies(2_000, () => reader.inclusionProof(randomInt(0, head.treeSize), head.treeSize));
    const db = pool;
    const roundTrips = await latencies(2_000, () => db.query('SELECT 1'));
    log(`inclusion proof p50 ${percentile(proofTimes, 50).toFixed(2)} ms, p99 ${percentile(proofTimes, 99).toFixed(2)} ms`);

    return [
      result({
        name: 'ledger: durable appends per second (group commit)',
        value: grouped,
        unit: 'appends/s',
        baseline: naive,
        target: { op: '>=', limit: TARGET_APPENDS_PER_SECOND },
        note: `${APPEND_RUN} appends, ${IN_FLIGHT} in flight, each acknowledged after COMMIT. Baseline: one INSERT per transaction, 20 writers, same database.`,
      }),
      result({
        name: `ledger: verify ${LEDGER_SIZE} entries from the database`,
        value: verifySeconds,
        unit: 's',
        baseline: scanSeconds,
        target: { op: '<=', limit: TARGET_VERIFY_SECONDS },
        valid: report.ok && report.treeSize === LEDGER_SIZE,
        note: `Recomputes every leaf hash, every stored subtree hash and the head. Baseline: one SELECT reading every leaf. Report ok: ${report.ok}.`,
      }),
      result({
        name: `ledger: verify ${LEDGER_SIZE} entries over HTTP`,
        value: overHttp.seconds,
        unit: 's',
        baseline: verifySeconds,
        valid: overHttp.ok && overHttp.treeSize === LEDGER_SIZE,
        note: `The coordinator serves the ledger (pages of 1,000, 4 in flight, auditor token); the verifier recomputes the root and checks the signed checkpoint and every leaf's event shape. Baseline: verify from the database, same run.`,
      }),
      result({
        name: `ledger: inclusion proof p99 at ${LEDGER_SIZE} entries`,
        value: percentile(proofTimes, 99),
        unit: 'ms',
        baseline: percentile(roundTrips, 99),
        target: { op: '<=', limit: TARGET_PROOF_P99_MS },
        note: `2,000 proofs for random leaves, one at a time; p50 ${percentile(proofTimes, 50).toFixed(2)} ms. Baseline: SELECT 1 round trip p99.`,
      }),
    ];
  } finally {
    await pool?.end().catch(() => undefined);
    await database?.drop().catch((error: unknown) => log(`could not drop ${database?.name}: ${String(error)}`));
  }
}

export const benchmark: Benchmark = {
  name: 'ledger-store',
  maxSeconds: 900,
  run: runLedgerBenchmark,
};
