import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { COORDINATOR_AUDIENCE } from '#contracts';
import { loadGatewayConfig, type GatewayConfig } from '../../apps/gateway/src/gateway/config/gateway-config.js';
import { createGatewayApp } from '../../apps/gateway/src/gateway-main.js';
import { freePort } from '../support/coordinator-process.js';
import { startInProcessCoordinator, type InProcessCoordinator } from '../support/in-process-coordinator.js';
import { personToken, staffToken } from '../support/tokens.js';

/**
 * The gateway's hardening (issue 5) over real HTTP: a real coordinator on a fresh database, and the
 * gateway in-process three times — with the production defaults, with introspection on (as in tests),
 * and with its coordinator unreachable. A counting proxy in front of the coordinator shows whether a
 * request reached a subgraph at all.
 */

/** Passes every request on to the coordinator and counts them. */
class CountingProxy {
  requests = 0;
  private constructor(
    private readonly server: Server,
    private readonly target: URL,
  ) {}

  static async start(target: string): Promise<CountingProxy> {
    const holder: { proxy?: CountingProxy } = {};
    const server = createServer((incoming, outgoing) => {
      const proxy = holder.proxy;
      if (proxy === undefined) return outgoing.end();
      proxy.requests += 1;
      const forward = request({ host: proxy.target.hostname, port: proxy.target.port, path: incoming.url, method: incoming.method, headers: incoming.headers }, (answer) => {
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(outgoing);
      });
      forward.on('error', () => {
        if (!outgoing.headersSent) outgoing.writeHead(502);
        outgoing.end();
      });
      incoming.pipe(forward);
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    holder.proxy = new CountingProxy(server, new URL(target));
    return holder.proxy;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((done) => this.server.close(() => done()));
  }
}

interface GatewayError {
  readonly message: string;
  readonly extensions?: Record<string, unknown>;
}

interface Answer<T = Record<string, unknown>> {
  readonly status: number;
  readonly text: string;
  readonly body: { data?: T | null; errors?: GatewayError[] };
}

interface RunningGateway {
  readonly app: NestExpressApplication;
  readonly url: string;
  readonly config: GatewayConfig;
}

async function startGateway(env: Record<string, string>): Promise<RunningGateway> {
  const config = loadGatewayConfig({ LOG_LEVEL: 'error', ...env });
  const app = await createGatewayApp(config);
  await app.listen(0, '127.0.0.1');
  const base = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  return { app, url: `${base}/graphql`, config };
}

async function send<T = Record<string, unknown>>(url: string, init: { body?: string | Buffer; headers?: Record<string, string>; method?: string } = {}): Promise<Answer<T>> {
  const response = await fetch(url, {
    method: init.method ?? 'POST',
    headers: init.headers ?? { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
    ...(init.body === undefined ? {} : { body: init.body }),
    signal: AbortSignal.timeout(10_000),
  });
  const text = await response.text();
  let body: Answer<T>['body'] = {};
  try {
    body = JSON.parse(text) as Answer<T>['body'];
  } catch {
    // Not JSON: the test looks at the text.
  }
  return { status: response.status, text, body };
}

function gql<T = Record<string, unknown>>(url: string, query: string, options: { token?: string; variables?: Record<string, unknown> } = {}): Promise<Answer<T>> {
  return send<T>(url, {
    headers: {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json',
      ...(options.token === undefined ? {} : { authorization: `Bearer ${options.token}` }),
    },
    body: JSON.stringify({ query, ...(options.variables === undefined ? {} : { variables: options.variables }) }),
  });
}

const codesOf = (answer: Answer<unknown>): unknown[] => (answer.body.errors ?? []).map((e) => e.extensions?.['code']);

/** Whatever a client sees must not show internals: no stack, no address, no socket error. */
function expectNoInternals(answer: Answer<unknown>): void {
  expect(answer.text).not.toMatch(/127\.0\.0\.1|localhost|https?:\/\/|ECONNREFUSED|ENOTFOUND|fetch failed|stacktrace|node_modules|\.[jt]s:\d+/i);
  expect(answer.text).not.toMatch(/\n\s*at |\bat [\w.<>]+ \(/);
}

/** `{ __schema { types { fields { type { ofType … { name } } } } } }`: `ofTypes` nested ofType, depth ofTypes + 5. */
function introspectionOfDepth(depth: number): string {
  const ofTypes = depth - 5;
  return `__schema { types { fields { type { ${'ofType { '.repeat(ofTypes)}name${' }'.repeat(ofTypes)} } } } }`;
}

let coordinator: InProcessCoordinator;
let proxy: CountingProxy;
/** The production defaults: only COORDINATOR_URL is set. */
let production: RunningGateway;
/** As in tests and development: introspection on, otherwise the defaults. */
let open: RunningGateway;
/** The coordinator is not there: COORDINATOR_URL points at a closed port. */
let orphan: RunningGateway;
let resident: { token: string; id: string };

beforeAll(async () => {
  coordinator = await startInProcessCoordinator({ label: 'gateway_hardening' });
  proxy = await CountingProxy.start(coordinator.baseUrl);
  production = await startGateway({ COORDINATOR_URL: `${proxy.url}/graphql` });
  open = await startGateway({ COORDINATOR_URL: `${proxy.url}/graphql`, GRAPHQL_INTROSPECTION: 'true' });
  orphan = await startGateway({ COORDINATOR_URL: `http://127.0.0.1:${await freePort()}/graphql` });
  const token = await personToken({ key: coordinator.idpKey, subject: 'resident-sanne', roles: ['resident'], expiresInSeconds: 900 });
  const who = await gql<{ whoAmI: { id: string } }>(coordinator.graphqlUrl, '{ whoAmI { id } }', { token });
  const id = who.body.data?.whoAmI.id;
  if (id === undefined) throw new Error(`sign-in failed: ${who.text}`);
  resident = { token, id };
}, 60_000);

afterAll(async () => {
  await orphan?.app.close();
  await open?.app.close();
  await production?.app.close();
  await proxy?.stop();
  await coordinator?.stop();
});

describe('depth and size limits: refused before any subgraph is asked', () => {
  it('the production defaults are 8 levels and 200 fields', () => {
    expect([production.config.maxDepth, production.config.maxFields]).toEqual([8, 200]);
  });

  it('a query as deep as GRAPHQL_MAX_DEPTH is answered (and reaches the coordinator)', async () => {
    const before = proxy.requests;
    const answer = await gql(open.url, `{ creditors { id } ${introspectionOfDepth(8)} }`);
    expect(answer.status).toBe(200);
    expect(answer.body.errors).toBeUndefined();
    expect(answer.body.data?.['creditors']).toEqual([]);
    expect(proxy.requests).toBe(before + 1);
  });

  it('one level deeper is refused with QUERY_TOO_DEEP, and the coordinator is not asked', async () => {
    const before = proxy.requests;
    const answer = await gql(open.url, `{ creditors { id } ${introspectionOfDepth(9)} }`);
    expect(answer.status).toBe(400);
    expect(answer.body.data).toBeUndefined();
    expect(codesOf(answer)).toEqual(['QUERY_TOO_DEEP']);
    expect(answer.body.errors?.[0]?.message).toBe('The query is 9 levels deep; at most 8 are allowed.');
    expect(proxy.requests).toBe(before);
    expectNoInternals(answer);
  });

  it('depth counts through named and inline fragments', async () => {
    const before = proxy.requests;
    const query = `{ creditors { id } __schema { types { ...Fields } } }
      fragment Fields on __Type { fields { type { ... on __Type { ...Chain } } } }
      fragment Chain on __Type { ofType { ofType { ofType { ofType { ofType { name } } } } } }`;
    const answer = await gql(open.url, query);
    expect(codesOf(answer)).toEqual(['QUERY_TOO_DEEP']);
    expect(answer.body.errors?.[0]?.message).toMatch(/^The query is 10 levels deep;/);
    expect(proxy.requests).toBe(before);
  });

  it('the limit holds with introspection off too (a deep query of real fields)', async () => {
    const before = proxy.requests;
    // The schema has no valid selection deeper than 8: nest real field names anyway; the limit must
    // still be reported, whatever else is wrong with the query.
    const answer = await gql(production.url, `{ ${'consents { creditors { '.repeat(5)}id${' } }'.repeat(5)} }`);
    expect(codesOf(answer)).toContain('QUERY_TOO_DEEP');
    expect(proxy.requests).toBe(before);
  });

  it('too many fields (aliases) are refused with QUERY_TOO_COMPLEX', async () => {
    const before = proxy.requests;
    const within = await gql(open.url, `{ ${Array.from({ length: 100 }, (_, i) => `c${i}: creditors { id }`).join(' ')} }`);
    expect(within.body.errors).toBeUndefined();
    expect(proxy.requests).toBe(before + 1);
    const answer = await gql(open.url, `{ ${Array.from({ length: 101 }, (_, i) => `c${i}: creditors { id }`).join(' ')} }`);
    expect(answer.status).toBe(400);
    expect(codesOf(answer)).toEqual(['QUERY_TOO_COMPLEX']);
    expect(answer.body.errors?.[0]?.message).toBe('The query selects 202 fields; at most 200 are allowed.');
    expect(proxy.requests).toBe(before + 1);
  });

  it('fields are counted with fragments expanded', async () => {
    const before = proxy.requests;
    // 40 aliases in the text, 40 × (1 + 5) = 240 fields once the fragment is expanded.
    const query = `{ ${Array.from({ length: 40 }, (_, i) => `c${i}: creditors { ...All }`).join(' ')} }
      fragment All on Creditor { id name sector publicBody registeredAt }`;
    const answer = await gql(production.url, query);
    expect(codesOf(answer)).toEqual(['QUERY_TOO_COMPLEX']);
    expect(answer.body.errors?.[0]?.message).toBe('The query selects 240 fields; at most 200 are allowed.');
    expect(proxy.requests).toBe(before);
  });

  it('a fragment cycle is refused at once, without hanging', async () => {
    const started = performance.now();
    const answer = await gql(production.url, '{ creditors { ...A } } fragment A on Creditor { id ...B } fragment B on Creditor { name ...A }');
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(answer.status).toBe(400);
    expect(codesOf(answer).length).toBeGreaterThan(0);
    expect(codesOf(answer).every((code) => code === 'GRAPHQL_VALIDATION_FAILED')).toBe(true);
    expect(answer.body.errors?.map((e) => e.message).join(' ')).toMatch(/Cannot spread fragment "A" within itself/);
  });

  it('a fragment that doubles at every level (2^22 fields once expanded) is refused at once', async () => {
    // Expanding every spread took seconds here and blocked the event loop (2^40 never finished); 22
    // levels keep a regression a failure rather than a hung test run.
    const levels = 22;
    const fragments = Array.from({ length: levels }, (_, i) => `fragment F${i + 1} on Creditor { ...F${i} ...F${i} }`).join('\n');
    const query = `{ creditors { ...F${levels} } }\nfragment F0 on Creditor { id }\n${fragments}`;
    const before = proxy.requests;
    const started = performance.now();
    const answer = await gql(production.url, query);
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(codesOf(answer)).toEqual(['QUERY_TOO_COMPLEX']);
    expect(answer.body.errors?.[0]?.message).toBe(`The query selects ${2 ** levels + 1} fields; at most 200 are allowed.`);
    expect(proxy.requests).toBe(before);
  });
});

describe('request size', () => {
  const padded = (bytes: number): string => {
    const empty = JSON.stringify({ query: '{ __typename }', variables: { pad: '' } });
    return JSON.stringify({ query: '{ __typename }', variables: { pad: 'x'.repeat(bytes - empty.length) } });
  };

  it('MAX_BODY_BYTES is 64 KiB by default', () => {
    expect(production.config.maxBodyBytes).toBe(65_536);
  });

  it('a body of exactly MAX_BODY_BYTES is accepted', async () => {
    const body = padded(65_536);
    expect(Buffer.byteLength(body)).toBe(65_536);
    const answer = await send(production.url, { body });
    expect(answer.status).toBe(200);
    expect(answer.body.data).toEqual({ __typename: 'Query' });
  });

  it('one byte more is refused with 413 and a short message, and the next request is answered', async () => {
    const answer = await send(production.url, { body: padded(65_537) });
    expect(answer.status).toBe(413);
    expect(answer.text.length).toBeLessThan(200);
    expect(answer.text).toMatch(/too large/i);
    expectNoInternals(answer);
    const next = await gql<{ creditors: unknown[] }>(production.url, '{ creditors { id } }');
    expect(next.status).toBe(200);
    expect(next.body.data?.creditors).toEqual([]);
  });

  it('a far larger body (8 MiB) is refused the same way, without taking the gateway down', async () => {
    const answer = await send(production.url, { body: padded(8 * 1_048_576) });
    expect(answer.status).toBe(413);
    expect(answer.text.length).toBeLessThan(200);
    const live = await fetch(`${new URL(production.url).origin}/health/live`);
    expect(live.status).toBe(200);
  });

  it('a compressed body counts at its inflated size (a gzip bomb is refused)', async () => {
    const bomb = gzipSync(Buffer.from(padded(4 * 1_048_576)));
    expect(bomb.length).toBeLessThan(65_536);
    const answer = await send(production.url, { body: bomb, headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' } });
    expect(answer.status).toBe(413);
    expectNoInternals(answer);
  });

  it('a body that is not JSON gets 400 with a short message, no stack', async () => {
    const answer = await send(production.url, { body: '{"query": "{ __typename }",' });
    expect(answer.status).toBe(400);
    expect(answer.text.length).toBeLessThan(300);
    expectNoInternals(answer);
  });
});

describe('introspection', () => {
  it('is off without the setting (the production default)', () => {
    expect(loadGatewayConfig({ COORDINATOR_URL: 'http://127.0.0.1:4001/graphql' }).introspection).toBe(false);
    expect(production.config.introspection).toBe(false);
  });

  it.each([
    ['__schema', '{ __schema { queryType { name } } }'],
    ['__type', '{ __type(name: "Resident") { fields { name } } }'],
  ])('with the production default, %s is refused as a validation error', async (_name, query) => {
    const answer = await gql(production.url, query);
    expect(answer.status).toBe(400);
    expect(answer.body.data).toBeUndefined();
    expect(codesOf(answer)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(answer.body.errors?.[0]?.message).toMatch(/introspection is not allowed/);
  });

  it('__typename is still answered with introspection off', async () => {
    const answer = await gql(production.url, '{ __typename }');
    expect(answer.body).toEqual({ data: { __typename: 'Query' } });
  });

  it('GRAPHQL_INTROSPECTION=true allows it, and the public schema hides the internal parts', async () => {
    const answer = await gql<{ __schema: { types: { name: string }[]; mutationType: { fields: { name: string }[] } } }>(
      open.url,
      '{ __schema { types { name } mutationType { fields { name } } } }',
    );
    expect(answer.body.errors).toBeUndefined();
    const types = (answer.body.data?.__schema.types ?? []).map((t) => t.name);
    expect(types).toContain('Resident');
    expect(types).not.toContain('ConsentTokenGrant');
    expect(types).not.toContain('IssueConsentTokensInput');
    expect(types.filter((t) => t.startsWith('join__') || t.startsWith('link__') || t === '_Any' || t === '_Entity')).toEqual([]);
    const mutations = (answer.body.data?.__schema.mutationType.fields ?? []).map((f) => f.name);
    expect(mutations).toContain('giveConsent');
    expect(mutations).not.toContain('issueConsentTokens');
  });
});

describe('CSRF prevention', () => {
  const simpleQuery = encodeURIComponent('{ __typename }');

  it('a GET without a preflight header is refused with 400', async () => {
    const answer = await send(`${production.url}?query=${simpleQuery}`, { method: 'GET', headers: { accept: 'application/json' } });
    expect(answer.status).toBe(400);
    expect(answer.text).toMatch(/Cross-Site Request Forgery/);
    expect(answer.text).not.toMatch(/"__typename"\s*:\s*"Query"/);
    expectNoInternals(answer);
  });

  it.each(['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x'])('a POST with content-type %s is refused with 400', async (contentType) => {
    const answer = await send(production.url, { headers: { 'content-type': contentType, accept: 'application/json' }, body: JSON.stringify({ query: '{ creditors { id } }' }) });
    expect(answer.status).toBe(400);
    expect(answer.body.data).toBeUndefined();
    expect(answer.text).not.toMatch(/"creditors"\s*:/);
  });

  it('the same GET with apollo-require-preflight is answered (it was CSRF prevention, not a closed door)', async () => {
    const answer = await send(`${production.url}?query=${simpleQuery}`, { method: 'GET', headers: { accept: 'application/json', 'apollo-require-preflight': 'true' } });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ data: { __typename: 'Query' } });
  });

  it('a mutation is never run from a GET, even with the preflight header', async () => {
    const mutation = encodeURIComponent('mutation { withdrawConsent(id: "x") { id } }');
    const before = proxy.requests;
    const answer = await send(`${production.url}?query=${mutation}`, { method: 'GET', headers: { accept: 'application/json', 'apollo-require-preflight': 'true', authorization: `Bearer ${resident.token}` } });
    expect(answer.status).toBe(405);
    expect(proxy.requests).toBe(before);
  });
});

describe('errors show no internals', () => {
  it('with the coordinator unreachable: a stable code, no URL, no socket error, no stack', async () => {
    const answer = await gql(orphan.url, '{ me { id claims { id } } }', { token: resident.token });
    expect(answer.status).toBe(200);
    expect(answer.body.data?.['me'] ?? null).toBeNull();
    // "Try again", not a bug: the same code the fan-out gives when it cannot get consent grants.
    expect(codesOf(answer)).toEqual(['COORDINATOR_UNAVAILABLE']);
    expect(answer.body.errors?.[0]?.message).toBe('The consent service could not be reached. Please try again in a moment.');
    expect(Object.keys(answer.body.errors?.[0]?.extensions ?? {})).toEqual(['code']);
    expectNoInternals(answer);
  });

  it('with the coordinator unreachable, a resident lookup fails the same way', async () => {
    const answer = await gql(orphan.url, 'query ($id: ID!) { resident(id: $id) { id claims { id } } }', { token: resident.token, variables: { id: resident.id } });
    expect(codesOf(answer)).toEqual(['COORDINATOR_UNAVAILABLE']);
    expectNoInternals(answer);
  });

  it('the gateway without its coordinator stays up and answers what it can itself', async () => {
    const answer = await gql(orphan.url, '{ __typename }');
    expect(answer.body).toEqual({ data: { __typename: 'Query' } });
  });

  it.each([
    ['a syntax error', '{ creditors { id ', 'GRAPHQL_PARSE_FAILED'],
    ['an unknown field', '{ creditors { iban } }', 'GRAPHQL_VALIDATION_FAILED'],
  ])('%s: the stable code, no stack', async (_case, query, code) => {
    const answer = await gql(production.url, query);
    expect(codesOf(answer)).toEqual([code]);
    expect(Object.keys(answer.body.errors?.[0]?.extensions ?? {})).toEqual(['code']);
    expectNoInternals(answer);
  });

  it('a bad token: the coordinator refuses it with UNAUTHENTICATED, passed on as is', async () => {
    const answer = await gql(production.url, '{ me { id } }', { token: 'not-a-jwt' });
    expect(codesOf(answer)).toEqual(['UNAUTHENTICATED']);
    expectNoInternals(answer);
  });
});

describe('creditor staff never see residents through the gateway', () => {
  let backofficeToken: string;
  beforeAll(async () => {
    backofficeToken = await staffToken({ key: coordinator.idpKey, creditorId: 'gemeente-test' });
  });

  it('the resident is real: with their own token they see themselves', async () => {
    const answer = await gql<{ me: { id: string } }>(production.url, '{ me { id } }', { token: resident.token });
    expect(answer.body.errors).toBeUndefined();
    expect(answer.body.data?.me.id).toBe(resident.id);
  });

  it('a back-office token (audience backoffice:<id>) gets no `me`', async () => {
    const answer = await gql(production.url, '{ me { id claims { id } } }', { token: backofficeToken });
    expect(answer.body.data?.['me'] ?? null).toBeNull();
    expect(codesOf(answer)).toEqual(['UNAUTHENTICATED']);
  });

  it('a back-office token gets no resident by id', async () => {
    const answer = await gql(production.url, 'query ($id: ID!) { resident(id: $id) { id claims { id } } }', { token: backofficeToken, variables: { id: resident.id } });
    expect(answer.body.data?.['resident'] ?? null).toBeNull();
    expect(codesOf(answer)).toEqual(['UNAUTHENTICATED']);
  });

  it('staff with a token for the coordinator (role creditor-staff only) get no resident either', async () => {
    const token = await staffToken({ key: coordinator.idpKey, creditorId: 'gemeente-test', audience: COORDINATOR_AUDIENCE });
    const me = await gql(production.url, '{ me { id claims { id } } }', { token });
    expect(me.body.data?.['me'] ?? null).toBeNull();
    const byId = await gql(production.url, 'query ($id: ID!) { resident(id: $id) { id claims { id } } }', { token, variables: { id: resident.id } });
    expect(byId.body.data?.['resident'] ?? null).toBeNull();
    expect(codesOf(byId)).toHaveLength(1);
    expect(['UNAUTHENTICATED', 'FORBIDDEN', 'MANDATE_REQUIRED']).toContain(codesOf(byId)[0]);
  });

  it.each([
    ['issueConsentTokens', 'mutation { issueConsentTokens(input: { purpose: DEBT_OVERVIEW, category: CLAIMS }) { token pseudonym subgraphUrl } }'],
    ['the _entities entry point', 'query ($r: [_Any!]!) { _entities(representations: $r) { ... on Resident { claims { id } } } }'],
    ['the _service SDL', '{ _service { sdl } }'],
  ])('%s is not in the public schema: refused as a validation error, nothing forwarded', async (_name, query) => {
    for (const token of [backofficeToken, resident.token]) {
      const before = proxy.requests;
      const answer = await gql(open.url, query, { token, variables: { r: [{ __typename: 'Resident', id: resident.id }] } });
      expect(answer.status).toBe(400);
      expect(answer.body.data).toBeUndefined();
      expect(new Set(codesOf(answer))).toEqual(new Set(['GRAPHQL_VALIDATION_FAILED']));
      expect(answer.text).not.toMatch(/"token"\s*:\s*"ey/);
      expect(proxy.requests).toBe(before);
    }
  });
});
