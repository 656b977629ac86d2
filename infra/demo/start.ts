/**
 * `npm run demo`: the whole federation on one machine, for a newcomer. Starts the development OpenID
 * Provider, the coordinator and its delivery worker, the simulated payment provider, five creditor
 * nodes (each with its own database), the federation gateway and the resident portal, on the local
 * PostgreSQL (or an embedded one when none answers) and Redis; seeds the nodes through the real CSV
 * import; registers the nodes in the coordinator's directory; logs the demo residents, a counsellor and
 * an administrator in at the identity provider, links three residents' accounts, gives their consents
 * and one mandate through the coordinator's API (the fourth resident is left for the newcomer to link
 * in the portal); checks the overview through the gateway; and prints what to try. See
 * infra/demo/README.md.
 *
 *   npm run demo               fresh: drop and recreate the demo databases, seed them again
 *   npm run demo -- --keep     keep the data of the last run (a node without claims is seeded)
 */
import { COORDINATOR_AUDIENCE, MAX_CONSENT_TOKEN_LIFETIME_SECONDS } from '#contracts';
import { DEMO_CLIENT } from '../idp/development-clients.js';
import { consentTokenFor, type CoordinatorSession } from './coordinator-sessions.js';
import { giveDemoConsent, giveDemoMandate, registerDemoCreditors, signInDemoResidents, type SetupOutcome } from './coordinator-setup.js';
import { readDemoEnv, type DemoEnv } from './demo-env.js';
import { embeddedPostgresPassword, loadOrCreateDemoKeys, paymentProviderSecret, portalClientSecret, pseudonymSecretBase64, type DemoKeys } from './demo-keys.js';
import { databaseUrl, DemoSetupError, findPostgres, prepareDatabases, redact } from './demo-databases.js';
import {
  COORDINATOR_CONSENT_JWKS_URL,
  COORDINATOR_DATABASE,
  COORDINATOR_GRAPHQL_URL,
  COORDINATOR_ISSUER,
  COORDINATOR_PORT,
  COORDINATOR_URL,
  DEMO_COUNSELLOR,
  DEMO_NODES,
  DEMO_PORTAL_CLIENT_ID,
  DEMO_RESIDENTS,
  GATEWAY_GRAPHQL_URL,
  GATEWAY_PORT,
  GATEWAY_URL,
  IDP_DISCOVERY_PATH,
  IDP_ISSUER,
  IDP_JWKS_URL,
  IDP_PORT,
  MANDATING_RESIDENT_ID,
  PAYMENT_PROVIDER_PORT,
  PAYMENT_PROVIDER_URL,
  PORTAL_CALLBACK_URL,
  PORTAL_PORT,
  PORTAL_POST_LOGOUT_URL,
  PORTAL_SESSION_PREFIX,
  PORTAL_URL,
  WORKER_PORT,
  WORKER_URL,
  demoDatabaseName,
  findDemoResident,
  nodeUrl,
  residentsSetUpByDemo,
  type DemoNode,
} from './demo-nodes.js';
import { demoPaths, type DemoPaths } from './demo-paths.js';
import { ACCESS_TOKEN_SECONDS, browserLoginUrl, demoPseudonym, logInAsStaff } from './demo-tokens.js';
import { DemoSupervisor } from './demo-supervisor.js';
import { describeEmbedded, startEmbeddedPostgres } from './embedded-postgres.js';
import { assertPortsFree } from './free-ports.js';
import { describeOverview, overviewThroughGateway, OVERVIEW_QUERY, residentOverviewQuery, type GatewayOverview } from './gateway-check.js';
import { waitForCurrentCheckpoint } from './ledger-checkpoint.js';
import { assertRedisAnswers } from './redis-check.js';
import { countClaims, linkDemoResident, readLetters, uploadSeedCsv } from './seed-node.js';
import type { DemoService } from './service-process.js';
import { renderSummary, type CoordinatorOutcome, type NodeOutcome, type PortalResident, type SummaryExamples } from './summary.js';

const READY_TIMEOUT_MS = 90_000;
/**
 * How often the coordinator signs a ledger checkpoint: every 5 s rather than every minute, so the
 * public checkpoint soon shows what was just done (the demo waits for one before its summary).
 */
const CHECKPOINT_INTERVAL_SECONDS = 5;
/**
 * The gateway's per-node deadline (its default): a node slower than this is left out of the answer
 * with CREDITOR_UNAVAILABLE rather than holding the whole overview up.
 */
const NODE_TIMEOUT_MS = 2_000;
/** ANSI colours for the nodes' prefixes; the other services have their own, the demo's own lines are bold. */
const COLOURS = ['36', '33', '35', '32', '34'];
const COORDINATOR_COLOUR = '31';
const WORKER_COLOUR = '91';
const POSTGRES_COLOUR = '90';
const IDP_COLOUR = '95';
const GATEWAY_COLOUR = '92';
const PORTAL_COLOUR = '96';
const colour = process.stdout.isTTY;
const IDENTITY_PROVIDER: DemoService = {
  id: 'idp',
  name: 'development identity provider',
  url: IDP_ISSUER,
  readyPath: IDP_DISCOVERY_PATH,
};
const COORDINATOR: DemoService = { id: 'coordinator', name: 'Samen Regelen coordinator', url: COORDINATOR_URL };
const WORKER: DemoService = { id: 'worker', name: "coordinator's delivery worker", url: WORKER_URL };
const GATEWAY: DemoService = { id: 'gateway', name: 'federation gateway', url: GATEWAY_URL };
const PAYMENT_PROVIDER: DemoService = { id: 'payments', name: 'simulated payment provider', url: PAYMENT_PROVIDER_URL };
const PORTAL: DemoService = { id: 'portal', name: 'resident portal', url: PORTAL_URL };
const prefixWidth = Math.max(
  ...[IDENTITY_PROVIDER, COORDINATOR, WORKER, GATEWAY, PAYMENT_PROVIDER, PORTAL].map((s) => s.id.length),
  ...DEMO_NODES.map((n) => n.creditorId.length),
  'postgres'.length,
);

function prefixed(label: string, ansiColour: string): (line: string) => void {
  const tag = `[${label}]`.padEnd(prefixWidth + 2);
  const shown = colour ? `\u001b[${ansiColour}m${tag}\u001b[0m` : tag;
  return (line) => process.stdout.write(`${shown} ${line}\n`);
}
const log = prefixed('demo', '1');

async function main(supervisor: DemoSupervisor): Promise<void> {
  const fresh = parseFlags(process.argv.slice(2));
  const shellEnv = readDemoEnv();
  const paths = demoPaths();

  const { keys, created, added } = await loadOrCreateDemoKeys(paths.keysFile, DEMO_NODES.map((n) => n.creditorId));
  log(created ? `Created development keys in ${paths.keysFile}.` : `Using the development keys in ${paths.keysFile}.`);
  if (added.length > 0) log(`Added ${added.join(', ')} to ${paths.keysFile}.`);

  // Everything that can stop the demo before it starts anything: Redis, then the ports.
  await assertRedisAnswers(shellEnv.redisUrl);
  await assertPortsFree([IDP_PORT, COORDINATOR_PORT, WORKER_PORT, PAYMENT_PROVIDER_PORT, ...DEMO_NODES.map((n) => n.port), GATEWAY_PORT, PORTAL_PORT]);
  const postgres = await ensurePostgres(shellEnv, keys, paths, supervisor);
  if (postgres === undefined) return;
  // From here on, the PostgreSQL found or started is the one every database URL is built from.
  const env: DemoEnv = { ...shellEnv, pgAdminUrl: postgres.adminUrl };
  log(`Using ${postgres.description}, and Redis at ${redact(env.redisUrl)}.`);
  await prepareDatabases(env.pgAdminUrl, [COORDINATOR_DATABASE, ...DEMO_NODES.map((n) => demoDatabaseName(n.creditorId))], fresh);
  log(fresh ? 'Recreated the demo databases (sr_demo_*).' : 'Keeping the demo databases (sr_demo_*) as they are.');

  /** Starts one service and waits until it is ready; false when the demo is stopping meanwhile. */
  const startInTurn = async (service: DemoService, mainFile: string, serviceEnv: Record<string, string>, ansiColour: string, what?: string): Promise<boolean> => {
    const started = supervisor.start({ service, mainFile, env: serviceEnv, print: prefixed(service.id, ansiColour) });
    if (what !== undefined) log(`Starting ${what} …`);
    await started.waitUntilReady(READY_TIMEOUT_MS);
    return !supervisor.isStopping;
  };

  // First the identity provider: everyone logs in there, and the others trust its keys.
  if (!(await startInTurn(IDENTITY_PROVIDER, paths.idpMain, idpEnv(keys, env), IDP_COLOUR, 'the development identity provider'))) return;
  // Then the coordinator: the nodes fetch its consent-token keys, and they register with it.
  if (!(await startInTurn(COORDINATOR, paths.coordinatorMain, coordinatorEnv(keys, env), COORDINATOR_COLOUR, 'the coordinator'))) return;
  // Its delivery worker, as in production a process of its own (the coordinator runs with
  // DELIVERY_WORKER=false): after the coordinator, whose start migrated the database they share.
  if (!(await startInTurn(WORKER, paths.workerMain, workerEnv(keys, env), WORKER_COLOUR, "the coordinator's delivery worker"))) return;
  // The stand-in for the bank: residents pay their plan there, and it tells the coordinator.
  const paymentsEnv = { PATH: env.path, HOST: '127.0.0.1', PORT: String(PAYMENT_PROVIDER_PORT), COORDINATOR_URL, PAYMENT_PROVIDER_SECRET: paymentProviderSecret(keys) };
  if (!(await startInTurn(PAYMENT_PROVIDER, paths.paymentProviderMain, paymentsEnv, '94'))) return;

  const processes = DEMO_NODES.map((node, index) =>
    supervisor.start({
      service: { id: node.creditorId, name: node.name, url: nodeUrl(node) },
      mainFile: paths.nodeMain,
      env: nodeEnv(node, keys, env),
      print: prefixed(node.creditorId, COLOURS[index % COLOURS.length] ?? '0'),
    }),
  );
  log(`Starting ${processes.length} creditor nodes …`);
  await Promise.all(processes.map((p) => p.waitUntilReady(READY_TIMEOUT_MS)));
  if (supervisor.isStopping) return;

  const creditors = await registerDemoCreditors(DEMO_NODES);
  log(`Registered the creditor nodes in the coordinator's directory (${describeCounts(creditors.values())}).`);
  const residents = await signInDemoResidents(DEMO_RESIDENTS);
  log(`Logged ${residents.size} demo residents in at the identity provider; the coordinator knows each by a platform id.`);
  const outcomes = await Promise.all(DEMO_NODES.map((node) => seedAndLink(node, keys, env, paths, residents)));
  const permissions = await givePermissions(residents, creditors);
  const portalResidents = await residentsForThePortal(residents, outcomes);

  // Last the gateway and the portal: they keep no state of their own (the portal's sessions are in
  // Redis) and read the directory and the consents per request, so they start once there is
  // something to federate.
  const gateway = supervisor.start({
    service: GATEWAY,
    mainFile: paths.gatewayMain,
    env: gatewayEnv(env),
    print: prefixed(GATEWAY.id, GATEWAY_COLOUR),
  });
  const portal = supervisor.start({
    service: PORTAL,
    mainFile: paths.portalMain,
    env: portalEnv(keys, env),
    print: prefixed(PORTAL.id, PORTAL_COLOUR),
  });
  log('Starting the gateway and the portal …');
  await Promise.all([gateway.waitUntilReady(READY_TIMEOUT_MS), portal.waitUntilReady(READY_TIMEOUT_MS)]);
  if (supervisor.isStopping) return;

  if (!(await waitForCurrentCheckpoint((CHECKPOINT_INTERVAL_SECONDS + 5) * 1000))) {
    log('The ledger checkpoint does not cover the newest entries yet; the next one will.');
  }
  const examples = await summaryExamples(keys, residents, permissions.counsellor, outcomes);
  process.stdout.write(
    renderSummary({
      fresh,
      keysFile: paths.keysFile,
      outcomes,
      coordinator: permissions.outcome,
      examples,
      portalResidents,
      loginUrl: await browserLoginUrl(),
      coordinatorDatabaseUrl: databaseUrl(env.pgAdminUrl, COORDINATOR_DATABASE),
      infrastructure: { postgres: postgres.description, redis: redact(env.redisUrl) },
    }),
  );
}

/**
 * The PostgreSQL the demo's databases go in: the configured one, or the Debian cluster (findPostgres),
 * or else one of its own, embedded, with its data in .demo/postgres and stopped with the demo.
 * undefined when the demo is stopping (the embedded one died, or Ctrl-C while it started).
 */
async function ensurePostgres(
  env: DemoEnv,
  keys: DemoKeys,
  paths: DemoPaths,
  supervisor: DemoSupervisor,
): Promise<{ adminUrl: string; description: string } | undefined> {
  const found = await findPostgres(env.pgAdminUrl, log);
  if (found !== null) return { adminUrl: env.pgAdminUrl, description: found };
  log(`Starting an embedded PostgreSQL (embedded-postgres) with its data in ${paths.postgresDir} …`);
  const embedded = await startEmbeddedPostgres({
    supervisor,
    mainFile: paths.embeddedPostgresMain,
    dataDir: paths.postgresDir,
    password: embeddedPostgresPassword(keys),
    path: env.path,
    print: prefixed('postgres', POSTGRES_COLOUR),
  });
  return embedded === undefined ? undefined : { adminUrl: embedded.adminUrl, description: describeEmbedded(embedded, paths.postgresDir) };
}

/** Every resident's consent, then the counsellor and Joyce's mandate to her. */
async function givePermissions(
  residents: ReadonlyMap<string, CoordinatorSession>,
  creditors: CoordinatorOutcome['creditors'],
): Promise<{ outcome: CoordinatorOutcome; counsellor: CoordinatorSession }> {
  const consents = await Promise.all(
    residentsSetUpByDemo().map(async (resident) => {
      const session = sessionOf(residents, resident.residentId);
      const overview = await giveDemoConsent(session, resident, 'DEBT_OVERVIEW');
      const arrangement = await giveDemoConsent(session, resident, 'COLLECTIVE_ARRANGEMENT');
      return { resident, platformId: session.platformId, consent: overview === 'done now' || arrangement === 'done now' ? ('done now' as const) : ('already there' as const) };
    }),
  );
  log(`Residents' consents to a debt overview and to a collective arrangement given through the coordinator (${describeCounts(consents.map((c) => c.consent))}).`);
  const mandatingResident = findDemoResident(MANDATING_RESIDENT_ID);
  if (mandatingResident === undefined) throw new Error(`${MANDATING_RESIDENT_ID} is not a demo resident.`);
  const mandate = await giveDemoMandate(sessionOf(residents, MANDATING_RESIDENT_ID));
  const who = `${mandatingResident.displayName} (${MANDATING_RESIDENT_ID})`;
  log(
    mandate.outcome === 'done now'
      ? `${who} gave a mandate to ${DEMO_COUNSELLOR.displayName}.`
      : `The mandate ${who} gave to ${DEMO_COUNSELLOR.displayName} in an earlier run is in force.`,
  );
  return {
    outcome: {
      creditors,
      residents: consents,
      counsellor: { platformId: mandate.counsellor.platformId, mandateFrom: mandatingResident, mandate: mandate.outcome },
    },
    counsellor: mandate.counsellor,
  };
}

/**
 * Tokens for the summary's commands, and what the gateway answers with them right now: Sanne's own
 * overview and Fatima reading Joyce under her mandate; Sanne's consent token for the first node,
 * minted by the coordinator as the gateway asks for it; that node's back-office, as its staff member.
 */
async function summaryExamples(
  keys: DemoKeys,
  residents: ReadonlyMap<string, CoordinatorSession>,
  counsellor: CoordinatorSession,
  outcomes: readonly NodeOutcome[],
): Promise<SummaryExamples> {
  const node = DEMO_NODES[0];
  if (node === undefined) throw new Error('No demo nodes configured.');
  const { creditorId } = node;
  const residentId = 'resident-sanne';
  const session = sessionOf(residents, residentId);
  const mandating = sessionOf(residents, MANDATING_RESIDENT_ID);
  const [overview, mandatedOverview] = await Promise.all([
    overviewThroughGateway(session.token, OVERVIEW_QUERY),
    overviewThroughGateway(counsellor.token, residentOverviewQuery(mandating.platformId)),
  ]);
  reportOverview(`Sanne's overview lists`, overview, expectedOverview(outcomes, residentId));
  reportOverview(`${DEMO_COUNSELLOR.subject} reads Joyce's overview under her mandate:`, mandatedOverview, expectedOverview(outcomes, MANDATING_RESIDENT_ID));
  return {
    gateway: {
      resident: { residentId, token: session.token, overview },
      counsellor: { token: counsellor.token, residentId: MANDATING_RESIDENT_ID, platformId: mandating.platformId, overview: mandatedOverview },
    },
    consent: {
      node,
      residentId,
      pseudonym: demoPseudonym(keys, { platformId: session.platformId, creditorId }),
      ...(await consentTokenFor(session, { residentId, creditorId })),
    },
    staff: { node, token: await logInAsStaff(creditorId) },
    resident: { residentId, token: session.token },
  };
}

/** What the nodes hold for the resident, so the demo can tell whether the gateway found all of it. */
function expectedOverview(outcomes: readonly NodeOutcome[], residentId: string): { claims: number; creditors: number } {
  const counts = outcomes.map((o) => o.residentClaims.get(residentId) ?? 0).filter((n) => n > 0);
  return { claims: counts.reduce((sum, n) => sum + n, 0), creditors: counts.length };
}

/** A short answer is not an error in GraphQL (a node may be slow), so say plainly when one came back. */
function reportOverview(what: string, overview: GatewayOverview, expected: { claims: number; creditors: number }): void {
  const complete = overview.claims === expected.claims && overview.creditors === expected.creditors && overview.errors.length === 0;
  log(
    complete
      ? `Through the gateway: ${what} ${describeOverview(overview)}.`
      : `✗ Through the gateway: ${what} ${describeOverview(overview)}, but the nodes hold ${expected.claims} claims at ` +
          `${expected.creditors} creditors (see the gateway's and the coordinator's output above).`,
  );
}

/**
 * Seeds a node that holds no claims yet (always so after a fresh start), then links the residents by
 * the pseudonym the coordinator derives for this node from their platform id.
 */
async function seedAndLink(
  node: DemoNode,
  keys: DemoKeys,
  env: DemoEnv,
  paths: DemoPaths,
  residents: ReadonlyMap<string, CoordinatorSession>,
): Promise<NodeOutcome> {
  const url = databaseUrl(env.pgAdminUrl, demoDatabaseName(node.creditorId));
  let data: string;
  const existing = await countClaims(url);
  if (existing === 0) {
    // The creditor's own staff member imports, logged in to this back-office only.
    const staffToken = await logInAsStaff(node.creditorId);
    const counts = await uploadSeedCsv({ node, seedDir: paths.seedDir, staffToken });
    data = `imported ${counts.created + counts.updated + counts.unchanged} claims`;
    log(`${node.creditorId}: imported seed/${node.creditorId}.csv through ${nodeUrl(node)}/backoffice/claims/import.`);
  } else {
    data = `kept ${existing} claims`;
  }
  // What each resident's letter from this creditor says: the demo types it for the residents it sets
  // up; the summary prints it for the one the newcomer links in the portal.
  const letters = await readLetters(url, DEMO_RESIDENTS, node.creditorId);
  for (const resident of residentsSetUpByDemo()) {
    if (resident.accounts[node.creditorId] === undefined) continue;
    const letter = letters.get(resident.residentId);
    if (letter === undefined) throw new Error(`${node.creditorId} has no customer ${resident.accounts[node.creditorId]} in its seed data.`);
    await linkDemoResident({ creditorId: node.creditorId, residentId: resident.residentId, letter, session: sessionOf(residents, resident.residentId) });
  }
  const residentClaims = new Map([...letters].map(([residentId, letter]) => [residentId, letter.claims]));
  return { node, data, residentClaims, letters };
}

/**
 * The residents the demo leaves for the newcomer: what their letters say, and which of their accounts
 * are linked already (by the newcomer, in the portal, in an earlier run kept with --keep).
 */
async function residentsForThePortal(residents: ReadonlyMap<string, CoordinatorSession>, outcomes: readonly NodeOutcome[]): Promise<PortalResident[]> {
  return Promise.all(
    DEMO_RESIDENTS.filter((r) => r.setUp === 'portal').map(async (resident) => {
      const session = sessionOf(residents, resident.residentId);
      const { accountLinks } = await session.graphql<{ accountLinks: { creditor: { id: string } }[] }>('{ accountLinks { creditor { id } } }');
      const linked = new Set(accountLinks.map((l) => l.creditor.id));
      const letters = outcomes.flatMap(({ node, letters: byResident }) => {
        const letter = byResident.get(resident.residentId);
        return letter === undefined ? [] : [{ node, letter, linked: linked.has(node.creditorId) }];
      });
      const missing = Object.keys(resident.accounts).filter((creditorId) => !letters.some((l) => l.node.creditorId === creditorId));
      if (missing.length > 0) {
        log(`${resident.displayName} (${resident.residentId}) has no account at ${missing.join(', ')} in the data kept from an earlier run; start without --keep to seed it.`);
      }
      return { resident, platformId: session.platformId, letters };
    }),
  );
}

function sessionOf(residents: ReadonlyMap<string, CoordinatorSession>, residentId: string): CoordinatorSession {
  const session = residents.get(residentId);
  if (session === undefined) throw new Error(`${residentId} has not signed in.`);
  return session;
}

/** `5 now` or `2 now, 3 from the last run`. */
function describeCounts(outcomes: Iterable<SetupOutcome>): string {
  const all = [...outcomes];
  const now = all.filter((o) => o === 'done now').length;
  const kept = all.length - now;
  return [now > 0 ? `${now} now` : '', kept > 0 ? `${kept} from the last run` : ''].filter((s) => s !== '').join(', ');
}

/** Everything the identity provider reads at boot, passed explicitly (nothing inherited from the developer's shell). */
function idpEnv(keys: DemoKeys, env: DemoEnv): Record<string, string> {
  return {
    PATH: env.path,
    NODE_ENV: 'development',
    IDP_HOST: '127.0.0.1',
    IDP_PORT: String(IDP_PORT),
    IDP_ISSUER,
    // The key kept in .demo/keys.json: tokens printed by one run still verify after a restart.
    IDP_SIGNING_KEY: JSON.stringify(keys.identityProvider),
    IDP_CLIENTS: JSON.stringify([
      // The client the demo and demo:token log in with (public, PKCE).
      { client_id: DEMO_CLIENT.clientId, redirect_uris: [DEMO_CLIENT.redirectUri] },
      // The portal: confidential, with a development secret derived from .demo/keys.json.
      {
        client_id: DEMO_PORTAL_CLIENT_ID,
        client_secret: portalClientSecret(keys),
        redirect_uris: [PORTAL_CALLBACK_URL],
        post_logout_redirect_uris: [PORTAL_POST_LOGOUT_URL],
      },
    ]),
    IDP_ACCESS_TOKEN_SECONDS: String(ACCESS_TOKEN_SECONDS),
  };
}

/** Everything the coordinator reads at boot, passed explicitly (nothing inherited from the developer's shell). */
function coordinatorEnv(keys: DemoKeys, env: DemoEnv): Record<string, string> {
  return {
    PATH: env.path,
    NODE_ENV: 'development',
    ...(colour ? {} : { NO_COLOR: '1' }),
    DATABASE_URL: databaseUrl(env.pgAdminUrl, COORDINATOR_DATABASE),
    PORT: String(COORDINATOR_PORT),
    HOST: '127.0.0.1',
    COORDINATOR_ISSUER,
    CONSENT_SIGNING_KEY: JSON.stringify(keys.coordinator),
    // The longest the nodes accept (the default is 2 minutes): time enough to paste a printed command.
    CONSENT_TOKEN_LIFETIME_SECONDS: String(MAX_CONSENT_TOKEN_LIFETIME_SECONDS),
    LEDGER_SIGNING_KEY: JSON.stringify(keys.ledger),
    CHECKPOINT_INTERVAL_SECONDS: String(CHECKPOINT_INTERVAL_SECONDS),
    PSEUDONYM_SECRET: pseudonymSecretBase64(keys),
    // Residents, counsellors, administrators and auditors log in at the development identity provider.
    OIDC_ISSUER: IDP_ISSUER,
    OIDC_JWKS_URL: IDP_JWKS_URL,
    OIDC_AUDIENCE: COORDINATOR_AUDIENCE,
    REDIS_URL: env.redisUrl,
    // Its own key prefix in Redis, so the demo never shares a queue with a test run.
    QUEUE_PREFIX: 'samen-regelen-demo',
    // The API only: the delivery worker runs in a process of its own (workerEnv).
    DELIVERY_WORKER: 'false',
    // Shared with the simulated payment provider, which signs its callbacks with it.
    PAYMENT_PROVIDER_SECRET: paymentProviderSecret(keys),
    GRAPHQL_INTROSPECTION: 'true',
    LOG_LEVEL: 'info',
  };
}

/**
 * The delivery worker reads the coordinator's configuration (the same loader): the same database,
 * queue and keys (it signs the proposal tokens it delivers), on a port of its own for health and metrics.
 */
function workerEnv(keys: DemoKeys, env: DemoEnv): Record<string, string> {
  const { DELIVERY_WORKER: _apiOnly, ...coordinator } = coordinatorEnv(keys, env);
  return { ...coordinator, PORT: String(WORKER_PORT) };
}

/** Everything the portal reads at boot, passed explicitly (nothing inherited from the developer's shell). */
function portalEnv(keys: DemoKeys, env: DemoEnv): Record<string, string> {
  return {
    PATH: env.path,
    NODE_ENV: 'development',
    ...(colour ? {} : { NO_COLOR: '1' }),
    HOST: '127.0.0.1',
    PORT: String(PORTAL_PORT),
    PORTAL_PUBLIC_URL: PORTAL_URL,
    GATEWAY_URL: GATEWAY_GRAPHQL_URL,
    // The consent ledger's HTTP API (receipts) is the coordinator's.
    LEDGER_URL: COORDINATOR_URL,
    OIDC_ISSUER: IDP_ISSUER,
    OIDC_CLIENT_ID: DEMO_PORTAL_CLIENT_ID,
    OIDC_CLIENT_SECRET: portalClientSecret(keys),
    // The coordinator's Redis, under its own key prefix, never a test run's.
    REDIS_URL: env.redisUrl,
    SESSION_PREFIX: PORTAL_SESSION_PREFIX,
    // Plain http on this machine: cookies without Secure, or the browser would drop them.
    SECURE_COOKIES: 'false',
    LOG_LEVEL: 'info',
  };
}

/** Everything the gateway reads at boot, passed explicitly (nothing inherited from the developer's shell). */
function gatewayEnv(env: DemoEnv): Record<string, string> {
  return {
    PATH: env.path,
    NODE_ENV: 'development',
    ...(colour ? {} : { NO_COLOR: '1' }),
    HOST: '127.0.0.1',
    PORT: String(GATEWAY_PORT),
    COORDINATOR_URL: COORDINATOR_GRAPHQL_URL,
    NODE_TIMEOUT_MS: String(NODE_TIMEOUT_MS),
    GRAPHQL_INTROSPECTION: 'true',
    LOG_LEVEL: 'info',
  };
}

/** Everything a node reads at boot, passed explicitly (nothing inherited from the developer's shell). */
function nodeEnv(node: DemoNode, keys: DemoKeys, env: DemoEnv): Record<string, string> {
  const signingKey = keys.nodes[node.creditorId];
  if (signingKey === undefined) throw new Error(`No signing key for ${node.creditorId}`);
  return {
    PATH: env.path,
    NODE_ENV: 'development',
    // Nest colours its logs unless told not to; keep escape codes out of a log file.
    ...(colour ? {} : { NO_COLOR: '1' }),
    CREDITOR_ID: node.creditorId,
    CREDITOR_NAME: node.name,
    CREDITOR_SECTOR: node.sector,
    DATABASE_URL: databaseUrl(env.pgAdminUrl, demoDatabaseName(node.creditorId)),
    PORT: String(node.port),
    COORDINATOR_JWKS_URL: COORDINATOR_CONSENT_JWKS_URL,
    COORDINATOR_ISSUER,
    // The creditor's staff log in at the same development identity provider (eHerkenning in production).
    STAFF_OIDC_ISSUER: IDP_ISSUER,
    STAFF_OIDC_JWKS_URL: IDP_JWKS_URL,
    STAFF_OIDC_AUDIENCE: `backoffice:${node.creditorId}`,
    NODE_SIGNING_KEY: JSON.stringify(signingKey),
    ACCEPTANCE_POLICY: node.acceptancePolicy,
    GRAPHQL_INTROSPECTION: 'true',
    LOG_LEVEL: 'info',
  };
}

/** true: fresh (the default); false: --keep. */
function parseFlags(args: readonly string[]): boolean {
  const usage = 'Usage: npm run demo [-- --fresh | --keep]';
  if (args.includes('--help') || args.includes('-h')) {
    const options = ['  --fresh  drop and recreate the demo databases (default)', '  --keep   keep the data of the last run'];
    process.stdout.write(`${[usage, ...options].join('\n')}\n`);
    process.exit(0);
  }
  const unknown = args.filter((a) => a !== '--fresh' && a !== '--keep');
  if (unknown.length > 0) throw new DemoSetupError(`Unknown option ${unknown.join(' ')}. ${usage}`);
  if (args.includes('--fresh') && args.includes('--keep')) {
    throw new DemoSetupError(`Choose --fresh or --keep, not both. ${usage}`);
  }
  return !args.includes('--keep');
}

const supervisor = new DemoSupervisor(log);
main(supervisor).catch((error: unknown) => {
  if (supervisor.isStopping) return;
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  log(error instanceof DemoSetupError ? error.message : `The demo could not start: ${detail}`);
  return supervisor.shutdown(1);
});
