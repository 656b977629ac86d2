import { composeServices } from '@apollo/composition';
import { Supergraph } from '@apollo/federation-internals';
import { CREDITOR_SUBGRAPH_SDL } from '#contracts';
import { findBreakingChanges, lexicographicSortSchema, parse, printSchema, type BreakingChange, type GraphQLSchema } from 'graphql';
import { COORDINATOR_SDL } from '../../apps/gateway/src/coordinator/graphql/coordinator.sdl.js';

/**
 * The supergraph is composed statically, in the build, from the two subgraph SDLs (ARCHITECTURE.md
 * "Federation"): one slow or new node can never change the graph at run time. The subgraph URLs in it
 * are placeholders: the gateway routes the coordinator to its configured URL and the creditor subgraph
 * to each resident's own nodes.
 */
export const SUBGRAPH_NAMES = { coordinator: 'coordinator', creditor: 'creditor' } as const;

export class CompositionFailedError extends Error {
  constructor(readonly problems: readonly { readonly code: string; readonly message: string }[]) {
    super(`the supergraph does not compose:\n${problems.map((p) => `  ${p.code}: ${p.message}`).join('\n')}`);
    this.name = 'CompositionFailedError';
  }
}

/** Composes the two subgraphs (by default the real SDLs; tests pass altered ones). */
export function composeSupergraph(sdl: { readonly coordinator: string; readonly creditor: string } = { coordinator: COORDINATOR_SDL, creditor: CREDITOR_SUBGRAPH_SDL }): string {
  const result = composeServices([
    { name: SUBGRAPH_NAMES.coordinator, typeDefs: parse(sdl.coordinator), url: 'http://coordinator.invalid/graphql' },
    { name: SUBGRAPH_NAMES.creditor, typeDefs: parse(sdl.creditor), url: 'http://creditor-nodes.invalid/graphql' },
  ]);
  if (result.errors !== undefined) {
    throw new CompositionFailedError(
      result.errors.map((error) => {
        const code = error.extensions['code'];
        return { code: typeof code === 'string' ? code : 'COMPOSITION_ERROR', message: error.message };
      }),
    );
  }
  return result.supergraphSdl;
}

/** The public API of a supergraph: what clients can query (@inaccessible fields removed), sorted. */
export function apiSchemaOf(supergraphSdl: string): GraphQLSchema {
  return lexicographicSortSchema(Supergraph.build(supergraphSdl).apiSchema().toGraphQLJSSchema());
}

/** Changes from the committed API to the new one that would break a client written against it. */
export function breakingChanges(committedSupergraphSdl: string, newSupergraphSdl: string): BreakingChange[] {
  return findBreakingChanges(apiSchemaOf(committedSupergraphSdl), apiSchemaOf(newSupergraphSdl));
}

export function printApiSchema(supergraphSdl: string): string {
  return printSchema(apiSchemaOf(supergraphSdl));
}
