import type { IncomingMessage } from 'node:http';
import { errors, type Interaction, type KoaContextLike, type Middleware, type Provider } from 'oidc-provider';
import type { AccountDirectory } from './account-directory.js';
import { LOGIN_FIELD, PASSWORD_FIELD, errorPage, loginPage } from './idp-pages.js';

/** Where the provider sends the browser for a login (or consent) step; see `interactions.url`. */
export function interactionPath(uid: string): string {
  return `/interaction/${encodeURIComponent(uid)}`;
}

const ROUTE = /^\/interaction\/([A-Za-z0-9_-]+)(\/login)?$/;
const MAX_FORM_BYTES = 16 * 1024;

/**
 * Our own interaction step, instead of the library's devInteractions: a login form for the
 * provider's accounts, and automatic consent, because every client of this provider is first-party
 * (the platform's own portal, demo and tests); a resident is never asked to approve our own apps.
 */
export function interactionRoutes(provider: Provider, accounts: AccountDirectory): Middleware {
  return async (ctx, next) => {
    const match = ROUTE.exec(ctx.path);
    if (match === null) return next();
    const [, uid = '', login] = match;
    secureHeaders(ctx);
    try {
      const interaction = await provider.interactionDetails(ctx.req, ctx.res);
      if (interaction.uid !== uid) return showError(ctx, 400, 'invalid_request', 'This login step belongs to another request.');
      if (login === undefined && ctx.method === 'GET') return await show(ctx, provider, interaction);
      if (login !== undefined && ctx.method === 'POST') return await submitLogin(ctx, provider, accounts, interaction);
      ctx.set('Allow', login === undefined ? 'GET' : 'POST');
      return showError(ctx, 405, 'method_not_allowed');
    } catch (error) {
      if (!(error instanceof errors.OIDCProviderError)) throw error;
      // Mostly SessionNotFound: the interaction cookie is missing or the step expired.
      return showError(ctx, error.status, error.error, error.error_description);
    }
  };
}

async function show(ctx: KoaContextLike, provider: Provider, interaction: Interaction): Promise<void> {
  switch (interaction.prompt.name) {
    case 'login':
      ctx.type = 'html';
      ctx.body = loginPage({ action: `${interactionPath(interaction.uid)}/login` });
      return;
    case 'consent':
      return redirect(ctx, await provider.interactionResult(ctx.req, ctx.res, await grantConsent(provider, interaction)));
    default:
      return showError(ctx, 400, 'unsupported_prompt', `This provider cannot ask for ${interaction.prompt.name}.`);
  }
}

async function submitLogin(ctx: KoaContextLike, provider: Provider, accounts: AccountDirectory, interaction: Interaction): Promise<void> {
  if (interaction.prompt.name !== 'login') return showError(ctx, 400, 'invalid_request', 'This request needs no login.');
  const form = await readForm(ctx.req);
  if (form === 'unsupported') return showError(ctx, 415, 'invalid_request', 'Send the login form as application/x-www-form-urlencoded.');
  if (form === 'too-large') return showError(ctx, 413, 'invalid_request', 'The login form is too large.');
  const login = (form.get(LOGIN_FIELD) ?? '').trim();
  const account = accounts.authenticate(login, form.get(PASSWORD_FIELD) ?? '');
  if (account === undefined) {
    // Same page, same status, same words for an unknown user and a wrong password: no enumeration.
    ctx.type = 'html';
    ctx.body = loginPage({ action: `${interactionPath(interaction.uid)}/login`, login, refused: true });
    return;
  }
  const returnTo = await provider.interactionResult(
    ctx.req,
    ctx.res,
    { login: { accountId: account.accountId } },
    { mergeWithLastSubmission: false },
  );
  redirect(ctx, returnTo);
}

/** Grants what the request asks for (the missing scopes, claims and resource scopes) and no more. */
async function grantConsent(provider: Provider, interaction: Interaction): Promise<{ consent: { grantId?: string } }> {
  const accountId = interaction.session?.accountId;
  const clientId = interaction.params['client_id'];
  if (accountId === undefined || typeof clientId !== 'string') throw new errors.SessionNotFound();
  const existing = interaction.grantId === undefined ? undefined : await provider.Grant.find(interaction.grantId);
  const grant = existing ?? new provider.Grant({ accountId, clientId });
  const { missingOIDCScope, missingOIDCClaims, missingResourceScopes } = interaction.prompt.details;
  if (missingOIDCScope !== undefined) grant.addOIDCScope(missingOIDCScope.join(' '));
  if (missingOIDCClaims !== undefined) grant.addOIDCClaims(missingOIDCClaims);
  for (const [indicator, scopes] of Object.entries(missingResourceScopes ?? {})) grant.addResourceScope(indicator, scopes.join(' '));
  const grantId = await grant.save();
  // A grant that already existed is updated in place; only a new one is handed back.
  return { consent: existing === undefined ? { grantId } : {} };
}

function redirect(ctx: KoaContextLike, url: string): void {
  ctx.redirect(url);
  // 303: the browser follows a POSTed form with a GET.
  ctx.status = 303;
}

function showError(ctx: KoaContextLike, status: number, error: string, description?: string): void {
  ctx.status = status;
  ctx.type = 'html';
  ctx.body = errorPage({ error, ...(description === undefined ? {} : { description }) });
}

function secureHeaders(ctx: KoaContextLike): void {
  ctx.set('Cache-Control', 'no-store');
  // No form-action: browsers apply it to the redirects after the POST, which end at the client.
  ctx.set('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; frame-ancestors 'none'");
  ctx.set('X-Content-Type-Options', 'nosniff');
  ctx.set('Referrer-Policy', 'no-referrer');
}

/** The urlencoded form body, or why it could not be read. */
async function readForm(req: IncomingMessage): Promise<URLSearchParams | 'unsupported' | 'too-large'> {
  const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/x-www-form-urlencoded') return 'unsupported';
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.byteLength;
    if (size > MAX_FORM_BYTES) return 'too-large';
    chunks.push(buffer);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}
