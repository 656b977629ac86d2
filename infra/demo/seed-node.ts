import { readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { withClient } from './demo-databases.js';
import type { CoordinatorSession } from './coordinator-sessions.js';
import { nodeUrl, type DemoNode, type DemoResident } from './demo-nodes.js';

export interface ImportCounts {
  readonly created: number;
  readonly updated: number;
  readonly unchanged: number;
}

/**
 * Uploads infra/demo/seed/<creditor-id>.csv through the node's real CSV import endpoint, as a staff
 * member would, so the demo runs the same validation and audit trail as production imports.
 */
export async function uploadSeedCsv(params: { node: DemoNode; seedDir: string; staffToken: string }): Promise<ImportCounts> {
  const file = join(params.seedDir, `${params.node.creditorId}.csv`);
  const response = await fetch(`${nodeUrl(params.node)}/backoffice/claims/import`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${params.staffToken}`,
      'content-type': 'text/csv; charset=utf-8',
      'x-file-name': basename(file),
    },
    body: await readFile(file),
  });
  const body: unknown = await response.json();
  if (response.status !== 200 || !isImportCounts(body)) {
    throw new Error(`${params.node.creditorId} refused ${basename(file)} (HTTP ${response.status}): ${describeRefusal(body)}`);
  }
  return body;
}

/** What a creditor's letter tells a resident: what to type to link the account (the node checks it). */
export interface LinkLetter {
  /** The customer number (the creditor's `customer_id`). */
  readonly reference: string;
  /** As the node holds it: `3511 AB`. */
  readonly postcode: string;
  /** YYYY-MM-DD; undefined when the creditor holds none (then none is asked). */
  readonly birthDate: string | undefined;
  /** The resident's claims at this creditor. */
  readonly claims: number;
}

/**
 * What each demo resident's letter from this creditor would say, read from the node's seed data (the
 * demo has no letters to read): resident id → letter. A resident with no account here is left out, and
 * so is one whose account is missing from data kept from an older run.
 */
export async function readLetters(databaseUrl: string, residents: readonly DemoResident[], creditorId: string): Promise<Map<string, LinkLetter>> {
  const letters = new Map<string, LinkLetter>();
  await withClient(databaseUrl, async (db) => {
    for (const resident of residents) {
      const reference = resident.accounts[creditorId];
      if (reference === undefined) continue;
      const { rows } = await db.query<{ postcode: string; birth_date: string | null; claims: string }>(
        `SELECT cu.postcode, to_char(cu.birth_date, 'YYYY-MM-DD') AS birth_date, count(c.id)::text AS claims
           FROM customers cu LEFT JOIN claims c ON c.customer_id = cu.id
          WHERE cu.reference = $1 GROUP BY cu.id`,
        [reference],
      );
      const row = rows[0];
      if (row === undefined) continue;
      letters.set(resident.residentId, { reference, postcode: row.postcode, birthDate: row.birth_date ?? undefined, claims: Number(row.claims) });
    }
  });
  return letters;
}

/**
 * Links a demo resident's account at this creditor the real way: through the coordinator's
 * `linkAccount`, with the customer number, postcode and birth date from the creditor's letter, which
 * the node checks before it stores the resident's pseudonym.
 */
export async function linkDemoResident(params: { creditorId: string; residentId: string; letter: LinkLetter; session: CoordinatorSession }): Promise<void> {
  const { letter } = params;
  const { linkAccount } = await params.session.graphql<{ linkAccount: { linked: boolean; message: string } }>(
    'mutation ($input: LinkAccountInput!) { linkAccount(input: $input) { linked message } }',
    { input: { creditorId: params.creditorId, reference: letter.reference, postcode: letter.postcode, ...(letter.birthDate === undefined ? {} : { birthDate: letter.birthDate }) } },
  );
  if (!linkAccount.linked) throw new Error(`${params.residentId} could not link ${letter.reference} at ${params.creditorId}: ${linkAccount.message}`);
}

export async function countClaims(databaseUrl: string): Promise<number> {
  return withClient(databaseUrl, async (db) => {
    // The table exists once the node has run its migrations, which it does before it reports ready.
    const result = await db.query<{ n: string }>('SELECT count(*)::text AS n FROM claims');
    return Number(result.rows[0]?.n ?? 0);
  });
}

function isImportCounts(value: unknown): value is ImportCounts {
  if (typeof value !== 'object' || value === null) return false;
  const counts = value as Record<string, unknown>;
  return ['created', 'updated', 'unchanged'].every((key) => typeof counts[key] === 'number');
}

/** The node's 422 lists every bad row; show the first few. */
function describeRefusal(body: unknown): string {
  const error = (body as { error?: { message?: unknown; rows?: unknown } } | null)?.error;
  if (error === undefined) return JSON.stringify(body);
  const rows = Array.isArray(error.rows) ? (error.rows as { row?: unknown; field?: unknown; message?: unknown }[]) : [];
  const details = rows.slice(0, 10).map((r) => `\n    line ${String(r.row)} ${String(r.field)}: ${String(r.message)}`);
  return `${String(error.message)}${details.join('')}`;
}
