import { readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { withClient } from './demo-databases.js';
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

/**
 * Links each demo resident's pseudonym to their customer account, by SQL.
 *
 * This STANDS IN FOR ACCOUNT LINKING, which issue 5 builds through the gateway (the resident proves
 * they hold the account, the coordinator hands the node their pseudonym). Until then the demo writes
 * the rows that flow would leave behind. Returns how many claims each linked resident has here.
 */
export async function linkDemoResidents(params: {
  databaseUrl: string;
  creditorId: string;
  residents: readonly { resident: DemoResident; pseudonym: string }[];
}): Promise<Map<string, number>> {
  const claims = new Map<string, number>();
  await withClient(params.databaseUrl, async (db) => {
    for (const { resident, pseudonym } of params.residents) {
      const customerReference = resident.accounts[params.creditorId];
      if (customerReference === undefined) continue;
      const linked = await db.query<{ claims: string }>(
        `WITH customer AS (SELECT id FROM customers WHERE reference = $2),
              link AS (
                INSERT INTO account_links (pseudonym, customer_id)
                SELECT $1, id FROM customer
                ON CONFLICT (pseudonym, customer_id) DO NOTHING)
         SELECT count(c.id)::text AS claims FROM customer JOIN claims c ON c.customer_id = customer.id`,
        [pseudonym, customerReference],
      );
      claims.set(resident.residentId, Number(linked.rows[0]?.claims ?? 0));
    }
  });
  return claims;
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
