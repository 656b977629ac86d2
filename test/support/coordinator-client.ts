import { randomUUID } from 'node:crypto';
import { postGraphQL, type GraphQLResponse } from './graphql-client.js';
import type { InProcessCoordinator } from './in-process-coordinator.js';
import { personToken } from './tokens.js';

/** A person signed in to the coordinator: a fresh OpenID subject with the given roles. */
export interface SignedInPerson {
  readonly token: string;
  readonly id: string;
  gql<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>>;
}

export async function signIn(coordinator: InProcessCoordinator, roles: string[], expiresInSeconds = 600): Promise<SignedInPerson> {
  const token = await personToken({ key: coordinator.idpKey, subject: `person-${randomUUID()}`, roles, expiresInSeconds });
  const gql = async <T>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>> =>
    (await postGraphQL<T>(coordinator.graphqlUrl, { query, ...(variables ? { variables } : {}) }, token)).body;
  const who = await gql<{ whoAmI: { id: string } }>('{ whoAmI { id } }');
  const id = who.data?.whoAmI.id;
  if (!id) throw new Error(`Could not sign in: ${JSON.stringify(who.errors)}`);
  return { token, id, gql };
}

/** The codes of a GraphQL answer's errors, in order. */
export function errorCodes(response: GraphQLResponse<unknown>): (string | undefined)[] {
  return (response.errors ?? []).map((e) => e.extensions?.code);
}
