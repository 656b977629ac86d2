import { describe, expect, it } from '@jest/globals';
import { isOneOf, nextState, type TransitionTable } from './state-machine.js';

type Light = 'red' | 'green';
type Signal = 'go' | 'stop';
const table: TransitionTable<Light, Signal> = { red: { go: 'green' }, green: { stop: 'red' } };

describe('transition tables', () => {
  it('follows listed transitions and refuses the rest, naming where and why', () => {
    expect(nextState(table, 'red', 'go')).toEqual({ ok: true, to: 'green' });
    expect(nextState(table, 'red', 'stop')).toEqual({ ok: false, from: 'red', event: 'stop' });
  });

  it('tells members of a closed set of strings from anything else', () => {
    const lights: readonly Light[] = ['red', 'green'];
    expect(isOneOf(lights, 'green')).toBe(true);
    expect(isOneOf(lights, 'blue')).toBe(false);
    expect(isOneOf(lights, 1)).toBe(false);
    expect(isOneOf(lights, undefined)).toBe(false);
  });
});
