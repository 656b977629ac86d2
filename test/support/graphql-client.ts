export interface GraphQLResponse<T = Record<string, unknown>> {
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: { code?: string } }[];
}

/** Posts a GraphQL request over real HTTP. */
export async function postGraphQL<T = Record<string, unknown>>(
  url: string,
  body: { query: string; variables?: Record<string, unknown> },
  token?: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: GraphQLResponse<T> }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json, application/json',
      ...(token === undefined ? {} : { authorization: `Bearer ${token}` }),
      ...headers,
    },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as GraphQLResponse<T> };
}

export const RESIDENT_CLAIMS_QUERY = `query ($representations: [_Any!]!) {
  _entities(representations: $representations) {
    ... on Resident { id claims { id creditorId reference description principal interest costs total issuedOn dueOn stage preferential status } }
  }
}`;

export function residentRepresentation(pseudonym: string): { representations: { __typename: string; id: string }[] } {
  return { representations: [{ __typename: 'Resident', id: pseudonym }] };
}

/** The data of a GraphQL answer; any error fails the caller (for set-up steps that must succeed). */
export async function graphqlData<T>(url: string, token: string, query: string, variables?: Record<string, unknown>): Promise<T> {
  const { body } = await postGraphQL<T>(url, { query, ...(variables ? { variables } : {}) }, token);
  if (body.errors !== undefined || body.data === undefined || body.data === null) throw new Error(`${url}: ${JSON.stringify(body.errors)}`);
  return body.data;
}
