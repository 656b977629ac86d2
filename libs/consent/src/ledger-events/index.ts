export * from './ledger-event.js';
export * from './party-commitment.js';
