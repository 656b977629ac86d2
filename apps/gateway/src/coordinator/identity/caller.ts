import type { PlatformRole } from '#contracts';

/** A person signed in through OpenID Connect: known by their platform id, acting in their roles. */
export interface PersonCaller {
  readonly kind: 'person';
  readonly personId: string;
  readonly roles: ReadonlySet<PlatformRole>;
}

/** A creditor node, authenticated by a credential it signed with a key in the directory. */
export interface CreditorCaller {
  readonly kind: 'creditor';
  readonly creditorId: string;
}

export interface AnonymousCaller {
  readonly kind: 'anonymous';
}

export type Caller = PersonCaller | CreditorCaller | AnonymousCaller;

export const ANONYMOUS: AnonymousCaller = { kind: 'anonymous' };
