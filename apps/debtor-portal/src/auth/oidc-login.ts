import * as client from 'openid-client';
import type { PortalConfig } from '../config/portal-config.js';
import { portalUrl } from '../config/portal-config.js';
import type { PendingLogin } from '../session/portal-session.js';

export const CALLBACK_PATH = '/auth/callback';

export interface LoginResult {
  readonly subject: string;
  readonly name: string | undefined;
  readonly accessToken: string;
  readonly accessTokenExpiresAt: number;
  readonly idToken: string;
}

/**
 * The portal as an OpenID Connect relying party (a confidential client): authorization code with
 * PKCE (S256), state and nonce, the ID token checked by openid-client. The provider's discovery
 * document is read once and kept; a provider that is down at boot is asked again at the next login.
 */
export class OidcLogin {
  private configuration: Promise<client.Configuration> | undefined;

  constructor(private readonly config: PortalConfig) {}

  private discovered(): Promise<client.Configuration> {
    this.configuration ??= client
      .discovery(
        this.config.oidc.issuer,
        this.config.oidc.clientId,
        { id_token_signed_response_alg: 'EdDSA' },
        client.ClientSecretBasic(this.config.oidc.clientSecret),
        // Plain http only for a provider on this machine (development); anything else must be https.
        isLoopback(this.config.oidc.issuer) ? { execute: [client.allowInsecureRequests] } : undefined,
      )
      .catch((error: unknown) => {
        this.configuration = undefined;
        throw error;
      });
    return this.configuration;
  }

  /** Where to send the browser, and what the callback must check. */
  async start(returnTo: string): Promise<{ url: URL; pending: Omit<PendingLogin, 'draft'> }> {
    const configuration = await this.discovered();
    const codeVerifier = client.randomPKCECodeVerifier();
    const state = client.randomState();
    const nonce = client.randomNonce();
    const url = client.buildAuthorizationUrl(configuration, {
      redirect_uri: portalUrl(this.config, CALLBACK_PATH),
      scope: 'openid profile',
      resource: this.config.oidc.resource,
      code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    });
    return { url, pending: { state, nonce, codeVerifier, returnTo, startedAt: Date.now() } };
  }

  /** Exchanges the code; throws when state, nonce, PKCE or the ID token do not check out. */
  async finish(callbackUrl: URL, pending: PendingLogin): Promise<LoginResult> {
    const configuration = await this.discovered();
    const tokens = await client.authorizationCodeGrant(configuration, callbackUrl, {
      pkceCodeVerifier: pending.codeVerifier,
      expectedState: pending.state,
      expectedNonce: pending.nonce,
    });
    const claims = tokens.claims();
    if (claims === undefined || tokens.id_token === undefined) throw new Error('The identity provider returned no ID token.');
    const name = typeof claims['name'] === 'string' ? claims['name'] : undefined;
    return {
      subject: claims.sub,
      name,
      accessToken: tokens.access_token,
      accessTokenExpiresAt: Date.now() + (tokens.expiresIn() ?? 300) * 1000,
      idToken: tokens.id_token,
    };
  }

  /** The provider's logout URL (RP-initiated logout), if it has one. */
  async logoutUrl(idToken: string): Promise<URL | undefined> {
    try {
      const configuration = await this.discovered();
      if (configuration.serverMetadata().end_session_endpoint === undefined) return undefined;
      return client.buildEndSessionUrl(configuration, { id_token_hint: idToken, post_logout_redirect_uri: portalUrl(this.config, '/') });
    } catch {
      return undefined;
    }
  }
}

function isLoopback(url: URL): boolean {
  return url.hostname === '127.0.0.1' || url.hostname === 'localhost' || url.hostname === '[::1]';
}
