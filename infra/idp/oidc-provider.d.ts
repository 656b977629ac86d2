/**
 * oidc-provider 9 ships no type declarations (and @types/oidc-provider trails its releases and pulls in
 * Koa's types). This declares only what infra/idp uses, typed as the library documents it; whatever
 * we never read stays `unknown`, so nothing untyped leaks into our code.
 */
declare module 'oidc-provider' {
  import type { IncomingMessage, Server, ServerResponse } from 'node:http';
  import type { JWK } from 'jose';

  /** The slice of Koa's context that our middleware and page renderers touch. */
  export interface KoaContextLike {
    readonly method: string;
    readonly path: string;
    readonly host: string;
    readonly req: IncomingMessage;
    readonly res: ServerResponse;
    status: number;
    body: unknown;
    type: string;
    set(field: string, value: string): void;
    redirect(url: string): void;
  }

  export type Middleware = (ctx: KoaContextLike, next: () => Promise<void>) => Promise<void>;

  /** The provider's per-request state; we only read which client is asking. */
  export interface OidcContextLike extends KoaContextLike {
    readonly oidc: { readonly client?: { readonly clientId: string; readonly clientName?: string } };
  }

  /** Client metadata (RFC 7591 names), as oidc-provider accepts it in `clients`. */
  export interface ClientMetadata {
    client_id: string;
    client_secret?: string;
    client_name?: string;
    redirect_uris: string[];
    post_logout_redirect_uris?: string[];
    grant_types?: string[];
    response_types?: string[];
    token_endpoint_auth_method?: 'none' | 'client_secret_basic' | 'client_secret_post';
    id_token_signed_response_alg?: string;
    application_type?: 'web' | 'native';
  }

  export interface Account {
    accountId: string;
    claims(use: string, scope: string): Promise<Record<string, unknown>>;
  }

  /** The token being minted, as `extraTokenClaims` sees it. */
  export interface TokenLike {
    readonly kind: string;
    readonly accountId?: string;
    readonly resourceServer?: { readonly audience?: string; identifier(): string };
  }

  export interface ResourceServerInfo {
    scope: string;
    audience?: string;
    accessTokenTTL?: number;
    accessTokenFormat?: 'opaque' | 'jwt';
    jwt?: { sign?: { alg: string; kid?: string } };
  }

  export interface Configuration {
    clients?: ClientMetadata[];
    clientDefaults?: Partial<ClientMetadata>;
    jwks?: { keys: JWK[] };
    cookies?: { keys?: string[] };
    claims?: Record<string, string[]>;
    scopes?: string[];
    responseTypes?: string[];
    findAccount?: (ctx: OidcContextLike, id: string) => Promise<Account | undefined>;
    extraTokenClaims?: (ctx: OidcContextLike, token: TokenLike) => Promise<Record<string, unknown> | undefined>;
    interactions?: { url?: (ctx: OidcContextLike, interaction: Interaction) => Promise<string> };
    pkce?: { required?: (ctx: OidcContextLike, client: unknown) => boolean };
    ttl?: Partial<Record<'AccessToken' | 'AuthorizationCode' | 'IdToken' | 'Interaction' | 'Session' | 'Grant', number>>;
    enabledJWA?: { idTokenSigningAlgValues?: string[] };
    renderError?: (ctx: OidcContextLike, out: Record<string, string>, error: Error) => Promise<void>;
    features?: {
      devInteractions?: { enabled: boolean };
      resourceIndicators?: {
        enabled: boolean;
        defaultResource?: (ctx: OidcContextLike, client: unknown, oneOf?: string[]) => Promise<string | string[] | undefined>;
        useGrantedResource?: (ctx: OidcContextLike, model: unknown) => Promise<boolean>;
        getResourceServerInfo?: (ctx: OidcContextLike, resourceIndicator: string, client: unknown) => Promise<ResourceServerInfo>;
      };
      rpInitiatedLogout?: {
        enabled: boolean;
        logoutSource?: (ctx: OidcContextLike, form: string) => Promise<void>;
        postLogoutSuccessSource?: (ctx: OidcContextLike) => Promise<void>;
      };
    };
  }

  /** A pending authorization request waiting for our login (or consent) step. */
  export interface Interaction {
    readonly uid: string;
    readonly returnTo: string;
    readonly grantId?: string;
    readonly params: Readonly<Record<string, unknown>>;
    readonly session?: { readonly accountId: string; readonly uid: string };
    readonly prompt: {
      readonly name: string;
      readonly reasons: readonly string[];
      readonly details: {
        readonly missingOIDCScope?: readonly string[];
        readonly missingOIDCClaims?: readonly string[];
        readonly missingResourceScopes?: Readonly<Record<string, readonly string[]>>;
      };
    };
  }

  export interface InteractionResults {
    login?: { accountId: string };
    consent?: { grantId?: string };
    error?: string;
    error_description?: string;
  }

  export interface Grant {
    addOIDCScope(scope: string): void;
    addOIDCClaims(claims: readonly string[]): void;
    addResourceScope(resource: string, scope: string): void;
    save(): Promise<string>;
  }

  export interface GrantClass {
    new (properties: { accountId: string; clientId: string }): Grant;
    find(id: string): Promise<Grant | undefined>;
  }

  export class Provider {
    constructor(issuer: string, configuration?: Configuration);
    readonly issuer: string;
    readonly Grant: GrantClass;
    /** Koa's: a listener for node:http. */
    callback(): (req: IncomingMessage, res: ServerResponse) => void;
    listen(port: number, host: string, listening?: () => void): Server;
    use(middleware: Middleware): this;
    on(event: 'server_error', listener: (ctx: KoaContextLike, error: Error) => void): this;
    interactionDetails(req: IncomingMessage, res: ServerResponse): Promise<Interaction>;
    interactionResult(
      req: IncomingMessage,
      res: ServerResponse,
      result: InteractionResults,
      options?: { mergeWithLastSubmission?: boolean },
    ): Promise<string>;
  }

  export namespace errors {
    class OIDCProviderError extends Error {
      readonly status: number;
      readonly error: string;
      readonly error_description?: string;
    }
    class SessionNotFound extends OIDCProviderError {}
    class InvalidTarget extends OIDCProviderError {
      constructor(description?: string);
    }
  }

  export default Provider;
}
