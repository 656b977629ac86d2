// The verifiable share (RULES.md §2 invariant 7): the coordinator commits to every (claim, weight)
// entry of a plan in one Merkle root and tells each creditor only its own entries with their proofs;
// the creditor's node checks its share from that alone.
export * from './creditor-share-disclosure.js';
export * from './share-commitment.js';
export * from './verify-own-share.js';
