import { COORDINATOR_GRAPHQL_URL, COORDINATOR_URL } from './demo-nodes.js';

/** The coordinator did not answer at all: almost always, no `npm run demo` is running. */
export class CoordinatorUnreachableError extends Error {
  constructor(cause: unknown) {
    super(`The coordinator does not answer at ${COORDINATOR_URL} (${messageOf(cause)}): start the demo with \`npm run demo\` first.`);
    this.name = 'CoordinatorUnreachableError';
  }
}

/** The coordinator answered with GraphQL errors; `codes` are their stable `extensions.code`s. */
export class CoordinatorRefusalError extends Error {
  constructor(
    readonly codes: readonly string[],
    message: string,
  ) {
    super(message);
    this.name = 'CoordinatorRefusalError';
  }
}

interface GraphQLAnswer {
  readonly data?: unknown;
  readonly errors?: readonly { readonly message?: unknown; readonly extensions?: { readonly code?: unknown } }[];
}

/**
 * One GraphQL request to the coordinator, as the person whose access token this is. Returns `data`
 * as the caller's query shapes it (the demo's queries are its own, so the shape is trusted), and
 * throws on any error rather than returning half an answer.
 */
export async function coordinatorGraphQL<T>(token: string, query: string, variables?: Record<string, unknown>): Promise<T> {
  let response: Response;
  try {
    response = await fetch(COORDINATOR_GRAPHQL_URL, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, ...(variables === undefined ? {} : { variables }) }),
      signal: AbortSignal.timeout(10_000),
    });
  } catch (error) {
    throw new CoordinatorUnreachableError(error);
  }
  const text = await response.text();
  let answer: GraphQLAnswer;
  try {
    answer = JSON.parse(text) as GraphQLAnswer;
  } catch {
    throw new Error(`The coordinator answered HTTP ${response.status} without JSON: ${text.slice(0, 200)}`);
  }
  const errors = answer.errors ?? [];
  if (errors.length > 0) {
    const codes = errors.map((e) => (typeof e.extensions?.code === 'string' ? e.extensions.code : 'UNKNOWN'));
    const messages = errors.map((e, i) => `${String(e.message)} (${codes[i] ?? 'UNKNOWN'})`);
    throw new CoordinatorRefusalError(codes, `The coordinator refused: ${messages.join('; ')}`);
  }
  if (answer.data === undefined || answer.data === null) throw new Error(`The coordinator answered HTTP ${response.status} without data.`);
  return answer.data as T;
}

function messageOf(error: unknown): string {
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  return cause instanceof Error ? cause.message : String(cause);
}
