import { ServiceUnavailableException } from '@nestjs/common';

const PROBE_TIMEOUT_MS = 2_000;

/**
 * A readiness answer: ok when every check answers within 2 s, else 503 with `message` (what the
 * service cannot reach). A probe must answer quickly, also when a dependency hangs rather than fails.
 */
export async function readyWhen(message: string, checks: readonly (() => Promise<unknown>)[]): Promise<{ status: 'ok' }> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('timeout')), PROBE_TIMEOUT_MS);
  });
  try {
    await Promise.race([Promise.all(checks.map((check) => check())), late]);
  } catch {
    throw new ServiceUnavailableException(message);
  } finally {
    clearTimeout(timer);
  }
  return { status: 'ok' };
}
