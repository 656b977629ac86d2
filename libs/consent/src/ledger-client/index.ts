// Verifying a ledger from the outside (LEDGER.md "Tools"): over its HTTP API as an auditor, or as a
// party checking only the entries about itself, or straight from its database, always against the
// signed checkpoint and keys.
export * from './verify-ledger-over-http.js';
export * from './verify-own-entries-over-http.js';
export * from './verify-signed-ledger-database.js';
