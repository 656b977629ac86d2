/**
 * The resident portal's pages (issue 7), everything on this machine as real processes: the development
 * OpenID Provider (in this process), the coordinator, two creditor nodes with their own databases and
 * seeded claims, the gateway and the portal from dist/, sessions in the real Redis.
 * 20 people log in the real way over HTTP (bench/portal-login.ts), each with their own session; then
 * all 20 at once, without pauses, fetch their pages in a loop. Measured per page: the portal's own time
 * from its `Server-Timing` header (`portal;dur`, the gateway's time left out) and the page's weight
 * (HTML plus the stylesheet it links). Baseline in the same run: the same 20 people on the welcome
 * page `/`, which the portal renders without a gateway call.
 * Target (issue 7): p95 ≤ 100 ms at 20 concurrent users; each page ≤ 150 KB without images.
 */
import { randomBytes } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { Redis } from 'ioredis';
import pg from 'pg';
import { PlatformRole } from '#contracts';
import { DEMO_CLIENT, portalClientAt } from '../infra/idp/development-clients.js';
import { startIdentityProvider, DEFAULT_LIFETIMES, type Ed25519PrivateJwk } from '../infra/idp/identity-provider.js';
import { loginWithPassword } from '../infra/idp/login-with-password.js';
import { COORDINATOR_RESOURCE } from '../infra/idp/resource-servers.js';
import { DEVELOPMENT_PASSWORD, testAccounts } from '../infra/idp/test-accounts.js';
import { coordinatorEnvWithFreshKeys } from '../test/support/coordinator-env.js';
import { freePort } from '../test/support/coordinator-process.js';
import { graphqlData } from '../test/support/graphql-client.js';
import { portalEnv } from '../test/support/portal-env.js';
import { generatePrivateJwkJson } from '../test/support/key-set-server.js';
import { nodeEnv } from '../test/support/node-env.js';
import { rowsOf, seedLinkedCustomer } from '../test/support/seed.js';
import { ENTRYPOINTS, ServiceProcess } from '../test/support/service-process.js';
import { createTestDatabase } from '../test/support/test-database.js';
import { testEnv } from '../test/support/test-env.js';
import { DISTURBED_CORES, percentile, result, round, within, type BenchResult, type Benchmark, benchLog } from './benchmark.js';
import { cpuSnapshot, namedProcessCpuMs, processCpuMs, quiesce } from './cpu.js';
import { loginAtPortal, type PortalVisitor } from './portal-login.js';

/**
 * The resident's pages, fetched in this order by every user. A page that does not answer 200 (not
 * built yet) is left out and named in the report: adding a page is adding its path here.
 */
const PAGES: readonly string[] = ['/start', '/overview', '/budget', '/budget/result', '/inbox', '/creditors', '/consent', '/plan', '/privacy'];
/** The baseline: rendered by the portal without any gateway call. */
const WELCOME = '/';

const USERS = 20;
const P95_TARGET_MS = 100;
/** Page weight target, in KB of 1000 bytes (HTML + linked stylesheet, no images). */
const WEIGHT_TARGET_KB = 150;
const WARMUP_SECONDS = 3;
/** Measured in alternating rounds (welcome, pages, welcome, pages) so that drift hits both alike. */
const ROUNDS = 2;
const WELCOME_SECONDS_PER_ROUND = 4;
const PAGES_SECONDS_PER_ROUND = 6;

const CREDITORS = [
  { id: 'gemeente-utrecht', name: 'Gemeente Utrecht', sector: 'municipality', claims: 3 },
  { id: 'waterschap-hdsr', name: 'Hoogheemraadschap De Stichtse Rijnlanden', sector: 'water_board', claims: 2 },
] as const;
const PORTAL_SECRET = `bench-portal-secret-${randomBytes(12).toString('hex')}`;

const log = benchLog('portal-pages');

interface Sample {
  readonly path: string;
  readonly status: number;
  /** Server-Timing portal;dur: the portal's own time, the gateway's left out. */
  readonly portalMs: number;
  readonly gatewayMs: number;
  /** What the client saw from request to last byte (gateway included). */
  readonly clientMs: number;
  readonly bytes: number;
  readonly stylesheet: string | undefined;
}

interface Phase {
  readonly samples: Sample[];
  readonly errors: string[];
  readonly seconds: number;
  /** Cores busy on the machine outside the processes of this benchmark, PostgreSQL and Redis. */
  readonly otherCores: number | null;
  /** CPU time per process group during the phase, in ms (portal, gateway, coordinator, nodes, postgres, redis, load generator). */
  readonly cpuMs: Readonly<Record<string, number>>;
}

/** The processes whose CPU time is accounted: label → pids. */
type CpuGroups = Readonly<Record<string, readonly (number | undefined)[]>>;

/** `portal;dur=1.23, gateway;dur=4.56;desc="1 calls"` → { portal: 1.23, gateway: 4.56 }. */
export function serverTiming(header: string | undefined): Map<string, number> {
  const timings = new Map<string, number>();
  for (const entry of (header ?? '').split(',')) {
    const [name, ...params] = entry.split(';').map((part) => part.trim());
    const dur = params.find((p) => p.startsWith('dur='));
    if (name !== undefined && name !== '' && dur !== undefined) timings.set(name, Number(dur.slice(4)));
  }
  return timings;
}

function stylesheetOf(html: string): string | undefined {
  for (const tag of html.match(/<link\b[^>]*>/gi) ?? []) {
    if (/\brel=["']?stylesheet["']?/i.test(tag)) return /\bhref=["']([^"']+)["']/i.exec(tag)?.[1];
  }
  return undefined;
}

async function fetchSample(visitor: PortalVisitor, path: string): Promise<Sample> {
  const answer = await visitor.get(path);
  const header = answer.headers['server-timing'];
  const timing = serverTiming(Array.isArray(header) ? header.join(', ') : header);
  const html = answer.body.toString('utf8');
  return {
    path,
    status: answer.status,
    portalMs: timing.get('portal') ?? Number.NaN,
    gatewayMs: timing.get('gateway') ?? Number.NaN,
    clientMs: answer.elapsedMs,
    bytes: answer.body.byteLength,
    stylesheet: stylesheetOf(html),
  };
}

/**
 * Every visitor fetches `paths` in a loop (starting at a different page each, so that all pages are
 * asked at once), the next request as soon as the last one was answered, for `seconds`.
 */
async function drive(visitors: readonly PortalVisitor[], paths: readonly string[], seconds: number, groups: CpuGroups): Promise<Phase> {
  const samples: Sample[] = [];
  const errors: string[] = [];
  const before = await cpuOfEverything(groups);
  const started = performance.now();
  const deadline = started + seconds * 1000;
  await Promise.all(
    visitors.map(async (visitor, v) => {
      for (let k = v; performance.now() < deadline; k += 1) {
        const path = paths[k % paths.length] ?? WELCOME;
        try {
          const sample = await fetchSample(visitor, path);
          if (sample.status !== 200 || Number.isNaN(sample.portalMs)) errors.push(`${path}: HTTP ${sample.status}${Number.isNaN(sample.portalMs) ? ' without Server-Timing portal;dur' : ''}`);
          else samples.push(sample);
        } catch (error) {
          errors.push(`${path}: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  const after = await cpuOfEverything(groups);
  const cpuMs = Object.fromEntries(Object.keys(after.ms).map((label) => [label, (after.ms[label] ?? 0) - (before.ms[label] ?? 0)]));
  const ours = Object.values(cpuMs).reduce((sum, ms) => sum + ms, 0);
  const otherCores =
    before.machineBusy === null || after.machineBusy === null ? null : Math.max(0, (after.machineBusy - before.machineBusy - ours) / (after.wallMs - before.wallMs));
  return { samples, errors, seconds: elapsed, otherCores, cpuMs };
}

/** Machine busy time, and the CPU time of everything this benchmark runs (its processes, PostgreSQL, Redis, itself), in ms. */
async function cpuOfEverything(groups: CpuGroups): Promise<{ wallMs: number; machineBusy: number | null; ms: Record<string, number> }> {
  const snapshot = await cpuSnapshot(undefined);
  const ms: Record<string, number> = {};
  for (const [label, pids] of Object.entries(groups)) {
    ms[label] = (await Promise.all(pids.map((pid) => processCpuMs(pid)))).reduce<number>((sum, value) => sum + (value ?? 0), 0);
  }
  ms['PostgreSQL'] = snapshot.postgres;
  ms['Redis'] = await namedProcessCpuMs('redis-server');
  ms['load generator and IdP'] = snapshot.loadGenerator;
  return { wallMs: snapshot.wallMs, machineBusy: snapshot.machine?.busy ?? null, ms };
}

function merge(phases: readonly Phase[]): Phase {
  const others = phases.map((p) => p.otherCores).filter((c): c is number => c !== null);
  const cpuMs: Record<string, number> = {};
  for (const phase of phases) for (const [label, ms] of Object.entries(phase.cpuMs)) cpuMs[label] = (cpuMs[label] ?? 0) + ms;
  return {
    cpuMs,
    samples: phases.flatMap((p) => p.samples),
    errors: phases.flatMap((p) => p.errors),
    seconds: phases.reduce((sum, p) => sum + p.seconds, 0),
    otherCores: others.length === 0 ? null : Math.max(...others),
  };
}

function p(samples: readonly Sample[], field: 'portalMs' | 'gatewayMs' | 'clientMs', at: number): number {
  return percentile(samples.map((s) => s[field]).sort((a, b) => a - b), at);
}

/** Deletes every Redis key under `prefix` (SCAN, never KEYS); returns how many. */
async function deleteRedisPrefix(url: string, prefix: string): Promise<number> {
  const redis = new Redis(url, { maxRetriesPerRequest: 2, lazyConnect: true });
  try {
    await redis.connect();
    let cursor = '0';
    let deleted = 0;
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
      cursor = next;
      if (keys.length > 0) deleted += await redis.unlink(...keys);
    } while (cursor !== '0');
    return deleted;
  } finally {
    redis.disconnect();
  }
}

/**
 * What to undo, last first. Once it has run, a step added later (by a set-up still under way when the
 * benchmark gave up) runs at once, so nothing it started outlives the benchmark.
 */
class Cleanup {
  private readonly steps: (() => Promise<void>)[] = [];
  private done = false;

  push(step: () => Promise<void>): void {
    if (this.done) void step().catch(() => undefined);
    else this.steps.push(step);
  }

  async run(): Promise<void> {
    this.done = true;
    for (const step of this.steps.reverse()) {
      await step().catch((error: unknown) => log(`clean-up step failed: ${error instanceof Error ? error.message : String(error)}`));
    }
  }
}

/** Gives up (and cleans up) before the runner's own limit, so that no process or database is left behind. */
const OWN_LIMIT_MS = 165_000;

async function runPortalPagesBenchmark(): Promise<BenchResult[]> {
  const cleanup = new Cleanup();
  // One prefix for every Redis key of this run: the coordinator's queues and the portal's sessions.
  const redisPrefix = `sr-bench-portal-${randomBytes(6).toString('hex')}`;
  cleanup.push(async () => {
    const deleted = await deleteRedisPrefix(testEnv.redisUrl, redisPrefix);
    log(`removed ${deleted} Redis keys under ${redisPrefix}`);
  });
  try {
    return await within('portal-pages', OWN_LIMIT_MS, measure(cleanup, redisPrefix));
  } finally {
    await cleanup.run();
  }
}

async function measure(cleanup: Cleanup, redisPrefix: string): Promise<BenchResult[]> {
  log('starting the identity provider, coordinator, nodes, gateway and portal …');
  const portalPort = await freePort();
  const portalUrl = `http://127.0.0.1:${portalPort}`;
  const accounts = testAccounts();
  const idp = await startIdentityProvider({
    port: 0,
    signingKeys: [JSON.parse(await generatePrivateJwkJson('bench-portal-idp-1')) as Ed25519PrivateJwk],
    clients: [
      { clientId: DEMO_CLIENT.clientId, redirectUris: [DEMO_CLIENT.redirectUri] },
      portalClientAt(portalUrl, PORTAL_SECRET),
    ],
    accounts,
    lifetimes: DEFAULT_LIFETIMES,
  });
  cleanup.push(() => idp.close());
  const tokenOf = async (username: string): Promise<string> =>
    (await loginWithPassword({ issuer: idp.issuer, clientId: DEMO_CLIENT.clientId, redirectUri: DEMO_CLIENT.redirectUri, resource: COORDINATOR_RESOURCE, username, password: DEVELOPMENT_PASSWORD })).accessToken;

  const coordinatorDatabase = await createTestDatabase('bench_portal_coordinator');
  cleanup.push(() => coordinatorDatabase.drop());
  const coordinator = await ServiceProcess.start({
    label: 'coordinator',
    entrypoint: ENTRYPOINTS.coordinator,
    env: {
      ...(await coordinatorEnvWithFreshKeys({
        databaseUrl: coordinatorDatabase.url,
        oidcIssuer: idp.issuer,
        oidcJwksUrl: idp.jwksUrl,
        queuePrefix: redisPrefix,
      })),
      DATABASE_POOL_SIZE: '4',
    },
  });
  cleanup.push(() => coordinator.stop());
  const api = `${coordinator.baseUrl}/graphql`;
  const gql = <T>(token: string, query: string, variables?: Record<string, unknown>): Promise<T> => graphqlData<T>(api, token, query, variables);

  const nodes = await Promise.all(
    CREDITORS.map(async (creditor) => {
      const database = await createTestDatabase(`bench_portal_${creditor.id}`);
      cleanup.push(() => database.drop());
      const pool = new pg.Pool({ connectionString: database.url, max: 1 });
      cleanup.push(() => pool.end());
      const service = await ServiceProcess.start({
        label: creditor.id,
        entrypoint: ENTRYPOINTS.node,
        env: {
          ...nodeEnv({
            creditorId: creditor.id,
            name: creditor.name,
            databaseUrl: database.url,
            port: 0,
            coordinatorJwksUrl: `${coordinator.baseUrl}/consent/v1/jwks.json`,
            staffJwksUrl: idp.jwksUrl,
            signingKeyJson: await generatePrivateJwkJson(`${creditor.id}-1`),
          }),
          CREDITOR_SECTOR: creditor.sector,
          STAFF_OIDC_ISSUER: idp.issuer,
          DATABASE_POOL_SIZE: '3',
          GRAPHQL_INTROSPECTION: 'false',
        },
      });
      cleanup.push(() => service.stop());
      return { creditor, pool, service };
    }),
  );
  const gateway = await ServiceProcess.start({
    label: 'gateway',
    entrypoint: ENTRYPOINTS.gateway,
    env: { COORDINATOR_URL: api, LOG_LEVEL: 'error' },
  });
  cleanup.push(() => gateway.stop());
  const portal = await ServiceProcess.start({
    label: 'portal',
    entrypoint: ENTRYPOINTS.portal,
    port: portalPort,
    env: portalEnv({
      portalUrl,
      gatewayUrl: `${gateway.baseUrl}/graphql`,
      ledgerUrl: coordinator.baseUrl,
      issuer: idp.issuer,
      clientSecret: PORTAL_SECRET,
      sessionPrefix: `${redisPrefix}:portal-session:`,
      logLevel: 'error',
    }),
  });
  cleanup.push(() => portal.stop());

  // The directory, then every resident's accounts at both creditors, consent and a budget: all through the API.
  const admin = accounts.find((a) => a.platformRoles.includes(PlatformRole.ADMIN));
  const residents = accounts.filter((a) => a.platformRoles.includes(PlatformRole.RESIDENT));
  if (admin === undefined || residents.length === 0) throw new Error('the test accounts hold no administrator or no resident');
  const adminToken = await tokenOf(admin.accountId);
  for (const { creditor, service } of nodes) {
    const keySet = await (await fetch(`${service.baseUrl}/.well-known/jwks.json`)).text();
    await gql(adminToken, 'mutation ($input: RegisterCreditorInput!) { registerCreditor(input: $input) { id } }', {
      input: { id: creditor.id, name: creditor.name, sector: creditor.sector, subgraphUrl: `${service.baseUrl}/graphql`, keySet },
    });
  }
  for (const [r, resident] of residents.entries()) {
    const token = await tokenOf(resident.accountId);
    for (const { creditor, pool } of nodes) {
      const reference = `BENCH-${r}-${creditor.id.slice(0, 3).toUpperCase()}`;
      await seedLinkedCustomer(rowsOf(pool), {
        customerReference: reference,
        claims: Array.from({ length: creditor.claims }, (_, c) => ({
          reference: `${reference}-${c}`,
          principalCents: 12_500 + 3_100 * c + 700 * r,
          costsCents: c === 0 ? 1_500 : 0,
          description: c === 0 ? 'Aanslag 2026' : `Naheffing ${2024 + c}`,
          stage: c === 0 ? 'formal_demand' : 'reminder',
        })),
      });
      const linked = await gql<{ linkAccount: { linked: boolean } }>(token, 'mutation ($input: LinkAccountInput!) { linkAccount(input: $input) { linked } }', {
        input: { creditorId: creditor.id, reference, postcode: '3511 AB', birthDate: '1984-03-12' },
      });
      if (!linked.linkAccount.linked) throw new Error(`${resident.accountId} could not link ${reference} at ${creditor.id}`);
    }
    const { consentText } = await gql<{ consentText: { version: string } }>(token, '{ consentText(purpose: DEBT_OVERVIEW) { version } }');
    await gql(token, 'mutation ($input: GiveConsentInput!) { giveConsent(input: $input) { id } }', {
      input: { purpose: 'DEBT_OVERVIEW', creditorIds: CREDITORS.map((c) => c.id), categories: ['CLAIMS'], validUntil: new Date(Date.now() + 30 * 86_400_000).toISOString(), textVersion: consentText.version },
    });
    await gql(token, 'mutation ($input: BudgetInput!) { setBudget(input: $input) { capacity } }', {
      input: { payDay: 25, household: 'SINGLE', ageBand: 'AGE_21_TO_AOW', netIncome: String(185_000 + 10_000 * r) },
    });
  }

  // 20 sessions, one per simulated user; with fewer residents than users, several share a resident.
  log(`logging ${USERS} sessions in over HTTP (${residents.length} residents) …`);
  const visitors: PortalVisitor[] = [];
  cleanup.push(async () => {
    for (const visitor of visitors) visitor.close();
  });
  for (let u = 0; u < USERS; u += 1) {
    const resident = residents[u % residents.length];
    if (resident === undefined) throw new Error('no resident');
    visitors.push(await loginAtPortal({ portalUrl, username: resident.accountId, password: DEVELOPMENT_PASSWORD }));
  }
  const landings = new Set(visitors.map((v) => v.landedOn));
  log(`signed in; landed on ${[...landings].join(', ')}`);

  // Which pages exist yet: each must answer 200 to a signed-in resident, with the portal's timing.
  const probe = visitors[0] as PortalVisitor;
  const pages: string[] = [];
  const skipped: string[] = [];
  const headings: string[] = [];
  for (const path of PAGES) {
    const answer = await probe.get(path);
    const timed = serverTiming(String(answer.headers['server-timing'] ?? '')).has('portal');
    if (answer.status === 200 && timed) pages.push(path);
    else skipped.push(`${path} (HTTP ${answer.status})`);
    const h1 = /<h1\b[^>]*>([\s\S]*?)<\/h1>/.exec(answer.body.toString('utf8'))?.[1]?.replace(/<[^>]+>/g, '').trim();
    headings.push(`${path} ${answer.status} "${h1 ?? ''}"`);
  }
  log(`as ${probe.username}: ${headings.join(', ')}`);
  if (pages.length === 0) throw new Error(`no page answered 200: ${skipped.join(', ')}`);
  log(`pages: ${pages.join(' ')}${skipped.length === 0 ? '' : `; left out: ${skipped.join(', ')}`}`);

  const cpuPids: CpuGroups = { portal: [portal.pid], gateway: [gateway.pid], coordinator: [coordinator.pid], nodes: nodes.map((n) => n.service.pid) };
  await drive(visitors, pages, WARMUP_SECONDS, cpuPids);
  await drive(visitors, [WELCOME], 1, cpuPids);
  const busyBefore = await quiesce(0.25, 5_000);
  const welcomePhases: Phase[] = [];
  const pagePhases: Phase[] = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    welcomePhases.push(await drive(visitors, [WELCOME], WELCOME_SECONDS_PER_ROUND, cpuPids));
    pagePhases.push(await drive(visitors, pages, PAGES_SECONDS_PER_ROUND, cpuPids));
  }
  const welcome = merge(welcomePhases);
  const all = merge(pagePhases);
  if (welcome.samples.length === 0 || all.samples.length === 0) throw new Error(`nothing measured: ${[...welcome.errors, ...all.errors].slice(0, 5).join('; ')}`);

  // Page weight: the largest HTML seen for the page plus its stylesheet (fetched once per distinct href).
  const stylesheetBytes = new Map<string, number>();
  for (const href of new Set([...welcome.samples, ...all.samples].map((s) => s.stylesheet).filter((h): h is string => h !== undefined))) {
    const answer = await probe.get(href);
    if (answer.status !== 200) throw new Error(`stylesheet ${href}: HTTP ${answer.status}`);
    stylesheetBytes.set(href, answer.body.byteLength);
  }
  const weightOf = (samples: readonly Sample[]): { html: number; css: number } => {
    const html = Math.max(...samples.map((s) => s.bytes));
    const hrefs = new Set(samples.map((s) => s.stylesheet).filter((h): h is string => h !== undefined));
    return { html, css: [...hrefs].reduce((sum, href) => sum + (stylesheetBytes.get(href) ?? 0), 0) };
  };
  const kb = (bytes: number): number => bytes / 1000;

  const disturbed = (phase: Phase): boolean => phase.otherCores !== null && phase.otherCores > DISTURBED_CORES;
  const anyDisturbed = disturbed(welcome) || disturbed(all);
  const welcomeP50 = p(welcome.samples, 'portalMs', 50);
  const welcomeP95 = p(welcome.samples, 'portalMs', 95);
  const welcomeWeight = weightOf(welcome.samples);
  const describeErrors = (phase: Phase): string => (phase.errors.length === 0 ? 'no failures' : `${phase.errors.length} FAILED requests, e.g. ${phase.errors.slice(0, 3).join('; ')}`);
  const machine = `${USERS} users, each the next request as soon as the last was answered; portal, gateway, coordinator, ${nodes.length} nodes, PostgreSQL, Redis and this load generator share ${availableParallelism()} cores`;
  const cpuNote = `CPU busy elsewhere on the machine: ${welcome.otherCores?.toFixed(2) ?? '?'} cores (welcome), ${all.otherCores?.toFixed(2) ?? '?'} (pages); ${busyBefore?.toFixed(2) ?? '?'} before`;
  log(`welcome: ${welcome.samples.length} answers, portal;dur p50 ${welcomeP50.toFixed(2)} ms, p95 ${welcomeP95.toFixed(2)} ms, ${describeErrors(welcome)}`);
  log(`pages:   ${all.samples.length} answers, portal;dur p50 ${p(all.samples, 'portalMs', 50).toFixed(2)} ms, p95 ${p(all.samples, 'portalMs', 95).toFixed(2)} ms, gateway p50 ${p(all.samples, 'gatewayMs', 50).toFixed(2)} ms, ${describeErrors(all)}`);
  log(cpuNote);

  const cpuPer = (phase: Phase): string =>
    Object.entries(phase.cpuMs)
      .map(([label, ms]) => `${label} ${(ms / phase.samples.length).toFixed(2)}`)
      .join(', ');
  log(`CPU ms per answer, welcome: ${cpuPer(welcome)}`);
  log(`CPU ms per answer, pages:   ${cpuPer(all)}`);
  const portalCpu = (phase: Phase): number => (phase.cpuMs['portal'] ?? Number.NaN) / phase.samples.length;

  const rows: BenchResult[] = [
    result({
      name: `portal: pages, portal;dur p95 at ${USERS} users (all pages)`,
      value: p(all.samples, 'portalMs', 95),
      unit: 'ms',
      baseline: welcomeP95,
      target: { op: '<=', limit: P95_TARGET_MS },
      valid: all.errors.length === 0,
      disturbed: anyDisturbed,
      note:
        `Server-Timing portal;dur (the gateway's time left out) over ${all.samples.length} answers in ${all.seconds.toFixed(0)} s ` +
        `(${(all.samples.length / all.seconds).toFixed(0)} pages/s; ${describeErrors(all)}). Pages: ${pages.join(' ')}` +
        `${skipped.length === 0 ? '' : `; left out (not 200 yet): ${skipped.join(', ')}`}. Baseline: the welcome page / for the same ${USERS} signed-in users ` +
        `(${welcome.samples.length} answers, ${(welcome.samples.length / welcome.seconds).toFixed(0)}/s, ${describeErrors(welcome)}). ${machine}. ${cpuNote}.`,
    }),
    result({ name: `portal: pages, portal;dur p50 at ${USERS} users (all pages)`, value: p(all.samples, 'portalMs', 50), unit: 'ms', baseline: welcomeP50, disturbed: anyDisturbed }),
    result({
      name: `portal: pages, client-seen p95 at ${USERS} users (gateway included)`,
      value: p(all.samples, 'clientMs', 95),
      unit: 'ms',
      baseline: p(welcome.samples, 'clientMs', 95),
      disturbed: anyDisturbed,
      note: `Request to last byte at the load generator, for context only; gateway;dur p50 ${p(all.samples, 'gatewayMs', 50).toFixed(1)} ms, p95 ${p(all.samples, 'gatewayMs', 95).toFixed(1)} ms.`,
    }),
    result({
      name: 'portal: pages, portal process CPU per page',
      value: portalCpu(all),
      unit: 'ms',
      baseline: portalCpu(welcome),
      disturbed: anyDisturbed,
      note:
        `The portal's CPU time (/proc, 10 ms ticks) over its answers: a check on portal;dur that does not depend on how the portal splits its time. ` +
        `CPU ms per page: ${cpuPer(all)}; per welcome page: ${cpuPer(welcome)}.`,
    }),
  ];
  for (const path of pages) {
    const samples = all.samples.filter((s) => s.path === path);
    const failed = all.errors.filter((e) => e.startsWith(`${path}:`)).length;
    if (samples.length === 0) {
      rows.push(result({ name: `portal: ${path} portal;dur p95`, value: Number.NaN, unit: 'ms', target: { op: '<=', limit: P95_TARGET_MS }, valid: false, note: `no 200 answers (${failed} failed)` }));
      continue;
    }
    const weight = weightOf(samples);
    rows.push(
      result({
        name: `portal: ${path} portal;dur p95`,
        value: p(samples, 'portalMs', 95),
        unit: 'ms',
        baseline: welcomeP95,
        target: { op: '<=', limit: P95_TARGET_MS },
        valid: failed === 0,
        disturbed: anyDisturbed,
        note: `${samples.length} answers${failed === 0 ? '' : `, ${failed} FAILED`}; gateway;dur p50 ${p(samples, 'gatewayMs', 50).toFixed(1)} ms.`,
      }),
      result({ name: `portal: ${path} portal;dur p50`, value: p(samples, 'portalMs', 50), unit: 'ms', baseline: welcomeP50, disturbed: anyDisturbed }),
      result({
        name: `portal: ${path} weight (HTML + CSS)`,
        value: kb(weight.html + weight.css),
        unit: 'KB',
        baseline: kb(welcomeWeight.html + welcomeWeight.css),
        target: { op: '<=', limit: WEIGHT_TARGET_KB },
        note: `HTML ${round(kb(weight.html))} KB (largest seen) + stylesheet ${round(kb(weight.css))} KB; uncompressed (the portal sends no Content-Encoding), 1 KB = 1000 bytes, no images.`,
      }),
    );
  }
  rows.push(
    result({ name: `portal: / welcome (baseline) portal;dur p95`, value: welcomeP95, unit: 'ms', disturbed: disturbed(welcome), note: `p50 ${welcomeP50.toFixed(2)} ms; no gateway call.` }),
    result({
      name: `portal: / welcome (baseline) weight (HTML + CSS)`,
      value: kb(welcomeWeight.html + welcomeWeight.css),
      unit: 'KB',
      target: { op: '<=', limit: WEIGHT_TARGET_KB },
      note: `HTML ${round(kb(welcomeWeight.html))} KB + stylesheet ${round(kb(welcomeWeight.css))} KB.`,
    }),
  );
  return rows;
}

export const benchmark: Benchmark = {
  name: 'portal-pages',
  // Set-up ≈ 30–60 s on two busy cores, logins ≈ 10 s, load ≈ 25 s.
  maxSeconds: 180,
  run: runPortalPagesBenchmark,
};
