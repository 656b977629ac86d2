import { MAX_CONSENT_TOKEN_LIFETIME_SECONDS, COORDINATOR_AUDIENCE } from '#contracts';
import { ConfigReader, type Ed25519SigningKey, type Env } from '#service-kit';

/**
 * Everything the coordinator needs to run, validated once at boot. The only place that reads the
 * environment: the rest of the coordinator receives this object.
 */
export interface CoordinatorConfig {
  readonly databaseUrl: string;
  readonly databasePoolSize: number;
  readonly port: number;
  readonly host: string;
  /** The `iss` of consent tokens; nodes are configured with the same value. */
  readonly issuer: string;
  /** Signs consent tokens (published at /consent/v1/jwks.json). */
  readonly consentSigningKey: Ed25519SigningKey;
  /** How long a minted consent token lives: minutes at most, so a withdrawal bites fast. */
  readonly consentTokenLifetimeSeconds: number;
  /** The ledger's name in every checkpoint; verifiers pin it. */
  readonly ledgerOrigin: string;
  /** Signs checkpoints and receipts (published, with every retired key, at /.well-known/jwks.json). */
  readonly ledgerSigningKey: Ed25519SigningKey;
  readonly checkpointIntervalSeconds: number;
  /** How often given consents and mandates past their end date are marked expired in the ledger. */
  readonly expirySweepSeconds: number;
  /** The secret behind every pairwise pseudonym (≥ 32 bytes). Never leaves the coordinator. */
  readonly pseudonymSecret: Uint8Array;
  /** OpenID Connect for residents, counsellors, administrators and auditors. */
  readonly auth: { readonly issuer: string; readonly jwksUrl: URL; readonly audience: string };
  readonly introspection: boolean;
  readonly logLevel: 'debug' | 'info' | 'warn' | 'error';
  /** The proposal workflow's queues (bull on Redis). */
  readonly queue: {
    readonly redisUrl: string;
    /** Key prefix in Redis, so several coordinators (or test runs) can share one Redis. */
    readonly prefix: string;
    /** Delivery attempts per node before the counsellor is told it failed (backoff doubles from 1 s). */
    readonly deliveryAttempts: number;
    /** How many deliveries one process runs at once. */
    readonly concurrency: number;
    /** An unfinished job older than this is looked up in the queue, and added again if Redis lost it. */
    readonly reconcileAfterSeconds: number;
    /** Whether this process delivers (a coordinator can run as API only, with workers elsewhere). */
    readonly runWorker: boolean;
  };
  /** How long creditors have to answer a proposal before silence is recorded (default 8 weeks). */
  readonly answerWithinDays: number;
  /** The plan's life: the payment provider's webhook secret (absent: no provider), and the grace period after a missed instalment. */
  readonly payments: { readonly providerSecret: string | null; readonly graceDays: number };
}

const LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const;

export async function loadCoordinatorConfig(env: Env): Promise<CoordinatorConfig> {
  const read = new ConfigReader('coordinator', env);
  const databaseUrl = read.required('DATABASE_URL', 'a postgres:// URL of the coordinator’s own database');
  read.url('DATABASE_URL', databaseUrl, ['postgres:', 'postgresql:']);
  const databasePoolSize = read.integer('DATABASE_POOL_SIZE', 8, { min: 1, max: 200 });
  const port = read.integer('PORT', 4001, { min: 1, max: 65535 });
  const issuer = read.optional('COORDINATOR_ISSUER') ?? 'samen-regelen-coordinator';
  const consentSigningKey = await read.ed25519Key('CONSENT_SIGNING_KEY', 'the Ed25519 private JWK that signs consent tokens', 'consent-key-1');
  const consentTokenLifetimeSeconds = read.integer('CONSENT_TOKEN_LIFETIME_SECONDS', 120, {
    min: 10,
    max: MAX_CONSENT_TOKEN_LIFETIME_SECONDS,
  });
  const ledgerOrigin = read.optional('LEDGER_ORIGIN') ?? 'samen-regelen/consent-ledger';
  const ledgerSigningKey = await read.ed25519Key('LEDGER_SIGNING_KEY', 'the Ed25519 private JWK that signs checkpoints', 'ledger-key-1');
  if (consentSigningKey && ledgerSigningKey && consentSigningKey.publicJwk.x === ledgerSigningKey.publicJwk.x) {
    read.problems.push('CONSENT_SIGNING_KEY and LEDGER_SIGNING_KEY must be different keys: one key, one job.');
  }
  const checkpointIntervalSeconds = read.integer('CHECKPOINT_INTERVAL_SECONDS', 60, { min: 1, max: 86_400 });
  const expirySweepSeconds = read.integer('EXPIRY_SWEEP_SECONDS', 60, { min: 1, max: 86_400 });
  const pseudonymSecret = readSecret(read);
  const authIssuer = read.required('OIDC_ISSUER', 'the OpenID issuer of residents, counsellors and administrators');
  const jwksUrl = read.url('OIDC_JWKS_URL', read.required('OIDC_JWKS_URL', 'the key set URL of that issuer'), ['http:', 'https:']);
  const audience = read.optional('OIDC_AUDIENCE') ?? COORDINATOR_AUDIENCE;
  const introspection = read.boolean('GRAPHQL_INTROSPECTION', false);
  const logLevel = read.oneOf('LOG_LEVEL', LOG_LEVELS, 'info');
  const redisUrl = read.optional('REDIS_URL') ?? 'redis://127.0.0.1:6379';
  read.url('REDIS_URL', redisUrl, ['redis:', 'rediss:']);
  const queuePrefix = read.optional('QUEUE_PREFIX') ?? 'samen-regelen';
  const deliveryAttempts = read.integer('DELIVERY_ATTEMPTS', 10, { min: 1, max: 100 });
  // High on purpose: a job mostly waits in its node's batch, and the batches grow with the jobs under way.
  const deliveryConcurrency = read.integer('DELIVERY_CONCURRENCY', 256, { min: 1, max: 1000 });
  const reconcileAfterSeconds = read.integer('QUEUE_RECONCILE_AFTER_SECONDS', 30, { min: 1, max: 86_400 });
  const runWorker = read.boolean('DELIVERY_WORKER', true);
  const answerWithinDays = read.integer('PROPOSAL_ANSWER_DAYS', 56, { min: 1, max: 365 });
  const providerSecret = read.optional('PAYMENT_PROVIDER_SECRET') ?? null;
  if (providerSecret !== null && providerSecret.length < 32) read.problems.push('PAYMENT_PROVIDER_SECRET must be at least 32 characters (e.g. `openssl rand -hex 32`).');
  const graceDays = read.integer('PLAN_GRACE_DAYS', 30, { min: 7, max: 120 });

  read.finish();
  if (!consentSigningKey || !ledgerSigningKey || !jwksUrl || !pseudonymSecret) throw new Error('unreachable: problems were reported');
  return {
    databaseUrl,
    databasePoolSize,
    port,
    host: read.optional('HOST') ?? '127.0.0.1',
    issuer,
    consentSigningKey,
    consentTokenLifetimeSeconds,
    ledgerOrigin,
    ledgerSigningKey,
    checkpointIntervalSeconds,
    expirySweepSeconds,
    pseudonymSecret,
    auth: { issuer: authIssuer, jwksUrl, audience },
    introspection,
    logLevel,
    queue: { redisUrl, prefix: queuePrefix, deliveryAttempts, concurrency: deliveryConcurrency, reconcileAfterSeconds, runWorker },
    answerWithinDays,
    payments: { providerSecret, graceDays },
  };
}

function readSecret(read: ConfigReader): Uint8Array | undefined {
  const text = read.required('PSEUDONYM_SECRET', 'at least 32 random bytes, base64 (e.g. `openssl rand -base64 32`)');
  if (text === '') return undefined;
  const bytes = Buffer.from(text, 'base64');
  if (bytes.byteLength < 32 || !/^[A-Za-z0-9+/]+={0,2}$/.test(text)) {
    read.problems.push('PSEUDONYM_SECRET must be at least 32 bytes, base64-encoded.');
    return undefined;
  }
  return new Uint8Array(bytes);
}
