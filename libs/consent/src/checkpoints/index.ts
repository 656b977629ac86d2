export * from './signed-checkpoint.js';
export * from './signing-key-ring.js';
