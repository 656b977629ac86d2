import type { Request } from 'express';

/**
 * Whose pages these are: the signed-in resident's own (`/overview`), or, for a counsellor, those of a
 * resident who gave them a mandate (`/clients/<id>/overview`). The same page code serves both; the
 * gateway decides whether the mandate is in force (MANDATE_REQUIRED), so nobody reads another by id.
 */
export interface ResidentScope {
  /** The resident a counsellor acts for; undefined when residents act for themselves. */
  readonly residentId: string | undefined;
  /** The path prefix of this scope's pages: '' or '/clients/<id>'. */
  readonly base: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The platform's ids (residents, proposals) are UUIDs: anything else is not found, never sent on. */
export function isUuid(text: string): boolean {
  return UUID.test(text);
}

export const OWN_SCOPE: ResidentScope = { residentId: undefined, base: '' };

/** The scope of a request, or undefined for a client id that cannot be one (the page is not found). */
export function scopeOf(req: Request): ResidentScope | undefined {
  const id = (req.params as Record<string, string | undefined>)['residentId'];
  if (id === undefined) return OWN_SCOPE;
  const residentId = id.toLowerCase();
  return isUuid(residentId) ? { residentId, base: `/clients/${residentId}` } : undefined;
}

/** Both routes of a page: the resident's own and the counsellor's for a client. */
export function scopedRoutes(path: string): string[] {
  return [path, `clients/:residentId/${path}`];
}

/** The residentId variable for the gateway: absent for one's own data. */
export function residentVariable(scope: ResidentScope): { residentId?: string } {
  return scope.residentId === undefined ? {} : { residentId: scope.residentId };
}

/** A short label for a client: counsellors see no names through the platform, only the id. */
export function clientLabel(residentId: string): string {
  return residentId.slice(0, 8);
}
