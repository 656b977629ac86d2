import { leafHash } from '../hashing.js';

/**
 * Leaf hashes of `count` distinct sample entries, computed once per test file. Distinct leaves matter:
 * with two equal leaves a swapped or substituted proof element could legitimately still verify.
 */
export function sampleLeafHashes(count: number): Uint8Array[] {
  const encoder = new TextEncoder();
  return Array.from({ length: count }, (_, i) => leafHash(encoder.encode(`{"event":"consent.given","seq":${i}}`)));
}
