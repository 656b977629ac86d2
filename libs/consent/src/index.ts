export * from './consent-token.js';
export * from './pairwise-pseudonym.js';
export * from './ledger/index.js';
export * from './consent-lifecycle.js';
export * from './consent-record.js';
export * from './checkpoints/index.js';
export * from './ledger-store/index.js';
