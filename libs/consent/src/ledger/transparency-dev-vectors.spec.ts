import { createHash } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { CompactRange } from './compact-range.js';
import { EMPTY_ROOT, fromBase64, fromHex, leafHash, nodeHash, toBase64, toHex } from './hashing.js';
import { MemorySubtreeReader } from './memory-subtree-reader.js';
import {
  consistencyProof,
  consistencyProofRanges,
  inclusionProof,
  inclusionProofRanges,
  rootFromReader,
  rootHash,
} from './merkle-tree.js';
import { perfectSubtreeCover, subtreeHashFromPerfect, type SubtreeRange } from './subtree-range.js';
import {
  COMPACT_TREES,
  CONSISTENCY_PROBES,
  CONSISTENCY_PROOFS_HEX,
  CONSISTENCY_SHAPE_ERRORS,
  CONSISTENCY_SHAPES,
  HASHER_VECTORS,
  INCLUSION_PROBES,
  INCLUSION_PROOFS_HEX,
  INCLUSION_SHAPE_ERRORS,
  INCLUSION_SHAPES,
  LEAF_INPUTS_HEX,
  NODE_HASHES_HEX,
  ROOT_HASHES_HEX,
  SOME_HASH_HEX,
  SUBTREE_HASH_VECTOR,
  type ConsistencyProbe,
  type InclusionProbe,
  type ProofShape,
} from './testdata/transparency-dev-vectors.js';
import { checkConsistency, checkInclusion, verifyConsistency, verifyInclusion } from './verify-proof.js';

const hex = (bytes: readonly Uint8Array[]): string[] => bytes.map(toHex);
const leaves = LEAF_INPUTS_HEX.map((input) => leafHash(fromHex(input)));
const reader = new MemorySubtreeReader(leaves);
const nodeHex = (level: number, index: number): string => {
  const value = NODE_HASHES_HEX[level]?.[index];
  if (value === undefined) throw new Error(`No reference node (${level}, ${index}).`);
  return value;
};
const rootHex = (size: number): string => {
  const value = ROOT_HASHES_HEX[size];
  if (value === undefined) throw new Error(`No reference root for size ${size}.`);
  return value;
};
/** The leaves a node ID (level, index) of the Go library covers. */
const rangeOf = ([level, index]: readonly [number, number]): SubtreeRange => ({ start: index * 2 ** level, end: (index + 1) * 2 ** level });

/** The ranges a proof of the given shape consists of: rehashed node runs become the one range they cover. */
function rangesOfShape(shape: ProofShape): SubtreeRange[] {
  const ranges = shape.nodes.map(rangeOf);
  if (!shape.rehash) return ranges;
  const [begin, end] = shape.rehash;
  const merged = ranges.slice(begin, end);
  const covering = { start: Math.min(...merged.map((r) => r.start)), end: Math.max(...merged.map((r) => r.end)) };
  return [...ranges.slice(0, begin), covering, ...ranges.slice(end)];
}

/** A Go uint64 as the number a JavaScript client would hold (2^64 - 1 is no safe integer, and must be refused). */
const asNumber = (value: number | bigint): number => Number(value);
const decodeProof = (proof: readonly string[] | null): Uint8Array[] => (proof ?? []).map(fromBase64);

describe('transparency-dev reference tree (testonly/constants.go)', () => {
  it('hashes the reference leaves to the published level-0 node hashes', () => {
    expect(hex(leaves)).toEqual(NODE_HASHES_HEX[0]);
  });

  it('computes every published perfect-subtree hash, directly and through the reader', () => {
    NODE_HASHES_HEX.forEach((level, l) => {
      level.forEach((expected, i) => {
        const { start, end } = rangeOf([l, i]);
        expect(toHex(rootHash(leaves.slice(start, end)))).toBe(expected);
        expect(toHex(reader.subtreeHash(start, end))).toBe(expected);
      });
    });
  });

  it('computes the published root of every size 0..8: reference MTH, reader (earlier sizes) and compact range', () => {
    for (let size = 0; size <= 8; size++) {
      expect(toHex(rootHash(leaves.slice(0, size)))).toBe(rootHex(size));
      expect(toHex(rootFromReader({ treeSize: size, reader }))).toBe(rootHex(size));
      expect(toHex(CompactRange.fromLeaves(leaves.slice(0, size)).root())).toBe(rootHex(size));
    }
    expect(toHex(EMPTY_ROOT)).toBe(rootHex(0));
  });

  it('keeps the published compact range (CompactTrees) for every size 0..8', () => {
    COMPACT_TREES.forEach((nodes, size) => {
      const range = CompactRange.fromLeaves(leaves.slice(0, size));
      expect(range.nodes().map((node) => toHex(node.hash))).toEqual(nodes.map(([l, i]) => nodeHex(l, i)));
      expect(range.nodes().map(({ start, end }) => ({ start, end }))).toEqual(nodes.map(rangeOf));
    });
  });

  it('generates every inclusion proof of the 8-leaf tree from the published node hashes: sibling at each level', () => {
    for (let index = 0; index < 8; index++) {
      const expected = [nodeHex(0, index ^ 1), nodeHex(1, (index >> 1) ^ 1), nodeHex(2, (index >> 2) ^ 1)];
      const proof = inclusionProof({ index, treeSize: 8, reader });
      expect(hex(proof)).toEqual(expected);
      expect(verifyInclusion({ index, treeSize: 8, leafHash: fromHex(nodeHex(0, index)), proof, rootHash: fromHex(rootHex(8)) })).toBe(true);
    }
  });

  it('generates, for every earlier size 1..8 and every index, the proof the published nodes imply, and it verifies', () => {
    const published = (start: number, end: number): Uint8Array => {
      const width = end - start;
      return fromHex(nodeHex(Math.log2(width), start / width));
    };
    for (let size = 1; size <= 8; size++) {
      for (let index = 0; index < size; index++) {
        const proof = inclusionProof({ index, treeSize: size, reader });
        const expected = inclusionProofRanges({ index, treeSize: size }).map((r) => subtreeHashFromPerfect({ ...r, perfectHash: published }));
        expect(hex(proof)).toEqual(hex(expected));
        const check = checkInclusion({ index, treeSize: size, leafHash: fromHex(nodeHex(0, index)), proof, rootHash: fromHex(rootHex(size)) });
        expect(check).toEqual({ ok: true });
      }
    }
  });

  it('generates a consistency proof between every pair of sizes 0 ≤ m ≤ n ≤ 8 that verifies against the published roots', () => {
    for (let to = 0; to <= 8; to++) {
      for (let from = 0; from <= to; from++) {
        const proof = consistencyProof({ from, to, reader });
        const check = checkConsistency({ from, to, fromRoot: fromHex(rootHex(from)), toRoot: fromHex(rootHex(to)), proof });
        expect({ from, to, check }).toEqual({ from, to, check: { ok: true } });
      }
    }
  });
});

describe('transparency-dev hasher vectors (rfc6962/rfc6962_test.go)', () => {
  it('hashes the empty tree, the empty leaf, a leaf and a node as published', () => {
    const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
    expect(toHex(EMPTY_ROOT)).toBe(HASHER_VECTORS.emptyRootHex);
    expect(toHex(leafHash(new Uint8Array(0)))).toBe(HASHER_VECTORS.emptyLeafHex);
    expect(toHex(leafHash(utf8(HASHER_VECTORS.leaf.input)))).toBe(HASHER_VECTORS.leaf.hashHex);
    expect(toHex(nodeHash(utf8(HASHER_VECTORS.node.left), utf8(HASHER_VECTORS.node.right)))).toBe(HASHER_VECTORS.node.hashHex);
  });
});

describe('transparency-dev known proofs (proof/verify_test.go)', () => {
  it.each(INCLUSION_PROOFS_HEX.map((v) => [`leaf ${v.leaf} of ${v.size}`, v] as const))('generates and verifies the inclusion proof of %s', (_name, v) => {
    const index = v.leaf - 1;
    const proof = inclusionProof({ index, treeSize: v.size, reader });
    expect(hex(proof)).toEqual(v.proof);
    expect(verifyInclusion({ index, treeSize: v.size, leafHash: leaves[index] as Uint8Array, proof: v.proof.map(fromHex), rootHash: fromHex(rootHex(v.size)) })).toBe(true);
  });

  it.each(CONSISTENCY_PROOFS_HEX.map((v) => [`${v.size1} → ${v.size2}`, v] as const))('generates and verifies the consistency proof %s', (_name, v) => {
    const proof = consistencyProof({ from: v.size1, to: v.size2, reader });
    expect(hex(proof)).toEqual(v.proof);
    expect(
      verifyConsistency({ from: v.size1, to: v.size2, fromRoot: fromHex(rootHex(v.size1)), toRoot: fromHex(rootHex(v.size2)), proof: v.proof.map(fromHex) }),
    ).toBe(true);
  });
});

describe('transparency-dev proof shapes (proof/proof_test.go)', () => {
  it.each(INCLUSION_SHAPES.map((s) => [`leaf ${s.index} of ${s.size}`, s] as const))('asks storage for the published nodes for %s', (_name, shape) => {
    expect(inclusionProofRanges({ index: shape.index, treeSize: shape.size })).toEqual(rangesOfShape(shape));
  });

  it.each(CONSISTENCY_SHAPES.map((s) => [`${s.size1} → ${s.size2}`, s] as const))('asks storage for the published nodes for %s', (_name, shape) => {
    expect(consistencyProofRanges({ from: shape.size1, to: shape.size2 })).toEqual(rangesOfShape(shape));
  });

  it('computes each rehashed (ragged right edge) range from exactly the perfect nodes the library rehashes', () => {
    for (const shape of [...INCLUSION_SHAPES, ...CONSISTENCY_SHAPES]) {
      if (!shape.rehash) continue;
      const [begin, end] = shape.rehash;
      const rehashed = shape.nodes.slice(begin, end).map(rangeOf);
      const covering = rangesOfShape(shape)[begin] as SubtreeRange;
      const byStart = (a: SubtreeRange, b: SubtreeRange): number => a.start - b.start;
      expect([...perfectSubtreeCover(covering)].sort(byStart)).toEqual([...rehashed].sort(byStart));
    }
  });

  it('refuses the published impossible inclusion proofs and consistency proofs', () => {
    for (const { size, index } of INCLUSION_SHAPE_ERRORS) expect(() => inclusionProofRanges({ index, treeSize: size })).toThrow(RangeError);
    for (const { size1, size2 } of CONSISTENCY_SHAPE_ERRORS) expect(() => consistencyProofRanges({ from: size1, to: size2 })).toThrow(RangeError);
  });
});

describe('transparency-dev subtree hash vector (testonly/vectors_test.go)', () => {
  it('reproduces the rolling digest over every valid subtree of the 130-leaf tree', () => {
    const n = SUBTREE_HASH_VECTOR.maxEnd;
    const byteLeaves = new MemorySubtreeReader(Array.from({ length: n }, (_, i) => leafHash(Uint8Array.of(i))));
    const bitCeil = (width: number): number => 2 ** Math.ceil(Math.log2(width));
    const rolling = createHash('sha256');
    let lines = 0;
    for (let end = 1; end <= n; end++) {
      for (let start = 0; start < end; start++) {
        if (start !== 0 && start % bitCeil(end - start) !== 0) continue;
        rolling.update(`[${start}, ${end}) ${toHex(byteLeaves.subtreeHash(start, end))}\n`);
        lines += 1;
      }
    }
    expect(lines).toBeGreaterThan(n);
    expect(rolling.digest('hex')).toBe(SUBTREE_HASH_VECTOR.digestHex);
  });
});

/**
 * The failure probes are mechanical variations of the happy path of their directory. Re-deriving each
 * from its description checks that the transcription is faithful, so a typo cannot turn a probe into
 * an accidental (and meaningless) failure.
 */
function derivedInclusionProbe(happy: InclusionProbe, desc: string): Omit<InclusionProbe, 'file' | 'desc' | 'wantErr'> {
  const p = happy.proof ?? [];
  const flip = (i: number): string[] => p.map((h, j) => (j === i ? toBase64(Uint8Array.from(fromBase64(h), (b, k) => (k === 0 ? b ^ 8 : b))) : h));
  const idx = BigInt(happy.leafIdx);
  const size = BigInt(happy.treeSize);
  const base = { leafIdx: happy.leafIdx, treeSize: happy.treeSize, root: happy.root, leafHash: happy.leafHash, proof: happy.proof };
  const modified = /^modified proof\[(\d)\] bit 3$/.exec(desc);
  if (modified) return { ...base, proof: flip(Number(modified[1])) };
  const uint64 = (v: bigint): number | bigint => {
    const wrapped = BigInt.asUintN(64, v);
    return wrapped > BigInt(Number.MAX_SAFE_INTEGER) ? wrapped : Number(wrapped);
  };
  switch (desc) {
    case 'leafIdx + 1':
      return { ...base, leafIdx: uint64(idx + 1n) };
    case 'leafIdx - 1':
      return { ...base, leafIdx: uint64(idx - 1n) };
    case 'leafIdx ^ 2':
      return { ...base, leafIdx: uint64(idx ^ 2n) };
    case 'treeSize * 2':
      return { ...base, treeSize: uint64(size * 2n) };
    case 'treeSize div 2':
      return { ...base, treeSize: uint64(size / 2n) };
    case 'wrong leaf':
      return { ...base, leafHash: toBase64(new TextEncoder().encode('WrongLeaf')) };
    case 'empty root':
      return { ...base, root: toBase64(EMPTY_ROOT) };
    case 'random root':
      return { ...base, root: toBase64(fromHex(SOME_HASH_HEX)) };
    case 'trailing garbage':
      return { ...base, proof: [...p, ''] };
    case 'trailing root':
      return { ...base, proof: [...p, happy.root] };
    case 'preceding garbage':
      return { ...base, proof: ['', ...p] };
    case 'preceding root':
      return { ...base, proof: [happy.root, ...p] };
    case 'removed component':
      return { ...base, proof: p.slice(0, -1) };
    case 'inserted component':
      return { ...base, proof: [p[0] as string, toBase64(fromHex(SOME_HASH_HEX)), ...p.slice(1)] };
    default:
      throw new Error(`Unknown inclusion probe kind "${desc}".`);
  }
}

function derivedConsistencyProbe(happy: ConsistencyProbe, desc: string): Omit<ConsistencyProbe, 'file' | 'desc' | 'wantErr'> {
  const p = happy.proof ?? [];
  const flip = (i: number): string[] => p.map((h, j) => (j === i ? toBase64(Uint8Array.from(fromBase64(h), (b, k) => (k === 0 ? b ^ 16 : b))) : h));
  const size1 = Number(happy.size1);
  const size2 = Number(happy.size2);
  const base = { size1: happy.size1, size2: happy.size2, root1: happy.root1, root2: happy.root2, proof: happy.proof };
  const wrongRoot = toBase64(new TextEncoder().encode('WrongRoot'));
  const modified = /^modified proof\[(\d)\] bit 4$/.exec(desc);
  if (modified) return { ...base, proof: flip(Number(modified[1])) };
  switch (desc) {
    case 'size1 + 1':
      return { ...base, size1: size1 + 1 };
    case 'size1 - 1':
      return { ...base, size1: size1 - 1 };
    case 'size1 ^ 2':
      return { ...base, size1: size1 ^ 2 };
    case 'size2 * 2':
      return { ...base, size2: size2 * 2 };
    case 'size2 div 2':
      return { ...base, size2: Math.floor(size2 / 2) };
    case 'wrong root1':
      return { ...base, root1: wrongRoot };
    case 'wrong root2':
      return { ...base, root2: wrongRoot };
    case 'swapped roots':
      return { ...base, root1: happy.root2, root2: happy.root1 };
    case 'empty proof':
      return { ...base, proof: [] };
    case 'trailing garbage':
      return { ...base, proof: [...p, ''] };
    case 'trailing root1':
      return { ...base, proof: [...p, happy.root1] };
    case 'trailing root2':
      return { ...base, proof: [...p, happy.root2] };
    case 'preceding garbage':
      return { ...base, proof: ['', ...p] };
    case 'preceding root1':
      return { ...base, proof: [happy.root1, ...p] };
    case 'preceding root2':
      return { ...base, proof: [happy.root2, ...p] };
    case 'preceding proof[0]':
      return { ...base, proof: [p[0] as string, ...p] };
    case 'truncated proof':
      return { ...base, proof: p.slice(0, -1) };
    default:
      throw new Error(`Unknown consistency probe kind "${desc}".`);
  }
}

const directoryOf = (file: string): string => file.slice(0, file.lastIndexOf('/'));

describe('transparency-dev probe files (testdata/inclusion)', () => {
  it('has a happy path for each of the five directories and 43 failure probes', () => {
    expect(INCLUSION_PROBES.filter((p) => !p.wantErr).map((p) => directoryOf(p.file))).toEqual([0, 1, 2, 3, 4].map((n) => `testdata/inclusion/${n}`));
    expect(INCLUSION_PROBES.filter((p) => p.wantErr)).toHaveLength(43);
  });

  it.each(INCLUSION_PROBES.map((p) => [p.file, p] as const))('%s', (_file, probe) => {
    const params = {
      index: asNumber(probe.leafIdx),
      treeSize: asNumber(probe.treeSize),
      leafHash: fromBase64(probe.leafHash),
      proof: decodeProof(probe.proof),
      rootHash: fromBase64(probe.root),
    };
    const check = checkInclusion(params);
    expect(check.ok).toBe(!probe.wantErr);
    expect(verifyInclusion(params)).toBe(!probe.wantErr);
    if (probe.wantErr) {
      const happy = INCLUSION_PROBES.find((p) => p.file === `${directoryOf(probe.file)}/happy-path.json`) as InclusionProbe;
      const { file: _file, desc: _desc, wantErr: _wantErr, ...transcribed } = probe;
      expect(transcribed).toEqual(derivedInclusionProbe(happy, probe.desc));
    } else {
      // The happy paths are also what this library generates for the reference tree.
      const proof = inclusionProof({ index: params.index, treeSize: params.treeSize, reader });
      expect(proof.map(toBase64)).toEqual(probe.proof ?? []);
      expect(toBase64(reader.subtreeHash(params.index, params.index + 1))).toBe(probe.leafHash);
    }
  });
});

describe('transparency-dev probe files (testdata/consistency)', () => {
  it('has a happy path for each of the five directories and 39 failure probes', () => {
    expect(CONSISTENCY_PROBES.filter((p) => !p.wantErr).map((p) => directoryOf(p.file))).toEqual([0, 1, 2, 3, 4].map((n) => `testdata/consistency/${n}`));
    expect(CONSISTENCY_PROBES.filter((p) => p.wantErr)).toHaveLength(39);
  });

  it.each(CONSISTENCY_PROBES.map((p) => [p.file, p] as const))('%s', (_file, probe) => {
    const params = {
      from: asNumber(probe.size1),
      to: asNumber(probe.size2),
      fromRoot: fromBase64(probe.root1),
      toRoot: fromBase64(probe.root2),
      proof: decodeProof(probe.proof),
    };
    expect(checkConsistency(params).ok).toBe(!probe.wantErr);
    expect(verifyConsistency(params)).toBe(!probe.wantErr);
    if (probe.wantErr) {
      const happy = CONSISTENCY_PROBES.find((p) => p.file === `${directoryOf(probe.file)}/happy-path.json`) as ConsistencyProbe;
      const { file: _file, desc: _desc, wantErr: _wantErr, ...transcribed } = probe;
      expect(transcribed).toEqual(derivedConsistencyProbe(happy, probe.desc));
    } else {
      const proof = consistencyProof({ from: params.from, to: params.to, reader });
      expect(proof.map(toBase64)).toEqual(probe.proof ?? []);
      expect(toBase64(rootFromReader({ treeSize: params.from, reader }))).toBe(probe.root1);
      expect(toBase64(rootFromReader({ treeSize: params.to, reader }))).toBe(probe.root2);
    }
  });
});
