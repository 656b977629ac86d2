// Verifying a ledger from the outside (LEDGER.md "Tools"): over its HTTP API as an auditor or a
// creditor node, or straight from its database, always against the signed checkpoint and keys.
export * from './verify-ledger-over-http.js';
export * from './verify-signed-ledger-database.js';
