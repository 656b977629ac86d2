export * from './money.js';
export * from './error-codes.js';
export * from './consent-token.js';
export * from './creditor.js';
export * from './graphql/creditor-subgraph.sdl.js';
export * from './graphql/scalars.js';
export * from './state-machine.js';
export * from './staff-access-token.js';
