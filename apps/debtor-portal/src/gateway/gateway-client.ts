import { CORRELATION_HEADER } from '#service-kit';
/**
 * The portal's only way to the platform: GraphQL over HTTP to the federation gateway, with the signed-in
 * person's access token. Every call is timed, so a page can say how much of its time was the gateway's
 * (Server-Timing) and the benchmark can leave that out of the portal's own render time.
 */
export interface GraphQLErrorShape {
  readonly message: string;
  readonly path?: readonly (string | number)[];
  readonly extensions?: { readonly code?: string; readonly field?: string; readonly details?: readonly { readonly field?: string; readonly code?: string }[] } & Record<string, unknown>;
}

/** The gateway answered with errors: the codes decide what the page says. */
export class GatewayError extends Error {
  constructor(
    readonly errors: readonly GraphQLErrorShape[],
    readonly status: number,
  ) {
    super(errors.map((e) => `${e.extensions?.code ?? 'ERROR'}: ${e.message}`).join('; '));
    this.name = 'GatewayError';
  }

  get codes(): string[] {
    return this.errors.map((e) => e.extensions?.code ?? 'INTERNAL');
  }

  has(code: string): boolean {
    return this.codes.includes(code);
  }

  /** The text for the first code a page knows how to explain (its catalogue keyed by error code). */
  explainedBy(texts: Readonly<Record<string, string>>): string | undefined {
    const code = this.codes.find((c) => texts[c] !== undefined);
    return code === undefined ? undefined : texts[code];
  }

  /** The token was refused: the person must log in again. */
  get unauthenticated(): boolean {
    return this.status === 401 || this.has('UNAUTHENTICATED');
  }
}

/** The gateway could not be reached at all. */
export class GatewayUnreachableError extends Error {
  constructor(cause: unknown) {
    super(`the gateway could not be reached: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = 'GatewayUnreachableError';
  }
}

export interface GatewayAnswer<T> {
  readonly data: T;
  /** Partial answers: a node that did not answer (CREDITOR_UNAVAILABLE) leaves the rest usable. */
  readonly errors: readonly GraphQLErrorShape[];
}

/** Milliseconds spent waiting for the gateway during one page request. */
export class GatewayTimer {
  total = 0;
  calls = 0;
}

export class GatewayClient {
  constructor(
    private readonly url: URL,
    private readonly timeoutMs: number,
  ) {}

  /**
   * One operation. Errors with no data at all throw GatewayError; errors beside data (one creditor
   * down) come back with the data, for the page to mention.
   */
  async request<T>(params: {
    readonly accessToken: string;
    readonly query: string;
    readonly variables?: Record<string, unknown>;
    readonly timer: GatewayTimer;
    /** The page request's correlation id: the gateway passes it on to the coordinator and every node. */
    readonly correlationId: string;
  }): Promise<GatewayAnswer<T>> {
    const started = performance.now();
    let status: number;
    let body: { data?: T | null; errors?: GraphQLErrorShape[] };
    try {
      const response = await fetch(this.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/graphql-response+json, application/json',
          authorization: `Bearer ${params.accessToken}`,
          [CORRELATION_HEADER]: params.correlationId,
        },
        body: JSON.stringify({ query: params.query, variables: params.variables ?? {} }),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      status = response.status;
      body = (await response.json()) as typeof body;
    } catch (error) {
      throw new GatewayUnreachableError(error);
    } finally {
      params.timer.total += performance.now() - started;
      params.timer.calls += 1;
    }
    const errors = body.errors ?? [];
    const hasData = body.data !== undefined && body.data !== null && errors.every((e) => e.extensions?.code === 'CREDITOR_UNAVAILABLE');
    if (!hasData) throw new GatewayError(errors.length > 0 ? errors : [{ message: `HTTP ${status}` }], status);
    return { data: body.data as T, errors };
  }
}
