import { describe, expect, it } from '@jest/globals';
import { composeServices, type CompositionResult } from '@apollo/composition';
import { GraphQLObjectType, buildSchema, parse, type GraphQLSchema } from 'graphql';
import { CREDITOR_SUBGRAPH_SDL } from '#contracts';
import { COORDINATOR_SDL } from '../../apps/gateway/src/coordinator/graphql/coordinator.sdl.js';
import { COORDINATOR_MINIMAL_SDL } from './fixtures/coordinator-minimal.graphql.js';

const FED_LINK = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])`;

function compose(coordinatorSdl: string): CompositionResult {
  return composeServices([
    { name: 'coordinator', typeDefs: parse(coordinatorSdl), url: 'http://coordinator' },
    { name: 'creditor', typeDefs: parse(CREDITOR_SUBGRAPH_SDL), url: 'http://creditor' },
  ]);
}

function objectType(schema: GraphQLSchema, name: string): GraphQLObjectType {
  const type = schema.getType(name);
  if (!(type instanceof GraphQLObjectType)) throw new Error(`${name} is not an object type in the supergraph`);
  return type;
}

function fieldTypes(type: GraphQLObjectType): Record<string, string> {
  return Object.fromEntries(Object.values(type.getFields()).map((f) => [f.name, String(f.type)]));
}

describe('supergraph composition of the creditor subgraph', () => {
  describe('with a minimal coordinator that owns Resident', () => {
    const result = compose(COORDINATOR_MINIMAL_SDL);

    it('composes without errors', () => {
      expect(result.errors).toBeUndefined();
      expect(typeof result.supergraphSdl).toBe('string');
    });

    it('adds Resident.claims from the creditor subgraph, reachable from the coordinator’s Query.me', () => {
      const supergraph = buildSchema(result.supergraphSdl ?? '');
      expect(fieldTypes(objectType(supergraph, 'Query'))).toMatchObject({ me: 'Resident' });
      expect(fieldTypes(objectType(supergraph, 'Resident'))).toEqual({ id: 'ID!', claims: '[Claim!]', creditorTotals: '[CreditorTotal!]' });
      // Resident is keyed in both subgraphs; claims is resolved only by the creditor nodes.
      expect(result.supergraphSdl).toMatch(/type Resident\s+@join__type\(graph: COORDINATOR, key: "id"\)\s+@join__type\(graph: CREDITOR, key: "id"\)/);
      expect(result.supergraphSdl).toMatch(/claims: \[Claim!\] @join__field\(graph: CREDITOR\)/);
    });

    it('carries Claim with every amount of money as Cents, never a float or int', () => {
      const supergraph = buildSchema(result.supergraphSdl ?? '');
      const claim = fieldTypes(objectType(supergraph, 'Claim'));
      expect(claim).toMatchObject({
        id: 'ID!',
        creditorId: 'ID!',
        principal: 'Cents!',
        interest: 'Cents!',
        costs: 'Cents!',
        total: 'Cents!',
        issuedOn: 'Date!',
        dueOn: 'Date!',
        stage: 'CollectionStage!',
        status: 'ClaimStatus!',
      });
      expect(Object.values(claim).filter((t) => /^(Float|Int)!?$/.test(t))).toEqual([]);
      expect(supergraph.getType('Cents')?.astNode?.kind).toBe('ScalarTypeDefinition');
      expect(result.supergraphSdl).toMatch(/type Claim\s+@join__type\(graph: CREDITOR, key: "id"\)/);
    });
  });

  describe('with the real coordinator subgraph', () => {
    const result = compose(COORDINATOR_SDL);

    it('composes without errors, with the coordinator owning Resident', () => {
      expect(result.errors).toBeUndefined();
      const supergraph = buildSchema(result.supergraphSdl ?? '');
      expect(fieldTypes(objectType(supergraph, 'Resident'))).toEqual({ id: 'ID!', overviewCreditors: '[Creditor!]!', claims: '[Claim!]', creditorTotals: '[CreditorTotal!]' });
      expect(fieldTypes(objectType(supergraph, 'Query'))).toMatchObject({ me: 'Resident', creditors: '[Creditor!]!', consents: '[Consent!]!' });
    });

    it('keeps consent tokens out of the public API: only the gateway calls the coordinator for them', () => {
      const api = result.schema?.toAPISchema().toGraphQLJSSchema();
      const mutations = Object.keys(api?.getMutationType()?.getFields() ?? {});
      expect(mutations).toEqual(expect.arrayContaining(['giveConsent', 'withdrawConsent', 'giveMandate', 'withdrawMandate', 'registerCreditor']));
      expect(mutations).not.toContain('issueConsentTokens');
      expect(api?.getType('ConsentTokenGrant')).toBeUndefined();
    });
  });

  describe('with a coordinator that disagrees with the creditor subgraph', () => {
    function errorsOf(result: CompositionResult): { code: unknown; message: string }[] {
      return (result.errors ?? []).map((e) => ({ code: e.extensions['code'], message: e.message }));
    }

    it('fails when the coordinator also declares Resident.claims with another type', () => {
      const result = compose(`${FED_LINK}
        type Query { me: Resident }
        type Resident @key(fields: "id") { id: ID! claims: [String] }`);

      expect(result.supergraphSdl).toBeUndefined();
      expect(errorsOf(result)).toEqual([
        {
          code: 'FIELD_TYPE_MISMATCH',
          message: expect.stringContaining(
            'Type of field "Resident.claims" is incompatible across subgraphs: it has type "[String]" in subgraph "coordinator" but type "[Claim!]" in subgraph "creditor"',
          ),
        },
        {
          code: 'INVALID_FIELD_SHARING',
          message: expect.stringContaining('Non-shareable field "Resident.claims" is resolved from multiple subgraphs'),
        },
      ]);
    });

    it('fails when the coordinator keys Resident on a String! id instead of ID!', () => {
      const result = compose(`${FED_LINK}
        type Query { me: Resident }
        type Resident @key(fields: "id") { id: String! }`);

      expect(result.supergraphSdl).toBeUndefined();
      expect(errorsOf(result)).toEqual([
        {
          code: 'FIELD_TYPE_MISMATCH',
          message: expect.stringContaining(
            'Type of field "Resident.id" is incompatible across subgraphs: it has type "String!" in subgraph "coordinator" but type "ID!" in subgraph "creditor"',
          ),
        },
      ]);
    });
  });
});
