import { LedgerErrorCode } from '#contracts';

/** At most this many entries per page (LEDGER.md). */
export const MAX_ENTRIES_PER_PAGE = 1000;

/** A refusal of the ledger HTTP API: 400 with `{ error: { code, message } }`. */
export class LedgerRequestError extends Error {
  constructor(
    readonly code: LedgerErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'LedgerRequestError';
  }
}

type Query = Readonly<Record<string, unknown>>;

/**
 * A 0-based index or size: digits only, no sign, no leading zeros, no exponent, within 2^53. Query
 * strings are text, and "1e3", "0x10", " 7" or "-0" must never slip through as numbers.
 */
function nonNegativeInteger(query: Query, name: string): number {
  const value = query[name];
  if (value === undefined) throw new LedgerRequestError(LedgerErrorCode.LEDGER_BAD_PARAMETER, `The parameter "${name}" is missing.`);
  if (typeof value !== 'string' || !/^(0|[1-9][0-9]{0,15})$/.test(value) || !Number.isSafeInteger(Number(value))) {
    throw new LedgerRequestError(LedgerErrorCode.LEDGER_BAD_PARAMETER, `The parameter "${name}" must be a non-negative whole number.`);
  }
  return Number(value);
}

function beyondTree(name: string, value: number, treeSize: number): LedgerRequestError {
  return new LedgerRequestError(LedgerErrorCode.LEDGER_SIZE_BEYOND_TREE, `${name} ${value} is beyond the tree, which has ${treeSize} entries.`);
}

/** `start` and `end` (exclusive) of an entries page. An end past the tree is cut to the tree, as in CT. */
export function entriesRange(query: Query, treeSize: number): { readonly start: number; readonly end: number } {
  const start = nonNegativeInteger(query, 'start');
  const end = nonNegativeInteger(query, 'end');
  if (end <= start) throw new LedgerRequestError(LedgerErrorCode.LEDGER_OUT_OF_RANGE, 'end must be greater than start (end is exclusive).');
  if (end - start > MAX_ENTRIES_PER_PAGE) {
    throw new LedgerRequestError(LedgerErrorCode.LEDGER_OUT_OF_RANGE, `Ask for at most ${MAX_ENTRIES_PER_PAGE} entries at a time.`);
  }
  if (start >= treeSize) {
    throw new LedgerRequestError(LedgerErrorCode.LEDGER_OUT_OF_RANGE, `start ${start} is outside the tree, which has ${treeSize} entries.`);
  }
  return { start, end: Math.min(end, treeSize) };
}

export function inclusionRequest(query: Query, treeSize: number): { readonly index: number; readonly treeSize: number } {
  const index = nonNegativeInteger(query, 'index');
  const size = nonNegativeInteger(query, 'treeSize');
  if (size > treeSize) throw beyondTree('treeSize', size, treeSize);
  if (index >= size) throw new LedgerRequestError(LedgerErrorCode.LEDGER_OUT_OF_RANGE, `index ${index} is not in a tree of ${size} entries.`);
  return { index, treeSize: size };
}

export function consistencyRequest(query: Query, treeSize: number): { readonly from: number; readonly to: number } {
  const from = nonNegativeInteger(query, 'from');
  const to = nonNegativeInteger(query, 'to');
  if (to > treeSize) throw beyondTree('to', to, treeSize);
  if (from > to) throw new LedgerRequestError(LedgerErrorCode.LEDGER_OUT_OF_RANGE, `from ${from} is larger than to ${to}.`);
  return { from, to };
}

/** The index in a receipt path: the same rules as any other index. */
export function entryIndex(value: string, treeSize: number): number {
  const index = nonNegativeInteger({ index: value }, 'index');
  if (index >= treeSize) throw new LedgerRequestError(LedgerErrorCode.LEDGER_OUT_OF_RANGE, `index ${index} is outside the tree, which has ${treeSize} entries.`);
  return index;
}
