import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * The correlation id of the request (or queue job) being handled, wherever the code is: a service that
 * writes a job for later reads it here, so the job carries the id of the request that caused it, and a
 * log line written deep inside a request names it without every function passing it on.
 */
const scope = new AsyncLocalStorage<string>();

/** The header that carries the id from service to service. */
export const CORRELATION_HEADER = 'x-correlation-id';

export function runWithCorrelationId<T>(correlationId: string, work: () => T): T {
  return scope.run(correlationId, work);
}

/** undefined outside a request or job (a timer, start-up). */
export function currentCorrelationId(): string | undefined {
  return scope.getStore();
}

/** The header to put on a call to another service, so it logs under the same id; none outside a request. */
export function correlationHeaders(): Record<string, string> {
  return correlationHeaderFor(scope.getStore());
}

/** The header for an id kept from an earlier request (an outbox row); none when there is no id. */
export function correlationHeaderFor(correlationId: string | null | undefined): Record<string, string> {
  return correlationId === undefined || correlationId === null ? {} : { [CORRELATION_HEADER]: correlationId };
}
