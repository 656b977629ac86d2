export * from './ledger-schema.js';
export * from './ledger-appender.js';
export * from './ledger-reader.js';
export * from './verify-ledger-database.js';
export * from './signing-key-store.js';
export * from './checkpoint-store.js';
