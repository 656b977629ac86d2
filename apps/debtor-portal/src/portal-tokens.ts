/** Nest injection tokens of the portal's plain classes. */
export const PORTAL_CONFIG = Symbol('PORTAL_CONFIG');
export const PORTAL_RESPONDER = Symbol('PORTAL_RESPONDER');
export const STYLESHEET = Symbol('STYLESHEET');
export const LEDGER_RECEIPTS = Symbol('LEDGER_RECEIPTS');
export const PORTAL_REDIS = Symbol('PORTAL_REDIS');
