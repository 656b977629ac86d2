import { availableParallelism } from 'node:os';
import { importJWK, type CryptoKey, type JWK } from 'jose';
import { CREDITOR_ID_PATTERN, CREDITOR_SECTORS, backofficeAudience, type CreditorSector } from '#contracts';

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
  readonly signingKey: { readonly privateKey: CryptoKey; readonly publicJwk: JWK; readonly keyId: string };
  /** OpenID Connect for the creditor's staff (back-office). */
  readonly staffAuth: { readonly issuer: string; readonly jwksUrl: URL; readonly audience: string };
  /** Serve GraphQL introspection (development and tests; off in production). */
  readonly introspection: boolean;
  readonly logLevel: 'debug' | 'info' | 'warn' | 'error';
}

export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`The node configuration is not valid:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

type Env = Readonly<Record<string, string | undefined>>;

const LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const;

/**
 * Reads and checks the node's settings. Collects every problem before failing, so an operator fixes
 * them in one go instead of one restart per typo.
 */
export async function loadNodeConfig(env: Env): Promise<NodeConfig> {
  const problems: string[] = [];
  const required = (name: string, hint: string): string => {
    const value = env[name]?.trim();
    if (value === undefined || value === '') {
      problems.push(`${name} is missing: ${hint}.`);
      return '';
    }
    return value;
  };
  const url = (name: string, value: string, protocols: readonly string[]): URL | undefined => {
    if (value === '') return undefined;
    try {
      const parsed = new URL(value);
      if (!protocols.includes(parsed.protocol)) {
        problems.push(`${name} must be a ${protocols.join(' or ')} URL (got ${parsed.protocol}).`);
        return undefined;
      }
      return parsed;
    } catch {
      problems.push(`${name} is not a valid URL: ${JSON.stringify(value)}.`);
      return undefined;
    }
  };

  const creditorId = required('CREDITOR_ID', 'the creditor id, e.g. gemeente-utrecht');
  if (creditorId !== '' && !CREDITOR_ID_PATTERN.test(creditorId)) {
    problems.push(`CREDITOR_ID ${JSON.stringify(creditorId)} must be lower-case letters, digits and hyphens.`);
  }
  const displayName = required('CREDITOR_NAME', 'the name residents see, e.g. "Gemeente Utrecht"');
  const sectorText = required('CREDITOR_SECTOR', `one of ${CREDITOR_SECTORS.join(', ')}`);
  if (sectorText !== '' && !(CREDITOR_SECTORS as readonly string[]).includes(sectorText)) {
    problems.push(`CREDITOR_SECTOR ${JSON.stringify(sectorText)} is unknown; use one of ${CREDITOR_SECTORS.join(', ')}.`);
  }
  const databaseUrlText = required('DATABASE_URL', 'a postgres:// URL of this node’s own database');
  url('DATABASE_URL', databaseUrlText, ['postgres:', 'postgresql:']);

  const poolText = env['DATABASE_POOL_SIZE']?.trim() || '8';
  const databasePoolSize = Number(poolText);
  if (!/^[0-9]+$/.test(poolText) || databasePoolSize < 1 || databasePoolSize > 200) {
    problems.push(`DATABASE_POOL_SIZE must be a whole number from 1 to 200 (got ${JSON.stringify(poolText)}).`);
  }

  const portText = env['PORT']?.trim() ?? '4100';
  const port = Number(portText);
  if (!/^[0-9]+$/.test(portText) || port < 1 || port > 65535) {
    problems.push(`PORT must be a whole number from 1 to 65535 (got ${JSON.stringify(portText)}).`);
  }

  const workersText = env['NODE_WORKERS']?.trim() || '1';
  const workers = workersText === 'auto' ? availableParallelism() : Number(workersText);
  if (!/^([0-9]+|auto)$/.test(workersText) || workers < 1 || workers > 64) {
    problems.push(`NODE_WORKERS must be a whole number from 1 to 64, or auto (got ${JSON.stringify(workersText)}).`);
  }

  const coordinatorJwksUrl = url(
    'COORDINATOR_JWKS_URL',
    required('COORDINATOR_JWKS_URL', 'the URL of the coordinator’s /.well-known/jwks.json'),
    ['http:', 'https:'],
  );
  const coordinatorIssuer = env['COORDINATOR_ISSUER']?.trim() || 'samen-regelen-coordinator';

  const staffIssuer = required('STAFF_OIDC_ISSUER', 'the OpenID issuer of the creditor’s staff accounts');
  const staffJwksUrl = url('STAFF_OIDC_JWKS_URL', required('STAFF_OIDC_JWKS_URL', 'the key set URL of that issuer'), [
    'http:',
    'https:',
  ]);
  const staffAudience = env['STAFF_OIDC_AUDIENCE']?.trim() || backofficeAudience(creditorId);

  const signingKey = await readSigningKey(required('NODE_SIGNING_KEY', 'the node’s Ed25519 private key as a JWK (JSON)'), problems);

  const introspection = parseBoolean('GRAPHQL_INTROSPECTION', env['GRAPHQL_INTROSPECTION'], false, problems);
  const logLevelText = env['LOG_LEVEL']?.trim() || 'info';
  if (!(LOG_LEVELS as readonly string[]).includes(logLevelText)) {
    problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')} (got ${JSON.stringify(logLevelText)}).`);
  }

  if (problems.length > 0 || !coordinatorJwksUrl || !staffJwksUrl || !signingKey) throw new ConfigError(problems);
  return {
    creditorId,
    displayName,
    sector: sectorText as CreditorSector,
    databaseUrl: databaseUrlText,
    databasePoolSize,
    port,
    host: env['HOST']?.trim() || '127.0.0.1',
    workers,
    coordinatorJwksUrl,
    coordinatorIssuer,
    signingKey,
    staffAuth: { issuer: staffIssuer, jwksUrl: staffJwksUrl, audience: staffAudience },
    introspection,
    logLevel: logLevelText as NodeConfig['logLevel'],
  };
}

function parseBoolean(name: string, value: string | undefined, fallback: boolean, problems: string[]): boolean {
  const text = value?.trim().toLowerCase();
  if (text === undefined || text === '') return fallback;
  if (text === 'true' || text === '1') return true;
  if (text === 'false' || text === '0') return false;
  problems.push(`${name} must be true or false (got ${JSON.stringify(value)}).`);
  return fallback;
}

async function readSigningKey(text: string, problems: string[]): Promise<NodeConfig['signingKey'] | undefined> {
  if (text === '') return undefined;
  let jwk: JWK;
  try {
    jwk = JSON.parse(text) as JWK;
  } catch {
    problems.push('NODE_SIGNING_KEY is not JSON; give the private key as a JWK.');
    return undefined;
  }
  if (jwk.kty !== 'OKP' || jwk.crv !== 'Ed25519' || typeof jwk.d !== 'string' || typeof jwk.x !== 'string') {
    problems.push('NODE_SIGNING_KEY must be an Ed25519 private key (JWK with kty OKP, crv Ed25519, d and x).');
    return undefined;
  }
  try {
    const privateKey = (await importJWK(jwk, 'EdDSA')) as CryptoKey;
    const { d: _private, ...publicJwk } = jwk;
    const keyId = jwk.kid ?? 'node-key-1';
    return { privateKey, publicJwk: { ...publicJwk, kid: keyId, alg: 'EdDSA', use: 'sig' }, keyId };
  } catch {
    problems.push('NODE_SIGNING_KEY could not be read as an Ed25519 key.');
    return undefined;
  }
}
