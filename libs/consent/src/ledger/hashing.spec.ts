import { createHash } from 'node:crypto';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from '@jest/globals';
import { EMPTY_ROOT, emptyRoot, fromBase64, fromHex, hashesEqual, isHash, leafHash, nodeHash, toBase64, toHex } from './hashing.js';

const sha256Hex = (...parts: Uint8Array[]): string => {
  const hash = createHash('sha256');
  parts.forEach((part) => hash.update(part));
  return hash.digest('hex');
};

describe('RFC 9162 hashing', () => {
  it('hashes a leaf as SHA-256(0x00 ‖ bytes) and a node as SHA-256(0x01 ‖ left ‖ right)', () => {
    const bytes = new TextEncoder().encode('{"event":"consent.given"}');
    expect(toHex(leafHash(bytes))).toBe(sha256Hex(Uint8Array.of(0), bytes));
    const left = leafHash(Uint8Array.of(1));
    const right = leafHash(Uint8Array.of(2));
    expect(toHex(nodeHash(left, right))).toBe(sha256Hex(Uint8Array.of(1), left, right));
  });

  it('separates leaves from nodes: a leaf whose bytes are two hashes does not hash like their parent', () => {
    const left = leafHash(Uint8Array.of(1));
    const right = leafHash(Uint8Array.of(2));
    const concatenated = new Uint8Array([...left, ...right]);
    expect(toHex(leafHash(concatenated))).not.toBe(toHex(nodeHash(left, right)));
    expect(toHex(nodeHash(right, left))).not.toBe(toHex(nodeHash(left, right)));
  });

  it('has SHA-256 of the empty string as the empty root and hands out copies of it', () => {
    expect(toHex(EMPTY_ROOT)).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    const copy = emptyRoot();
    copy[0] = 0;
    expect(toHex(EMPTY_ROOT)).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  it('returns fresh plain Uint8Arrays that later hashing does not overwrite', () => {
    const a = nodeHash(leafHash(Uint8Array.of(1)), leafHash(Uint8Array.of(2)));
    const before = toHex(a);
    nodeHash(leafHash(Uint8Array.of(3)), leafHash(Uint8Array.of(4)));
    expect(toHex(a)).toBe(before);
    expect(Object.getPrototypeOf(a)).toBe(Uint8Array.prototype);
  });
});

describe('hash equality and shape', () => {
  it('compares by content and length', () => {
    const a = leafHash(Uint8Array.of(1));
    expect(hashesEqual(a, a.slice())).toBe(true);
    expect(hashesEqual(a, leafHash(Uint8Array.of(2)))).toBe(false);
    expect(hashesEqual(a, a.subarray(0, 31))).toBe(false);
    expect(hashesEqual(new Uint8Array(0), new Uint8Array(0))).toBe(true);
  });

  it('recognises 32-byte Uint8Arrays, Buffers and arrays from another realm, and nothing else', () => {
    expect(isHash(new Uint8Array(32))).toBe(true);
    expect(isHash(Buffer.alloc(32))).toBe(true);
    expect(isHash(runInNewContext('new Uint8Array(32)'))).toBe(true);
    expect(isHash(new Uint8Array(31))).toBe(false);
    expect(isHash(new Uint16Array(16))).toBe(false);
    expect(isHash(new DataView(new ArrayBuffer(32)))).toBe(false);
    expect(isHash(Array.from({ length: 32 }, () => 0))).toBe(false);
    expect(isHash('a'.repeat(32))).toBe(false);
    expect(isHash(null)).toBe(false);
  });
});

describe('base64 and hex', () => {
  it('round-trips hashes through standard padded base64', () => {
    const hash = leafHash(Uint8Array.of(7));
    const text = toBase64(hash);
    expect(text).toMatch(/^[A-Za-z0-9+/]{43}=$/);
    expect(fromBase64(text)).toEqual(hash);
    expect(toBase64(new Uint8Array(0))).toBe('');
    expect(fromBase64('')).toEqual(new Uint8Array(0));
  });

  it('encodes a view of a larger buffer by its own bytes only', () => {
    const big = Uint8Array.from({ length: 10 }, (_, i) => i);
    expect(toBase64(big.subarray(2, 5))).toBe(Buffer.from([2, 3, 4]).toString('base64'));
    expect(toHex(big.subarray(2, 5))).toBe('020304');
  });

  it('refuses base64 that is not the one canonical standard encoding', () => {
    for (const bad of ['bjQL nP+z', 'bjQLnP-_', 'bjQ', 'bjQLnP+zepicpUTmu3gKLHiQHT+zNzh2hRGjBhevoB0', 'QQ=', 'QR==', '====', 'bjQL\n']) {
      expect(() => fromBase64(bad)).toThrow(RangeError);
    }
    expect(fromBase64('QQ==')).toEqual(Uint8Array.of(0x41));
  });

  it('round-trips hex and refuses malformed hex', () => {
    expect(toHex(fromHex('00ff10Ab'))).toBe('00ff10ab');
    for (const bad of ['0', 'zz', '0x00', 'ab c']) expect(() => fromHex(bad)).toThrow(RangeError);
  });
});
