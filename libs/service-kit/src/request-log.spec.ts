import { EventEmitter } from 'node:events';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { describe, expect, it } from '@jest/globals';
import { CORRELATION_HEADER, currentCorrelationId } from './correlation-scope.js';
import { logsRequests, requestLog, type RequestLogLine } from './request-log.js';

/** A request and response with just what the middleware touches; `finish` is emitted by the test. */
function exchange(url: string, header?: string) {
  const req = { method: 'GET', url, originalUrl: url, headers: header === undefined ? {} : { [CORRELATION_HEADER]: header } } as unknown as IncomingMessage & { originalUrl: string };
  const headers = new Map<string, string>();
  const res = Object.assign(new EventEmitter(), { statusCode: 200, setHeader: (name: string, value: string) => headers.set(name, value) }) as unknown as ServerResponse;
  return { req, res, headers };
}

function run(url: string, header?: string, enabled = true) {
  const lines: RequestLogLine[] = [];
  const { req, res, headers } = exchange(url, header);
  let called = false;
  requestLog({ service: 'test', enabled, write: (line) => lines.push(JSON.parse(line) as RequestLogLine) })(req, res, () => (called = true));
  res.emit('finish');
  return { lines, headers, req, called };
}

describe('requestLog', () => {
  it('keeps a well-formed correlation id from the caller, returns it and logs one line without the query string', () => {
    const { lines, headers, called } = run('/graphql?token=secret', 'abc-12345678');
    expect(called).toBe(true);
    expect(headers.get(CORRELATION_HEADER)).toBe('abc-12345678');
    expect(lines).toEqual([{ ts: expect.any(String), level: 'info', service: 'test', msg: 'request', correlationId: 'abc-12345678', method: 'GET', path: '/graphql', status: 200, durationMs: expect.any(Number) }]);
    expect(JSON.stringify(lines)).not.toContain('secret');
  });

  it('replaces a missing or malformed id with a new one, and puts it on the request for the calls it makes', () => {
    const { headers, req } = run('/', 'bad id with spaces');
    const id = headers.get(CORRELATION_HEADER) ?? '';
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(req.headers[CORRELATION_HEADER]).toBe(id);
  });

  it('writes nothing when disabled, and still hands the id on', () => {
    const { lines, headers } = run('/', undefined, false);
    expect(lines).toEqual([]);
    expect(headers.get(CORRELATION_HEADER)).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('runs the rest of the request in the scope of its id, so what it writes later carries it', async () => {
    const { req, res } = exchange('/graphql', 'abc-12345678');
    const seen = await new Promise<string | undefined>((resolve) => {
      requestLog({ service: 'test', enabled: false, scoped: true })(req, res, () => void Promise.resolve().then(() => resolve(currentCorrelationId())));
    });
    expect(seen).toBe('abc-12345678');
    expect(currentCorrelationId()).toBeUndefined();
  });

  it('leaves the scope alone unless asked (the nodes hand the id on without it)', async () => {
    const { req, res } = exchange('/graphql', 'abc-12345678');
    const seen = await new Promise<string | undefined>((resolve) => {
      requestLog({ service: 'test', enabled: false })(req, res, () => void Promise.resolve().then(() => resolve(currentCorrelationId())));
    });
    expect(seen).toBeUndefined();
  });

  it('does not log health probes', () => {
    expect(run('/health/ready').lines).toEqual([]);
  });

  it('logs requests at the debug and info levels only', () => {
    expect(['debug', 'info', 'warn', 'error'].map(logsRequests)).toEqual([true, true, false, false]);
  });
});
