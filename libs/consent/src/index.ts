export * from './consent-token.js';
export * from './pairwise-pseudonym.js';
export * from './ledger/index.js';
