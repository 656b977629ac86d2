import { describe, expect, it } from '@jest/globals';
import { consistencyRequest, entriesRange, entryIndex, inclusionRequest, LedgerRequestError } from './ledger-request.js';

function codeOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof LedgerRequestError) return error.code;
    throw error;
  }
  return 'accepted';
}

describe('ledger request parameters', () => {
  it.each(['', '-1', '1.5', '1e3', '0x10', ' 7', '07', '-0', 'abc', '9007199254740993', '12345678901234567'])(
    'refuses "%s" as an index with LEDGER_BAD_PARAMETER',
    (text) => {
      expect(codeOf(() => inclusionRequest({ index: text, treeSize: '10' }, 10))).toBe('LEDGER_BAD_PARAMETER');
    },
  );

  it('refuses missing and repeated parameters', () => {
    expect(codeOf(() => entriesRange({ start: '0' }, 10))).toBe('LEDGER_BAD_PARAMETER');
    expect(codeOf(() => entriesRange({ start: ['0', '1'], end: '2' }, 10))).toBe('LEDGER_BAD_PARAMETER');
  });

  it('pages entries within the tree and cuts an end past it', () => {
    expect(entriesRange({ start: '0', end: '5' }, 10)).toEqual({ start: 0, end: 5 });
    expect(entriesRange({ start: '8', end: '20' }, 10)).toEqual({ start: 8, end: 10 });
    expect(codeOf(() => entriesRange({ start: '10', end: '11' }, 10))).toBe('LEDGER_OUT_OF_RANGE');
    expect(codeOf(() => entriesRange({ start: '5', end: '5' }, 10))).toBe('LEDGER_OUT_OF_RANGE');
    expect(codeOf(() => entriesRange({ start: '0', end: '1001' }, 5000))).toBe('LEDGER_OUT_OF_RANGE');
    expect(entriesRange({ start: '0', end: '1000' }, 5000)).toEqual({ start: 0, end: 1000 });
  });

  it('refuses inclusion proofs outside the tree or beyond its size', () => {
    expect(inclusionRequest({ index: '9', treeSize: '10' }, 10)).toEqual({ index: 9, treeSize: 10 });
    expect(codeOf(() => inclusionRequest({ index: '10', treeSize: '10' }, 10))).toBe('LEDGER_OUT_OF_RANGE');
    expect(codeOf(() => inclusionRequest({ index: '0', treeSize: '11' }, 10))).toBe('LEDGER_SIZE_BEYOND_TREE');
    expect(codeOf(() => inclusionRequest({ index: '0', treeSize: '0' }, 10))).toBe('LEDGER_OUT_OF_RANGE');
  });

  it('refuses consistency proofs that go backwards or beyond the tree', () => {
    expect(consistencyRequest({ from: '3', to: '10' }, 10)).toEqual({ from: 3, to: 10 });
    expect(consistencyRequest({ from: '0', to: '0' }, 0)).toEqual({ from: 0, to: 0 });
    expect(codeOf(() => consistencyRequest({ from: '4', to: '3' }, 10))).toBe('LEDGER_OUT_OF_RANGE');
    expect(codeOf(() => consistencyRequest({ from: '1', to: '11' }, 10))).toBe('LEDGER_SIZE_BEYOND_TREE');
  });

  it('reads receipt indexes by the same rules', () => {
    expect(entryIndex('3', 4)).toBe(3);
    expect(codeOf(() => entryIndex('4', 4))).toBe('LEDGER_OUT_OF_RANGE');
    expect(codeOf(() => entryIndex('x', 4))).toBe('LEDGER_BAD_PARAMETER');
  });
});
