/**
 * What the portal remembers about one browser, server-side (in Redis). The cookie holds only a random
 * id; the access token never reaches the browser.
 */
export interface SignedInPerson {
  /** The identity provider's subject. */
  readonly subject: string;
  /** The platform's id for this person (whoAmI.id). */
  readonly platformId: string;
  readonly roles: readonly string[];
  readonly name: string | undefined;
  readonly accessToken: string;
  /** Epoch milliseconds; after it the person logs in again and returns to the same step. */
  readonly accessTokenExpiresAt: number;
  readonly idToken: string;
}

/** A login in progress: what the callback must check (state, nonce, PKCE) and where to go after. */
export interface PendingLogin {
  readonly state: string;
  readonly nonce: string;
  readonly codeVerifier: string;
  readonly returnTo: string;
  /** What was typed into a form when the session had expired: shown again after the login. */
  readonly draft?: FormDraft;
  readonly startedAt: number;
}

export interface FormDraft {
  readonly path: string;
  readonly fields: Readonly<Record<string, string | readonly string[]>>;
}

/** A one-time message for the next page (after a redirect): "Gelukt: …". */
export interface Flash {
  readonly kind: 'success' | 'info' | 'warning';
  readonly key: string;
  readonly params?: Readonly<Record<string, string>>;
}

export interface PortalSession {
  readonly csrfToken: string;
  readonly createdAt: number;
  person?: SignedInPerson;
  login?: PendingLogin;
  draft?: FormDraft;
  flash?: Flash;
}

/** A counsellor who is not also a resident lands on the counsellor's pages and menu. */
export function actsAsCounsellor(roles: readonly string[]): boolean {
  return roles.includes('counsellor') && !roles.includes('resident');
}
