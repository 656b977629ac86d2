import { describe, expect, it } from '@jest/globals';
import { ServiceUnavailableException } from '@nestjs/common';
import { readyWhen } from './readiness.js';

describe('readyWhen', () => {
  it('is ok when every check answers', async () => {
    await expect(readyWhen('down', [() => Promise.resolve('PONG'), () => Promise.resolve(1)])).resolves.toEqual({ status: 'ok' });
  });

  it('answers 503 with what cannot be reached when a check fails', async () => {
    const answer = readyWhen('The worker cannot reach its queue.', [() => Promise.resolve(1), () => Promise.reject(new Error('ECONNREFUSED'))]);
    await expect(answer).rejects.toBeInstanceOf(ServiceUnavailableException);
    await expect(answer).rejects.toThrow('The worker cannot reach its queue.');
  });

  it('answers 503 within about 2 s when a check hangs', async () => {
    const started = Date.now();
    await expect(readyWhen('hangs', [() => new Promise(() => undefined)])).rejects.toBeInstanceOf(ServiceUnavailableException);
    expect(Date.now() - started).toBeLessThan(3_000);
  });
});
