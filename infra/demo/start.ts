/**
 * `npm run demo`: the whole federation on one machine, for a newcomer. Starts a development key
 * service and five creditor nodes with their own databases, seeds them through the real CSV import,
 * links three demo residents and prints what to try. See infra/demo/README.md.
 *
 *   npm run demo               fresh: drop and recreate the demo databases, seed them again
 *   npm run demo -- --keep     keep the data of the last run (a node without claims is seeded)
 */
import { readDemoEnv, type DemoEnv } from './demo-env.js';
import { loadOrCreateDemoKeys, publicJwk, type DemoKeys } from './demo-keys.js';
import { databaseUrl, DemoSetupError, ensurePostgres, prepareDatabases } from './demo-databases.js';
import {
  COORDINATOR_ISSUER,
  COORDINATOR_JWKS_URL,
  DEMO_IDP_ISSUER,
  DEMO_NODES,
  DEMO_RESIDENTS,
  IDP_JWKS_URL,
  KEY_SERVICE_PORT,
  demoDatabaseName,
  nodeUrl,
  type DemoNode,
} from './demo-nodes.js';
import { demoPaths, type DemoPaths } from './demo-paths.js';
import { CONSENT_TOKEN_SECONDS, STAFF_TOKEN_SECONDS, demoPseudonym, mintConsentToken, mintStaffToken } from './demo-tokens.js';
import { DemoSupervisor } from './demo-supervisor.js';
import { startDevKeyService } from './dev-key-service.js';
import { assertPortsFree } from './free-ports.js';
import { countClaims, linkDemoResidents, uploadSeedCsv } from './seed-node.js';
import { renderSummary, type NodeOutcome, type SummaryExamples } from './summary.js';

const READY_TIMEOUT_MS = 90_000;
/** ANSI colours for the nodes' prefixes; the demo's own lines are bold. */
const COLOURS = ['36', '33', '35', '32', '34'];
const colour = process.stdout.isTTY;
const prefixWidth = Math.max(...DEMO_NODES.map((n) => n.creditorId.length));

function prefixed(label: string, ansiColour: string): (line: string) => void {
  const tag = `[${label}]`.padEnd(prefixWidth + 2);
  const shown = colour ? `\u001b[${ansiColour}m${tag}\u001b[0m` : tag;
  return (line) => process.stdout.write(`${shown} ${line}\n`);
}
const log = prefixed('demo', '1');

async function main(supervisor: DemoSupervisor): Promise<void> {
  const fresh = parseFlags(process.argv.slice(2));
  const env = readDemoEnv();
  const paths = demoPaths();

  const { keys, created } = await loadOrCreateDemoKeys(paths.keysFile, DEMO_NODES.map((n) => n.creditorId));
  log(created ? `Created development keys in ${paths.keysFile}.` : `Using the development keys in ${paths.keysFile}.`);

  await ensurePostgres(env.pgAdminUrl, log);
  await assertPortsFree([KEY_SERVICE_PORT, ...DEMO_NODES.map((n) => n.port)]);
  await prepareDatabases(env.pgAdminUrl, DEMO_NODES.map((n) => demoDatabaseName(n.creditorId)), fresh);
  log(fresh ? 'Recreated the demo databases (sr_demo_*).' : 'Keeping the demo databases (sr_demo_*) as they are.');

  supervisor.useKeyService(
    await startDevKeyService({
      port: KEY_SERVICE_PORT,
      coordinatorKeys: [publicJwk(keys.coordinator)],
      identityProviderKeys: [publicJwk(keys.identityProvider)],
    }),
  );
  log(`Development key service (DEMO ONLY) on http://127.0.0.1:${KEY_SERVICE_PORT}.`);

  const processes = DEMO_NODES.map((node, index) =>
    supervisor.startNode({
      node,
      mainFile: paths.nodeMain,
      env: nodeEnv(node, keys, env),
      print: prefixed(node.creditorId, COLOURS[index % COLOURS.length] ?? '0'),
    }),
  );
  log(`Starting ${processes.length} creditor nodes …`);
  await Promise.all(processes.map((p) => p.waitUntilReady(READY_TIMEOUT_MS)));
  if (supervisor.isStopping) return;

  const outcomes = await Promise.all(DEMO_NODES.map((node) => seedAndLink(node, keys, env, paths)));
  const examples = await summaryExamples(keys);
  process.stdout.write(renderSummary({ fresh, keysFile: paths.keysFile, outcomes, examples }));
}

/** Tokens for the summary's curl commands: Sanne at the first node, and that node's back-office. */
async function summaryExamples(keys: DemoKeys): Promise<SummaryExamples> {
  const node = DEMO_NODES[0];
  if (node === undefined) throw new Error('No demo nodes configured.');
  const { creditorId } = node;
  const residentId = 'resident-sanne';
  return {
    consent: {
      node,
      residentId,
      pseudonym: demoPseudonym(keys, { residentId, creditorId }),
      token: await mintConsentToken(keys, { creditorId, residentId, lifetimeSeconds: CONSENT_TOKEN_SECONDS }),
    },
    staff: { node, token: await mintStaffToken(keys, { creditorId, subject: 'demo-staff', lifetimeSeconds: STAFF_TOKEN_SECONDS }) },
  };
}

/** Seeds a node that holds no claims yet (always so after a fresh start), then links the residents. */
async function seedAndLink(node: DemoNode, keys: DemoKeys, env: DemoEnv, paths: DemoPaths): Promise<NodeOutcome> {
  const url = databaseUrl(env.pgAdminUrl, demoDatabaseName(node.creditorId));
  let data: string;
  const existing = await countClaims(url);
  if (existing === 0) {
    const staffToken = await mintStaffToken(keys, { creditorId: node.creditorId, subject: 'demo-seed', lifetimeSeconds: 600 });
    const counts = await uploadSeedCsv({ node, seedDir: paths.seedDir, staffToken });
    data = `imported ${counts.created + counts.updated + counts.unchanged} claims`;
    log(`${node.creditorId}: imported seed/${node.creditorId}.csv through ${nodeUrl(node)}/backoffice/claims/import.`);
  } else {
    data = `kept ${existing} claims`;
  }
  const residentClaims = await linkDemoResidents({
    databaseUrl: url,
    creditorId: node.creditorId,
    residents: DEMO_RESIDENTS.map((resident) => ({
      resident,
      pseudonym: demoPseudonym(keys, { residentId: resident.residentId, creditorId: node.creditorId }),
    })),
  });
  return { node, data, residentClaims };
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
    COORDINATOR_JWKS_URL,
    COORDINATOR_ISSUER,
    STAFF_OIDC_ISSUER: DEMO_IDP_ISSUER,
    STAFF_OIDC_JWKS_URL: IDP_JWKS_URL,
    STAFF_OIDC_AUDIENCE: `backoffice:${node.creditorId}`,
    NODE_SIGNING_KEY: JSON.stringify(signingKey),
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
