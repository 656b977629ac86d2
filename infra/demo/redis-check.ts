import { Redis } from 'ioredis';
import { DemoSetupError, redact } from './demo-databases.js';

const CONNECT_TIMEOUT_MS = 2_000;

/**
 * The coordinator's delivery queue, its worker and the portal's sessions need Redis; without it they
 * would start and then fail one by one, far down the log. So the demo asks first, once (no retries),
 * and stops with one line on what to do.
 */
export async function assertRedisAnswers(url: string): Promise<void> {
  const problem = await pingRedis(url);
  if (problem === null) return;
  throw new DemoSetupError(
    `Redis does not answer at ${redact(url)} (${problem}): start it with "redis-server --daemonize yes" ` +
      '(Debian: apt-get install redis-server) or set DEMO_REDIS_URL.',
  );
}

/** null when Redis answers PING, otherwise why not. */
async function pingRedis(url: string): Promise<string | null> {
  let redis: Redis;
  try {
    redis = new Redis(url, {
      lazyConnect: true,
      connectTimeout: CONNECT_TIMEOUT_MS,
      maxRetriesPerRequest: 0,
      retryStrategy: () => null,
      enableOfflineQueue: false,
    });
  } catch (error) {
    return describe(error);
  }
  // The cause (ECONNREFUSED, say) comes as an event; connect() then only fails with "Connection is
  // closed". Listening also keeps ioredis from printing it as unhandled.
  let cause: unknown;
  redis.on('error', (error: unknown) => {
    cause ??= error;
  });
  try {
    await redis.connect();
    await redis.ping();
    return null;
  } catch (error) {
    return describe(cause ?? error);
  } finally {
    redis.disconnect();
  }
}

function describe(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message === '' ? 'no answer' : message;
}
