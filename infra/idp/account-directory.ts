import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IdpAccount } from './idp-account.js';

/** The provider's accounts, by login name, with the one password check the login form uses. */
export class AccountDirectory {
  private readonly accounts: ReadonlyMap<string, IdpAccount>;
  /** Compared against when the login is unknown, so both refusals take the same work. */
  private readonly decoy = digest(randomBytes(16).toString('hex'));

  constructor(accounts: readonly IdpAccount[]) {
    const byId = new Map<string, IdpAccount>();
    for (const account of accounts) {
      if (byId.has(account.accountId)) throw new Error(`Two accounts are called ${account.accountId}.`);
      byId.set(account.accountId, account);
    }
    this.accounts = byId;
  }

  find(accountId: string): IdpAccount | undefined {
    return this.accounts.get(accountId);
  }

  /** The account when the password is right; undefined for a wrong password and an unknown login alike. */
  authenticate(login: string, password: string): IdpAccount | undefined {
    const account = this.accounts.get(login);
    const expected = account === undefined ? this.decoy : digest(account.password);
    const matches = timingSafeEqual(digest(password), expected);
    return matches && account !== undefined ? account : undefined;
  }
}

/** Fixed-length digests, so timingSafeEqual never leaks a password's length. */
function digest(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}
