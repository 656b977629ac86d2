import { availableParallelism } from 'node:os';
import { ConfigError, ConfigReader, type Ed25519SigningKey, type Env } from '#service-kit';
import { CREDITOR_ID_PATTERN, CREDITOR_SECTORS, backofficeAudience, type CreditorSector } from '#contracts';
import { ACCEPTANCE_POLICIES, type AcceptancePolicy } from '../proposals/domain/proposal-policy.js';

/**
 * Everything a creditor node needs to run, validated once at boot. The only place that reads the
 * environment: the rest of the node receives this object.
 */
export interface NodeConfig {
  readonly creditorId: string;
  readonly displayName: string;
  readonly sector: CreditorSector;
  readonly databaseUrl: string;
  /** Connections to the node's database; with 2 cores, a handful beats many. */
  readonly databasePoolSize: number;
  readonly port: number;
  /** Address to listen on: loopback by default; 0.0.0.0 behind a proxy or in a container. */
  readonly host: string;
  /** Processes serving HTTP on the port (node:cluster); 1 runs the node in a single process. */
  readonly workers: number;
  /** Where the coordinator publishes the keys that sign consent tokens. */
  readonly coordinatorJwksUrl: URL;
  /** The `iss` the coordinator puts in consent tokens. */
  readonly coordinatorIssuer: string;
  /** The node's own Ed25519 key: it signs the node's answers to proposals. */
  readonly signingKey: Ed25519SigningKey;
  /** OpenID Connect for the creditor's staff (back-office). */
  readonly staffAuth: { readonly issuer: string; readonly jwksUrl: URL; readonly audience: string };
  /** Serve GraphQL introspection (development and tests; off in production). */
  readonly introspection: boolean;
  readonly logLevel: 'debug' | 'info' | 'warn' | 'error';
  /**
   * What happens to a proposal whose share checks out: 'automatic' accepts it at once (the plan keeps
   * to the rules and the share is right); 'staff' waits for a decision in the back-office.
   */
  readonly acceptancePolicy: AcceptancePolicy;
  /** Where the node sends its answers to proposals (the coordinator's origin). */
  readonly coordinatorUrl: URL;
}

export { ConfigError } from '#service-kit';

const LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const;

/**
 * Reads and checks the node's settings. Collects every problem before failing, so an operator fixes
 * them in one go instead of one restart per typo.
 */
export async function loadNodeConfig(env: Env): Promise<NodeConfig> {
  const read = new ConfigReader('node', env);
  const creditorId = read.required('CREDITOR_ID', 'the creditor id, e.g. gemeente-utrecht');
  if (creditorId !== '' && !CREDITOR_ID_PATTERN.test(creditorId)) {
    read.problems.push(`CREDITOR_ID ${JSON.stringify(creditorId)} must be lower-case letters, digits and hyphens.`);
  }
  const displayName = read.required('CREDITOR_NAME', 'the name residents see, e.g. "Gemeente Utrecht"');
  const sectorText = read.required('CREDITOR_SECTOR', `one of ${CREDITOR_SECTORS.join(', ')}`);
  if (sectorText !== '' && !(CREDITOR_SECTORS as readonly string[]).includes(sectorText)) {
    read.problems.push(`CREDITOR_SECTOR ${JSON.stringify(sectorText)} is unknown; use one of ${CREDITOR_SECTORS.join(', ')}.`);
  }
  const databaseUrl = read.required('DATABASE_URL', 'a postgres:// URL of this node’s own database');
  read.url('DATABASE_URL', databaseUrl, ['postgres:', 'postgresql:']);
  const databasePoolSize = read.integer('DATABASE_POOL_SIZE', 8, { min: 1, max: 200 });
  const port = read.integer('PORT', 4100, { min: 1, max: 65535 });

  const workersText = read.optional('NODE_WORKERS') ?? '1';
  const workers = workersText === 'auto' ? availableParallelism() : Number(workersText);
  if (!/^([0-9]+|auto)$/.test(workersText) || workers < 1 || workers > 64) {
    read.problems.push(`NODE_WORKERS must be a whole number from 1 to 64, or auto (got ${JSON.stringify(workersText)}).`);
  }

  const coordinatorJwksUrl = read.url(
    'COORDINATOR_JWKS_URL',
    read.required('COORDINATOR_JWKS_URL', 'the URL where the coordinator publishes its consent-token keys'),
    ['http:', 'https:'],
  );
  const coordinatorIssuer = read.optional('COORDINATOR_ISSUER') ?? 'samen-regelen-coordinator';

  const staffIssuer = read.required('STAFF_OIDC_ISSUER', 'the OpenID issuer of the creditor’s staff accounts');
  const staffJwksUrl = read.url('STAFF_OIDC_JWKS_URL', read.required('STAFF_OIDC_JWKS_URL', 'the key set URL of that issuer'), [
    'http:',
    'https:',
  ]);
  const staffAudience = read.optional('STAFF_OIDC_AUDIENCE') ?? backofficeAudience(creditorId);

  const signingKey = await read.ed25519Key('NODE_SIGNING_KEY', 'the node’s Ed25519 private key as a JWK (JSON)', 'node-key-1');
  const introspection = read.boolean('GRAPHQL_INTROSPECTION', false);
  const logLevel = read.oneOf('LOG_LEVEL', LOG_LEVELS, 'info');
  const acceptancePolicy = read.oneOf('ACCEPTANCE_POLICY', ACCEPTANCE_POLICIES, 'staff');
  // The coordinator serves its keys and takes answers at the same origin, unless told otherwise.
  const coordinatorUrlText = read.optional('COORDINATOR_URL') ?? (coordinatorJwksUrl ? coordinatorJwksUrl.origin : '');
  const coordinatorUrl = coordinatorUrlText === '' ? undefined : read.url('COORDINATOR_URL', coordinatorUrlText, ['http:', 'https:']);

  read.finish();
  if (!coordinatorJwksUrl || !staffJwksUrl || !signingKey || !coordinatorUrl) throw new ConfigError('node', read.problems);
  return {
    creditorId,
    displayName,
    sector: sectorText as CreditorSector,
    databaseUrl,
    databasePoolSize,
    port,
    host: read.optional('HOST') ?? '127.0.0.1',
    workers,
    coordinatorJwksUrl,
    coordinatorIssuer,
    signingKey,
    staffAuth: { issuer: staffIssuer, jwksUrl: staffJwksUrl, audience: staffAudience },
    introspection,
    logLevel,
    acceptancePolicy,
    coordinatorUrl,
  };
}
