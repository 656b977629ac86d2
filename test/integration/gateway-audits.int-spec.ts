import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { serverAudits, type Audit, type AuditResult } from 'graphql-http';
import { loadGatewayConfig } from '../../apps/gateway/src/gateway/config/gateway-config.js';
import { createGatewayApp } from '../../apps/gateway/src/gateway-main.js';
import { startInProcessCoordinator, type InProcessCoordinator } from '../support/in-process-coordinator.js';

/**
 * Audits the gateway's public /graphql endpoint against the GraphQL-over-HTTP spec with graphql-http's
 * own audit suite, in the test configuration (introspection on: several audits ask `__type`), in front
 * of a real coordinator on a fresh database. Every MUST has to pass, and so does every SHOULD.
 * Recommendations the gateway knowingly does not follow are listed below with the reason; their tests
 * pin the observed behaviour, so a change (fixed or worse) shows.
 */
const KNOWN_DEVIATIONS: Readonly<Record<string, { status: number; code: string; why: string }>> = {
  // Apollo Server's CSRF prevention (kept on, issue 5) refuses "simple" GET requests that carry neither
  // a non-simple content-type nor an apollo-require-preflight / x-apollo-operation-name header: a
  // browser sends such a GET cross-site without asking. GET is optional (MAY) in the spec; the
  // portal POSTs. The same audits pass with the preflight header (checked below).
  '5A70': { status: 400, code: 'BAD_REQUEST', why: 'GET blocked by Apollo CSRF prevention' },
  D6D5: { status: 400, code: 'BAD_REQUEST', why: 'GET blocked by Apollo CSRF prevention' },
  '6A70': { status: 400, code: 'BAD_REQUEST', why: 'GET blocked by Apollo CSRF prevention' },
};

let url: string | undefined;
// The URL is known only after boot; serverAudits accepts a function, read when each audit runs.
const target = (): string => {
  if (url === undefined) throw new Error('The gateway under audit has not started.');
  return url;
};
const audits: readonly Audit[] = serverAudits({ url: target, fetchFn: fetch });
/** The same audits from a client that sends Apollo's preflight header, as a non-browser client may. */
const preflightAudits: readonly Audit[] = serverAudits({
  url: target,
  fetchFn: (input: string | URL | Request, init?: RequestInit) => {
    const headers = new Headers(init?.headers);
    headers.set('apollo-require-preflight', 'true');
    return fetch(input, { ...init, headers });
  },
});
const requirementOf = (audit: Audit): string => audit.name.split(' ', 1)[0] ?? '';
const table = (list: readonly Audit[]): [string, Audit][] => list.map((a) => [`${a.id} ${a.name}`, a]);

const mustAudits = audits.filter((a) => requirementOf(a) === 'MUST');
const expectedToPass = audits.filter((a) => requirementOf(a) !== 'MUST' && !(a.id in KNOWN_DEVIATIONS));
const deviations = audits.filter((a) => a.id in KNOWN_DEVIATIONS);
const deviationsWithPreflight = preflightAudits.filter((a) => a.id in KNOWN_DEVIATIONS);

function describeResult(result: AuditResult): string {
  return result.status === 'ok' ? 'ok' : `${result.status}: ${result.reason}`;
}

describe('gateway: GraphQL over HTTP (graphql-http server audits)', () => {
  let coordinator: InProcessCoordinator | undefined;
  let gateway: NestExpressApplication | undefined;

  beforeAll(async () => {
    coordinator = await startInProcessCoordinator({ label: 'gateway_audits' });
    gateway = await createGatewayApp(loadGatewayConfig({ COORDINATOR_URL: coordinator.graphqlUrl, GRAPHQL_INTROSPECTION: 'true', LOG_LEVEL: 'error' }));
    await gateway.listen(0, '127.0.0.1');
    url = `${(await gateway.getUrl()).replace('[::1]', '127.0.0.1')}/graphql`;
  }, 60_000);

  afterAll(async () => {
    await gateway?.close();
    await coordinator?.stop();
  });

  it('runs the full audit list, with every listed deviation still among them and none of them a MUST or SHOULD', () => {
    expect(mustAudits.length).toBeGreaterThanOrEqual(10);
    expect(deviations.map((a) => a.id).sort()).toEqual(Object.keys(KNOWN_DEVIATIONS).sort());
    expect(deviations.map(requirementOf)).toEqual(deviations.map(() => 'MAY'));
  });

  describe('MUST', () => {
    it.each(table(mustAudits))('%s', async (_title, audit) => {
      expect(describeResult(await audit.fn())).toBe('ok');
    });
  });

  describe('SHOULD and MAY the gateway follows', () => {
    it.each(table(expectedToPass))('%s', async (_title, audit) => {
      expect(describeResult(await audit.fn())).toBe('ok');
    });
  });

  describe('MAY the gateway knowingly does not follow (see KNOWN_DEVIATIONS)', () => {
    it.each(deviations.map((a): [string, Audit] => [`${a.id} ${a.name} (deviates: ${KNOWN_DEVIATIONS[a.id]?.why ?? '?'})`, a]))('%s', async (_title, audit) => {
      const expected = KNOWN_DEVIATIONS[audit.id];
      const result = await audit.fn();
      if (result.status === 'ok') throw new Error(`${audit.id} passes now: move it out of KNOWN_DEVIATIONS.`);
      const body = (await result.response.json()) as { errors?: { message?: string; extensions?: { code?: string } }[] };
      expect({ status: result.response.status, code: body.errors?.[0]?.extensions?.code }).toEqual({ status: expected?.status, code: expected?.code });
      expect(body.errors?.[0]?.message).toMatch(/Cross-Site Request Forgery/);
      expect(result.status).toBe('notice');
    });

    it.each(table(deviationsWithPreflight))('%s passes with the apollo-require-preflight header', async (_title, audit) => {
      expect(describeResult(await audit.fn())).toBe('ok');
    });
  });
});
