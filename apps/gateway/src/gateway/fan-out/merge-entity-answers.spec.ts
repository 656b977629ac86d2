import { describe, expect, it } from '@jest/globals';
import { mergeEntityAnswers, mergeValues } from './merge-entity-answers.js';

const resident = (claims: unknown[] | null): Record<string, unknown> => ({ __typename: 'Resident', claims });
const empty = (): Record<string, unknown> => resident([]);
const unanswered = (): Record<string, unknown> => resident(null);

describe('mergeValues', () => {
  it('concatenates lists, merges objects, lets null add nothing', () => {
    expect(mergeValues({ a: [1], b: { c: 1 } }, { a: [2], b: { d: 2 } })).toEqual({ a: [1, 2], b: { c: 1, d: 2 } });
    expect(mergeValues(null, { a: 1 })).toEqual({ a: 1 });
    expect(mergeValues({ a: 1 }, null)).toEqual({ a: 1 });
    expect(mergeValues({ claims: null }, { claims: [1] })).toEqual({ claims: [1] });
  });
});

describe('mergeEntityAnswers', () => {
  it('puts every node’s claims under the entity they were asked for, in the original order', () => {
    const { entities, errors } = mergeEntityAnswers({
      count: 2,
      answers: [
        { creditorId: 'a', positions: [0, 1], outcome: { kind: 'answered', entities: [resident(['a1']), resident(['a2'])], errors: [] } },
        { creditorId: 'b', positions: [1], outcome: { kind: 'answered', entities: [resident(['b2'])], errors: [] } },
      ],
      emptyEntity: empty,
      unansweredEntity: unanswered,
    });
    expect(entities).toEqual([resident(['a1']), resident(['a2', 'b2'])]);
    expect(errors).toEqual([]);
  });

  it('a node that is down gives partial data and an error naming it', () => {
    const { entities, errors } = mergeEntityAnswers({
      count: 1,
      answers: [
        { creditorId: 'a', positions: [0], outcome: { kind: 'answered', entities: [resident(['a1'])], errors: [] } },
        { creditorId: 'b', positions: [0], outcome: { kind: 'unavailable', reason: 'timeout' } },
      ],
      emptyEntity: empty,
      unansweredEntity: unanswered,
    });
    expect(entities).toEqual([resident(['a1'])]);
    expect(errors).toEqual([
      { message: 'Creditor b did not answer in time; its part of the answer is missing.', path: ['_entities', 0], extensions: { code: 'CREDITOR_UNAVAILABLE', creditorId: 'b', reason: 'timeout' } },
    ]);
  });

  it('no node answered: the node fields stay null; no node asked: an empty list', () => {
    const down = mergeEntityAnswers({
      count: 1,
      answers: [{ creditorId: 'a', positions: [0], outcome: { kind: 'unavailable', reason: 'unreachable' } }],
      emptyEntity: empty,
      unansweredEntity: unanswered,
    });
    expect(down.entities).toEqual([resident(null)]);
    expect(mergeEntityAnswers({ count: 1, answers: [], emptyEntity: empty, unansweredEntity: unanswered }).entities).toEqual([resident([])]);
  });

  it('keeps a node’s own errors with the path of the original entity and its creditor id', () => {
    const { errors } = mergeEntityAnswers({
      count: 3,
      answers: [
        {
          creditorId: 'b',
          positions: [2],
          outcome: { kind: 'answered', entities: [null], errors: [{ message: 'Consent expired.', path: ['_entities', 0, 'claims'], extensions: { code: 'CONSENT_EXPIRED' } }] },
        },
      ],
      emptyEntity: empty,
      unansweredEntity: unanswered,
    });
    expect(errors).toEqual([{ message: 'Consent expired.', path: ['_entities', 2, 'claims'], extensions: { code: 'CONSENT_EXPIRED', creditorId: 'b' } }]);
  });
});
