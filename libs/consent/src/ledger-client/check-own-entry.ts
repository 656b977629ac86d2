import { fromBase64 } from '../ledger/hashing.js';
import { parseLedgerEventLeaf } from '../ledger-events/ledger-event.js';
import { opensCommitment, type PartyOpening } from '../ledger-events/party-commitment.js';

function isOpening(value: unknown): value is PartyOpening {
  if (typeof value !== 'object' || value === null) return false;
  const { creditorId, nonce } = value as { creditorId?: unknown; nonce?: unknown };
  return typeof creditorId === 'string' && typeof nonce === 'string';
}

/**
 * What a party can check of one served entry without the rest of the log: the leaf is a canonical v1
 * event, every opening served with it opens one of the event's creditor commitments (so the server
 * cannot attach the entry to a creditor it does not name), and, for a creditor node, that its own
 * opening is there (an entry served to it that it cannot open does not show it concerns it).
 * Returns the leaf bytes for the inclusion proof, when they decode, and the problems found.
 */
export function checkOwnEntry(params: {
  readonly index: number;
  readonly leaf: unknown;
  readonly openings: unknown;
  readonly creditorId?: string;
}): { readonly leaf?: Uint8Array; readonly problems: readonly string[] } {
  const { index, creditorId } = params;
  const problems: string[] = [];
  let leaf: Uint8Array | undefined;
  try {
    if (typeof params.leaf !== 'string') throw new TypeError('no leaf');
    leaf = fromBase64(params.leaf);
  } catch {
    problems.push(`entry ${index}: the leaf is not standard base64`);
  }
  const event = leaf === undefined ? undefined : parseLedgerEventLeaf(leaf);
  if (typeof event === 'string') problems.push(`entry ${index}: ${event}`);

  const openings: PartyOpening[] = [];
  if (!Array.isArray(params.openings)) {
    problems.push(`entry ${index}: it comes without a list of openings`);
  } else {
    (params.openings as unknown[]).forEach((opening, n) => {
      if (isOpening(opening)) openings.push(opening);
      else problems.push(`entry ${index}: opening ${n} is not { creditorId, nonce }`);
    });
  }
  // Without a readable event there are no commitments to open; the leaf's problem says enough.
  if (event !== undefined && typeof event !== 'string') {
    for (const opening of openings) {
      if (!opensCommitment(opening, event.creditors)) {
        problems.push(`entry ${index}: the opening for creditor "${opening.creditorId}" does not open any creditor commitment of the event`);
      }
    }
  }
  if (creditorId !== undefined && !openings.some((opening) => opening.creditorId === creditorId)) {
    problems.push(`entry ${index}: it comes without an opening for creditor "${creditorId}", so nothing shows the event concerns it`);
  }
  return { ...(leaf === undefined ? {} : { leaf }), problems };
}
