import { HASH_SIZE, isHash, nodeHash } from './hashing.js';
import type { SubtreeHashReader } from './merkle-tree.js';
import { isPerfectSubtree, subtreeHashFromPerfect } from './subtree-range.js';

/**
 * Hashes of one level of the tree packed into one growing byte array: 32 bytes per node instead of a
 * typed-array object per hash, so a million-leaf tree costs ~64 MB rather than several hundred.
 */
class PackedHashes {
  private bytes = new Uint8Array(HASH_SIZE * 64);
  count = 0;

  push(hash: Uint8Array): void {
    if ((this.count + 1) * HASH_SIZE > this.bytes.byteLength) {
      const grown = new Uint8Array(this.bytes.byteLength * 2);
      grown.set(this.bytes);
      this.bytes = grown;
    }
    this.bytes.set(hash, this.count * HASH_SIZE);
    this.count += 1;
  }

  /** A view, valid until the next push; callers that keep it must copy. */
  view(index: number): Uint8Array {
    return this.bytes.subarray(index * HASH_SIZE, (index + 1) * HASH_SIZE);
  }
}

/**
 * An in-memory {@link SubtreeHashReader} over a growing list of leaf hashes, for tests, tools and small
 * logs. It keeps what the storage layer keeps: the hash of every perfect, aligned subtree, updated on
 * append (one node hash per append on average), and computes any other range from those.
 */
export class MemorySubtreeReader implements SubtreeHashReader {
  /** levels[l] holds the hashes of the perfect subtrees of 2^l leaves, left to right. */
  private readonly levels: PackedHashes[] = [new PackedHashes()];

  constructor(leafHashes: Iterable<Uint8Array> = []) {
    for (const hash of leafHashes) this.append(hash);
  }

  /** The number of leaves. */
  get size(): number {
    return (this.levels[0] as PackedHashes).count;
  }

  append(leafHash: Uint8Array): void {
    if (!isHash(leafHash)) throw new RangeError('A leaf hash is 32 bytes.');
    let level = 0;
    let hash = leafHash;
    for (;;) {
      const nodes = this.levelAt(level);
      nodes.push(hash);
      // An odd index is a right child: its parent subtree has just become complete.
      const index = nodes.count - 1;
      if (index % 2 === 0) return;
      hash = nodeHash(nodes.view(index - 1), nodes.view(index));
      level += 1;
    }
  }

  subtreeHash(start: number, end: number): Uint8Array {
    if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end) || start < 0 || start >= end || end > this.size) {
      throw new RangeError(`No subtree [${start}, ${end}) in a tree of ${this.size} leaves.`);
    }
    return subtreeHashFromPerfect({ start, end, perfectHash: (s, e) => this.perfectHash(s, e) });
  }

  private perfectHash(start: number, end: number): Uint8Array {
    if (!isPerfectSubtree({ start, end })) throw new RangeError(`[${start}, ${end}) is not a perfect subtree.`);
    const width = end - start;
    const level = Math.round(Math.log2(width));
    return this.levelAt(level).view(start / width).slice();
  }

  private levelAt(level: number): PackedHashes {
    let nodes = this.levels[level];
    if (!nodes) {
      nodes = new PackedHashes();
      this.levels[level] = nodes;
    }
    return nodes;
  }
}
