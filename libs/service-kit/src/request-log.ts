import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { CORRELATION_HEADER, runWithCorrelationId } from './correlation-scope.js';

/**
 * One correlation id per request, across services: taken from the caller's `x-correlation-id` when it
 * is well-formed, made here otherwise, put back on the request (so every call this request makes
 * carries it on), returned in the response, and written with one JSON log line per request.
 * The line holds no query string and no body: nothing personal goes into the logs. The rest of the
 * request runs in the id's scope (correlation-scope.ts): jobs it writes and lines it logs carry it.
 */
const CORRELATION_ID = /^[A-Za-z0-9._-]{8,64}$/;

/** The caller's id when it is well-formed; null otherwise (never a made-up one). */
export function wellFormedCorrelationId(header: unknown): string | null {
  return typeof header === 'string' && CORRELATION_ID.test(header) ? header : null;
}

export function correlationIdFrom(header: unknown): string {
  return wellFormedCorrelationId(header) ?? randomUUID();
}

export interface RequestLogLine {
  readonly ts: string;
  readonly level: 'info';
  readonly service: string;
  readonly msg: 'request';
  readonly correlationId: string;
  readonly method: string;
  readonly path: string;
  readonly status: number;
  readonly durationMs: number;
}

type Request = IncomingMessage & { originalUrl?: string };

/**
 * Express-style middleware; `enabled` is false at the warn and error log levels (request lines are info).
 * Health probes are not logged. `scoped` runs the rest of the request in the id's scope; only a service
 * that needs the id deep inside (the coordinator, for the jobs it writes) turns it on: on Node 20 an
 * AsyncLocalStorage in use puts a hook on every promise, a cost the nodes' hot path does not pay.
 */
export function requestLog(params: { readonly service: string; readonly enabled: boolean; readonly scoped?: boolean; readonly write?: (line: string) => void }) {
  const write = params.write ?? ((line: string) => process.stdout.write(`${line}\n`));
  return (req: Request, res: ServerResponse, next: () => void): void => {
    const correlationId = correlationIdFrom(req.headers[CORRELATION_HEADER]);
    req.headers[CORRELATION_HEADER] = correlationId;
    res.setHeader(CORRELATION_HEADER, correlationId);
    // Health probes come every few seconds from the supervisor or the orchestrator: not worth a line each.
    if (params.enabled && !(req.url ?? '').startsWith('/health/')) {
      const startedAt = performance.now();
      res.on('finish', () => {
        const line: RequestLogLine = {
          ts: new Date().toISOString(),
          level: 'info',
          service: params.service,
          msg: 'request',
          correlationId,
          method: req.method ?? '',
          path: (req.originalUrl ?? req.url ?? '').split('?')[0] ?? '',
          status: res.statusCode,
          durationMs: Math.round((performance.now() - startedAt) * 100) / 100,
        };
        write(JSON.stringify(line));
      });
    }
    if (params.scoped === true) runWithCorrelationId(correlationId, next);
    else next();
  };
}

/** Request lines are info: logged at the debug and info levels. */
export function logsRequests(level: string): boolean {
  return level === 'debug' || level === 'info';
}
