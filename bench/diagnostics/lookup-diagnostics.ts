/**
 * Diagnostics only (not part of `npm run bench`): where does the time of the federated claims lookup
 * go? Run after a build: `node dist/bench/diagnostics/lookup-diagnostics.js [sql,tokens,node]` (about 2½
 * minutes for all three sections).
 *
 * On one freshly seeded node database (1,000,000 claims) it measures, each at 20 concurrent callers:
 *   - the hot-path SQL alone: through the node's own repository (TypeORM, pool 10 and 20), through
 *     plain pg (unnamed and prepared statement), without the disclosure insert, and without waiting
 *     for the commit to be flushed (to price the flush; not a proposal);
 *   - consent-token verification alone (jose, EdDSA) on one thread;
 *   - the node process over HTTP with a CPU profile, and with its pool resized to 20.
 */
import { availableParallelism } from 'node:os';
import { readFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRemoteJWKSet } from 'jose';
import pg from 'pg';
import { ConsentPurpose, DataCategory, type ConsentTokenClaims } from '#contracts';
import { verifyConsentToken } from '#consent';
import { CLAIM_RECORD_COLUMNS } from '../../apps/creditor-node/src/claims/claim-record.js';
import { createNodeDataSource } from '../../apps/creditor-node/src/database/node-data-source.js';
import { ClaimDisclosureRepository } from '../../apps/creditor-node/src/disclosures/claim-disclosure.repository.js';
import { KeySetServer, generatePrivateJwkJson, generateSigningKey } from '../../test/support/key-set-server.js';
import { nodeEnv } from '../../test/support/node-env.js';
import { createTestDatabase, type TestDatabase } from '../../test/support/test-database.js';
import { TEST_COORDINATOR_ISSUER, consentToken } from '../../test/support/tokens.js';
import { benchEnv } from '../bench-env.js';
import { failures, load, type LoadResult } from '../benchmark.js';
import { CREDITOR, SIZE, lookupBodyCheck, lookupCalls, randomCustomers, rotating } from '../creditor-node-lookup-calls.js';
import { freePort } from '../creditor-node-process.js';
import { seedCreditorNode, seededPseudonym } from '../creditor-node-seed.js';
import { cpuSnapshot, cpuUse, processCpuMs, type CpuUse } from '../cpu.js';
import { summarizeProfile, type CpuProfile } from './cpu-profile.js';

const CONCURRENCY = 20;
const SQL_SECONDS = 5;
const PROFILED_NODE = resolve(dirname(fileURLToPath(import.meta.url)), 'profiled-node.js');

/** ClaimDisclosureRepository.discloseClaimsOfResident's SQL (kept in step by hand), to run it without TypeORM. */
const DISCLOSE_SQL = `WITH found AS (
   SELECT ${CLAIM_RECORD_COLUMNS}
     FROM account_links l JOIN claims c ON c.customer_id = l.customer_id
    WHERE l.pseudonym = $1 AND c.status IN ('open', 'proposed', 'in_plan', 'disputed')
 ), logged AS (
   INSERT INTO disclosures (consent_id, token_id, pseudonym, purpose, categories, claim_references)
   SELECT $2, $3, $1, $4, $5::text[], coalesce(array_agg(reference ORDER BY reference), '{}') FROM found
 )
 SELECT * FROM found ORDER BY issued_on, reference`;
const SELECT_ONLY_SQL = `SELECT ${CLAIM_RECORD_COLUMNS}
     FROM account_links l JOIN claims c ON c.customer_id = l.customer_id
    WHERE l.pseudonym = $1 AND c.status IN ('open', 'proposed', 'in_plan', 'disputed')
    ORDER BY c.issued_on, c.reference`;

function say(line: string): void {
  process.stdout.write(`${line}\n`);
}

function consentFor(customer: number, n: number): ConsentTokenClaims {
  const now = Math.floor(Date.now() / 1000);
  return {
    iss: TEST_COORDINATOR_ISSUER,
    aud: CREDITOR,
    sub: seededPseudonym(customer),
    jti: `diag-${n}`,
    iat: now,
    exp: now + 300,
    consentId: `consent-diag-${customer}`,
    purpose: ConsentPurpose.DEBT_OVERVIEW,
    categories: [DataCategory.CLAIMS],
  };
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? 0;
}

function cpuText(cpu: CpuUse, perSecond: number): string {
  const perCall = (cores: number): string => ((cores * 1000) / Math.max(perSecond, 1)).toFixed(3);
  return (
    `machine ${cpu.machineBusyCores?.toFixed(2) ?? '?'}/${cpu.cores} cores busy; per call: this process ${perCall(cpu.loadGeneratorCores)} ms, ` +
    `postgres ${perCall(cpu.postgresCores)} ms CPU`
  );
}

/** `CONCURRENCY` callers in a closed loop for `seconds` after a 1 s warm-up. */
async function closedLoop(label: string, call: (n: number) => Promise<unknown>, seconds = SQL_SECONDS): Promise<number> {
  let n = 0;
  const run = async (until: number, latencies: number[] | null): Promise<void> => {
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (performance.now() < until) {
          const started = performance.now();
          await call(n++);
          latencies?.push(performance.now() - started);
        }
      }),
    );
  };
  await run(performance.now() + 1_000, null);
  const latencies: number[] = [];
  const before = await cpuSnapshot(undefined);
  const started = performance.now();
  await run(started + seconds * 1000, latencies);
  const elapsed = (performance.now() - started) / 1000;
  const after = await cpuSnapshot(undefined);
  latencies.sort((a, b) => a - b);
  const perSecond = latencies.length / elapsed;
  say(
    `  ${label.padEnd(58)} ${perSecond.toFixed(0).padStart(6)}/s  p50 ${percentile(latencies, 50).toFixed(2)} ms  ` +
      `p99 ${percentile(latencies, 99).toFixed(2)} ms  | ${cpuText(cpuUse(before, after, availableParallelism()), perSecond)}`,
  );
  return perSecond;
}

async function sqlExperiments(database: TestDatabase): Promise<void> {
  say(`\n1. The hot-path SQL alone, ${CONCURRENCY} concurrent callers in this process (no HTTP, no GraphQL):`);
  const customers = randomCustomers(2_000);
  const customerFor = (n: number): number => customers[n % customers.length] ?? 1;

  for (const poolSize of [10, 20]) {
    const dataSource = createNodeDataSource({ url: database.url, poolSize });
    await dataSource.initialize();
    try {
      const repository = new ClaimDisclosureRepository(dataSource);
      await closedLoop(`node repository (TypeORM), pool ${poolSize}`, (n) =>
        repository.discloseClaimsOfResident(consentFor(customerFor(n), n)),
      );
    } finally {
      await dataSource.destroy();
    }
  }

  const params = (n: number): unknown[] => {
    const c = consentFor(customerFor(n), n);
    return [c.sub, c.consentId, c.jti, c.purpose, [DataCategory.CLAIMS]];
  };
  const pool = new pg.Pool({ connectionString: database.url, max: CONCURRENCY });
  try {
    await closedLoop('plain pg, pool 20, same SQL', (n) => pool.query(DISCLOSE_SQL, params(n)));
    await closedLoop('plain pg, pool 20, same SQL as prepared statement', (n) =>
      pool.query({ name: 'disclose-resident', text: DISCLOSE_SQL, values: params(n) }),
    );
    await closedLoop('plain pg, pool 20, SELECT only (no disclosure insert)', (n) =>
      pool.query({ name: 'select-resident', text: SELECT_ONLY_SQL, values: [seededPseudonym(customerFor(n))] }),
    );
  } finally {
    await pool.end();
  }
  const lazyPool = new pg.Pool({ connectionString: database.url, max: CONCURRENCY, options: '-c synchronous_commit=off' });
  try {
    await closedLoop('plain pg, prepared, synchronous_commit=off (pricing only)', (n) =>
      lazyPool.query({ name: 'disclose-resident', text: DISCLOSE_SQL, values: params(n) }),
    );
  } finally {
    await lazyPool.end();
  }

  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    const c = consentFor(customerFor(1), 1);
    const plan = await client.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS, TIMING OFF) ${DISCLOSE_SQL}`, [
      c.sub,
      c.consentId,
      c.jti,
      c.purpose,
      [DataCategory.CLAIMS],
    ]);
    say(`\n   EXPLAIN ANALYZE of the hot-path SQL:\n${plan.rows.map((r) => `     ${r['QUERY PLAN']}`).join('\n')}`);
  } finally {
    await client.end();
  }
}

async function tokenExperiment(keys: KeySetServer, key: Awaited<ReturnType<typeof generateSigningKey>>): Promise<void> {
  say('\n2. Consent-token verification alone (jose jwtVerify EdDSA + claim checks, key set cached), this process:');
  const jwks = createRemoteJWKSet(new URL(keys.url));
  const tokens = await Promise.all(
    Array.from({ length: 5_000 }, (_, i) => consentToken({ key, audience: CREDITOR, subject: seededPseudonym(i + 1), lifetimeSeconds: 300 })),
  );
  const verify = (token: string): Promise<unknown> =>
    verifyConsentToken({ token, issuer: TEST_COORDINATOR_ISSUER, audience: CREDITOR, keys: jwks, category: DataCategory.CLAIMS, now: new Date() });
  await verify(tokens[0] ?? '');
  for (const mode of ['one at a time', `${CONCURRENCY} at a time`] as const) {
    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    if (mode === 'one at a time') {
      for (const token of tokens) await verify(token);
    } else {
      for (let i = 0; i < tokens.length; i += CONCURRENCY) await Promise.all(tokens.slice(i, i + CONCURRENCY).map(verify));
    }
    const wallMs = performance.now() - started;
    const cpu = process.cpuUsage(cpuBefore);
    say(
      `  ${mode.padEnd(16)} ${((tokens.length / wallMs) * 1000).toFixed(0)} verifications/s, ${((wallMs * 1000) / tokens.length).toFixed(0)} µs wall, ` +
        `${((cpu.user + cpu.system) / tokens.length).toFixed(0)} µs CPU (all threads of this process) each`,
    );
  }
}

async function nodeExperiments(
  database: TestDatabase,
  keys: KeySetServer,
  key: Awaited<ReturnType<typeof generateSigningKey>>,
  mode: 'concurrent' | 'sequential',
): Promise<void> {
  const calls = await lookupCalls(key, randomCustomers(2_000));
  const profileFile = join(tmpdir(), `creditor-node-${process.pid}.cpuprofile`);
  const variants =
    mode === 'concurrent'
      ? [
          { label: 'as shipped (pool 10), CPU-profiled', poolMax: '', profile: true },
          { label: 'pool resized to 20', poolMax: '20', profile: false },
          { label: 'pool resized to 5', poolMax: '5', profile: false },
        ]
      : [{ label: 'as shipped, CPU-profiled', poolMax: '', profile: true }];
  say(
    mode === 'concurrent'
      ? `\n3. The node process over HTTP (lookup, 2,000 residents with cached tokens, ${CONCURRENCY} connections, 8 s):`
      : `\n4. The node process over HTTP, one request at a time (as each node of a fan-out sees them), and idle:`,
  );
  for (const variant of variants) {
    const port = await freePort();
    const child = spawn(process.execPath, [PROFILED_NODE], {
      env: {
        PATH: benchEnv.path,
        NODE_ENV: 'production',
        ...nodeEnv({
          creditorId: CREDITOR,
          databaseUrl: database.url,
          port,
          coordinatorJwksUrl: keys.url,
          staffJwksUrl: keys.url,
          signingKeyJson: await generatePrivateJwkJson('node-diag-1'),
        }),
        LOG_LEVEL: 'error',
        GRAPHQL_INTROSPECTION: 'false',
        BENCH_POOL_MAX: variant.poolMax,
        BENCH_CPU_PROFILE: variant.profile ? profileFile : '',
      },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const reply = (expected: string): Promise<void> =>
      new Promise((resolveReply) => {
        const onMessage = (message: unknown): void => {
          if (message !== expected) return;
          child.off('message', onMessage);
          resolveReply();
        };
        child.on('message', onMessage);
      });
    const exited = once(child, 'exit');
    try {
      const deadline = Date.now() + 30_000;
      for (;;) {
        const ok = await fetch(`http://127.0.0.1:${port}/health/ready`).then((r) => r.ok, () => false);
        if (ok) break;
        if (Date.now() > deadline || child.exitCode !== null) throw new Error('node did not start');
        await new Promise((r) => setTimeout(r, 200));
      }
      const rotation = rotating(calls);
      if (mode === 'sequential') {
        await sequentialRun(child, rotation.next, port, variant.profile ? { reply, profileFile } : undefined);
        continue;
      }
      const common = { url: `http://127.0.0.1:${port}/graphql`, connections: CONCURRENCY, serverPid: child.pid, checkBody: lookupBodyCheck() };
      // Warm up unprofiled, then profile exactly the measured run.
      await load({ ...common, primeRequests: calls.length, warmupSeconds: 1, seconds: 2, nextRequest: rotation.next });
      if (variant.profile) {
        const started = reply('profile-started');
        child.send('profile-start');
        await started;
      }
      const run: LoadResult = await load({ ...common, warmupSeconds: 0.5, seconds: 8, nextRequest: rotation.next });
      const perRequest = (cores: number | null): string => (cores === null ? '?' : ((cores * 1000) / run.requestsPerSecond).toFixed(2));
      say(
        `  ${variant.label.padEnd(36)} ${run.requestsPerSecond.toFixed(0)} req/s  p50 ${run.p50Ms} ms  p99 ${run.p99Ms} ms  failures ${failures(run)}  | ` +
          `machine ${run.cpu.machineBusyCores?.toFixed(2) ?? '?'}/${run.cpu.cores}; per request: node ${perRequest(run.cpu.nodeCores)} ms, ` +
          `postgres ${perRequest(run.cpu.postgresCores)} ms, autocannon ${perRequest(run.cpu.loadGeneratorCores)} ms CPU`,
      );
      if (variant.profile) {
        const written = reply('profile-written');
        child.send('profile-stop');
        await written;
        const profile = JSON.parse(await readFile(profileFile, 'utf8')) as CpuProfile;
        reportProfile(profile, run.completed);
        say(`   (profile kept in ${profileFile}: open it in Chrome DevTools → Performance, or VS Code)`);
      }
    } finally {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGKILL');
        await exited;
      }
    }
  }
}

/** CPU ms per thread name (main, libuv workers, V8 helpers) of one process, from /proc/<pid>/task. */
async function threadCpuMs(pid: number | undefined): Promise<Map<string, number>> {
  const totals = new Map<string, number>();
  if (pid === undefined) return totals;
  for (const tid of await readdir(`/proc/${pid}/task`).catch(() => [] as string[])) {
    const name = (await readFile(`/proc/${pid}/task/${tid}/comm`, 'utf8').catch(() => '?')).trim();
    const stat = await readFile(`/proc/${pid}/task/${tid}/stat`, 'utf8').catch(() => null);
    if (stat === null) continue;
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    totals.set(name, (totals.get(name) ?? 0) + (Number(fields[11]) + Number(fields[12])) * 10);
  }
  return totals;
}

/**
 * Idle CPU over 5 s, then CPU per request with one request in flight at a time and a pause between
 * requests (a fan-out node sees one request per overview), per thread; the last run is CPU-profiled.
 * The profiler's own thread is left out of the per-request figure.
 */
async function sequentialRun(
  child: ReturnType<typeof spawn>,
  next: () => { body: string; headers: Record<string, string> },
  port: number,
  profiling: { reply: (expected: string) => Promise<void>; profileFile: string } | undefined,
): Promise<void> {
  const url = `http://127.0.0.1:${port}/graphql`;
  const ask = async (): Promise<void> => {
    const call = next();
    const answer = await fetch(url, { method: 'POST', body: call.body, headers: call.headers });
    await answer.text();
  };
  for (let i = 0; i < 300; i += 1) await ask();
  const idleBefore = await processCpuMs(child.pid);
  await new Promise((r) => setTimeout(r, 5_000));
  const idleAfter = await processCpuMs(child.pid);
  say(`  idle: ${(((idleAfter ?? 0) - (idleBefore ?? 0)) / 5).toFixed(1)} ms CPU per second`);
  const runs = [
    { gapMs: 0, profiled: false },
    { gapMs: 5, profiled: false },
    { gapMs: 20, profiled: false },
    { gapMs: 50, profiled: false },
    { gapMs: 50, profiled: profiling !== undefined },
  ];
  for (const run of runs) {
    if (run.profiled && profiling !== undefined) {
      const started = profiling.reply('profile-started');
      child.send('profile-start');
      await started;
    }
    const requests = run.gapMs === 0 ? 1_000 : 200;
    const before = await threadCpuMs(child.pid);
    const wallStart = performance.now();
    for (let i = 0; i < requests; i += 1) {
      await ask();
      if (run.gapMs > 0) await new Promise((r) => setTimeout(r, run.gapMs));
    }
    const wall = performance.now() - wallStart - requests * run.gapMs;
    const after = await threadCpuMs(child.pid);
    const perThread = [...after]
      .map(([name, ms]) => ({ name, ms: (ms - (before.get(name) ?? 0)) / requests }))
      .filter((t) => t.ms > 0);
    const total = perThread.filter((t) => !t.name.startsWith('v8:Prof')).reduce((sum, t) => sum + t.ms, 0);
    say(
      `  ${run.gapMs} ms between requests${run.profiled ? ' (profiled)' : ''}: node ${total.toFixed(2)} ms CPU per request, ${(wall / requests).toFixed(2)} ms wall; ` +
        `by thread: ${perThread.map((t) => `${t.name} ${t.ms.toFixed(2)}`).join(', ')}`,
    );
    if (run.profiled && profiling !== undefined) {
      const written = profiling.reply('profile-written');
      child.send('profile-stop');
      await written;
      reportProfile(JSON.parse(await readFile(profiling.profileFile, 'utf8')) as CpuProfile, requests);
    }
  }
}
function reportProfile(profile: CpuProfile, requests: number): void {
  const graphqlExecution = (f: { functionName: string; url: string }): boolean =>
    f.url.includes('/node_modules/graphql/execution/') && (f.functionName === 'execute' || f.functionName === 'executeImpl');
  const summary = summarizeProfile(profile, [
    { label: 'Apollo Server request pipeline (processGraphQLRequest)', match: (f) => f.functionName === 'processGraphQLRequest' },
    { label: 'graphql-js execute (sync part)', match: graphqlExecution },
    { label: 'consent verification (ConsentVerifier.verify, sync part)', match: (f) => f.url.includes('consent-verifier') },
    { label: 'disclosure repository (sync part, before the query is sent)', match: (f) => f.url.includes('claim-disclosure.repository') },
    { label: 'toClaimView', match: (f) => f.functionName === 'toClaimView' },
    { label: 'pg: parsing server messages', match: (f) => f.url.includes('/node_modules/pg-protocol/') },
    { label: 'JSON.stringify (any)', match: (f) => f.functionName === 'stringify' },
    { label: 'garbage collection', match: (f) => f.functionName === '(garbage collector)' },
  ]);
  const perRequest = (ms: number): string => `${((ms * 1000) / requests).toFixed(0).padStart(5)} µs/req`;
  say(`\n   CPU profile of the node during that run: ${summary.totalMs.toFixed(0)} ms busy, ${summary.idleMs.toFixed(0)} ms idle, ${requests} requests`);
  say('   Self time by source:');
  for (const line of summary.selfBySource.slice(0, 18)) {
    say(`     ${(line.share * 100).toFixed(1).padStart(5)} %  ${perRequest(line.ms)}  ${line.name}`);
  }
  say('   All time charged to the nearest package or source file on the stack:');
  for (const line of summary.byOwner.slice(0, 18)) {
    say(`     ${(line.share * 100).toFixed(1).padStart(5)} %  ${perRequest(line.ms)}  ${line.name}`);
  }
  say('   Inclusive time of marked functions (synchronous stacks only):');
  for (const line of summary.inclusive) say(`     ${(line.share * 100).toFixed(1).padStart(5)} %  ${perRequest(line.ms)}  ${line.name}`);
  say('   Hottest functions (self time):');
  for (const line of summary.selfByFunction.slice(0, 20)) say(`     ${(line.share * 100).toFixed(1).padStart(5)} %  ${line.name}`);
}

async function main(): Promise<void> {
  let database: TestDatabase | undefined;
  let keys: KeySetServer | undefined;
  try {
    database = await createTestDatabase('bench_diag');
    const migrator = createNodeDataSource({ url: database.url });
    await migrator.initialize();
    await migrator.runMigrations({ transaction: 'each' });
    await migrator.destroy();
    const started = performance.now();
    await seedCreditorNode(database.url, SIZE);
    say(`Seeded ${SIZE.customers * SIZE.claimsPerCustomer} claims in ${((performance.now() - started) / 1000).toFixed(1)} s (database ${database.name}).`);
    const key = await generateSigningKey('coordinator-diag-1');
    keys = await KeySetServer.start([key]);

    const sections = process.argv[2]?.split(',') ?? ['sql', 'tokens', 'node'];
    if (sections.includes('sql')) await sqlExperiments(database);
    if (sections.includes('tokens')) await tokenExperiment(keys, key);
    if (sections.includes('node')) await nodeExperiments(database, keys, key, 'concurrent');
    if (sections.includes('sequential')) await nodeExperiments(database, keys, key, 'sequential');
  } finally {
    await keys?.stop();
    await database?.drop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`diagnostics failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
