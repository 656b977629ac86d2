import { GatewayUnreachableError } from './gateway-client.js';

/** A signed receipt of one ledger entry, as the ledger gave it (JSON), for the resident to keep. */
export interface LedgerReceipt {
  readonly fileName: string;
  readonly body: string;
}

/**
 * The consent ledger's receipts (GET /ledger/v1/receipts/:index, with the person's access token): the
 * ledger decides whether this entry is theirs to see; the portal passes the answer on unchanged.
 */
export class LedgerReceipts {
  constructor(
    private readonly ledgerUrl: URL,
    private readonly timeoutMs: number,
  ) {}

  /** The receipt, or undefined when the ledger has none for this person at that index. */
  async fetch(index: number, accessToken: string): Promise<LedgerReceipt | undefined> {
    let response: Response;
    try {
      response = await fetch(new URL(`/ledger/v1/receipts/${String(index)}`, this.ledgerUrl), {
        headers: { authorization: `Bearer ${accessToken}`, accept: 'application/json' },
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      throw new GatewayUnreachableError(error);
    }
    if (response.status === 404 || response.status === 403) return undefined;
    if (!response.ok) throw new Error(`the ledger answered ${String(response.status)} for receipt ${String(index)}`);
    return { fileName: `samen-regelen-receipt-${String(index)}.json`, body: await response.text() };
  }
}
