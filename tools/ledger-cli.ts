/**
 * `npm run -s ledger -- verify …`: LEDGER.md's verify tool. Prints exactly one JSON report on stdout
 * and exits 0 when it is ok, 1 when problems were found, 2 on a usage error (usage on stderr). All
 * checking lives in libs/consent; this file only parses arguments, reads and writes files, opens the
 * database and prints.
 */
import { readFile, rename, writeFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { JSONWebKeySet } from 'jose';
import pg from 'pg';
import { verifyConsentReceipt, verifyLedgerOverHttp, verifyOwnEntriesOverHttp, verifySignedLedgerDatabase } from '#consent';
import { readLedgerCliEnv, type LedgerCliEnv } from './ledger-cli-env.js';

const USAGE = `Usage:
  npm run -s ledger -- verify --url <base> [--token <bearer>] [--state <file>] [--origin <origin>]
      Fetch the checkpoint and every entry from the ledger API at <base>, recompute the root and check
      the signature against <base>/.well-known/jwks.json. The token (or LEDGER_TOKEN) must be an
      auditor's. With --state, the checkpoint kept in <file> by the previous run must be consistent
      with the new one (no fork, no rewrite); when all is well the new checkpoint replaces it.
  npm run -s ledger -- verify --url <base> --token <bearer> --mine [--creditor <id>] [--state <file>] [--origin <origin>]
      As a party that sees only the entries about itself (a creditor node with its node credential, a
      resident with their access token): check the signed checkpoint, that each entry served is a
      canonical event whose openings open its commitments (with --creditor, that the opening for <id>
      is there), and each entry's inclusion proof against the checkpoint. --state as above.
  npm run -s ledger -- verify --database <postgres url> [--origin <origin>]
      Recompute the ledger from its tables and check the newest signed checkpoint against the stored keys.
  npm run -s ledger -- verify --receipt <file> [--jwks <file or https url>] [--origin <origin>]
      Check a consent receipt offline. Give --jwks (the published /.well-known/jwks.json) to check it
      against keys you fetched yourself rather than the keys inside the receipt.
Prints one JSON report { "ok", "treeSize", "problems", … }; exit 0 ok, 1 problems found, 2 usage error.`;

const RECEIPT_KEYS_NOTE = 'checked against the keys inside the receipt; compare them with the published key set';

export interface LedgerCliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly env: LedgerCliEnv;
  /** For tests; the global fetch otherwise. */
  readonly fetch?: typeof fetch;
}

class UsageError extends Error {}

/** What every command prints; each adds its own fields (checkpoint, event, creditors, note). */
interface Report {
  readonly ok: boolean;
  readonly treeSize: number;
  readonly problems: readonly string[];
  readonly note?: string;
}

function problemReport(problem: string): Report {
  return { ok: false, treeSize: 0, problems: [problem] };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

const OPTIONS = {
  url: { type: 'string' },
  token: { type: 'string' },
  state: { type: 'string' },
  database: { type: 'string' },
  receipt: { type: 'string' },
  jwks: { type: 'string' },
  origin: { type: 'string' },
  mine: { type: 'boolean' },
  creditor: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

type Flag = Exclude<keyof typeof OPTIONS, 'help'>;

/** Which flags each way of verifying takes; any other flag is a usage error rather than ignored. */
const MODE_FLAGS: Readonly<Record<'url' | 'database' | 'receipt', readonly Flag[]>> = {
  url: ['url', 'token', 'state', 'origin', 'mine', 'creditor'],
  database: ['database', 'origin'],
  receipt: ['receipt', 'jwks', 'origin'],
};

type Command =
  | { readonly mode: 'help' }
  | {
      readonly mode: 'url';
      readonly url: string;
      readonly token?: string;
      readonly state?: string;
      readonly origin?: string;
      /** --mine: only the entries about the party whose credential this is, checked by inclusion proofs. */
      readonly mine?: { readonly token: string; readonly creditor?: string };
    }
  | { readonly mode: 'database'; readonly database: string; readonly origin?: string }
  | { readonly mode: 'receipt'; readonly receipt: string; readonly jwks?: string; readonly origin?: string };

function parseCommand(args: readonly string[], env: LedgerCliEnv): Command {
  let parsed: ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true; strict: true }>>;
  try {
    parsed = parseArgs({ args: [...args], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(messageOf(error));
  }
  const { values, positionals } = parsed;
  if (values.help === true) return { mode: 'help' };
  if (positionals.length !== 1 || positionals[0] !== 'verify') {
    throw new UsageError(positionals.length === 0 ? 'No command given.' : `Unknown command "${positionals.join(' ')}".`);
  }
  const given = (Object.keys(OPTIONS) as (keyof typeof OPTIONS)[]).filter((name): name is Flag => name !== 'help' && values[name] !== undefined);
  for (const name of given) {
    if (values[name] === '') throw new UsageError(`--${name} needs a value.`);
  }
  const modes = (['url', 'database', 'receipt'] as const).filter((mode) => values[mode] !== undefined);
  const [mode] = modes;
  if (mode === undefined || modes.length > 1) throw new UsageError('Give exactly one of --url, --database and --receipt.');
  const stray = given.find((name) => !MODE_FLAGS[mode].includes(name));
  if (stray !== undefined) throw new UsageError(`--${stray} does not go with --${mode}.`);
  const origin = values.origin === undefined ? {} : { origin: values.origin };
  switch (mode) {
    case 'url': {
      const token = values.token ?? env.token;
      if (values.creditor !== undefined && values.mine !== true) throw new UsageError('--creditor goes only with --mine.');
      let mine: { token: string; creditor?: string } | undefined;
      if (values.mine === true) {
        // A party's entries are read with the party's own credential; there is nothing to read without one.
        if (token === undefined) throw new UsageError('--mine needs --token (or LEDGER_TOKEN): the credential of the party whose entries to check.');
        mine = { token, ...(values.creditor === undefined ? {} : { creditor: values.creditor }) };
      }
      return {
        mode,
        url: values.url as string,
        ...(token === undefined ? {} : { token }),
        ...(values.state === undefined ? {} : { state: values.state }),
        ...origin,
        ...(mine === undefined ? {} : { mine }),
      };
    }
    case 'database':
      return { mode, database: values.database as string, ...origin };
    case 'receipt':
      return { mode, receipt: values.receipt as string, ...(values.jwks === undefined ? {} : { jwks: values.jwks }), ...origin };
  }
}

/** The checkpoint kept by the previous run, or undefined on the first run (no file yet). */
async function readState(file: string): Promise<string | undefined> {
  try {
    const text = (await readFile(file, 'utf8')).trim();
    return text === '' ? undefined : text;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** Replaces the state file in one step, so a crash never leaves half a checkpoint for the next run. */
async function writeState(file: string, checkpoint: string): Promise<void> {
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, `${checkpoint}\n`, 'utf8');
  await rename(temporary, file);
}

async function verifyUrl(command: Extract<Command, { mode: 'url' }>, io: LedgerCliIo): Promise<Report> {
  let previousCheckpoint: string | undefined;
  if (command.state !== undefined) {
    try {
      previousCheckpoint = await readState(command.state);
    } catch (error) {
      return problemReport(`the state file ${command.state} could not be read: ${messageOf(error)}`);
    }
  }
  const common = {
    baseUrl: command.url,
    ...(io.fetch === undefined ? {} : { fetch: io.fetch }),
    ...(previousCheckpoint === undefined ? {} : { previousCheckpoint }),
    ...(command.origin === undefined ? {} : { origin: command.origin }),
  };
  const { mine } = command;
  const report =
    mine === undefined
      ? await verifyLedgerOverHttp({ ...common, ...(command.token === undefined ? {} : { token: command.token }) })
      : await verifyOwnEntriesOverHttp({ ...common, token: mine.token, ...(mine.creditor === undefined ? {} : { creditorId: mine.creditor }) });
  // Only a checkpoint that passed every check may become the reference for the next run.
  if (command.state !== undefined && report.ok && report.checkpoint !== undefined) {
    try {
      await writeState(command.state, report.checkpoint);
    } catch (error) {
      return { ...report, ok: false, problems: [`the state file ${command.state} could not be written: ${messageOf(error)}`] };
    }
  }
  return report;
}

async function verifyDatabase(command: Extract<Command, { mode: 'database' }>): Promise<Report> {
  const pool = new pg.Pool({ connectionString: command.database, max: 2 });
  // An idle client losing its connection must not crash the tool; the query in flight reports it.
  pool.on('error', () => undefined);
  try {
    return await verifySignedLedgerDatabase({ pool, ...(command.origin === undefined ? {} : { origin: command.origin }) });
  } finally {
    await pool.end();
  }
}

async function readJson(source: string, io: LedgerCliIo): Promise<unknown> {
  if (/^https?:\/\//i.test(source)) {
    const response = await (io.fetch ?? globalThis.fetch)(source, { headers: { accept: 'application/json' } });
    if (!response.ok) throw new Error(`GET ${source} answered ${response.status}`);
    return JSON.parse(await response.text()) as unknown;
  }
  return JSON.parse(await readFile(source, 'utf8')) as unknown;
}

async function verifyReceiptFile(command: Extract<Command, { mode: 'receipt' }>, io: LedgerCliIo): Promise<Report> {
  let file: unknown;
  try {
    file = await readJson(command.receipt, io);
  } catch (error) {
    return problemReport(`the receipt ${command.receipt} could not be read as JSON: ${messageOf(error)}`);
  }
  let keySet: JSONWebKeySet | undefined;
  if (command.jwks !== undefined) {
    let jwks: unknown;
    try {
      jwks = await readJson(command.jwks, io);
    } catch (error) {
      return problemReport(`the key set ${command.jwks} could not be read as JSON: ${messageOf(error)}`);
    }
    if (typeof jwks !== 'object' || jwks === null || !Array.isArray((jwks as { keys?: unknown }).keys)) {
      return problemReport(`the key set ${command.jwks} is not a JWKS ({ "keys": [...] })`);
    }
    keySet = jwks as JSONWebKeySet;
  }
  const report = await verifyConsentReceipt({
    file,
    ...(keySet === undefined ? {} : { keySet }),
    ...(command.origin === undefined ? {} : { origin: command.origin }),
  });
  return keySet === undefined ? { ...report, note: RECEIPT_KEYS_NOTE } : { ...report };
}

/** Runs one invocation and returns its exit code; everything it prints goes through `io`. */
export async function runLedgerCli(args: readonly string[], io: LedgerCliIo): Promise<number> {
  let command: Command;
  try {
    command = parseCommand(args, io.env);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr(`${error.message}\n${USAGE}\n`);
    return 2;
  }
  let report: Report;
  switch (command.mode) {
    case 'help':
      io.stderr(`${USAGE}\n`);
      return 0;
    case 'url':
      report = await verifyUrl(command, io);
      break;
    case 'database':
      report = await verifyDatabase(command);
      break;
    case 'receipt':
      report = await verifyReceiptFile(command, io);
      break;
  }
  io.stdout(`${JSON.stringify(report, null, 2)}\n`);
  return report.ok ? 0 : 1;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  runLedgerCli(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    env: readLedgerCliEnv(),
  }).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      // Unreachable by design (every check reports); still one JSON report, as promised.
      process.stdout.write(`${JSON.stringify(problemReport(`the verification stopped unexpectedly: ${messageOf(error)}`), null, 2)}\n`);
      process.exitCode = 1;
    },
  );
}
