import { describe, expect, it } from '@jest/globals';
import { derivePairwisePseudonym } from './pairwise-pseudonym.js';

const secret = new Uint8Array(32).fill(7);

describe('pairwise pseudonyms', () => {
  it('is stable for one resident at one node', () => {
    const a = derivePairwisePseudonym({ secret, residentId: 'resident-1', creditorId: 'gemeente-utrecht' });
    expect(derivePairwisePseudonym({ secret, residentId: 'resident-1', creditorId: 'gemeente-utrecht' })).toBe(a);
    expect(a).toMatch(/^ps_[A-Za-z0-9_-]{43}$/);
  });

  it('differs per node, so two nodes cannot link their residents', () => {
    const utrecht = derivePairwisePseudonym({ secret, residentId: 'resident-1', creditorId: 'gemeente-utrecht' });
    const vallei = derivePairwisePseudonym({ secret, residentId: 'resident-1', creditorId: 'waterschap-vallei' });
    expect(utrecht).not.toBe(vallei);
  });

  it('does not contain the platform id and changes with the secret', () => {
    const pseudonym = derivePairwisePseudonym({ secret, residentId: 'resident-1', creditorId: 'x' });
    expect(pseudonym).not.toContain('resident-1');
    expect(derivePairwisePseudonym({ secret: new Uint8Array(32).fill(8), residentId: 'resident-1', creditorId: 'x' })).not.toBe(pseudonym);
  });

  it('cannot be made to collide by moving characters between the two parts', () => {
    expect(derivePairwisePseudonym({ secret, residentId: 'bc', creditorId: 'a' })).not.toBe(
      derivePairwisePseudonym({ secret, residentId: 'c', creditorId: 'ab' }),
    );
  });

  it('refuses a short secret', () => {
    expect(() => derivePairwisePseudonym({ secret: new Uint8Array(16), residentId: 'r', creditorId: 'c' })).toThrow(RangeError);
  });
});
