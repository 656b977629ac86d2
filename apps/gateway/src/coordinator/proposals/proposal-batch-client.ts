import { NODE_PROPOSAL_BATCH_PATH } from '#contracts';
import { correlationHeaders } from '#service-kit';

const REQUEST_TIMEOUT_MS = 5_000;
/** Stays well inside a node's 1 MB body limit, however long the plans in the tokens. */
const MAX_REQUEST_BYTES = 600_000;

/**
 * Posts several proposal tokens to one node (`POST /proposals/v1/batch`) and gives each its outcome,
 * in order: delivered (the node holds it), or an Error saying what the node answered. A fault of the
 * whole request (the node is down, a 5xx, a malformed answer) is thrown, failing every token in it.
 */
export async function postProposalBatch(nodeOrigin: string, tokens: readonly string[]): Promise<(true | Error)[]> {
  const outcomes: (true | Error)[] = [];
  for (const chunk of bySize(tokens)) outcomes.push(...(await postChunk(nodeOrigin, chunk)));
  return outcomes;
}

function bySize(tokens: readonly string[]): string[][] {
  const chunks: string[][] = [];
  let bytes = 0;
  for (const token of tokens) {
    const last = chunks.at(-1);
    if (last === undefined || bytes + token.length > MAX_REQUEST_BYTES) {
      chunks.push([token]);
      bytes = token.length;
    } else {
      last.push(token);
      bytes += token.length;
    }
  }
  return chunks;
}

async function postChunk(nodeOrigin: string, tokens: readonly string[]): Promise<(true | Error)[]> {
  const response = await fetch(new URL(NODE_PROPOSAL_BATCH_PATH, nodeOrigin), {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...correlationHeaders() },
    body: JSON.stringify({ proposals: tokens }),
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  const body = (await response.json().catch(() => ({}))) as { receipts?: { status?: number; error?: { code?: string } }[]; error?: { code?: string } };
  if (!response.ok || !Array.isArray(body.receipts) || body.receipts.length !== tokens.length) {
    throw new Error(`the node answered ${response.status} ${body.error?.code ?? ''}`.trim());
  }
  return body.receipts.map((receipt) => {
    const status = receipt.status ?? 0;
    return status >= 200 && status < 300 ? true : new Error(`the node answered ${status} ${receipt.error?.code ?? ''}`.trim());
  });
}
