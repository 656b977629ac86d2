// The verifiable-log core of the consent ledger (RFC 9162 §2.1 Merkle tree, proofs and their
// verification, compact range) and RFC 8785 canonical JSON for leaf bytes. Pure: no framework, no I/O.
export * from './canonical-json.js';
export * from './compact-range.js';
export * from './hashing.js';
export * from './memory-subtree-reader.js';
export * from './merkle-tree.js';
export * from './subtree-range.js';
export * from './verify-proof.js';
