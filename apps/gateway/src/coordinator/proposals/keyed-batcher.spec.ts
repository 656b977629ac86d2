import { describe, expect, it } from '@jest/globals';
import { KeyedBatcher } from './keyed-batcher.js';

describe('KeyedBatcher', () => {
  it('batches what is submitted for a key at the same moment, and each item keeps its own outcome', async () => {
    const calls: [string, number[]][] = [];
    const batcher = new KeyedBatcher<number, string>(async (key, items) => {
      calls.push([key, [...items]]);
      return items.map((n) => (n < 0 ? new Error(`bad ${n}`) : `${key}:${n}`));
    }, 10);
    const results = await Promise.allSettled([batcher.submit('a', 1), batcher.submit('b', 2), batcher.submit('a', -3), batcher.submit('a', 4)]);
    expect(calls).toEqual([
      ['a', [1, -3, 4]],
      ['b', [2]],
    ]);
    expect(results.map((r) => (r.status === 'fulfilled' ? r.value : (r.reason as Error).message))).toEqual(['a:1', 'b:2', 'bad -3', 'a:4']);
  });

  it('sends what arrives during a batch in the next one, and never more than the maximum at once', async () => {
    const sizes: number[] = [];
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const batcher = new KeyedBatcher<number, number>(async (_key, items) => {
      sizes.push(items.length);
      if (sizes.length === 1) await gate;
      return items;
    }, 3);
    const first = batcher.submit('n', 0);
    await new Promise((resolve) => setImmediate(resolve));
    const later = [1, 2, 3, 4, 5].map((n) => batcher.submit('n', n));
    release();
    expect(await Promise.all([first, ...later])).toEqual([0, 1, 2, 3, 4, 5]);
    expect(sizes).toEqual([1, 3, 2]);
  });

  it('fails every item of a batch whose run throws, and goes on with the next', async () => {
    let calls = 0;
    const batcher = new KeyedBatcher<number, number>(async (_key, items) => {
      calls += 1;
      if (calls === 1) throw new Error('node down');
      return items;
    }, 5);
    await expect(Promise.all([batcher.submit('n', 1), batcher.submit('n', 2)])).rejects.toThrow('node down');
    expect(await batcher.submit('n', 3)).toBe(3);
  });
});
