export interface GraphQLResponse<T = Record<string, unknown>> {
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: { code?: string } }[];
}

/** Posts a GraphQL request over real HTTP. */
export async function postGraphQL<T = Record<string, unknown>>(
  url: string,
  body: { query: string; variables?: Record<string, unknown> },
  token?: string,
): Promise<{ status: number; body: GraphQLResponse<T> }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json, application/json',
      ...(token === undefined ? {} : { authorization: `Bearer ${token}` }),
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
