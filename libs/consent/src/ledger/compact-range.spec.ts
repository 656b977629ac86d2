import { describe, expect, it } from '@jest/globals';
import { CompactRange, type CompactRangeJson } from './compact-range.js';
import { EMPTY_ROOT, hashesEqual, toBase64, toHex } from './hashing.js';
import { MemorySubtreeReader } from './memory-subtree-reader.js';
import { rootHash } from './merkle-tree.js';
import { isPerfectSubtree, perfectSubtreeCover } from './subtree-range.js';
import { sampleLeafHashes } from './testdata/sample-leaves.js';

const MAX = 600;
const leaves = sampleLeafHashes(MAX);
const reader = new MemorySubtreeReader(leaves);
/** Reference roots from the literal RFC definition, computed once. */
const roots = Array.from({ length: MAX + 1 }, (_, n) => rootHash(leaves.slice(0, n)));
const leaf = (i: number): Uint8Array => leaves[i] as Uint8Array;

describe('CompactRange', () => {
  it('has the root of the same leaves after every append, for 0..600 leaves', () => {
    const range = CompactRange.empty();
    const wrong: number[] = [];
    for (let n = 0; n <= MAX; n++) {
      if (n > 0) range.append(leaf(n - 1));
      if (range.size !== n || !hashesEqual(range.root(), roots[n] as Uint8Array)) wrong.push(n);
    }
    expect(wrong).toEqual([]);
    expect(toHex(CompactRange.empty().root())).toBe(toHex(EMPTY_ROOT));
  });

  it('resumes after a restart: serialised and restored at any point it continues to the same roots', () => {
    for (const cut of [0, 1, 2, 3, 7, 8, 100, 255, 256, 257, 511, 599]) {
      const before = CompactRange.fromLeaves(leaves.slice(0, cut));
      // Through real JSON text, as the storage layer would persist it.
      const restored = CompactRange.fromJSON(JSON.parse(JSON.stringify(before)) as unknown);
      expect(restored.size).toBe(cut);
      expect(toHex(restored.root())).toBe(toHex(roots[cut] as Uint8Array));
      for (let n = cut; n < MAX; n++) restored.append(leaf(n));
      expect(toHex(restored.root())).toBe(toHex(roots[MAX] as Uint8Array));
    }
  });

  it('persists the size and one base64 hash per 1-bit of the size, largest subtree first', () => {
    const json: CompactRangeJson = CompactRange.fromLeaves(leaves.slice(0, 13)).toJSON();
    expect(json.size).toBe(13);
    expect(json.hashes).toEqual([reader.subtreeHash(0, 8), reader.subtreeHash(8, 12), reader.subtreeHash(12, 13)].map(toBase64));
    expect(CompactRange.empty().toJSON()).toEqual({ size: 0, hashes: [] });
  });

  it('lists its perfect subtrees as the cover of [0, size), with their hashes', () => {
    for (const n of [1, 6, 13, 64, 100, 599]) {
      const nodes = CompactRange.fromLeaves(leaves.slice(0, n)).nodes();
      expect(nodes.map(({ start, end }) => ({ start, end }))).toEqual(perfectSubtreeCover({ start: 0, end: n }));
      nodes.forEach((node) => expect(toHex(node.hash)).toBe(toHex(reader.subtreeHash(node.start, node.end))));
    }
  });

  it('reports every perfect subtree an append completes, each exactly once, with the right hash', () => {
    const range = CompactRange.empty();
    const seen = new Set<string>();
    for (let n = 0; n < 300; n++) {
      const completed = range.append(leaf(n));
      expect(completed[0]).toMatchObject({ start: n, end: n + 1 });
      for (const node of completed) {
        expect(isPerfectSubtree(node)).toBe(true);
        expect(node.end).toBe(n + 1);
        expect(toHex(node.hash)).toBe(toHex(reader.subtreeHash(node.start, node.end)));
        const key = `${node.start}:${node.end}`;
        expect(seen.has(key)).toBe(false);
        seen.add(key);
      }
    }
    // Every perfect subtree of the 300-leaf tree: 300 leaves, 150 pairs, 75 quads, …
    let expected = 0;
    for (let width = 1; width <= 300; width *= 2) expected += Math.floor(300 / width);
    expect(seen.size).toBe(expected);
  });

  it('is rebuilt from hashes read back from storage', () => {
    const size = 77;
    const hashes = perfectSubtreeCover({ start: 0, end: size }).map((r) => reader.subtreeHash(r.start, r.end));
    const range = CompactRange.fromHashes({ size, hashes });
    range.append(leaf(77));
    expect(toHex(range.root())).toBe(toHex(roots[78] as Uint8Array));
  });

  it('keeps its own copies: neither the caller’s leaf buffer nor a clone can change it', () => {
    const buffer = leaf(0).slice();
    const range = CompactRange.fromLeaves([buffer]);
    buffer.fill(0);
    expect(toHex(range.root())).toBe(toHex(roots[1] as Uint8Array));
    const clone = range.clone();
    clone.append(leaf(1));
    expect(range.size).toBe(1);
    expect(toHex(clone.root())).toBe(toHex(roots[2] as Uint8Array));
    range.root().fill(0);
    range.nodes()[0]?.hash.fill(0);
    expect(toHex(range.root())).toBe(toHex(roots[1] as Uint8Array));
  });

  it('refuses persisted state that does not describe a compact range', () => {
    const good = CompactRange.fromLeaves(leaves.slice(0, 5)).toJSON();
    const bad: unknown[] = [
      null,
      'x',
      { size: 5 },
      { ...good, size: 4 },
      { ...good, size: 7 },
      { ...good, size: -1 },
      { ...good, size: 5.5 },
      { ...good, hashes: good.hashes.slice(1) },
      { ...good, hashes: [good.hashes[0], 'not base64!'] },
      { ...good, hashes: [good.hashes[0], toBase64(new Uint8Array(31))] },
      { ...good, hashes: [good.hashes[0], 7] },
    ];
    for (const value of bad) expect(() => CompactRange.fromJSON(value)).toThrow();
    // The hashes do not encode the size: 6 has as many 1-bits as 5, so only the storage layer, which
    // knows how many leaves it holds, can tell that this one is wrong.
    expect(CompactRange.fromJSON({ ...good, size: 6 }).size).toBe(6);
    expect(() => CompactRange.fromHashes({ size: 3, hashes: [leaf(0)] })).toThrow(RangeError);
    expect(() => CompactRange.empty().append(new Uint8Array(8))).toThrow(RangeError);
  });
});
