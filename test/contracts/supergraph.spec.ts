import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { CREDITOR_SUBGRAPH_SDL } from '#contracts';
import { COORDINATOR_SDL } from '../../apps/gateway/src/coordinator/graphql/coordinator.sdl.js';
import { breakingChanges, composeSupergraph, CompositionFailedError, printApiSchema } from '../../tools/supergraph/compose-supergraph.js';

/** The static supergraph (ARCHITECTURE.md "Federation"): composed in the build, checked in CI. */

const committed = readFileSync(new URL('../../apps/gateway/supergraph.graphql', import.meta.url), 'utf8');

describe('the committed supergraph', () => {
  it('is exactly what the two subgraph SDLs compose to (npm run -s supergraph writes it)', () => {
    expect(`${composeSupergraph().trim()}\n`).toBe(committed);
  });

  it('keeps the gateway-only consent tokens out of the public API', () => {
    const api = printApiSchema(committed);
    expect(api).not.toMatch(/issueConsentTokens|ConsentTokenGrant/);
    expect(api).toMatch(/claims: \[Claim!\]/);
  });
});

describe('the CI check', () => {
  it('finds a breaking change: a field clients use is removed', () => {
    const creditor = CREDITOR_SUBGRAPH_SDL.replace('\n  description: String!\n', '\n');
    expect(creditor).not.toBe(CREDITOR_SUBGRAPH_SDL);
    const changes = breakingChanges(committed, composeSupergraph({ coordinator: COORDINATOR_SDL, creditor }));
    expect(changes.map((c) => c.description)).toContain('Claim.description was removed.');
  });

  it('lets an additive change through', () => {
    const creditor = CREDITOR_SUBGRAPH_SDL.replace('  status: ClaimStatus!\n}', '  status: ClaimStatus!\n  "A note."\n  note: String\n}');
    expect(creditor).not.toBe(CREDITOR_SUBGRAPH_SDL);
    expect(breakingChanges(committed, composeSupergraph({ coordinator: COORDINATOR_SDL, creditor }))).toEqual([]);
  });

  it('fails on a composition error, with its code', () => {
    // The creditor subgraph declaring Resident.id as a String conflicts with the coordinator's ID.
    const creditor = CREDITOR_SUBGRAPH_SDL.replace('type Resident @key(fields: "id") {\n  id: ID!', 'type Resident @key(fields: "id") {\n  id: String!');
    expect(creditor).not.toBe(CREDITOR_SUBGRAPH_SDL);
    try {
      composeSupergraph({ coordinator: COORDINATOR_SDL, creditor });
      throw new Error('composed');
    } catch (error) {
      expect(error).toBeInstanceOf(CompositionFailedError);
      expect((error as CompositionFailedError).problems.map((p) => p.code)).toContain('FIELD_TYPE_MISMATCH');
    }
  });
});
