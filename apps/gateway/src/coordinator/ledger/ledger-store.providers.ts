import type { Pool } from 'pg';
import { LedgerAppender, LedgerCheckpointStore, LedgerReader, LedgerSigningKeyStore } from '#consent';
import { PG_POOL } from '../database/database.module.js';

type LedgerStore = typeof LedgerAppender | typeof LedgerReader | typeof LedgerCheckpointStore | typeof LedgerSigningKeyStore;

/** A ledger store over the coordinator's pool; one of each per process, so group commit works. */
export function ledgerStoreProvider(store: LedgerStore) {
  return { provide: store, inject: [PG_POOL], useFactory: (pool: Pool) => new store(pool) };
}

export const LEDGER_STORE_PROVIDERS = [LedgerAppender, LedgerReader, LedgerCheckpointStore, LedgerSigningKeyStore].map(ledgerStoreProvider);
