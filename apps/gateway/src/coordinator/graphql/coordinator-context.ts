import type { Request } from 'express';
import type { Caller } from '../identity/caller.js';
import type { CallerAuthenticator } from '../identity/caller-authenticator.js';

/** Per request: the Authorization header, and the caller once a resolver first asks for it. */
export interface CoordinatorContext {
  readonly authorization: string | undefined;
  caller?: Promise<Caller>;
}

export function coordinatorContextFrom(req: Request): CoordinatorContext {
  return { authorization: req.headers.authorization };
}

/** Authenticates lazily and once per request: public queries (the directory) need no token. */
export function callerOf(context: CoordinatorContext, callers: CallerAuthenticator): Promise<Caller> {
  context.caller ??= callers.authenticate(context.authorization);
  return context.caller;
}
