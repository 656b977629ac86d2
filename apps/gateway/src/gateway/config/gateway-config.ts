import { ConfigReader, type Env } from '#service-kit';

/**
 * Everything the federation gateway needs, validated once at boot; the only place that reads the
 * environment for it.
 */
export interface GatewayConfig {
  readonly port: number;
  readonly host: string;
  /** The coordinator's subgraph (`…/graphql`): consents, the directory and the consent tokens. */
  readonly coordinatorUrl: URL;
  /** How long one creditor node may take before its part of an answer is given up (CREDITOR_UNAVAILABLE). */
  readonly nodeTimeoutMs: number;
  /** Off in production: the schema is public in the repository, but probing it is not a service we offer. */
  readonly introspection: boolean;
  /** The deepest selection a query may have. */
  readonly maxDepth: number;
  /** The most fields (after fragments are expanded) a query may select. */
  readonly maxFields: number;
  /** The largest request body accepted, in bytes. */
  readonly maxBodyBytes: number;
  readonly logLevel: 'debug' | 'info' | 'warn' | 'error';
}

const LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const;

export function loadGatewayConfig(env: Env): GatewayConfig {
  const read = new ConfigReader('gateway', env);
  const port = read.integer('PORT', 4000, { min: 1, max: 65535 });
  const coordinatorUrl = read.url('COORDINATOR_URL', read.required('COORDINATOR_URL', "the coordinator's GraphQL URL, e.g. http://127.0.0.1:4001/graphql"), ['http:', 'https:']);
  const nodeTimeoutMs = read.integer('NODE_TIMEOUT_MS', 2_000, { min: 50, max: 30_000 });
  const introspection = read.boolean('GRAPHQL_INTROSPECTION', false);
  const maxDepth = read.integer('GRAPHQL_MAX_DEPTH', 8, { min: 2, max: 50 });
  const maxFields = read.integer('GRAPHQL_MAX_FIELDS', 200, { min: 10, max: 10_000 });
  const maxBodyBytes = read.integer('MAX_BODY_BYTES', 65_536, { min: 1_024, max: 10_485_760 });
  const logLevel = read.oneOf('LOG_LEVEL', LOG_LEVELS, 'info');
  read.finish();
  if (!coordinatorUrl) throw new Error('unreachable: problems were reported');
  return { port, host: read.optional('HOST') ?? '127.0.0.1', coordinatorUrl, nodeTimeoutMs, introspection, maxDepth, maxFields, maxBodyBytes, logLevel };
}
