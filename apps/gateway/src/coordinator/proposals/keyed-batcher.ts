import { setImmediate as nextTurn } from 'node:timers/promises';

interface Pending<T, R> {
  readonly item: T;
  readonly resolve: (result: R) => void;
  readonly reject: (error: Error) => void;
}

/**
 * Hands work over in batches per key (here: per creditor node). What is submitted for a key in the
 * same turn of the event loop, or while that key's previous batch is under way, goes in the next
 * batch. Nothing waits on a timer, so a lone item goes at once; under load batches grow by themselves.
 * Each item keeps its own outcome: `run` answers a result or an Error per item, in order, and a
 * failure of the whole batch fails each of its items.
 */
export class KeyedBatcher<T, R> {
  private readonly queues = new Map<string, { items: Pending<T, R>[]; running: boolean }>();

  constructor(
    private readonly run: (key: string, items: readonly T[]) => Promise<readonly (R | Error)[]>,
    private readonly maxBatch: number,
  ) {}

  submit(key: string, item: T): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      let queue = this.queues.get(key);
      if (queue === undefined) {
        queue = { items: [], running: false };
        this.queues.set(key, queue);
      }
      queue.items.push({ item, resolve, reject });
      if (!queue.running) void this.drain(key, queue);
    });
  }

  private async drain(key: string, queue: { items: Pending<T, R>[]; running: boolean }): Promise<void> {
    queue.running = true;
    try {
      await nextTurn();
      while (queue.items.length > 0) {
        const batch = queue.items.splice(0, this.maxBatch);
        let results: readonly (R | Error)[];
        try {
          results = await this.run(key, batch.map((pending) => pending.item));
        } catch (error) {
          const failure = error instanceof Error ? error : new Error(String(error));
          results = batch.map(() => failure);
        }
        batch.forEach((pending, index) => {
          const result = results[index];
          if (result instanceof Error) pending.reject(result);
          else if (result === undefined) pending.reject(new Error('no result for this item'));
          else pending.resolve(result);
        });
      }
    } finally {
      // The loop ends only when the queue is empty, and nothing can be added between that check and here.
      queue.running = false;
      this.queues.delete(key);
    }
  }
}
