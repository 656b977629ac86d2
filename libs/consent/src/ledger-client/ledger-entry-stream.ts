import { CompactRange } from '../ledger/compact-range.js';
import { fromBase64, leafHash } from '../ledger/hashing.js';
import { parseLedgerEventLeaf } from '../ledger-events/ledger-event.js';

function missing(from: number, to: number): string {
  return from === to ? `entry ${from} is missing` : `entries ${from}..${to} are missing`;
}

/**
 * Takes the pages of `GET /ledger/v1/entries` in index order and folds their leaves into a compact
 * range, so the root of a log of any size is recomputed in O(log n) memory. Every entry must come
 * exactly once, in place: a gap, a duplicate or an entry outside its page is reported, and after a
 * gap the root is no longer computed (it could only differ, and saying so twice helps nobody).
 */
export class LedgerEntryStream {
  private readonly range = CompactRange.empty();
  /** The next index the stream expects. */
  private expected = 0;
  private complete = true;

  constructor(private readonly report: (problem: string) => void) {}

  /** One page answered for [start, end); `body` is the parsed JSON as the server sent it. */
  page(start: number, end: number, body: unknown): void {
    const entries = typeof body === 'object' && body !== null ? (body as { entries?: unknown }).entries : undefined;
    if (!Array.isArray(entries)) {
      this.report(`the page of entries ${start}..${end - 1} has no entries list`);
      this.gapTo(end);
      return;
    }
    for (const entry of entries as unknown[]) this.entry(start, end, entry);
    if (this.expected < end) {
      this.report(missing(this.expected, end - 1));
      this.gapTo(end);
    }
  }

  /** The recomputed root of [0, treeSize), or undefined when entries were missing or unreadable. */
  root(): Uint8Array | undefined {
    return this.complete ? this.range.root() : undefined;
  }

  private entry(start: number, end: number, entry: unknown): void {
    const { index, leaf } = typeof entry === 'object' && entry !== null ? (entry as { index?: unknown; leaf?: unknown }) : {};
    if (typeof index !== 'number' || !Number.isSafeInteger(index)) {
      this.report(`the page of entries ${start}..${end - 1} holds an entry without a valid index`);
      return;
    }
    if (index < start || index >= end) {
      this.report(`the page of entries ${start}..${end - 1} holds entry ${index}, outside the range asked for`);
      return;
    }
    if (index < this.expected) {
      this.report(`entry ${index} is duplicated or out of order`);
      return;
    }
    if (index > this.expected) {
      this.report(missing(this.expected, index - 1));
      this.complete = false;
    }
    this.expected = index + 1;
    let bytes: Uint8Array;
    try {
      if (typeof leaf !== 'string') throw new TypeError('no leaf');
      bytes = fromBase64(leaf);
    } catch {
      this.report(`entry ${index}: the leaf is not standard base64`);
      this.complete = false;
      return;
    }
    const event = parseLedgerEventLeaf(bytes);
    if (typeof event === 'string') this.report(`entry ${index}: ${event}`);
    if (this.complete) this.range.append(leafHash(bytes));
  }

  private gapTo(end: number): void {
    this.expected = end;
    this.complete = false;
  }
}
