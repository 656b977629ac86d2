import { createHash, randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { PortalSession } from './portal-session.js';

/**
 * Sessions in Redis, keyed by a hash of the cookie's id: someone who reads Redis cannot replay a key
 * as a cookie. Every read that finds a session renews its idle lifetime; a session also ends at its
 * absolute lifetime, whatever its use.
 */
export class SessionStore {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly idleSeconds: number,
    private readonly absoluteSeconds: number,
  ) {}

  static newId(): string {
    return randomBytes(32).toString('base64url');
  }

  async create(session: PortalSession): Promise<string> {
    const id = SessionStore.newId();
    await this.save(id, session);
    return id;
  }

  async load(id: string): Promise<PortalSession | undefined> {
    if (!/^[A-Za-z0-9_-]{43}$/.test(id)) return undefined;
    const key = this.key(id);
    const text = await this.redis.getex(key, 'EX', this.idleSeconds);
    if (text === null) return undefined;
    const session = JSON.parse(text) as PortalSession;
    if (Date.now() - session.createdAt > this.absoluteSeconds * 1000) {
      await this.redis.del(key);
      return undefined;
    }
    return session;
  }

  async save(id: string, session: PortalSession): Promise<void> {
    await this.redis.set(this.key(id), JSON.stringify(session), 'EX', this.idleSeconds);
  }

  async destroy(id: string): Promise<void> {
    await this.redis.del(this.key(id));
  }

  private key(id: string): string {
    return `${this.prefix}${createHash('sha256').update(id).digest('base64url')}`;
  }
}
