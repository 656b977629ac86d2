import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { fetchConsentGrants, type ConsentGrant, type ConsentGrants } from './consent-grants.js';
import type { GatewayContext } from './gateway-context.js';
import { isIncomingOperation } from './incoming-operation.js';
import { mergeEntityAnswers, type EntityError, type NodeAnswer, type NodeOutcome } from './merge-entity-answers.js';
import { CORRELATION_HEADER } from '#service-kit';

interface Representation {
  readonly __typename: string;
  readonly id?: unknown;
  readonly [field: string]: unknown;
}

/** The entities of the creditor subgraph and how a representation finds its node(s). */
const RESIDENT = 'Resident';
const CLAIM = 'Claim';

type ProcessOptions = GraphQLDataSourceProcessOptions<GatewayContext>;
type GatewayGraphQLResponse = Awaited<ReturnType<GraphQLDataSource<GatewayContext>['process']>>;

function isRepresentation(value: unknown): value is Representation {
  return typeof value === 'object' && value !== null && typeof (value as { __typename?: unknown }).__typename === 'string';
}

/**
 * The creditor subgraph's data source (ARCHITECTURE.md "Federation", step 2): one subgraph in the
 * supergraph, many nodes behind it. For each entity fetch it asks the coordinator which nodes this
 * resident is consented for, rewrites each Resident representation to that node's pseudonym (the
 * platform id never reaches a node), sends the fetch to those nodes in parallel, each with its own
 * consent token and a timeout, and merges the answers. The cost grows with the resident's creditors,
 * never with the number of nodes in the federation. A node that fails yields CREDITOR_UNAVAILABLE
 * naming it, never a failed query.
 */
export class CreditorFanOutDataSource implements GraphQLDataSource<GatewayContext> {
  constructor(
    private readonly options: {
      readonly coordinatorUrl: URL;
      readonly nodeTimeoutMs: number;
      readonly fetch?: typeof fetch;
    },
  ) {}

  async process(options: ProcessOptions): Promise<GatewayGraphQLResponse> {
    // Health checks and schema loading ask nothing of nodes (the supergraph is static).
    if (!isIncomingOperation(options)) return { data: {} };
    const { request } = options;
    const representations: unknown = request.variables?.['representations'];
    if (!Array.isArray(representations) || !representations.every(isRepresentation)) {
      return { errors: [{ message: 'The creditor subgraph answers entity lookups only.', extensions: { code: 'BAD_REQUEST' } }] };
    }
    const context = options.context;
    const plan = await this.route(representations, context);
    const answers = await Promise.all(plan.nodes.map((node) => this.ask(node, request.query ?? '', request.operationName, request.variables ?? {}, context)));
    const merged = mergeEntityAnswers({
      count: representations.length,
      answers,
      emptyEntity: (position) => emptyEntity(representations[position]),
      unansweredEntity: (position) => ({ __typename: representations[position]?.__typename ?? RESIDENT }),
    });
    const errors: EntityError[] = [...plan.errors, ...merged.errors];
    return { data: { _entities: merged.entities }, ...(errors.length === 0 ? {} : { errors: errors.map((e) => ({ ...e, path: e.path === undefined ? undefined : [...e.path] })) }) };
  }

  /** Which node gets which representations, rewritten for it. */
  private async route(representations: readonly Representation[], context: GatewayContext): Promise<{ nodes: RoutedNode[]; errors: EntityError[] }> {
    const nodes = new Map<string, RoutedNode>();
    const errors: EntityError[] = [];
    const nodeFor = (grant: ConsentGrant): RoutedNode => {
      let node = nodes.get(grant.creditorId);
      if (node === undefined) {
        node = { grant, positions: [], representations: [] };
        nodes.set(grant.creditorId, node);
      }
      return node;
    };
    const residentIds = [...new Set(representations.filter((r) => r.__typename === RESIDENT).map((r) => String(r.id)))];
    const grantsByResident = new Map(await Promise.all(residentIds.map(async (id) => [id, await this.grantsFor(id, context)] as const)));
    representations.forEach((representation, position) => {
      if (representation.__typename === RESIDENT) {
        const grants = grantsByResident.get(String(representation.id));
        if (grants === undefined) return;
        if (!grants.ok) {
          errors.push({ ...grants.error, path: ['_entities', position] });
          return;
        }
        for (const grant of grants.grants) {
          const node = nodeFor(grant);
          node.positions.push(position);
          node.representations.push({ ...representation, id: grant.pseudonym });
        }
        return;
      }
      // A claim's id names its creditor ("<creditorId>:<reference>"): only that node is asked. Without a
      // resident in the request there is no consent to ask under, so it is refused rather than guessed.
      errors.push({
        message: `A ${representation.__typename} is only reachable through a resident's overview.`,
        path: ['_entities', position],
        extensions: { code: representation.__typename === CLAIM ? 'CONSENT_REQUIRED' : 'BAD_REQUEST' },
      });
    });
    return { nodes: [...nodes.values()], errors };
  }

  /**
   * What is left of the node timeout, counted from when the request came in: the consent lookup before
   * the fan-out does not lengthen the wait, so a slow node delays the answer by the timeout at most.
   */
  private remainingMs(context: GatewayContext): number {
    return Math.max(1, Math.round(this.options.nodeTimeoutMs - (performance.now() - context.startedAt)));
  }

  private grantsFor(residentId: string, context: GatewayContext): Promise<ConsentGrants> {
    let grants = context.grants.get(residentId);
    if (grants === undefined) {
      grants = fetchConsentGrants({
        coordinatorUrl: this.options.coordinatorUrl,
        accessToken: context.accessToken,
        residentId,
        correlationId: context.correlationId,
        timeoutMs: this.remainingMs(context),
      });
      context.grants.set(residentId, grants);
    }
    return grants;
  }

  private async ask(
    node: RoutedNode,
    query: string,
    operationName: string | undefined,
    variables: Record<string, unknown>,
    context: GatewayContext,
  ): Promise<NodeAnswer> {
    const outcome = await this.fetchNode(node, { query, ...(operationName === undefined ? {} : { operationName }), variables: { ...variables, representations: node.representations } }, context);
    return { creditorId: node.grant.creditorId, positions: node.positions, outcome };
  }

  private async fetchNode(node: RoutedNode, body: Record<string, unknown>, context: GatewayContext): Promise<NodeOutcome> {
    const fetchFn = this.options.fetch ?? globalThis.fetch;
    let response: Response;
    try {
      response = await fetchFn(node.grant.subgraphUrl, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/json',
          authorization: `Bearer ${node.grant.token}`,
          [CORRELATION_HEADER]: context.correlationId,
        },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(this.remainingMs(context)),
      });
    } catch (error) {
      return { kind: 'unavailable', reason: error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError') ? 'timeout' : 'unreachable' };
    }
    let parsed: unknown;
    try {
      parsed = await response.json();
    } catch (error) {
      return { kind: 'unavailable', reason: error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError') ? 'timeout' : 'bad_answer' };
    }
    return readNodeAnswer(parsed, node.representations.length);
  }
}

interface RoutedNode {
  readonly grant: ConsentGrant;
  readonly positions: number[];
  readonly representations: Representation[];
}

function emptyEntity(representation: Representation | undefined): Record<string, unknown> {
  return representation?.__typename === RESIDENT ? { __typename: RESIDENT, claims: [], creditorTotals: [] } : { __typename: representation?.__typename ?? RESIDENT };
}

/** A node's answer as far as it can be trusted: exactly one entity per representation, errors reduced to message, path and code. */
function readNodeAnswer(parsed: unknown, expected: number): NodeOutcome {
  if (typeof parsed !== 'object' || parsed === null) return { kind: 'unavailable', reason: 'bad_answer' };
  const body = parsed as { data?: { _entities?: unknown } | null; errors?: unknown };
  const entities = body.data?._entities;
  const errors = Array.isArray(body.errors) ? body.errors.map(nodeError) : [];
  if (entities === undefined || entities === null) {
    // A refusal (e.g. an expired consent) answers with errors only: report them, add no data.
    if (errors.length > 0) return { kind: 'answered', entities: new Array<unknown>(expected).fill(null), errors };
    return { kind: 'unavailable', reason: 'bad_answer' };
  }
  if (!Array.isArray(entities) || entities.length !== expected) return { kind: 'unavailable', reason: 'bad_answer' };
  return { kind: 'answered', entities, errors };
}

function nodeError(raw: unknown): EntityError {
  const error = (typeof raw === 'object' && raw !== null ? raw : {}) as { message?: unknown; path?: unknown; extensions?: { code?: unknown } };
  const path = Array.isArray(error.path) && error.path.every((p) => typeof p === 'string' || typeof p === 'number') ? error.path : undefined;
  return {
    message: typeof error.message === 'string' ? error.message : 'The creditor reported an error.',
    ...(path === undefined ? {} : { path }),
    extensions: { code: typeof error.extensions?.code === 'string' ? error.extensions.code : 'CREDITOR_ERROR' },
  };
}
