/**
 * Merging the answers of several creditor nodes to one entity fetch (ARCHITECTURE.md "Federation",
 * step 2): every node is asked about the same entities, each under its own pseudonym, and the answers
 * become one `_entities` list in the order of the original representations. Lists are concatenated
 * (each node contributes its own claims), objects merged field by field, and a node's null adds
 * nothing. Pure: the data source does the I/O.
 */

/** An error as a node or the gateway reports it: only what a client may see. */
export interface EntityError {
  readonly message: string;
  readonly path?: readonly (string | number)[];
  readonly extensions: { readonly code: string; readonly creditorId?: string; readonly [key: string]: unknown };
}

export type NodeOutcome =
  | { readonly kind: 'answered'; readonly entities: readonly unknown[]; readonly errors: readonly EntityError[] }
  | { readonly kind: 'unavailable'; readonly reason: 'timeout' | 'unreachable' | 'bad_answer' };

export interface NodeAnswer {
  readonly creditorId: string;
  /** Where the node's entities belong: `positions[j]` is the original index of the node's j-th representation. */
  readonly positions: readonly number[];
  readonly outcome: NodeOutcome;
}

const REASON_TEXT: Readonly<Record<Extract<NodeOutcome, { kind: 'unavailable' }>['reason'], string>> = {
  timeout: 'did not answer in time',
  unreachable: 'could not be reached',
  bad_answer: 'gave an answer that could not be read',
};

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Lists concatenate, objects merge per field, null and missing add nothing; otherwise the first wins. */
export function mergeValues(a: unknown, b: unknown): unknown {
  if (a === undefined || a === null) return b ?? a;
  if (b === undefined || b === null) return a;
  if (Array.isArray(a) && Array.isArray(b)) return [...(a as unknown[]), ...(b as unknown[])];
  if (isPlainObject(a) && isPlainObject(b)) {
    const merged: Record<string, unknown> = { ...a };
    for (const [key, value] of Object.entries(b)) merged[key] = mergeValues(merged[key], value);
    return merged;
  }
  return a;
}

export function mergeEntityAnswers(params: {
  readonly count: number;
  readonly answers: readonly NodeAnswer[];
  /** What an entity is when no node holds anything for it (e.g. a resident with no consented creditor). */
  readonly emptyEntity: (position: number) => Record<string, unknown>;
  /** What an entity is when every node asked about it failed: the node fields stay null. */
  readonly unansweredEntity: (position: number) => Record<string, unknown>;
}): { readonly entities: unknown[]; readonly errors: EntityError[] } {
  const entities: unknown[] = new Array<unknown>(params.count).fill(undefined);
  const asked = new Array<number>(params.count).fill(0);
  const errors: EntityError[] = [];
  for (const answer of params.answers) {
    const { creditorId, positions, outcome } = answer;
    positions.forEach((position) => (asked[position] = (asked[position] ?? 0) + 1));
    if (outcome.kind === 'unavailable') {
      for (const position of positions) {
        errors.push({
          message: `Creditor ${creditorId} ${REASON_TEXT[outcome.reason]}; its part of the answer is missing.`,
          path: ['_entities', position],
          extensions: { code: 'CREDITOR_UNAVAILABLE', creditorId, reason: outcome.reason },
        });
      }
      continue;
    }
    positions.forEach((position, j) => {
      entities[position] = mergeValues(entities[position], outcome.entities[j]);
    });
    for (const error of outcome.errors) {
      const [head, index, ...rest] = error.path ?? [];
      const position = head === '_entities' && typeof index === 'number' ? positions[index] : undefined;
      errors.push({
        message: error.message,
        ...(position === undefined ? {} : { path: ['_entities', position, ...rest] }),
        extensions: { ...error.extensions, creditorId },
      });
    }
  }
  for (let position = 0; position < params.count; position += 1) {
    if (entities[position] !== undefined && entities[position] !== null) continue;
    // Nobody was asked: nothing to show. Asked but nothing came back: the node fields stay null.
    entities[position] = (asked[position] ?? 0) === 0 ? params.emptyEntity(position) : params.unansweredEntity(position);
  }
  return { entities, errors };
}
