/**
 * Consent tokens already handed out, by what they say (consent, node, purpose, categories). A token
 * still valid for at least half its life is handed out again instead of a new one: the node then
 * checks its signature once, not on every request. Safe for withdrawal: the cache is only consulted
 * after the consent was found in force at this very moment, so a withdrawn consent gets no token,
 * reused or new; and any token out there lives minutes at most, as before.
 */
export class MintedTokenCache {
  private readonly tokens = new Map<string, { readonly token: string; readonly expiresAt: Date }>();

  constructor(private readonly maxEntries = 50_000) {}

  static key(parts: { readonly consentId: string; readonly creditorId: string; readonly purpose: string; readonly categories: readonly string[] }): string {
    return [parts.consentId, parts.creditorId, parts.purpose, [...parts.categories].sort().join(',')].join('|');
  }

  /** A token with at least `minRemainingSeconds` of life left, or undefined. */
  reusable(key: string, now: Date, minRemainingSeconds: number): { readonly token: string; readonly expiresAt: Date } | undefined {
    const cached = this.tokens.get(key);
    if (cached === undefined) return undefined;
    if (cached.expiresAt.getTime() - now.getTime() < minRemainingSeconds * 1000) {
      this.tokens.delete(key);
      return undefined;
    }
    return cached;
  }

  remember(key: string, minted: { readonly token: string; readonly expiresAt: Date }): void {
    if (this.tokens.size >= this.maxEntries) {
      // Map keeps insertion order: drop the oldest, a simple bound (tokens live minutes anyway).
      const oldest = this.tokens.keys().next();
      if (!oldest.done) this.tokens.delete(oldest.value);
    }
    this.tokens.set(key, minted);
  }
}
