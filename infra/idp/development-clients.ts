import type { IdentityProviderClient } from './identity-provider.js';

/**
 * The client the demo and the tests log in with when IDP_CLIENTS is not set: public, PKCE only.
 * Its redirect URI is a loopback address nothing listens on; loginWithPassword takes the code from
 * the redirect itself, as a native app would (RFC 8252).
 */
export const DEMO_CLIENT = {
  clientId: 'samen-regelen-demo',
  redirectUri: 'http://127.0.0.1/callback',
} as const;

export const DEVELOPMENT_CLIENTS: readonly IdentityProviderClient[] = [
  { clientId: DEMO_CLIENT.clientId, redirectUris: [DEMO_CLIENT.redirectUri] },
];

/** The resident portal's client id at the identity provider. */
export const PORTAL_CLIENT_ID = 'debtor-portal';

/**
 * The portal as a confidential client: redirected back to `<portal>/auth/callback` after login and to
 * `<portal>/` after logout (the routes of apps/debtor-portal's AuthController).
 */
export function portalClientAt(portalUrl: string, clientSecret: string): IdentityProviderClient {
  return { clientId: PORTAL_CLIENT_ID, clientSecret, redirectUris: [`${portalUrl}/auth/callback`], postLogoutRedirectUris: [`${portalUrl}/`] };
}
