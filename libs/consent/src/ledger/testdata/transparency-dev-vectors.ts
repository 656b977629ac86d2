/**
 * Public test vectors of the transparency-dev Merkle tree library, transcribed as DATA only (no code).
 *
 * Source repository: https://github.com/transparency-dev/merkle
 * Licence: Apache License, Version 2.0 (https://www.apache.org/licenses/LICENSE-2.0),
 *          Copyright 2016–2025 Google LLC. The values below are unchanged from the files named.
 *
 * Files:
 *  - testonly/constants.go        LeafInputs, NodeHashes, RootHashes, CompactTrees, EmptyRootHash (hex)
 *  - rfc6962/rfc6962_test.go      TestRFC6962Hasher (hex)
 *  - proof/verify_test.go         inclusionProofs, consistencyProofs, sha256SomeHash (hex; 2017 edition,
 *                                 whose `leaf` field is 1-based)
 *  - proof/proof_test.go          TestInclusion / TestConsistency expected node IDs (level, index) and
 *                                 rehash spans [begin, end), for the tree drawn in that file
 *  - testonly/vectors_test.go     TestSubtreeHashVectors: the rolling SHA-256 over all valid subtree
 *                                 hashes of the 130-leaf tree d[i] = byte(i) (from the "Subtree Test
 *                                 Vectors" appendix of draft-ietf-plants-merkle-tree-certs)
 *  - testdata/inclusion/{0..4}/*.json and testdata/consistency/{0..4}/*.json: the probe files
 *                                 (base64, as in the source). All happy paths are included; the
 *                                 failure probes are those of inclusion/0, /1, /3 and consistency/1, /3
 *                                 (every failure kind the corpus has). A uint64 that underflowed in Go
 *                                 (leafIdx - 1 with leafIdx = 0) is kept exact as a bigint.
 */

/** testonly/constants.go LeafInputs(): the eight leaves of the reference tree (hex). */
export const LEAF_INPUTS_HEX: readonly string[] = [
  '',
  '00',
  '10',
  '2021',
  '3031',
  '40414243',
  '5051525354555657',
  '606162636465666768696a6b6c6d6e6f',
];

/**
 * testonly/constants.go NodeHashes(): the hashes of all perfect subtrees of the 8-leaf reference tree,
 * NODE_HASHES_HEX[level][index] covering leaves [index·2^level, (index+1)·2^level).
 */
export const NODE_HASHES_HEX: readonly (readonly string[])[] = [
  [
    '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
    '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
    '0298d122906dcfc10892cb53a73992fc5b9f493ea4c9badb27b791b4127a7fe7',
    '07506a85fd9dd2f120eb694f86011e5bb4662e5c415a62917033d4a9624487e7',
    'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
    '4271a26be0d8a84f0bd54c8c302e7cb3a3b5d1fa6780a40bcce2873477dab658',
    'b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f',
    '46f6ffadd3d06a09ff3c5860d2755c8b9819db7df44251788c7d8e3180de8eb1',
  ],
  [
    'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
    '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
    '0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a',
    'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
  ],
  [
    'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
  ],
  ['5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328'],
];

/** testonly/constants.go RootHashes(): ROOT_HASHES_HEX[n] is the root of the first n reference leaves. */
export const ROOT_HASHES_HEX: readonly string[] = [
  'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
  '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
];

/**
 * testonly/constants.go CompactTrees(): for each size 0..8, the compact range of the reference tree
 * as [level, index] references into NODE_HASHES_HEX, largest subtree first.
 */
export const COMPACT_TREES: readonly (readonly (readonly [level: number, index: number])[])[] = [
  [],
  [[0, 0]],
  [[1, 0]],
  [[1, 0], [0, 2]],
  [[2, 0]],
  [[2, 0], [0, 4]],
  [[2, 0], [1, 2]],
  [[2, 0], [1, 2], [0, 6]],
  [[3, 0]],
];

/** rfc6962/rfc6962_test.go TestRFC6962Hasher. */
export const HASHER_VECTORS = {
  emptyRootHex: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  /** HashLeaf([]byte{}) */
  emptyLeafHex: '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  /** HashLeaf([]byte("L123456")) */
  leaf: { input: 'L123456', hashHex: '395aa064aa4c29f7010acfe3f25db9485bbd4b91897b6ad7ad547639252b4d56' },
  /** HashChildren([]byte("N123"), []byte("N456")): the hasher takes any bytes, not only 32-byte hashes. */
  node: { left: 'N123', right: 'N456', hashHex: 'aa217fe888e47007fa15edab33c2b492a722cb106c64667fc2b044444de66bbb' },
} as const;

/** proof/verify_test.go sha256SomeHash: an arbitrary 32-byte value that is no node of the tree. */
export const SOME_HASH_HEX = 'abacaba000000000000000000000000000000000000000000060061e00123456';

/** proof/verify_test.go inclusionProofs: {leaf (1-based), size, proof} over the reference tree. */
export const INCLUSION_PROOFS_HEX: readonly { readonly leaf: number; readonly size: number; readonly proof: readonly string[] }[] = [
  { leaf: 1, size: 1, proof: [] },
  {
    leaf: 1,
    size: 8,
    proof: [
      '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
    ],
  },
  {
    leaf: 6,
    size: 8,
    proof: [
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
      'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ],
  },
  { leaf: 3, size: 3, proof: ['fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125'] },
  {
    leaf: 2,
    size: 5,
    proof: [
      '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
    ],
  },
];

/** proof/verify_test.go consistencyProofs: {size1, size2, proof} over the reference tree. */
export const CONSISTENCY_PROOFS_HEX: readonly { readonly size1: number; readonly size2: number; readonly proof: readonly string[] }[] = [
  { size1: 1, size2: 1, proof: [] },
  {
    size1: 1,
    size2: 8,
    proof: [
      '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
    ],
  },
  {
    size1: 6,
    size2: 8,
    proof: [
      '0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a',
      'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ],
  },
  {
    size1: 2,
    size2: 5,
    proof: [
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
    ],
  },
  {
    size1: 6,
    size2: 7,
    proof: [
      '0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a',
      'b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ],
  },
];

/**
 * proof/proof_test.go: which tree nodes a proof consists of, as [level, index] node IDs in proof order.
 * `rehash: [begin, end]` means nodes[begin..end-1] are not sent separately but hashed together (right
 * to left) into the one hash of the tree's ragged right edge they cover.
 */
export interface ProofShape {
  readonly nodes: readonly (readonly [level: number, index: number])[];
  readonly rehash?: readonly [begin: number, end: number];
}

export const INCLUSION_SHAPES: readonly ({ readonly size: number; readonly index: number } & ProofShape)[] = [
  { size: 1, index: 0, nodes: [] },
  { size: 2, index: 0, nodes: [[0, 1]] },
  { size: 2, index: 1, nodes: [[0, 0]] },
  { size: 3, index: 1, nodes: [[0, 0], [0, 2]] },
  { size: 7, index: 0, nodes: [[0, 1], [1, 1], [0, 6], [1, 2]], rehash: [2, 4] },
  { size: 7, index: 1, nodes: [[0, 0], [1, 1], [0, 6], [1, 2]], rehash: [2, 4] },
  { size: 7, index: 2, nodes: [[0, 3], [1, 0], [0, 6], [1, 2]], rehash: [2, 4] },
  { size: 7, index: 3, nodes: [[0, 2], [1, 0], [0, 6], [1, 2]], rehash: [2, 4] },
  { size: 7, index: 4, nodes: [[0, 5], [0, 6], [2, 0]] },
  { size: 7, index: 5, nodes: [[0, 4], [0, 6], [2, 0]] },
  { size: 7, index: 6, nodes: [[1, 2], [2, 0]] },
  { size: 4, index: 2, nodes: [[0, 3], [1, 0]] },
  { size: 5, index: 3, nodes: [[0, 2], [1, 0], [0, 4]] },
  { size: 6, index: 3, nodes: [[0, 2], [1, 0], [1, 2]] },
  { size: 6, index: 4, nodes: [[0, 5], [2, 0]] },
  { size: 15, index: 10, nodes: [[0, 11], [1, 4], [0, 14], [1, 6], [3, 0]], rehash: [2, 4] },
  { size: 31, index: 24, nodes: [[0, 25], [1, 13], [0, 30], [1, 14], [3, 2], [4, 0]], rehash: [2, 4] },
  { size: 95, index: 81, nodes: [[0, 80], [1, 41], [2, 21], [0, 94], [1, 46], [2, 22], [4, 4], [6, 0]], rehash: [3, 6] },
];

/** proof/proof_test.go TestInclusion error cases: (size, index) pairs that have no inclusion proof. */
export const INCLUSION_SHAPE_ERRORS: readonly { readonly size: number; readonly index: number }[] = [
  { size: 0, index: 0 },
  { size: 0, index: 1 },
  { size: 1, index: 2 },
  { size: 0, index: 3 },
  { size: 7, index: 8 },
];

export const CONSISTENCY_SHAPES: readonly ({ readonly size1: number; readonly size2: number } & ProofShape)[] = [
  { size1: 1, size2: 2, nodes: [[0, 1]] },
  { size1: 1, size2: 4, nodes: [[0, 1], [1, 1]] },
  { size1: 1, size2: 6, nodes: [[0, 1], [1, 1], [1, 2]] },
  { size1: 2, size2: 3, nodes: [[0, 2]] },
  { size1: 2, size2: 8, nodes: [[1, 1], [2, 1]] },
  { size1: 3, size2: 7, nodes: [[0, 2], [0, 3], [1, 0], [0, 6], [1, 2]], rehash: [3, 5] },
  { size1: 4, size2: 7, nodes: [[0, 6], [1, 2]], rehash: [0, 2] },
  { size1: 5, size2: 7, nodes: [[0, 4], [0, 5], [0, 6], [2, 0]] },
  { size1: 6, size2: 7, nodes: [[1, 2], [0, 6], [2, 0]] },
  { size1: 7, size2: 8, nodes: [[0, 6], [0, 7], [1, 2], [2, 0]] },
  { size1: 1, size2: 1, nodes: [] },
  { size1: 2, size2: 2, nodes: [] },
  { size1: 3, size2: 3, nodes: [] },
  { size1: 4, size2: 4, nodes: [] },
  { size1: 5, size2: 5, nodes: [] },
  { size1: 7, size2: 7, nodes: [] },
  { size1: 8, size2: 8, nodes: [] },
  { size1: 2, size2: 4, nodes: [[1, 1]] },
  { size1: 3, size2: 5, nodes: [[0, 2], [0, 3], [1, 0], [0, 4]] },
  { size1: 3, size2: 6, nodes: [[0, 2], [0, 3], [1, 0], [1, 2]] },
  { size1: 4, size2: 6, nodes: [[1, 2]] },
  { size1: 1, size2: 7, nodes: [[0, 1], [1, 1], [0, 6], [1, 2]], rehash: [2, 4] },
  { size1: 10, size2: 15, nodes: [[1, 4], [1, 5], [0, 14], [1, 6], [3, 0]], rehash: [2, 4] },
  { size1: 24, size2: 31, nodes: [[3, 2], [0, 30], [1, 14], [2, 6], [4, 0]], rehash: [1, 4] },
  { size1: 81, size2: 95, nodes: [[0, 80], [0, 81], [1, 41], [2, 21], [0, 94], [1, 46], [2, 22], [4, 4], [6, 0]], rehash: [4, 7] },
];

/** proof/proof_test.go TestConsistency error cases: (size1, size2) pairs that have no proof. */
export const CONSISTENCY_SHAPE_ERRORS: readonly { readonly size1: number; readonly size2: number }[] = [
  { size1: 5, size2: 0 },
  { size1: 9, size2: 8 },
];

/**
 * testonly/vectors_test.go TestSubtreeHashVectors: SHA-256 over the lines "[start, end) <hex hash>\n"
 * for end = 1..maxEnd and, within each end, start = 0..end-1 ascending, keeping only valid subtrees
 * (start = 0, or start a multiple of the smallest power of two ≥ end - start), where the hash is MTH of
 * leaves start..end-1 of the tree whose leaf i is the single byte i.
 */
export const SUBTREE_HASH_VECTOR = {
  maxEnd: 130,
  digestHex: '94a95384a8c69acea9b50d035a58285b3a777cb7a724005faa5e1f1e1190007f',
} as const;

/** One testdata/inclusion/<n>/<case>.json file: hashes in base64, proof null when Go had a nil slice. */
export interface InclusionProbe {
  readonly file: string;
  /** A bigint where the Go uint64 has no exact JavaScript number (2^64 - 1). */
  readonly leafIdx: number | bigint;
  readonly treeSize: number | bigint;
  readonly root: string;
  readonly leafHash: string;
  readonly proof: readonly string[] | null;
  readonly desc: string;
  readonly wantErr: boolean;
}

/** One testdata/consistency/<n>/<case>.json file. */
export interface ConsistencyProbe {
  readonly file: string;
  readonly size1: number | bigint;
  readonly size2: number | bigint;
  readonly root1: string;
  readonly root2: string;
  readonly proof: readonly string[] | null;
  readonly desc: string;
  readonly wantErr: boolean;
}

export const INCLUSION_PROBES: readonly InclusionProbe[] = [
  {
    file: 'testdata/inclusion/0/happy-path.json',
    leafIdx: 0,
    treeSize: 1,
    root: 'bjQLnP+zepicpUTmu3gKLHiQHT+zNzh2hRGjBhevoB0=',
    leafHash: 'bjQLnP+zepicpUTmu3gKLHiQHT+zNzh2hRGjBhevoB0=',
    proof: null,
    desc: 'happy path',
    wantErr: false,
  },
  {
    file: 'testdata/inclusion/0/empty-root.json',
    leafIdx: 0,
    treeSize: 1,
    root: '47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=',
    leafHash: 'bjQLnP+zepicpUTmu3gKLHiQHT+zNzh2hRGjBhevoB0=',
    proof: null,
    desc: 'empty root',
    wantErr: true,
  },
  {
    file: 'testdata/inclusion/0/leafIdx-+-1.json',
    leafIdx: 1,
    treeSize: 1,
    root: 'bjQLnP+zepicpUTmu3gKLHiQHT+zNzh2hRGjBhevoB0=',
    leafHash: 'bjQLnP+zepicpUTmu3gKLHiQHT+zNzh2hRGjBhevoB0=',
    proof: null,
    desc: 'leafIdx + 1',
    wantErr: true,
  },
  {
    file: 'testdata/inclusion/0/leafIdx---1.json',
    leafIdx: 18446744073709551615n,
    treeSize: 1,
    root: 'bjQLnP+zepicpUTmu3gKLHiQHT+zNzh2hRGjBhevoB0=',
    leafHash: 'bjQLnP+zepicpUTmu3gKLHiQHT+zNzh2hRGjBhevoB0=',
    proof: null,
    desc: 'leafIdx - 1',
    wantErr: true,
  },
  {
    file: 'testdata/inclusion/0/leafIdx-^-2.json',
    leafIdx: 2,
    treeSize: 1,
    root: 'bjQLnP+zepicpUTmu3gKLHiQHT+zNzh2hRGjBhevoB0=',
    leafHash: 'bjQLnP+zepicpUTmu3gKLHiQHT+zNzh2hRGjBhevoB0=',
    proof: null,
    desc: 'leafIdx ^ 2',
    wantErr: true,
  },
  {
    file: 'testdata/inclusion/0/preceding-garbage.json',
    leafIdx: 0,
    treeSize: 1,
    root: 'bjQLnP+zepicpUTmu3gKLHiQHT+zNzh2hRGjBhevoB0=',
    leafHash: 'bjQLnP+zepicpUTmu3gKLHiQHT+zNzh2hRGjBhevoB0=',
    proof: [
      '',
    ],
    desc: 'preceding garbage',
    wantErr: true,
  },
  {
    file: 'testdata/inclusion/0/preceding-root.json',
    leafIdx: 0,
    treeSize: 1,
    root: 'bjQLnP+zepicpUTmu3gKLHiQHT+zNzh2hRGjBhevoB0=',
    leafHash: 'bjQLnP+zepicpUTmu3gKLHiQHT+zNzh2hRGjBhevoB0=',
    proof: [
      'bjQLnP+zepicpUTmu3gKLHiQHT+zNzh2hRGjBhevoB0=',
    ],
    desc: 'preceding root',
    wantErr: true,
  },
  {
    file: 'testdata/inclusion/0/random-root.json',
    leafIdx: 0,
    treeSize: 1,
    root: 'q6yroAAAAAAAAAAAAAAAAAAAAAAAAAAAAGAGHgASNFY=',
    leafHash: 'bjQLnP+zepicpUTmu3gKLHiQHT+zNzh2hRGjBhevoB0=',
    proof: null,
    desc: 'random root',
    wantErr: true,
  },
  {
    file: 'testdata/inclusion/0/trailing-garbage.json',
    leafIdx: 0,
    treeSize: 1,
    root: 'bjQLnP+zepicpUTmu3gKLHiQHT+zNzh2hRGjBhevoB0=',
    leafHash: 'bjQLnP+zepicpUTmu3gKLHiQHT+zNzh2hRGjBhevoB0=',
    proof: [
      '',
    ],
    desc: 'trailing garbage',
    wantErr: true,
  },
  {
    file: 'testdata/inclusion/0/trailing-root.json',
    leafIdx: 0,
    treeSize: 1,
    root: 'bjQLnP+zepicpUTmu3gKLHiQHT+zNzh2hRGjBhevoB0=',
    leafHash: 'bjQLnP+zepicpUTmu3gKLHiQHT+zNzh2hRGjBhevoB0=',
    proof: [
      'bjQLnP+zepicpUTmu3gKLHiQHT+zNzh2hRGjBhevoB0=',
    ],
    desc: 'trailing root',
    wantErr: true,
  },
  {
    file: 'testdata/inclusion/0/treeSize-*-2.json',
    leafIdx: 0,
    treeSize: 2,
    root: 'bjQLnP+zepicpUTmu3gKLHiQHT+zNzh2hRGjBhevoB0=',
    leafHash: 'bjQLnP+zepicpUTmu3gKLHiQHT+zNzh2hRGjBhevoB0=',
    proof: null,
    desc: 'treeSize * 2',
    wantErr: true,
  },
  {
    file: 'testdata/inclusion/0/treeSize-div-2.json',
    leafIdx: 0,
    treeSize: 0,
    root: 'bjQLnP+zepicpUTmu3gKLHiQHT+zNzh2hRGjBhevoB0=',
    leafHash: 'bjQLnP+zepicpUTmu3gKLHiQHT+zNzh2hRGjBhevoB0=',
    proof: null,
    desc: 'treeSize div 2',
    wantErr: true,
  },
  {
    file: 'testdata/inclusion/0/wrong-leaf.json',
    leafIdx: 0,
    treeSize: 1,
    root: 'bjQLnP+zepicpUTmu3gKLHiQHT+zNzh2hRGjBhevoB0=',
    leafHash: 'V3JvbmdMZWFm',
    proof: null,
    desc: 'wrong leaf',
    wantErr: true,
  },
  {
    file: 'testdata/inclusion/1/happy-path.json',
    leafIdx: 0,
    treeSize: 8,
    root: 'XcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=',
    leafHash: 'bjQLnP+zepicpUTmu3gKLHiQHT+zNzh2hRGjBhevoB0=',
    proof: [
      'lqKW0iTyhcZ77pPDD4owkVfw2qNdxbh+QQt4YwoJz8c=',
      'Xwg/ChozygdqlSeYMlgNs+DvRYS9/x9UyKNg9Q3jAx4=',
      'a0eq8p7jwq+a+Im8H7klTavTEXfxYjLdaqsDXKOb9uQ=',
    ],
    desc: 'happy path',
    wantErr: false,
  },
  {
    file: 'testdata/inclusion/1/empty-root.json',
    leafIdx: 0,
    treeSize: 8,
    root: '47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=',
    leafHash: 'bjQLnP+zepicpUTmu3gKLHiQHT+zNzh2hRGjBhevoB0=',
    proof: [
      'lqKW0iTyhcZ77pPDD4owkVfw2qNdxbh+QQt4YwoJz8c=',
      'Xwg/ChozygdqlSeYMlgNs+DvRYS9/x9UyKNg9Q3jAx4=',
      'a0eq8p7jwq+a+Im8H7klTavTEXfxYjLdaqsDXKOb9uQ=',
    ],
    desc: 'empty root',
    wantErr: true,
  },
  {
    file: 'testdata/inclusion/1/inserted-component.json',
    leafIdx: 0,
    treeSize: 8,
    root: 'XcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=',
    leafHash: 'bjQLnP+zepicpUTmu3gKLHiQHT+zNzh2hRGjBhevoB0=',
    proof: [
      'lqKW0iTyhcZ77pPDD4owkVfw2qNdxbh+QQt4YwoJz8c=',
      'q6yroAAAAAAAAAAAAAAAAAAAAAAAAAAAAGAGHgASNFY=',
      'Xwg/ChozygdqlSeYMlgNs+DvRYS9/x9UyKNg9Q3jAx4=',
      'a0eq8p7jwq+a+Im8H7klTavTEXfxYjLdaqsDXKOb9uQ=',
    ],
    desc: 'inserted component',
    wantErr: true,
  },
  {
    file: 'testdata/inclusion/1/leafIdx-+-1.json',
    leafIdx: 1,
    treeSize: 8,
    root: 'XcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=',
    leafHash: 'bjQLnP+zepicpUTmu3gKLHiQHT+zNzh2hRGjBhevoB0=',
    proof: [
      'lqKW0iTyhcZ77pPDD4owkVfw2qNdxbh+QQt4YwoJz8c=',
      'Xwg/ChozygdqlSeYMlgNs+DvRYS9/x9UyKNg9Q3jAx4=',
      'a0eq8p7jwq+a+Im8H7klTavTEXfxYjLdaqsDXKOb9uQ=',
    ],
    desc: 'leafIdx + 1',
    wantErr: true,
  },
  {
    file: 'testdata/inclusion/1/leafIdx---1.json',
    leafIdx: 18446744073709551615n,
    treeSize: 8,
    root: 'XcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=',
    leafHash: 'bjQLnP+zepicpUTmu3gKLHiQHT+zNzh2hRGjBhevoB0=',
    proof: [
      'lqKW0iTyhcZ77pPDD4owkVfw2qNdxbh+QQt4YwoJz8c=',
      'Xwg/ChozygdqlSeYMlgNs+DvRYS9/x9UyKNg9Q3jAx4=',
      'a0eq8p7jwq+a+Im8H7klTavTEXfxYjLdaqsDXKOb9uQ=',
    ],
    desc: 'leafIdx - 1',
    wantErr: true,
  },
  {
    file: 'testdata/inclusion/1/leafIdx-^-2.json',
    leafIdx: 2,
    treeSize: 8,
    root: 'XcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=',
    leafHash: 'bjQLnP+zepicpUTmu3gKLHiQHT+zNzh2hRGjBhevoB0=',
    proof: [
      'lqKW0iTyhcZ77pPDD4owkVfw2qNdxbh+QQt4YwoJz8c=',
      'Xwg/ChozygdqlSeYMlgNs+DvRYS9/x9UyKNg9Q3jAx4=',
      'a0eq8p7jwq+a+Im8H7klTavTEXfxYjLdaqsDXKOb9uQ=',
    ],
    desc: 'leafIdx ^ 2',
    wantErr: true,
  },
  {
    file: 'testdata/inclusion/1/modified-proof[0]-bit-3.json',
    leafIdx: 0,
    treeSize: 8,
    root: 'XcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=',
    leafHash: 'bjQLnP+zepicpUTmu3gKLHiQHT+zNzh2hRGjBhevoB0=',
    proof: [
      'nqKW0iTyhcZ77pPDD4owkVfw2qNdxbh+QQt4YwoJz8c=',
      'Xwg/ChozygdqlSeYMlgNs+DvRYS9/x9UyKNg9Q3jAx4=',
      'a0eq8p7jwq+a+Im8H7klTavTEXfxYjLdaqsDXKOb9uQ=',
    ],
    desc: 'modified proof[0] bit 3',
    wantErr: true,
  },
  {
    file: 'testdata/inclusion/1/modified-proof[1]-bit-3.json',
    leafIdx: 0,
    treeSize: 8,
    root: 'XcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=',
    leafHash: 'bjQLnP+zepicpUTmu3gKLHiQHT+zNzh2hRGjBhevoB0=',
    proof: [
      'lqKW0iTyhcZ77pPDD4owkVfw2qNdxbh+QQt4YwoJz8c=',
      'Vwg/ChozygdqlSeYMlgNs+DvRYS9/x9UyKNg9Q3jAx4=',
      'a0eq8p7jwq+a+Im8H7klTavTEXfxYjLdaqsDXKOb9uQ=',
    ],
    desc: 'modified proof[1] bit 3',
    wantErr: true,
  },
  {
    file: 'testdata/inclusion/1/modified-proof[2]-bit-3.json',
    leafIdx: 0,
    treeSize: 8,
    root: 'XcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=',
    leafHash: 'bjQLnP+zepicpUTmu3gKLHiQHT+zNzh2hRGjBhevoB0=',
    proof: [
      'lqKW0iTyhcZ77pPDD4owkVfw2qNdxbh+QQt4YwoJz8c=',
      'Xwg/ChozygdqlSeYMlgNs+DvRYS9/x9UyKNg9Q3jAx4=',
      'Y0eq8p7jwq+a+Im8H7klTavTEXfxYjLdaqsDXKOb9uQ=',
    ],
    desc: 'modified proof[2] bit 3',
    wantErr: true,
  },
  {
    file: 'testdata/inclusion/1/preceding-garbage.json',
    leafIdx: 0,
    treeSize: 8,
    root: 'XcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=',
    leafHash: 'bjQLnP+zepicpUTmu3gKLHiQHT+zNzh2hRGjBhevoB0=',
    proof: [
      '',
      'lqKW0iTyhcZ77pPDD4owkVfw2qNdxbh+QQt4YwoJz8c=',
      'Xwg/ChozygdqlSeYMlgNs+DvRYS9/x9UyKNg9Q3jAx4=',
      'a0eq8p7jwq+a+Im8H7klTavTEXfxYjLdaqsDXKOb9uQ=',
    ],
    desc: 'preceding garbage',
    wantErr: true,
  },
  {
    file: 'testdata/inclusion/1/preceding-root.json',
    leafIdx: 0,
    treeSize: 8,
    root: 'XcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=',
    leafHash: 'bjQLnP+zepicpUTmu3gKLHiQHT+zNzh2hRGjBhevoB0=',
    proof: [
      'XcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=',
      'lqKW0iTyhcZ77pPDD4owkVfw2qNdxbh+QQt4YwoJz8c=',
      'Xwg/ChozygdqlSeYMlgNs+DvRYS9/x9UyKNg9Q3jAx4=',
      'a0eq8p7jwq+a+Im8H7klTavTEXfxYjLdaqsDXKOb9uQ=',
    ],
    desc: 'preceding root',
    wantErr: true,
  },
  {
    file: 'testdata/inclusion/1/random-root.json',
    leafIdx: 0,
    treeSize: 8,
    root: 'q6yroAAAAAAAAAAAAAAAAAAAAAAAAAAAAGAGHgASNFY=',
    leafHash: 'bjQLnP+zepicpUTmu3gKLHiQHT+zNzh2hRGjBhevoB0=',
    proof: [
      'lqKW0iTyhcZ77pPDD4owkVfw2qNdxbh+QQt4YwoJz8c=',
      'Xwg/ChozygdqlSeYMlgNs+DvRYS9/x9UyKNg9Q3jAx4=',
      'a0eq8p7jwq+a+Im8H7klTavTEXfxYjLdaqsDXKOb9uQ=',
    ],
    desc: 'random root',
    wantErr: true,
  },
  {
    file: 'testdata/inclusion/1/removed-component.json',
    leafIdx: 0,
    treeSize: 8,
    root: 'XcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=',
    leafHash: 'bjQLnP+zepicpUTmu3gKLHiQHT+zNzh2hRGjBhevoB0=',
    proof: [
      'lqKW0iTyhcZ77pPDD4owkVfw2qNdxbh+QQt4YwoJz8c=',
      'Xwg/ChozygdqlSeYMlgNs+DvRYS9/x9UyKNg9Q3jAx4=',
    ],
    desc: 'removed component',
    wantErr: true,
  },
  {
    file: 'testdata/inclusion/1/trailing-garbage.json',
    leafIdx: 0,
    treeSize: 8,
    root: 'XcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=',
    leafHash: 'bjQLnP+zepicpUTmu3gKLHiQHT+zNzh2hRGjBhevoB0=',
    proof: [
      'lqKW0iTyhcZ77pPDD4owkVfw2qNdxbh+QQt4YwoJz8c=',
      'Xwg/ChozygdqlSeYMlgNs+DvRYS9/x9UyKNg9Q3jAx4=',
      'a0eq8p7jwq+a+Im8H7klTavTEXfxYjLdaqsDXKOb9uQ=',
      '',
    ],
    desc: 'trailing garbage',
    wantErr: true,
  },
  {
    file: 'testdata/inclusion/1/trailing-root.json',
    leafIdx: 0,
    treeSize: 8,
    root: 'XcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=',
    leafHash: 'bjQLnP+zepicpUTmu3gKLHiQHT+zNzh2hRGjBhevoB0=',
    proof: [
      'lqKW0iTyhcZ77pPDD4owkVfw2qNdxbh+QQt4YwoJz8c=',
      'Xwg/ChozygdqlSeYMlgNs+DvRYS9/x9UyKNg9Q3jAx4=',
      'a0eq8p7jwq+a+Im8H7klTavTEXfxYjLdaqsDXKOb9uQ=',
      'XcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=',
    ],
    desc: 'trailing root',
    wantErr: true,
  },
  {
    file: 'testdata/inclusion/1/treeSize-*-2.json',
    leafIdx: 0,
    treeSize: 16,
    root: 'XcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=',
    leafHash: 'bjQLnP+zepicpUTmu3gKLHiQHT+zNzh2hRGjBhevoB0=',
    proof: [
      'lqKW0iTyhcZ77pPDD4owkVfw2qNdxbh+QQt4YwoJz8c=',
      'Xwg/ChozygdqlSeYMlgNs+DvRYS9/x9UyKNg9Q3jAx4=',
      'a0eq8p7jwq+a+Im8H7klTavTEXfxYjLdaqsDXKOb9uQ=',
    ],
    desc: 'treeSize * 2',
    wantErr: true,
  },
  {
    file: 'testdata/inclusion/1/treeSize-div-2.json',
    leafIdx: 0,
    treeSize: 4,
    root: 'XcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=',
    leafHash: 'bjQLnP+zepicpUTmu3gKLHiQHT+zNzh2hRGjBhevoB0=',
    proof: [
      'lqKW0iTyhcZ77pPDD4owkVfw2qNdxbh+QQt4YwoJz8c=',
      'Xwg/ChozygdqlSeYMlgNs+DvRYS9/x9UyKNg9Q3jAx4=',
      'a0eq8p7jwq+a+Im8H7klTavTEXfxYjLdaqsDXKOb9uQ=',
    ],
    desc: 'treeSize div 2',
    wantErr: true,
  },
  {
    file: 'testdata/inclusion/1/wrong-leaf.json',
    leafIdx: 0,
    treeSize: 8,
    root: 'XcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=',
    leafHash: 'V3JvbmdMZWFm',
    proof: [
      'lqKW0iTyhcZ77pPDD4owkVfw2qNdxbh+QQt4YwoJz8c=',
      'Xwg/ChozygdqlSeYMlgNs+DvRYS9/x9UyKNg9Q3jAx4=',
      'a0eq8p7jwq+a+Im8H7klTavTEXfxYjLdaqsDXKOb9uQ=',
    ],
    desc: 'wrong leaf',
    wantErr: true,
  },
  {
    file: 'testdata/inclusion/2/happy-path.json',
    leafIdx: 5,
    treeSize: 8,
    root: 'XcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=',
    leafHash: 'QnGia+DYqE8L1UyMMC58s6O10fpngKQLzOKHNHfatlg=',
    proof: [
      'vBoGQ7EuTS18d5GPROD095qDi2z57FtcKD4fTYhZnms=',
      'yoVOoSjtBQtBs1/8G4e46yveRh6eO1WW7Oa51ZdaCuA=',
      '037kGJdt2VdTwcc4Yrk5j6Kiz5tP8P3+izDNlSCWFLc=',
    ],
    desc: 'happy path',
    wantErr: false,
  },
  {
    file: 'testdata/inclusion/3/happy-path.json',
    leafIdx: 2,
    treeSize: 3,
    root: 'rra8/idLcKFPsGel5VeCZNsPqbUa9eC6FZFY8yngbnc=',
    leafHash: 'ApjRIpBtz8EIkstTpzmS/FufST6kybrbJ7eRtBJ6f+c=',
    proof: [
      '+sVCA+fMaWzw38tCySodnbr3CtnmIfS9jZhmLwDjwSU=',
    ],
    desc: 'happy path',
    wantErr: false,
  },
  {
    file: 'testdata/inclusion/3/empty-root.json',
    leafIdx: 2,
    treeSize: 3,
    root: '47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=',
    leafHash: 'ApjRIpBtz8EIkstTpzmS/FufST6kybrbJ7eRtBJ6f+c=',
    proof: [
      '+sVCA+fMaWzw38tCySodnbr3CtnmIfS9jZhmLwDjwSU=',
    ],
    desc: 'empty root',
    wantErr: true,
  },
  {
    file: 'testdata/inclusion/3/leafIdx-+-1.json',
    leafIdx: 3,
    treeSize: 3,
    root: 'rra8/idLcKFPsGel5VeCZNsPqbUa9eC6FZFY8yngbnc=',
    leafHash: 'ApjRIpBtz8EIkstTpzmS/FufST6kybrbJ7eRtBJ6f+c=',
    proof: [
      '+sVCA+fMaWzw38tCySodnbr3CtnmIfS9jZhmLwDjwSU=',
    ],
    desc: 'leafIdx + 1',
    wantErr: true,
  },
  {
    file: 'testdata/inclusion/3/leafIdx---1.json',
    leafIdx: 1,
    treeSize: 3,
    root: 'rra8/idLcKFPsGel5VeCZNsPqbUa9eC6FZFY8yngbnc=',
    leafHash: 'ApjRIpBtz8EIkstTpzmS/FufST6kybrbJ7eRtBJ6f+c=',
    proof: [
      '+sVCA+fMaWzw38tCySodnbr3CtnmIfS9jZhmLwDjwSU=',
    ],
    desc: 'leafIdx - 1',
    wantErr: true,
  },
  {
    file: 'testdata/inclusion/3/leafIdx-^-2.json',
    leafIdx: 0,
    treeSize: 3,
    root: 'rra8/idLcKFPsGel5VeCZNsPqbUa9eC6FZFY8yngbnc=',
    leafHash: 'ApjRIpBtz8EIkstTpzmS/FufST6kybrbJ7eRtBJ6f+c=',
    proof: [
      '+sVCA+fMaWzw38tCySodnbr3CtnmIfS9jZhmLwDjwSU=',
    ],
    desc: 'leafIdx ^ 2',
    wantErr: true,
  },
  {
    file: 'testdata/inclusion/3/modified-proof[0]-bit-3.json',
    leafIdx: 2,
    treeSize: 3,
    root: 'rra8/idLcKFPsGel5VeCZNsPqbUa9eC6FZFY8yngbnc=',
    leafHash: 'ApjRIpBtz8EIkstTpzmS/FufST6kybrbJ7eRtBJ6f+c=',
    proof: [
      '8sVCA+fMaWzw38tCySodnbr3CtnmIfS9jZhmLwDjwSU=',
    ],
    desc: 'modified proof[0] bit 3',
    wantErr: true,
  },
  {
    file: 'testdata/inclusion/3/preceding-garbage.json',
    leafIdx: 2,
    treeSize: 3,
    root: 'rra8/idLcKFPsGel5VeCZNsPqbUa9eC6FZFY8yngbnc=',
    leafHash: 'ApjRIpBtz8EIkstTpzmS/FufST6kybrbJ7eRtBJ6f+c=',
    proof: [
      '',
      '+sVCA+fMaWzw38tCySodnbr3CtnmIfS9jZhmLwDjwSU=',
    ],
    desc: 'preceding garbage',
    wantErr: true,
  },
  {
    file: 'testdata/inclusion/3/preceding-root.json',
    leafIdx: 2,
    treeSize: 3,
    root: 'rra8/idLcKFPsGel5VeCZNsPqbUa9eC6FZFY8yngbnc=',
    leafHash: 'ApjRIpBtz8EIkstTpzmS/FufST6kybrbJ7eRtBJ6f+c=',
    proof: [
      'rra8/idLcKFPsGel5VeCZNsPqbUa9eC6FZFY8yngbnc=',
      '+sVCA+fMaWzw38tCySodnbr3CtnmIfS9jZhmLwDjwSU=',
    ],
    desc: 'preceding root',
    wantErr: true,
  },
  {
    file: 'testdata/inclusion/3/random-root.json',
    leafIdx: 2,
    treeSize: 3,
    root: 'q6yroAAAAAAAAAAAAAAAAAAAAAAAAAAAAGAGHgASNFY=',
    leafHash: 'ApjRIpBtz8EIkstTpzmS/FufST6kybrbJ7eRtBJ6f+c=',
    proof: [
      '+sVCA+fMaWzw38tCySodnbr3CtnmIfS9jZhmLwDjwSU=',
    ],
    desc: 'random root',
    wantErr: true,
  },
  {
    file: 'testdata/inclusion/3/removed-component.json',
    leafIdx: 2,
    treeSize: 3,
    root: 'rra8/idLcKFPsGel5VeCZNsPqbUa9eC6FZFY8yngbnc=',
    leafHash: 'ApjRIpBtz8EIkstTpzmS/FufST6kybrbJ7eRtBJ6f+c=',
    proof: [],
    desc: 'removed component',
    wantErr: true,
  },
  {
    file: 'testdata/inclusion/3/trailing-garbage.json',
    leafIdx: 2,
    treeSize: 3,
    root: 'rra8/idLcKFPsGel5VeCZNsPqbUa9eC6FZFY8yngbnc=',
    leafHash: 'ApjRIpBtz8EIkstTpzmS/FufST6kybrbJ7eRtBJ6f+c=',
    proof: [
      '+sVCA+fMaWzw38tCySodnbr3CtnmIfS9jZhmLwDjwSU=',
      '',
    ],
    desc: 'trailing garbage',
    wantErr: true,
  },
  {
    file: 'testdata/inclusion/3/trailing-root.json',
    leafIdx: 2,
    treeSize: 3,
    root: 'rra8/idLcKFPsGel5VeCZNsPqbUa9eC6FZFY8yngbnc=',
    leafHash: 'ApjRIpBtz8EIkstTpzmS/FufST6kybrbJ7eRtBJ6f+c=',
    proof: [
      '+sVCA+fMaWzw38tCySodnbr3CtnmIfS9jZhmLwDjwSU=',
      'rra8/idLcKFPsGel5VeCZNsPqbUa9eC6FZFY8yngbnc=',
    ],
    desc: 'trailing root',
    wantErr: true,
  },
  {
    file: 'testdata/inclusion/3/treeSize-*-2.json',
    leafIdx: 2,
    treeSize: 6,
    root: 'rra8/idLcKFPsGel5VeCZNsPqbUa9eC6FZFY8yngbnc=',
    leafHash: 'ApjRIpBtz8EIkstTpzmS/FufST6kybrbJ7eRtBJ6f+c=',
    proof: [
      '+sVCA+fMaWzw38tCySodnbr3CtnmIfS9jZhmLwDjwSU=',
    ],
    desc: 'treeSize * 2',
    wantErr: true,
  },
  {
    file: 'testdata/inclusion/3/treeSize-div-2.json',
    leafIdx: 2,
    treeSize: 1,
    root: 'rra8/idLcKFPsGel5VeCZNsPqbUa9eC6FZFY8yngbnc=',
    leafHash: 'ApjRIpBtz8EIkstTpzmS/FufST6kybrbJ7eRtBJ6f+c=',
    proof: [
      '+sVCA+fMaWzw38tCySodnbr3CtnmIfS9jZhmLwDjwSU=',
    ],
    desc: 'treeSize div 2',
    wantErr: true,
  },
  {
    file: 'testdata/inclusion/3/wrong-leaf.json',
    leafIdx: 2,
    treeSize: 3,
    root: 'rra8/idLcKFPsGel5VeCZNsPqbUa9eC6FZFY8yngbnc=',
    leafHash: 'V3JvbmdMZWFm',
    proof: [
      '+sVCA+fMaWzw38tCySodnbr3CtnmIfS9jZhmLwDjwSU=',
    ],
    desc: 'wrong leaf',
    wantErr: true,
  },
  {
    file: 'testdata/inclusion/4/happy-path.json',
    leafIdx: 1,
    treeSize: 5,
    root: 'Tju7H3tHjc/nH7YxYxUZo7yhLJrvyhYSv85ME6hiZNQ=',
    leafHash: 'lqKW0iTyhcZ77pPDD4owkVfw2qNdxbh+QQt4YwoJz8c=',
    proof: [
      'bjQLnP+zepicpUTmu3gKLHiQHT+zNzh2hRGjBhevoB0=',
      'Xwg/ChozygdqlSeYMlgNs+DvRYS9/x9UyKNg9Q3jAx4=',
      'vBoGQ7EuTS18d5GPROD095qDi2z57FtcKD4fTYhZnms=',
    ],
    desc: 'happy path',
    wantErr: false,
  },
];

export const CONSISTENCY_PROBES: readonly ConsistencyProbe[] = [
  {
    file: 'testdata/consistency/0/happy-path.json',
    size1: 1,
    size2: 1,
    root1: 'bjQLnP+zepicpUTmu3gKLHiQHT+zNzh2hRGjBhevoB0=',
    root2: 'bjQLnP+zepicpUTmu3gKLHiQHT+zNzh2hRGjBhevoB0=',
    proof: null,
    desc: 'happy path',
    wantErr: false,
  },
  {
    file: 'testdata/consistency/1/happy-path.json',
    size1: 1,
    size2: 8,
    root1: 'bjQLnP+zepicpUTmu3gKLHiQHT+zNzh2hRGjBhevoB0=',
    root2: 'XcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=',
    proof: [
      'lqKW0iTyhcZ77pPDD4owkVfw2qNdxbh+QQt4YwoJz8c=',
      'Xwg/ChozygdqlSeYMlgNs+DvRYS9/x9UyKNg9Q3jAx4=',
      'a0eq8p7jwq+a+Im8H7klTavTEXfxYjLdaqsDXKOb9uQ=',
    ],
    desc: 'happy path',
    wantErr: false,
  },
  {
    file: 'testdata/consistency/1/empty-proof.json',
    size1: 1,
    size2: 8,
    root1: 'bjQLnP+zepicpUTmu3gKLHiQHT+zNzh2hRGjBhevoB0=',
    root2: 'XcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=',
    proof: [],
    desc: 'empty proof',
    wantErr: true,
  },
  {
    file: 'testdata/consistency/1/modified-proof[0]-bit-4.json',
    size1: 1,
    size2: 8,
    root1: 'bjQLnP+zepicpUTmu3gKLHiQHT+zNzh2hRGjBhevoB0=',
    root2: 'XcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=',
    proof: [
      'hqKW0iTyhcZ77pPDD4owkVfw2qNdxbh+QQt4YwoJz8c=',
      'Xwg/ChozygdqlSeYMlgNs+DvRYS9/x9UyKNg9Q3jAx4=',
      'a0eq8p7jwq+a+Im8H7klTavTEXfxYjLdaqsDXKOb9uQ=',
    ],
    desc: 'modified proof[0] bit 4',
    wantErr: true,
  },
  {
    file: 'testdata/consistency/1/modified-proof[1]-bit-4.json',
    size1: 1,
    size2: 8,
    root1: 'bjQLnP+zepicpUTmu3gKLHiQHT+zNzh2hRGjBhevoB0=',
    root2: 'XcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=',
    proof: [
      'lqKW0iTyhcZ77pPDD4owkVfw2qNdxbh+QQt4YwoJz8c=',
      'Twg/ChozygdqlSeYMlgNs+DvRYS9/x9UyKNg9Q3jAx4=',
      'a0eq8p7jwq+a+Im8H7klTavTEXfxYjLdaqsDXKOb9uQ=',
    ],
    desc: 'modified proof[1] bit 4',
    wantErr: true,
  },
  {
    file: 'testdata/consistency/1/modified-proof[2]-bit-4.json',
    size1: 1,
    size2: 8,
    root1: 'bjQLnP+zepicpUTmu3gKLHiQHT+zNzh2hRGjBhevoB0=',
    root2: 'XcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=',
    proof: [
      'lqKW0iTyhcZ77pPDD4owkVfw2qNdxbh+QQt4YwoJz8c=',
      'Xwg/ChozygdqlSeYMlgNs+DvRYS9/x9UyKNg9Q3jAx4=',
      'e0eq8p7jwq+a+Im8H7klTavTEXfxYjLdaqsDXKOb9uQ=',
    ],
    desc: 'modified proof[2] bit 4',
    wantErr: true,
  },
  {
    file: 'testdata/consistency/1/preceding-garbage.json',
    size1: 1,
    size2: 8,
    root1: 'bjQLnP+zepicpUTmu3gKLHiQHT+zNzh2hRGjBhevoB0=',
    root2: 'XcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=',
    proof: [
      '',
      'lqKW0iTyhcZ77pPDD4owkVfw2qNdxbh+QQt4YwoJz8c=',
      'Xwg/ChozygdqlSeYMlgNs+DvRYS9/x9UyKNg9Q3jAx4=',
      'a0eq8p7jwq+a+Im8H7klTavTEXfxYjLdaqsDXKOb9uQ=',
    ],
    desc: 'preceding garbage',
    wantErr: true,
  },
  {
    file: 'testdata/consistency/1/preceding-proof[0].json',
    size1: 1,
    size2: 8,
    root1: 'bjQLnP+zepicpUTmu3gKLHiQHT+zNzh2hRGjBhevoB0=',
    root2: 'XcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=',
    proof: [
      'lqKW0iTyhcZ77pPDD4owkVfw2qNdxbh+QQt4YwoJz8c=',
      'lqKW0iTyhcZ77pPDD4owkVfw2qNdxbh+QQt4YwoJz8c=',
      'Xwg/ChozygdqlSeYMlgNs+DvRYS9/x9UyKNg9Q3jAx4=',
      'a0eq8p7jwq+a+Im8H7klTavTEXfxYjLdaqsDXKOb9uQ=',
    ],
    desc: 'preceding proof[0]',
    wantErr: true,
  },
  {
    file: 'testdata/consistency/1/preceding-root1.json',
    size1: 1,
    size2: 8,
    root1: 'bjQLnP+zepicpUTmu3gKLHiQHT+zNzh2hRGjBhevoB0=',
    root2: 'XcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=',
    proof: [
      'bjQLnP+zepicpUTmu3gKLHiQHT+zNzh2hRGjBhevoB0=',
      'lqKW0iTyhcZ77pPDD4owkVfw2qNdxbh+QQt4YwoJz8c=',
      'Xwg/ChozygdqlSeYMlgNs+DvRYS9/x9UyKNg9Q3jAx4=',
      'a0eq8p7jwq+a+Im8H7klTavTEXfxYjLdaqsDXKOb9uQ=',
    ],
    desc: 'preceding root1',
    wantErr: true,
  },
  {
    file: 'testdata/consistency/1/preceding-root2.json',
    size1: 1,
    size2: 8,
    root1: 'bjQLnP+zepicpUTmu3gKLHiQHT+zNzh2hRGjBhevoB0=',
    root2: 'XcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=',
    proof: [
      'XcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=',
      'lqKW0iTyhcZ77pPDD4owkVfw2qNdxbh+QQt4YwoJz8c=',
      'Xwg/ChozygdqlSeYMlgNs+DvRYS9/x9UyKNg9Q3jAx4=',
      'a0eq8p7jwq+a+Im8H7klTavTEXfxYjLdaqsDXKOb9uQ=',
    ],
    desc: 'preceding root2',
    wantErr: true,
  },
  {
    file: 'testdata/consistency/1/size1-+-1.json',
    size1: 2,
    size2: 8,
    root1: 'bjQLnP+zepicpUTmu3gKLHiQHT+zNzh2hRGjBhevoB0=',
    root2: 'XcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=',
    proof: [
      'lqKW0iTyhcZ77pPDD4owkVfw2qNdxbh+QQt4YwoJz8c=',
      'Xwg/ChozygdqlSeYMlgNs+DvRYS9/x9UyKNg9Q3jAx4=',
      'a0eq8p7jwq+a+Im8H7klTavTEXfxYjLdaqsDXKOb9uQ=',
    ],
    desc: 'size1 + 1',
    wantErr: true,
  },
  {
    file: 'testdata/consistency/1/size1---1.json',
    size1: 0,
    size2: 8,
    root1: 'bjQLnP+zepicpUTmu3gKLHiQHT+zNzh2hRGjBhevoB0=',
    root2: 'XcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=',
    proof: [
      'lqKW0iTyhcZ77pPDD4owkVfw2qNdxbh+QQt4YwoJz8c=',
      'Xwg/ChozygdqlSeYMlgNs+DvRYS9/x9UyKNg9Q3jAx4=',
      'a0eq8p7jwq+a+Im8H7klTavTEXfxYjLdaqsDXKOb9uQ=',
    ],
    desc: 'size1 - 1',
    wantErr: true,
  },
  {
    file: 'testdata/consistency/1/size1-^-2.json',
    size1: 3,
    size2: 8,
    root1: 'bjQLnP+zepicpUTmu3gKLHiQHT+zNzh2hRGjBhevoB0=',
    root2: 'XcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=',
    proof: [
      'lqKW0iTyhcZ77pPDD4owkVfw2qNdxbh+QQt4YwoJz8c=',
      'Xwg/ChozygdqlSeYMlgNs+DvRYS9/x9UyKNg9Q3jAx4=',
      'a0eq8p7jwq+a+Im8H7klTavTEXfxYjLdaqsDXKOb9uQ=',
    ],
    desc: 'size1 ^ 2',
    wantErr: true,
  },
  {
    file: 'testdata/consistency/1/size2-*-2.json',
    size1: 1,
    size2: 16,
    root1: 'bjQLnP+zepicpUTmu3gKLHiQHT+zNzh2hRGjBhevoB0=',
    root2: 'XcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=',
    proof: [
      'lqKW0iTyhcZ77pPDD4owkVfw2qNdxbh+QQt4YwoJz8c=',
      'Xwg/ChozygdqlSeYMlgNs+DvRYS9/x9UyKNg9Q3jAx4=',
      'a0eq8p7jwq+a+Im8H7klTavTEXfxYjLdaqsDXKOb9uQ=',
    ],
    desc: 'size2 * 2',
    wantErr: true,
  },
  {
    file: 'testdata/consistency/1/size2-div-2.json',
    size1: 1,
    size2: 4,
    root1: 'bjQLnP+zepicpUTmu3gKLHiQHT+zNzh2hRGjBhevoB0=',
    root2: 'XcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=',
    proof: [
      'lqKW0iTyhcZ77pPDD4owkVfw2qNdxbh+QQt4YwoJz8c=',
      'Xwg/ChozygdqlSeYMlgNs+DvRYS9/x9UyKNg9Q3jAx4=',
      'a0eq8p7jwq+a+Im8H7klTavTEXfxYjLdaqsDXKOb9uQ=',
    ],
    desc: 'size2 div 2',
    wantErr: true,
  },
  {
    file: 'testdata/consistency/1/swapped-roots.json',
    size1: 1,
    size2: 8,
    root1: 'XcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=',
    root2: 'bjQLnP+zepicpUTmu3gKLHiQHT+zNzh2hRGjBhevoB0=',
    proof: [
      'lqKW0iTyhcZ77pPDD4owkVfw2qNdxbh+QQt4YwoJz8c=',
      'Xwg/ChozygdqlSeYMlgNs+DvRYS9/x9UyKNg9Q3jAx4=',
      'a0eq8p7jwq+a+Im8H7klTavTEXfxYjLdaqsDXKOb9uQ=',
    ],
    desc: 'swapped roots',
    wantErr: true,
  },
  {
    file: 'testdata/consistency/1/trailing-garbage.json',
    size1: 1,
    size2: 8,
    root1: 'bjQLnP+zepicpUTmu3gKLHiQHT+zNzh2hRGjBhevoB0=',
    root2: 'XcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=',
    proof: [
      'lqKW0iTyhcZ77pPDD4owkVfw2qNdxbh+QQt4YwoJz8c=',
      'Xwg/ChozygdqlSeYMlgNs+DvRYS9/x9UyKNg9Q3jAx4=',
      'a0eq8p7jwq+a+Im8H7klTavTEXfxYjLdaqsDXKOb9uQ=',
      '',
    ],
    desc: 'trailing garbage',
    wantErr: true,
  },
  {
    file: 'testdata/consistency/1/trailing-root1.json',
    size1: 1,
    size2: 8,
    root1: 'bjQLnP+zepicpUTmu3gKLHiQHT+zNzh2hRGjBhevoB0=',
    root2: 'XcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=',
    proof: [
      'lqKW0iTyhcZ77pPDD4owkVfw2qNdxbh+QQt4YwoJz8c=',
      'Xwg/ChozygdqlSeYMlgNs+DvRYS9/x9UyKNg9Q3jAx4=',
      'a0eq8p7jwq+a+Im8H7klTavTEXfxYjLdaqsDXKOb9uQ=',
      'bjQLnP+zepicpUTmu3gKLHiQHT+zNzh2hRGjBhevoB0=',
    ],
    desc: 'trailing root1',
    wantErr: true,
  },
  {
    file: 'testdata/consistency/1/trailing-root2.json',
    size1: 1,
    size2: 8,
    root1: 'bjQLnP+zepicpUTmu3gKLHiQHT+zNzh2hRGjBhevoB0=',
    root2: 'XcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=',
    proof: [
      'lqKW0iTyhcZ77pPDD4owkVfw2qNdxbh+QQt4YwoJz8c=',
      'Xwg/ChozygdqlSeYMlgNs+DvRYS9/x9UyKNg9Q3jAx4=',
      'a0eq8p7jwq+a+Im8H7klTavTEXfxYjLdaqsDXKOb9uQ=',
      'XcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=',
    ],
    desc: 'trailing root2',
    wantErr: true,
  },
  {
    file: 'testdata/consistency/1/truncated-proof.json',
    size1: 1,
    size2: 8,
    root1: 'bjQLnP+zepicpUTmu3gKLHiQHT+zNzh2hRGjBhevoB0=',
    root2: 'XcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=',
    proof: [
      'lqKW0iTyhcZ77pPDD4owkVfw2qNdxbh+QQt4YwoJz8c=',
      'Xwg/ChozygdqlSeYMlgNs+DvRYS9/x9UyKNg9Q3jAx4=',
    ],
    desc: 'truncated proof',
    wantErr: true,
  },
  {
    file: 'testdata/consistency/1/wrong-root1.json',
    size1: 1,
    size2: 8,
    root1: 'V3JvbmdSb290',
    root2: 'XcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=',
    proof: [
      'lqKW0iTyhcZ77pPDD4owkVfw2qNdxbh+QQt4YwoJz8c=',
      'Xwg/ChozygdqlSeYMlgNs+DvRYS9/x9UyKNg9Q3jAx4=',
      'a0eq8p7jwq+a+Im8H7klTavTEXfxYjLdaqsDXKOb9uQ=',
    ],
    desc: 'wrong root1',
    wantErr: true,
  },
  {
    file: 'testdata/consistency/1/wrong-root2.json',
    size1: 1,
    size2: 8,
    root1: 'bjQLnP+zepicpUTmu3gKLHiQHT+zNzh2hRGjBhevoB0=',
    root2: 'V3JvbmdSb290',
    proof: [
      'lqKW0iTyhcZ77pPDD4owkVfw2qNdxbh+QQt4YwoJz8c=',
      'Xwg/ChozygdqlSeYMlgNs+DvRYS9/x9UyKNg9Q3jAx4=',
      'a0eq8p7jwq+a+Im8H7klTavTEXfxYjLdaqsDXKOb9uQ=',
    ],
    desc: 'wrong root2',
    wantErr: true,
  },
  {
    file: 'testdata/consistency/2/happy-path.json',
    size1: 6,
    size2: 8,
    root1: 'duZ9rbzfHhDht03cYIq9L5jfsW+851J3tSMqEn8gh+8=',
    root2: 'XcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=',
    proof: [
      'DrxdNDf74tsVi58Sah0RjjCBgQMdCpSfje3t68VY72o=',
      'yoVOoSjtBQtBs1/8G4e46yveRh6eO1WW7Oa51ZdaCuA=',
      '037kGJdt2VdTwcc4Yrk5j6Kiz5tP8P3+izDNlSCWFLc=',
    ],
    desc: 'happy path',
    wantErr: false,
  },
  {
    file: 'testdata/consistency/3/happy-path.json',
    size1: 2,
    size2: 5,
    root1: '+sVCA+fMaWzw38tCySodnbr3CtnmIfS9jZhmLwDjwSU=',
    root2: 'Tju7H3tHjc/nH7YxYxUZo7yhLJrvyhYSv85ME6hiZNQ=',
    proof: [
      'Xwg/ChozygdqlSeYMlgNs+DvRYS9/x9UyKNg9Q3jAx4=',
      'vBoGQ7EuTS18d5GPROD095qDi2z57FtcKD4fTYhZnms=',
    ],
    desc: 'happy path',
    wantErr: false,
  },
  {
    file: 'testdata/consistency/3/empty-proof.json',
    size1: 2,
    size2: 5,
    root1: '+sVCA+fMaWzw38tCySodnbr3CtnmIfS9jZhmLwDjwSU=',
    root2: 'Tju7H3tHjc/nH7YxYxUZo7yhLJrvyhYSv85ME6hiZNQ=',
    proof: [],
    desc: 'empty proof',
    wantErr: true,
  },
  {
    file: 'testdata/consistency/3/modified-proof[0]-bit-4.json',
    size1: 2,
    size2: 5,
    root1: '+sVCA+fMaWzw38tCySodnbr3CtnmIfS9jZhmLwDjwSU=',
    root2: 'Tju7H3tHjc/nH7YxYxUZo7yhLJrvyhYSv85ME6hiZNQ=',
    proof: [
      'Twg/ChozygdqlSeYMlgNs+DvRYS9/x9UyKNg9Q3jAx4=',
      'vBoGQ7EuTS18d5GPROD095qDi2z57FtcKD4fTYhZnms=',
    ],
    desc: 'modified proof[0] bit 4',
    wantErr: true,
  },
  {
    file: 'testdata/consistency/3/modified-proof[1]-bit-4.json',
    size1: 2,
    size2: 5,
    root1: '+sVCA+fMaWzw38tCySodnbr3CtnmIfS9jZhmLwDjwSU=',
    root2: 'Tju7H3tHjc/nH7YxYxUZo7yhLJrvyhYSv85ME6hiZNQ=',
    proof: [
      'Xwg/ChozygdqlSeYMlgNs+DvRYS9/x9UyKNg9Q3jAx4=',
      'rBoGQ7EuTS18d5GPROD095qDi2z57FtcKD4fTYhZnms=',
    ],
    desc: 'modified proof[1] bit 4',
    wantErr: true,
  },
  {
    file: 'testdata/consistency/3/preceding-garbage.json',
    size1: 2,
    size2: 5,
    root1: '+sVCA+fMaWzw38tCySodnbr3CtnmIfS9jZhmLwDjwSU=',
    root2: 'Tju7H3tHjc/nH7YxYxUZo7yhLJrvyhYSv85ME6hiZNQ=',
    proof: [
      '',
      'Xwg/ChozygdqlSeYMlgNs+DvRYS9/x9UyKNg9Q3jAx4=',
      'vBoGQ7EuTS18d5GPROD095qDi2z57FtcKD4fTYhZnms=',
    ],
    desc: 'preceding garbage',
    wantErr: true,
  },
  {
    file: 'testdata/consistency/3/preceding-proof[0].json',
    size1: 2,
    size2: 5,
    root1: '+sVCA+fMaWzw38tCySodnbr3CtnmIfS9jZhmLwDjwSU=',
    root2: 'Tju7H3tHjc/nH7YxYxUZo7yhLJrvyhYSv85ME6hiZNQ=',
    proof: [
      'Xwg/ChozygdqlSeYMlgNs+DvRYS9/x9UyKNg9Q3jAx4=',
      'Xwg/ChozygdqlSeYMlgNs+DvRYS9/x9UyKNg9Q3jAx4=',
      'vBoGQ7EuTS18d5GPROD095qDi2z57FtcKD4fTYhZnms=',
    ],
    desc: 'preceding proof[0]',
    wantErr: true,
  },
  {
    file: 'testdata/consistency/3/preceding-root1.json',
    size1: 2,
    size2: 5,
    root1: '+sVCA+fMaWzw38tCySodnbr3CtnmIfS9jZhmLwDjwSU=',
    root2: 'Tju7H3tHjc/nH7YxYxUZo7yhLJrvyhYSv85ME6hiZNQ=',
    proof: [
      '+sVCA+fMaWzw38tCySodnbr3CtnmIfS9jZhmLwDjwSU=',
      'Xwg/ChozygdqlSeYMlgNs+DvRYS9/x9UyKNg9Q3jAx4=',
      'vBoGQ7EuTS18d5GPROD095qDi2z57FtcKD4fTYhZnms=',
    ],
    desc: 'preceding root1',
    wantErr: true,
  },
  {
    file: 'testdata/consistency/3/preceding-root2.json',
    size1: 2,
    size2: 5,
    root1: '+sVCA+fMaWzw38tCySodnbr3CtnmIfS9jZhmLwDjwSU=',
    root2: 'Tju7H3tHjc/nH7YxYxUZo7yhLJrvyhYSv85ME6hiZNQ=',
    proof: [
      'Tju7H3tHjc/nH7YxYxUZo7yhLJrvyhYSv85ME6hiZNQ=',
      'Xwg/ChozygdqlSeYMlgNs+DvRYS9/x9UyKNg9Q3jAx4=',
      'vBoGQ7EuTS18d5GPROD095qDi2z57FtcKD4fTYhZnms=',
    ],
    desc: 'preceding root2',
    wantErr: true,
  },
  {
    file: 'testdata/consistency/3/size1-+-1.json',
    size1: 3,
    size2: 5,
    root1: '+sVCA+fMaWzw38tCySodnbr3CtnmIfS9jZhmLwDjwSU=',
    root2: 'Tju7H3tHjc/nH7YxYxUZo7yhLJrvyhYSv85ME6hiZNQ=',
    proof: [
      'Xwg/ChozygdqlSeYMlgNs+DvRYS9/x9UyKNg9Q3jAx4=',
      'vBoGQ7EuTS18d5GPROD095qDi2z57FtcKD4fTYhZnms=',
    ],
    desc: 'size1 + 1',
    wantErr: true,
  },
  {
    file: 'testdata/consistency/3/size1---1.json',
    size1: 1,
    size2: 5,
    root1: '+sVCA+fMaWzw38tCySodnbr3CtnmIfS9jZhmLwDjwSU=',
    root2: 'Tju7H3tHjc/nH7YxYxUZo7yhLJrvyhYSv85ME6hiZNQ=',
    proof: [
      'Xwg/ChozygdqlSeYMlgNs+DvRYS9/x9UyKNg9Q3jAx4=',
      'vBoGQ7EuTS18d5GPROD095qDi2z57FtcKD4fTYhZnms=',
    ],
    desc: 'size1 - 1',
    wantErr: true,
  },
  {
    file: 'testdata/consistency/3/size1-^-2.json',
    size1: 0,
    size2: 5,
    root1: '+sVCA+fMaWzw38tCySodnbr3CtnmIfS9jZhmLwDjwSU=',
    root2: 'Tju7H3tHjc/nH7YxYxUZo7yhLJrvyhYSv85ME6hiZNQ=',
    proof: [
      'Xwg/ChozygdqlSeYMlgNs+DvRYS9/x9UyKNg9Q3jAx4=',
      'vBoGQ7EuTS18d5GPROD095qDi2z57FtcKD4fTYhZnms=',
    ],
    desc: 'size1 ^ 2',
    wantErr: true,
  },
  {
    file: 'testdata/consistency/3/size2-*-2.json',
    size1: 2,
    size2: 10,
    root1: '+sVCA+fMaWzw38tCySodnbr3CtnmIfS9jZhmLwDjwSU=',
    root2: 'Tju7H3tHjc/nH7YxYxUZo7yhLJrvyhYSv85ME6hiZNQ=',
    proof: [
      'Xwg/ChozygdqlSeYMlgNs+DvRYS9/x9UyKNg9Q3jAx4=',
      'vBoGQ7EuTS18d5GPROD095qDi2z57FtcKD4fTYhZnms=',
    ],
    desc: 'size2 * 2',
    wantErr: true,
  },
  {
    file: 'testdata/consistency/3/size2-div-2.json',
    size1: 2,
    size2: 2,
    root1: '+sVCA+fMaWzw38tCySodnbr3CtnmIfS9jZhmLwDjwSU=',
    root2: 'Tju7H3tHjc/nH7YxYxUZo7yhLJrvyhYSv85ME6hiZNQ=',
    proof: [
      'Xwg/ChozygdqlSeYMlgNs+DvRYS9/x9UyKNg9Q3jAx4=',
      'vBoGQ7EuTS18d5GPROD095qDi2z57FtcKD4fTYhZnms=',
    ],
    desc: 'size2 div 2',
    wantErr: true,
  },
  {
    file: 'testdata/consistency/3/swapped-roots.json',
    size1: 2,
    size2: 5,
    root1: 'Tju7H3tHjc/nH7YxYxUZo7yhLJrvyhYSv85ME6hiZNQ=',
    root2: '+sVCA+fMaWzw38tCySodnbr3CtnmIfS9jZhmLwDjwSU=',
    proof: [
      'Xwg/ChozygdqlSeYMlgNs+DvRYS9/x9UyKNg9Q3jAx4=',
      'vBoGQ7EuTS18d5GPROD095qDi2z57FtcKD4fTYhZnms=',
    ],
    desc: 'swapped roots',
    wantErr: true,
  },
  {
    file: 'testdata/consistency/3/trailing-garbage.json',
    size1: 2,
    size2: 5,
    root1: '+sVCA+fMaWzw38tCySodnbr3CtnmIfS9jZhmLwDjwSU=',
    root2: 'Tju7H3tHjc/nH7YxYxUZo7yhLJrvyhYSv85ME6hiZNQ=',
    proof: [
      'Xwg/ChozygdqlSeYMlgNs+DvRYS9/x9UyKNg9Q3jAx4=',
      'vBoGQ7EuTS18d5GPROD095qDi2z57FtcKD4fTYhZnms=',
      '',
    ],
    desc: 'trailing garbage',
    wantErr: true,
  },
  {
    file: 'testdata/consistency/3/trailing-root1.json',
    size1: 2,
    size2: 5,
    root1: '+sVCA+fMaWzw38tCySodnbr3CtnmIfS9jZhmLwDjwSU=',
    root2: 'Tju7H3tHjc/nH7YxYxUZo7yhLJrvyhYSv85ME6hiZNQ=',
    proof: [
      'Xwg/ChozygdqlSeYMlgNs+DvRYS9/x9UyKNg9Q3jAx4=',
      'vBoGQ7EuTS18d5GPROD095qDi2z57FtcKD4fTYhZnms=',
      '+sVCA+fMaWzw38tCySodnbr3CtnmIfS9jZhmLwDjwSU=',
    ],
    desc: 'trailing root1',
    wantErr: true,
  },
  {
    file: 'testdata/consistency/3/trailing-root2.json',
    size1: 2,
    size2: 5,
    root1: '+sVCA+fMaWzw38tCySodnbr3CtnmIfS9jZhmLwDjwSU=',
    root2: 'Tju7H3tHjc/nH7YxYxUZo7yhLJrvyhYSv85ME6hiZNQ=',
    proof: [
      'Xwg/ChozygdqlSeYMlgNs+DvRYS9/x9UyKNg9Q3jAx4=',
      'vBoGQ7EuTS18d5GPROD095qDi2z57FtcKD4fTYhZnms=',
      'Tju7H3tHjc/nH7YxYxUZo7yhLJrvyhYSv85ME6hiZNQ=',
    ],
    desc: 'trailing root2',
    wantErr: true,
  },
  {
    file: 'testdata/consistency/3/truncated-proof.json',
    size1: 2,
    size2: 5,
    root1: '+sVCA+fMaWzw38tCySodnbr3CtnmIfS9jZhmLwDjwSU=',
    root2: 'Tju7H3tHjc/nH7YxYxUZo7yhLJrvyhYSv85ME6hiZNQ=',
    proof: [
      'Xwg/ChozygdqlSeYMlgNs+DvRYS9/x9UyKNg9Q3jAx4=',
    ],
    desc: 'truncated proof',
    wantErr: true,
  },
  {
    file: 'testdata/consistency/3/wrong-root1.json',
    size1: 2,
    size2: 5,
    root1: 'V3JvbmdSb290',
    root2: 'Tju7H3tHjc/nH7YxYxUZo7yhLJrvyhYSv85ME6hiZNQ=',
    proof: [
      'Xwg/ChozygdqlSeYMlgNs+DvRYS9/x9UyKNg9Q3jAx4=',
      'vBoGQ7EuTS18d5GPROD095qDi2z57FtcKD4fTYhZnms=',
    ],
    desc: 'wrong root1',
    wantErr: true,
  },
  {
    file: 'testdata/consistency/3/wrong-root2.json',
    size1: 2,
    size2: 5,
    root1: '+sVCA+fMaWzw38tCySodnbr3CtnmIfS9jZhmLwDjwSU=',
    root2: 'V3JvbmdSb290',
    proof: [
      'Xwg/ChozygdqlSeYMlgNs+DvRYS9/x9UyKNg9Q3jAx4=',
      'vBoGQ7EuTS18d5GPROD095qDi2z57FtcKD4fTYhZnms=',
    ],
    desc: 'wrong root2',
    wantErr: true,
  },
  {
    file: 'testdata/consistency/4/happy-path.json',
    size1: 6,
    size2: 7,
    root1: 'duZ9rbzfHhDht03cYIq9L5jfsW+851J3tSMqEn8gh+8=',
    root2: '3bib5AOAnjJXUNPSY814kpwpQreUKjS3fhIslZSnTIw=',
    proof: [
      'DrxdNDf74tsVi58Sah0RjjCBgQMdCpSfje3t68VY72o=',
      'sIaT7C5yFZcTBkHoIR5+7cy0wmQTlj7ubB4u0W/7Gl8=',
      '037kGJdt2VdTwcc4Yrk5j6Kiz5tP8P3+izDNlSCWFLc=',
    ],
    desc: 'happy path',
    wantErr: false,
  },
];
