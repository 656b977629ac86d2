import { describe, expect, it } from '@jest/globals';
import { MintedTokenCache } from './minted-token-cache.js';

const key = MintedTokenCache.key({ consentId: 'c1', creditorId: 'n1', purpose: 'debt-overview', categories: ['claims'] });
const at = (seconds: number): Date => new Date(Date.UTC(2026, 11, 1, 12, 0, seconds));

describe('MintedTokenCache', () => {
  it('hands a token out again while it has at least the asked part of its life left', () => {
    const cache = new MintedTokenCache();
    cache.remember(key, { token: 't1', expiresAt: at(120) });
    expect(cache.reusable(key, at(0), 60)?.token).toBe('t1');
    expect(cache.reusable(key, at(60), 60)?.token).toBe('t1');
    expect(cache.reusable(key, at(61), 60)).toBeUndefined();
  });

  it('keys on everything the token says: another consent, node, purpose or set of categories is another token', () => {
    const cache = new MintedTokenCache();
    cache.remember(key, { token: 't1', expiresAt: at(120) });
    for (const other of [
      { consentId: 'c2', creditorId: 'n1', purpose: 'debt-overview', categories: ['claims'] },
      { consentId: 'c1', creditorId: 'n2', purpose: 'debt-overview', categories: ['claims'] },
      { consentId: 'c1', creditorId: 'n1', purpose: 'collective-arrangement', categories: ['claims'] },
      { consentId: 'c1', creditorId: 'n1', purpose: 'debt-overview', categories: ['claims', 'arrangement'] },
    ]) {
      expect(cache.reusable(MintedTokenCache.key(other), at(0), 60)).toBeUndefined();
    }
    expect(MintedTokenCache.key({ consentId: 'c', creditorId: 'n', purpose: 'p', categories: ['b', 'a'] })).toBe(MintedTokenCache.key({ consentId: 'c', creditorId: 'n', purpose: 'p', categories: ['a', 'b'] }));
  });

  it('stays bounded', () => {
    const cache = new MintedTokenCache(2);
    for (const id of ['a', 'b', 'c']) cache.remember(id, { token: id, expiresAt: at(120) });
    expect(cache.reusable('a', at(0), 1)).toBeUndefined();
    expect(cache.reusable('c', at(0), 1)?.token).toBe('c');
  });
});
