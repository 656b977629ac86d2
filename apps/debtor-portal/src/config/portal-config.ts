import { ConfigReader, type Env } from '#service-kit';

/** Everything the portal needs, validated once at boot; the only place that reads its environment. */
export interface PortalConfig {
  readonly port: number;
  readonly host: string;
  /** Where browsers reach the portal (no trailing slash): redirect URI and Origin checks derive from it. */
  readonly publicUrl: URL;
  /** The federation gateway's GraphQL endpoint: the only API the pages use. */
  readonly gatewayUrl: URL;
  /** The consent ledger's public HTTP API (receipts to download). */
  readonly ledgerUrl: URL;
  readonly gatewayTimeoutMs: number;
  readonly oidc: {
    readonly issuer: URL;
    readonly clientId: string;
    readonly clientSecret: string;
    /** The resource indicator of the platform API (RFC 8707): the access token's audience. */
    readonly resource: string;
  };
  readonly redisUrl: string;
  readonly sessionPrefix: string;
  readonly sessionIdleMinutes: number;
  readonly sessionAbsoluteHours: number;
  /** Secure cookies (https). Only a portal on this machine over plain http may go without. */
  readonly secureCookies: boolean;
  readonly logLevel: 'debug' | 'info' | 'warn' | 'error';
}

const LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const;
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

export function loadPortalConfig(env: Env): PortalConfig {
  const read = new ConfigReader('debtor portal', env);
  const port = read.integer('PORT', 4200, { min: 0, max: 65535 });
  const publicText = (read.optional('PORTAL_PUBLIC_URL') ?? `http://127.0.0.1:${port}`).replace(/\/+$/, '');
  const publicUrl = read.url('PORTAL_PUBLIC_URL', publicText, ['http:', 'https:']);
  const gatewayUrl = read.url('GATEWAY_URL', read.required('GATEWAY_URL', "the federation gateway's GraphQL URL, e.g. http://127.0.0.1:4000/graphql"), ['http:', 'https:']);
  const ledgerUrl = read.url('LEDGER_URL', read.required('LEDGER_URL', "the consent ledger's base URL (the coordinator), e.g. http://127.0.0.1:4001"), ['http:', 'https:']);
  const issuer = read.url('OIDC_ISSUER', read.required('OIDC_ISSUER', "the identity provider's issuer, e.g. http://127.0.0.1:4300"), ['http:', 'https:']);
  const clientId = read.required('OIDC_CLIENT_ID', 'the client id the identity provider knows the portal by, e.g. debtor-portal');
  const clientSecret = read.required('OIDC_CLIENT_SECRET', "the portal's client secret at the identity provider");
  const resource = read.optional('OIDC_RESOURCE') ?? 'urn:samen-regelen:coordinator';
  const redisUrl = read.optional('REDIS_URL') ?? 'redis://127.0.0.1:6379';
  const sessionIdleMinutes = read.integer('SESSION_IDLE_MINUTES', 20, { min: 1, max: 720 });
  const sessionAbsoluteHours = read.integer('SESSION_ABSOLUTE_HOURS', 8, { min: 1, max: 24 });
  const gatewayTimeoutMs = read.integer('GATEWAY_TIMEOUT_MS', 10_000, { min: 100, max: 60_000 });
  const loopback = publicUrl !== undefined && LOOPBACK.has(publicUrl.hostname);
  const secureCookies = read.boolean('SECURE_COOKIES', !(loopback && publicUrl?.protocol === 'http:'));
  if (publicUrl !== undefined && publicUrl.protocol === 'http:' && !loopback) {
    read.problems.push('PORTAL_PUBLIC_URL must be https unless the portal runs on this machine (127.0.0.1 or localhost).');
  }
  if (publicUrl !== undefined && publicUrl.protocol === 'http:' && loopback && secureCookies) {
    read.problems.push('SECURE_COOKIES=true needs an https PORTAL_PUBLIC_URL: a browser drops secure cookies on plain http.');
  }
  const logLevel = read.oneOf('LOG_LEVEL', LOG_LEVELS, 'info');
  read.finish();
  if (!publicUrl || !gatewayUrl || !ledgerUrl || !issuer) throw new Error('unreachable: problems were reported');
  return {
    port,
    host: read.optional('HOST') ?? '127.0.0.1',
    publicUrl,
    gatewayUrl,
    ledgerUrl,
    gatewayTimeoutMs,
    oidc: { issuer, clientId, clientSecret, resource },
    redisUrl,
    sessionPrefix: read.optional('SESSION_PREFIX') ?? 'portal:session:',
    sessionIdleMinutes,
    sessionAbsoluteHours,
    secureCookies,
    logLevel,
  };
}

/** The portal's own absolute URL for a path, e.g. the OIDC redirect URI. */
export function portalUrl(config: PortalConfig, path: string): string {
  return `${config.publicUrl.origin}${path}`;
}
