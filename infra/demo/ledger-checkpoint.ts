import { decodeJwt } from 'jose';
import { COORDINATOR_CHECKPOINT_URL, COORDINATOR_URL } from './demo-nodes.js';

/**
 * Waits until the ledger's public checkpoint covers every entry written so far. The coordinator signs
 * checkpoints on a schedule, so right after the demo gives its consents the newest one may still be
 * the empty ledger's; waiting makes the summary's `curl …/checkpoint` show what was just done.
 * false when it did not catch up in time (the demo goes on; the next checkpoint will).
 */
export async function waitForCurrentCheckpoint(timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  // Readiness reports the ledger head's size; the checkpoint's payload carries the size it signs.
  const { treeSize } = await getJson<{ treeSize: number }>(`${COORDINATOR_URL}/health/ready`);
  for (;;) {
    const { checkpoint } = await getJson<{ checkpoint: string }>(COORDINATOR_CHECKPOINT_URL);
    if (Number(decodeJwt(checkpoint)['treeSize']) >= treeSize) return true;
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

async function getJson<T>(url: string): Promise<T> {
  const response = await fetch(url, { signal: AbortSignal.timeout(5_000) });
  if (!response.ok) throw new Error(`GET ${url} answered HTTP ${response.status}.`);
  return (await response.json()) as T;
}
