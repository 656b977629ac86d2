/**
 * A ledger writer to be killed: test/integration/ledger-crash.int-spec.ts starts it and SIGKILLs it
 * mid-batch. It keeps CONCURRENCY appends in flight and prints one line per acknowledged append,
 * `<index> <leaf hash, base64>`, only after the append's promise resolved (that is, after COMMIT), so
 * every printed line is a durability promise the test holds the database to.
 *
 * Usage: node ledger-append-child.js <database url> <run label>
 * Imports are relative (not #consent), so a copy compiled anywhere runs the current sources.
 */
import pg from 'pg';
import { LedgerAppender } from '../../libs/consent/src/ledger-store/ledger-appender.js';
import { canonicalJsonBytes } from '../../libs/consent/src/ledger/canonical-json.js';
import { toBase64 } from '../../libs/consent/src/ledger/hashing.js';

const CONCURRENCY = 64;

const [databaseUrl, run] = process.argv.slice(2);
if (databaseUrl === undefined || run === undefined) {
  process.stderr.write('usage: ledger-append-child <database url> <run label>\n');
  process.exit(2);
}

const pool = new pg.Pool({ connectionString: databaseUrl, max: 4 });
const appender = new LedgerAppender(pool);
let next = 0;

async function appendForever(): Promise<never> {
  for (;;) {
    const n = next;
    next += 1;
    const entry = await appender.append(canonicalJsonBytes({ type: 'consent.given', recordId: `${run}-${n}`, subject: `ps_${n}` }));
    // Writes to a pipe are synchronous on Linux: the line is out before the next append can start.
    process.stdout.write(`${entry.index} ${toBase64(entry.leafHash)}\n`);
  }
}

await Promise.all(Array.from({ length: CONCURRENCY }, () => appendForever()));
