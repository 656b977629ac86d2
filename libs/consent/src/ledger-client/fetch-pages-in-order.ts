import type { HttpGetResult } from './ledger-http-get.js';

/** LEDGER.md: at most 1000 entries per page. */
export const LEDGER_ENTRIES_PAGE_SIZE = 1000;
const DEFAULT_CONCURRENCY = 4;

/**
 * Fetches the pages of [0, treeSize) with up to `concurrency` requests in flight and hands them to
 * `onPage` strictly in order, one at a time. Returns the problem that stopped it (an HTTP failure), if any.
 */
export async function fetchPagesInOrder(params: {
  readonly treeSize: number;
  readonly concurrency: number | undefined;
  readonly get: (start: number, end: number, signal: AbortSignal) => Promise<HttpGetResult>;
  /** May be async (a page's entries checked against proofs); the next pages are fetched meanwhile. */
  readonly onPage: (start: number, end: number, body: unknown) => void | Promise<void>;
}): Promise<string | undefined> {
  const { treeSize } = params;
  const concurrency =
    params.concurrency !== undefined && Number.isSafeInteger(params.concurrency) && params.concurrency >= 1 ? params.concurrency : DEFAULT_CONCURRENCY;
  const abort = new AbortController();
  // getJson never rejects, so a page still queued when we stop cannot turn into an unhandled rejection.
  const inFlight: { readonly start: number; readonly end: number; readonly result: Promise<HttpGetResult> }[] = [];
  let nextStart = 0;
  const launch = (): void => {
    const start = nextStart;
    const end = Math.min(start + LEDGER_ENTRIES_PAGE_SIZE, treeSize);
    inFlight.push({ start, end, result: params.get(start, end, abort.signal) });
    nextStart = end;
  };
  try {
    while (inFlight.length < concurrency && nextStart < treeSize) launch();
    for (let page = inFlight.shift(); page !== undefined; page = inFlight.shift()) {
      const result = await page.result;
      if (!result.ok) return result.problem;
      if (nextStart < treeSize) launch();
      await params.onPage(page.start, page.end, result.body);
    }
    return undefined;
  } finally {
    // Whether stopped by a failure or by onPage throwing, no page is left downloading for nobody.
    abort.abort();
  }
}
