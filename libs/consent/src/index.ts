export * from './consent-token.js';
export * from './pairwise-pseudonym.js';
