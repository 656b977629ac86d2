import type { IncomingMessage, ServerResponse } from 'node:http';
import { JsonLogger, type ServiceLogLevel } from './json-logger.js';
import { logsRequests, requestLog } from './request-log.js';
import { RequestMetrics } from './request-metrics.js';

type Middleware = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;

/**
 * What every service's main wires the same way: Nest's logger as JSON lines, GET /metrics, and one
 * log line per request under its correlation id. The metrics come first, so /metrics is answered
 * before anything else runs and is not logged as a request.
 */
export interface ServiceObservability {
  readonly logger: JsonLogger;
  readonly metrics: RequestMetrics;
  readonly middleware: readonly Middleware[];
}

/** `correlationScope`: see requestLog's `scoped`; the services that hand the id on explicitly leave it off. */
export function serviceObservability(service: string, level: ServiceLogLevel, options: { readonly correlationScope?: boolean } = {}): ServiceObservability {
  const metrics = new RequestMetrics(service);
  return {
    logger: new JsonLogger(service, level),
    metrics,
    middleware: [metrics.middleware(), requestLog({ service, enabled: logsRequests(level), scoped: options.correlationScope === true })],
  };
}
