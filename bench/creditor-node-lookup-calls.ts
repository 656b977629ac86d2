import { randomInt } from 'node:crypto';
import { RESIDENT_CLAIMS_QUERY, residentRepresentation } from '../test/support/graphql-client.js';
import type { SigningKey } from '../test/support/key-set-server.js';
import { consentToken } from '../test/support/tokens.js';
import { seededPseudonym } from './creditor-node-seed.js';

/** What the lookup benchmarks send: one resident's claims, as the gateway asks a node for them. */

export const CREDITOR = 'gemeente-benchstad';
export const SIZE = { customers: 100_000, claimsPerCustomer: 10 } as const;
/** The longest lifetime a consent token may have: the gateway reuses it for a resident's page of requests. */
export const TOKEN_LIFETIME_SECONDS = 300;
/** Every so many answers, one is parsed in full and checked claim by claim. */
const FULL_CHECK_EVERY = 97;

export interface Call {
  readonly body: string;
  readonly headers: Record<string, string>;
}

/** Distinct random customer numbers 1..SIZE.customers. */
export function randomCustomers(count: number): number[] {
  const chosen = new Set<number>();
  while (chosen.size < count) chosen.add(randomInt(1, SIZE.customers + 1));
  return [...chosen];
}

export async function lookupCalls(key: SigningKey, customers: readonly number[]): Promise<Call[]> {
  const calls: Call[] = [];
  const batch = 1_000;
  for (let start = 0; start < customers.length; start += batch) {
    const slice = customers.slice(start, start + batch);
    const minted = await Promise.all(
      slice.map(async (customer) => {
        const pseudonym = seededPseudonym(customer);
        const token = await consentToken({
          key,
          audience: CREDITOR,
          subject: pseudonym,
          lifetimeSeconds: TOKEN_LIFETIME_SECONDS,
        });
        return {
          body: JSON.stringify({ query: RESIDENT_CLAIMS_QUERY, variables: residentRepresentation(pseudonym) }),
          headers: {
            'content-type': 'application/json',
            accept: 'application/graphql-response+json, application/json',
            authorization: `Bearer ${token}`,
          },
        };
      }),
    );
    calls.push(...minted);
  }
  return calls;
}

interface ClaimAnswer {
  id: string;
  creditorId: string;
  principal: string;
  interest: string;
  costs: string;
  total: string;
  issuedOn: string;
  dueOn: string;
  stage: string;
  status: string;
}

/** Whether a full answer is the one the seed makes: one resident, 10 owed claims of this node, sums right. */
export function isCorrectLookupAnswer(body: string): boolean {
  let parsed: { data?: { _entities?: ({ id?: string; claims?: ClaimAnswer[] | null } | null)[] }; errors?: unknown };
  try {
    parsed = JSON.parse(body) as typeof parsed;
  } catch {
    return false;
  }
  const entities = parsed.data?._entities;
  const claims = entities?.[0]?.claims;
  if (parsed.errors !== undefined || entities?.length !== 1 || !entities[0]?.id?.startsWith('ps_') || !claims) return false;
  return (
    claims.length === SIZE.claimsPerCustomer &&
    claims.every(
      (c) =>
        c.id.startsWith(`${CREDITOR}:`) &&
        c.creditorId === CREDITOR &&
        c.status === 'OPEN' &&
        BigInt(c.principal) + BigInt(c.interest) + BigInt(c.costs) === BigInt(c.total) &&
        c.dueOn >= c.issuedOn,
    )
  );
}

export function lookupBodyCheck(): (body: string) => boolean {
  let seen = 0;
  return (body) => {
    // Every answer: no GraphQL error, a resident with a list of claims (cheap string checks) …
    if (body.includes('"errors"') || !body.includes('"_entities":[{"id":"ps_') || !body.includes('"claims":[{')) return false;
    // … and a sample in full.
    seen += 1;
    return seen % FULL_CHECK_EVERY !== 0 || isCorrectLookupAnswer(body);
  };
}

export function rotating(calls: readonly Call[]): { next: () => Call; used: () => number } {
  let index = 0;
  return {
    next: () => {
      const call = calls[index % calls.length];
      index += 1;
      if (call === undefined) throw new Error('no calls to make');
      return call;
    },
    used: () => index,
  };
}

